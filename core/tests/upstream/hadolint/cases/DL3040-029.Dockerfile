RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4
