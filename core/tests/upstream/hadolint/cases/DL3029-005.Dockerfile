FROM --platform=${BUILDPLATFORM} debian:jessie
