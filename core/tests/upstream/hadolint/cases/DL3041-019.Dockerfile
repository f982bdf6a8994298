RUN dnf install -y gcc-c++-1.1.1
