FROM fedora:fc42 AS build
ARG version=2.51.0-2.fc42
FROM fedora:fc42
RUN yum -y install git-core-${version}

