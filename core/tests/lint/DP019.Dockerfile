### catches: a description that does not start with the name (stage names compare lower-cased)
#> experimental
# Build compiles the server
FROM golang:1.23 AS build
# the version to build
ARG VERSION=1
### passes: descriptions that start with the name
#> experimental
# build compiles the server
FROM golang:1.23 AS build
# VERSION is the version to build
ARG VERSION=1
### catches: separated by an empty line (BuildKit's parser keeps comments across empty lines; an empty `#` line ends them)
#> experimental
# Build stage.

FROM golang:1.23 AS build
### passes: only the last line of a comment block counts, and any key of an ARG
#> experimental
# This file builds the server.
# build compiles it
FROM golang:1.23 AS build
# TAG picks the release
ARG VERSION=1 TAG=latest
### passes: experimental in BuildKit, so off unless asked for
# compiles the server
FROM golang:1.23 AS build
### catches: the file asks for it with BuildKit's directive
# check=experimental=InvalidDefinitionDescription
# compiles the server
FROM golang:1.23 AS build
### passes: an empty comment line ends the comments that describe
#> experimental
# Build stage.
#
FROM golang:1.23 AS build
