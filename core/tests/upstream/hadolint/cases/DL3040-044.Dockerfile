ONBUILD RUN dnf -y up
