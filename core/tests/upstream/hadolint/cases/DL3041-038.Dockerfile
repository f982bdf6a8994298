RUN dnf group install -y "Development Tools" && dnf clean all
