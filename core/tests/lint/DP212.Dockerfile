### catches: pip and npm installs without cache mounts
#> all-stages
FROM python:3.12-slim
RUN pip install -r requirements.txt
FROM node:22-slim
RUN npm ci
### passes: cache mounts hold the download caches
FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
FROM node:22-slim
RUN --mount=type=cache,target=/root/.npm npm ci
### passes: no install
FROM alpine:3.20
RUN echo hello
### passes: installs that opt out of caching
#> all-stages
FROM alpine:3.20
RUN apk add --no-cache curl
RUN pip install --no-cache-dir flask
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
