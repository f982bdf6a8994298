RUN --mount=type=cache,target=/var/lib/apt \    --mount=type=cache,target=/var/cache/apt \    rm -f /etc/apt/apt.conf.d/docker-clean && \    apt-get update && apt-get install python
