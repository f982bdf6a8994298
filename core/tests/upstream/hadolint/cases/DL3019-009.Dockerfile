RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0
