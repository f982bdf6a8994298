ONBUILD RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar
