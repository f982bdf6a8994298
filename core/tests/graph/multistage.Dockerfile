# graph-test:
# graph-test: target=test
# graph-test: target=DOCS BASE=debian:12
# graph-test: target=nope
# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG BASE=alpine:3.19

FROM golang:${GO_VERSION} AS Builder
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN go build -o /out/app ./cmd/app

FROM builder AS test
RUN go test ./...

FROM node:20 AS web
WORKDIR /web
COPY web/ .
RUN npm ci && npm run build

FROM ${BASE} AS docs
COPY --from=web /web/dist /docs

FROM ${BASE}
COPY --from=builder /out/app /usr/local/bin/app
COPY --from=web /web/dist /srv/www
COPY --from=busybox:1.36 /bin/busybox /bin/busybox
ENTRYPOINT ["app"]
