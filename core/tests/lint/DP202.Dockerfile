### catches: apt lists removed one RUN later
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
### catches: yum clean in a later layer
FROM rockylinux:9
RUN yum install -y httpd
RUN yum clean all
### passes: cleaned in the same RUN
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
### passes: the cache lives in a cache mount, not in a layer
FROM debian:12-slim
RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \
    apt-get update && apt-get install -y curl
RUN apt-get clean
### passes: apk add --no-cache leaves no cache behind
FROM alpine:3.20
RUN apk add --no-cache curl
RUN rm -rf /var/cache/apk/*
### catches: apt-get update alone in a layer, cleaned in the next one
FROM debian:12-slim
RUN apt-get update
RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*
