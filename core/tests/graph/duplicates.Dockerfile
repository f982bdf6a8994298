# Two stages share a name: BuildKit's name map keeps the last one defined
# (so far, for FROM), and --target picks the last too.
# graph-test:
# graph-test: target=base
FROM alpine:3.19 AS base
RUN echo one

FROM debian:12 AS base
RUN echo two

FROM base AS app
COPY --from=base /etc/os-release /os-release

FROM app AS base
