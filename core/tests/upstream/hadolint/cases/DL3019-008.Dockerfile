ONBUILD RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0
