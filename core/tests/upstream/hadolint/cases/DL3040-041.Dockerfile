RUN dnf -y upgrade
