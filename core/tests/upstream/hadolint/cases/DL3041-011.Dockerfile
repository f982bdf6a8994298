RUN notdnf install openssl-1:1.1.1k
