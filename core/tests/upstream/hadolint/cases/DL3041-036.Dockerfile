RUN dnf -y group install "Development Tools"
