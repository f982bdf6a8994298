# ONBUILD triggers run in the stages built on their stage, so their
# sources become those stages' dependencies.
# graph-test:
FROM alpine AS assets
RUN mkdir /assets

FROM alpine AS tools
RUN mkdir /tools

FROM debian:12 AS base
ONBUILD COPY --from=assets /assets /assets
ONBUILD RUN --mount=from=tools,target=/t ls /t

FROM base AS app
RUN echo app
