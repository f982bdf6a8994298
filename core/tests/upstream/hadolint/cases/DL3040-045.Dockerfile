RUN dnf -y install
