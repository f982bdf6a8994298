### catches: an ARG without a default makes the image name invalid
ARG TAG
FROM alpine:${TAG}
### catches: an empty default
ARG IMAGE=""
FROM ${IMAGE}
### passes: valid defaults, nested defaults, and build args do not matter
#> arg TAG=
ARG TAG=3.20
ARG REGISTRY=docker.io
ARG IMAGE=${REGISTRY}/library/alpine
FROM ${IMAGE}:${TAG}
FROM alpine:${TAG:-3.20}
