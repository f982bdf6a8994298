FROM --platform=${TARGETPLATFORM} alpine:3.24
