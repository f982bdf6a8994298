FROM fedora:fc42 AS build
ENV version=2.51.0-2.fc42
FROM fedora:fc42
RUN dnf -y install git-core-${version}

