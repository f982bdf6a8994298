RUN notdnf install mariadb
