ONBUILD RUN rm -f /etc/apt/apt.conf.d/docker-clean
ONBUILD RUN --mount=type=cache,target=/var/lib/apt \
    apt-get update && apt-get install python

