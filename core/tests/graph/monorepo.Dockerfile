# syntax=docker/dockerfile:1
# A monorepo build in the style of a tutorial's final example: Go API,
# web front end, docs, tests and a distroless runtime.
# graph-test:
# graph-test: target=dev
ARG GO_VERSION=1.22
ARG NODE_VERSION=20

FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4 AS xx

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS go-base
COPY --from=xx / /
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download

FROM go-base AS api
ARG TARGETPLATFORM
RUN --mount=type=bind,target=. --mount=type=cache,target=/root/.cache xx-go build -o /out/api ./cmd/api

FROM go-base AS migrate
RUN --mount=type=bind,target=. xx-go build -o /out/migrate ./cmd/migrate

FROM go-base AS test
RUN --mount=type=bind,target=. go test ./...

FROM node:${NODE_VERSION}-alpine AS web-deps
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

FROM web-deps AS web
COPY web/ .
RUN npm run build

FROM web-deps AS storybook
COPY web/ .
RUN npm run build-storybook

FROM python:3.12-slim AS docs
RUN pip install mkdocs-material
COPY docs/ /docs
RUN mkdocs build -f /docs/mkdocs.yml -d /site

FROM alpine:3.20 AS certs
RUN apk add --no-cache ca-certificates

FROM go-base AS dev
RUN go install github.com/air-verse/air@latest
COPY --from=web /web/dist /srv/web
CMD ["air"]

FROM gcr.io/distroless/static-debian12 AS release
COPY --from=certs /etc/ssl/certs /etc/ssl/certs
COPY --from=api /out/api /api
COPY --from=migrate /out/migrate /migrate
COPY --from=web /web/dist /srv/web
COPY --from=docs /site /srv/docs
ENTRYPOINT ["/api"]
