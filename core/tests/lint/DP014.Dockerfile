### catches: --platform=$TARGETPLATFORM
FROM --platform=$TARGETPLATFORM alpine:3.20
### catches: --platform=${TARGETPLATFORM}
FROM --platform=${TARGETPLATFORM} alpine:3.20 AS base
### passes: BUILDPLATFORM picks something else
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM alpine:3.20
