RUN rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.4
