ONBUILD RUN \
  --mount=type=cache,target=/var/cache/apt \
  --mount=type=tmpfs,target=/var/lib/apt \
  apt-get update

