RUN notdnf install httpd
