ONBUILD RUN dnf in -y mariadb-10.4 && rm -rf /var/cache/yum/*
