### catches: a description that does not start with the name
# compiles the server
FROM golang:1.23 AS build
# the version to build
ARG VERSION=1
### passes: descriptions that start with the name
# build compiles the server
FROM golang:1.23 AS build
# VERSION is the version to build
ARG VERSION=1
### passes: separated by an empty line
# Build stage.

FROM golang:1.23 AS build
