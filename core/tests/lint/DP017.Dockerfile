### catches: a constant platform
FROM --platform=linux/amd64 golang:1.23 AS build
### passes: the stage name says it is platform-specific
FROM --platform=linux/arm64 alpine:3.20 AS base-arm64
FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-tools
### passes: a variable
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM alpine:3.20
COPY --from=build /out /out
