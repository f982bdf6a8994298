RUN dnf -y up-min
