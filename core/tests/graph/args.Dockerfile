# FROM bases are expanded with the global ARGs, build args and the
# platform args, as BuildKit's buildMetaArgs does.
# graph-test:
# graph-test: VARIANT=slim REGISTRY=mirror.local/ UNDECLARED=x
ARG REGISTRY=docker.io/library/
ARG VARIANT
ARG IMAGE=${REGISTRY}python:3.12${VARIANT:+-$VARIANT}
FROM ${IMAGE} AS app
ARG LOCAL=ignored
RUN pip install .

FROM --platform=$BUILDPLATFORM ${REGISTRY}golang:1.22 AS tools
RUN GOARCH=$TARGETARCH go build ./tools

FROM gcr.io/distroless/base-${TARGETARCH}${UNDECLARED}
COPY --from=app /app /app
COPY --from=tools /tools /tools
