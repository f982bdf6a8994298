ONBUILD RUN dnf -y upgrade
