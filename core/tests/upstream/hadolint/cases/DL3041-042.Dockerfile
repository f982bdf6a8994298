ARG version=2.51.0-2.fc42
RUN dnf -y install git-core-$version

