RUN dnf -y upgrade-minimal && dnf clean all
