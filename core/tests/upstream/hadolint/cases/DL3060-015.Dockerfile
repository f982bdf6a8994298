ONBUILD RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar
