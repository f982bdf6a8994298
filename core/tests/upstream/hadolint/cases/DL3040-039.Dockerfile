ONBUILD RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y mariadb-10.4
