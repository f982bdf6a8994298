RUN dnf -y reinstall && dnf clean all
