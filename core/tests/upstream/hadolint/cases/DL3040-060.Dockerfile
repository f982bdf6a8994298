RUN dnf -y rei && dnf clean all
