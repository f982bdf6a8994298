ENV version=2.51.0-2.fc42
RUN yum -y install git-core-${version}

