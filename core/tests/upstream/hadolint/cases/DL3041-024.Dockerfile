RUN microdnf install -y openssl-1:1.1.1k
