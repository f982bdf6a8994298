FROM gcr.io/distroless/static:nonroot AS runtime-base
FROM registry.corp.example/golang:1.22 AS build
LABEL maintainer="not an email" org.opencontainers.image.version="v2" extra=1
WORKDIR /src
COPY . .
RUN go build -o /app .
FROM runtime-base
LABEL maintainer="ops@corp.example" team="api" \
      org.opencontainers.image.source="git.corp.example/api" \
      org.opencontainers.image.created="yesterday" \
      org.opencontainers.image.licenses="Apache 2" \
      org.opencontainers.image.revision="main" \
      org.opencontainers.image.version="1.0.0"
COPY --from=build /app /app
COPY --from=ghcr.io/tools/tini:0.19 /tini /tini
USER 65532
ENTRYPOINT ["/tini", "--", "/app"]
