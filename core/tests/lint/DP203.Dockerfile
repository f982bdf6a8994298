### catches: update and installs in separate RUNs
FROM debian:12-slim
RUN apt-get update
RUN apt-get install -y curl
RUN apt-get install -y git
COPY . /app
### catches: two apk adds
FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --no-cache git
### passes: one RUN
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl git
### passes: different work in consecutive RUNs
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl
RUN curl -fsSL https://example.com/install.sh | sh
### passes: RUNs with mounts are not merged
FROM debian:12-slim
RUN --mount=type=cache,target=/var/cache/apt apt-get update
RUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl
