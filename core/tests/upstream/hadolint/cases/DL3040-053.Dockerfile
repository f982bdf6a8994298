RUN dnf -y install && dnf clean all
