RUN dnf -y up
