ONBUILD RUN yum install -y openssl-1:1.1.1k
