FROM --platform=$TARGETPLATFORM debian:jessie
