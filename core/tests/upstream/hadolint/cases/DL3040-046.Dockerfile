RUN dnf -y in
