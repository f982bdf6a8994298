# hadolint global ignore=DL3059
FROM debian:12-slim AS build
# The toolchain follows Debian's stable updates; pinning breaks every week.
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends build-essential ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make release
RUN make test

FROM debian:12-slim
# hadolint ignore=DL3008,DL3015
RUN apt-get update && apt-get install -y ca-certificates tini \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/out/server /usr/local/bin/server
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/server", "--health"]
ENTRYPOINT ["tini", "--", "/usr/local/bin/server"]
