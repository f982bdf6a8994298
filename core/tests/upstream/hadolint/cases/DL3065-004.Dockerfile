FROM --platform=foobar/arm64 alpine:3.24
