RUN dnf -y up-min && dnf clean all
