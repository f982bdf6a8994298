FROM golang:1.9.3-alpine3.7 AS build
ONBUILD RUN foo
FROM build as unit-test
ONBUILD RUN bar
FROM alpine:3.7
ONBUILD RUN baz

