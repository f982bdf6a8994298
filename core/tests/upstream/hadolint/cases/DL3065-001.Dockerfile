FROM alpine:3.24
