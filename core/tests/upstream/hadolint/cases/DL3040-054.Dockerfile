RUN dnf -y in && dnf clean all
