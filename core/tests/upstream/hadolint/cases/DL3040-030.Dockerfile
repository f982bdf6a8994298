RUN --mount=type=cache,target=/var/cache/libdnf5 dnf in -y mariadb-10.4
