ONBUILD RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4
