ONBUILD RUN \
  --mount=type=tmpfs,target=/var/cache/apt \
  --mount=type=cache,target=/var/lib/apt \
  apt-get update

