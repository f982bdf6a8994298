ONBUILD RUN notdnf install httpd
