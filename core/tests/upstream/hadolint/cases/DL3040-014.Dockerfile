ONBUILD RUN notdnf install mariadb
