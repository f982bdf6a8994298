RUN dnf -y up && dnf clean all
