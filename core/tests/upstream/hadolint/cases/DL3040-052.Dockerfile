RUN dnf -y rei
