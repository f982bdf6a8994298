ONBUILD RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb
