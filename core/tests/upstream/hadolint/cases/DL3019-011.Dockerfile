RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0
