RUN yum install -y gcc-c++-1.1.1
