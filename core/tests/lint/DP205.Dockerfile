### catches: no tag
FROM ubuntu
RUN echo hi
### catches: a registry image without a tag
FROM ghcr.io/acme/base AS base
FROM base
### passes: tagged, digest-pinned, scratch, stage references, variables
ARG BASE=alpine:3.20
FROM alpine:3.20 AS a
FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS b
FROM scratch AS c
FROM a AS d
FROM ${BASE}
COPY --from=b / /b
COPY --from=c / /c
COPY --from=d / /d
