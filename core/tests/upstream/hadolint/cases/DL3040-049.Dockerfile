RUN dnf -y upgrade-minimal
