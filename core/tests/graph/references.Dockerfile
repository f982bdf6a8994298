# How COPY --from and RUN --mount=from= name their sources, after BuildKit's
# toCommand and detectRunMount.
# graph-test:
# graph-test: target=early
FROM alpine:3.19
RUN echo base > /base

FROM golang:1.22 AS Build
RUN go build -o /app .

FROM scratch AS assets
COPY --from=0 /base /base
COPY --from=BUILD /app /app
ADD --from=build /app /app2

FROM alpine AS early
COPY --from=final /usr/bin/app /app
RUN --mount=from=final,target=/f true

FROM debian:12 AS final
RUN --mount=type=bind,from=build,source=/app,target=/mnt/app cp /mnt/app /usr/bin/
RUN --mount=type=cache,target=/var/cache/apt apt-get update
RUN --mount=type=tmpfs,target=/tmp,from=build true
RUN --mount=type=bind,from=ghcr.io/acme/tools:1,target=/tools /tools/run
RUN --mount=type=bind,from=0,target=/zero true
COPY --from=assets / /srv
COPY --from=ghcr.io/acme/tools:1 /bin/tool /bin/tool
