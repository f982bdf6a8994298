ONBUILD RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb
