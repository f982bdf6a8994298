### catches: the latest tag
FROM node:latest
### passes: a version tag, or latest pinned by digest
FROM node:22-slim AS a
FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
COPY --from=a / /a
### catches: latest in a stage the target does not build (marked so)
FROM node:latest AS unused
FROM node:22-slim
