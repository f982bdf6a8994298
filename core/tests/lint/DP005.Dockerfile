### catches: two stages with one name
FROM node:22 AS build
RUN npm ci
FROM golang:1.23 AS build
RUN go build ./...
### catches: names differ only in case
#> all-stages
FROM node:22 AS build
FROM golang:1.23 AS BUILD
FROM alpine:3.20
### passes: distinct names
FROM node:22 AS build-web
FROM golang:1.23 AS build-api
FROM alpine:3.20
COPY --from=build-web /app /web
COPY --from=build-api /app /api
