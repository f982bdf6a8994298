ONBUILD RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0
