RUN dnf -y reinstall
