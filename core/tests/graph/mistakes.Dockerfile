# Dockerfiles BuildKit rejects or misreads: the graph still comes out,
# with diagnostics.
# graph-test:
# graph-test: target=lonely
ARG SRC=builder
FROM golang:1.22 AS builder
COPY --from=later /x /x
RUN go build

FROM builder AS later
COPY --from=builder /y /y

FROM alpine AS lonely
COPY --from=buidler /app /app
COPY --from=7 /x /x
COPY --from=-1 /x /x
COPY --from=$SRC /app /app
COPY --from=node /usr/local/bin/node /bin/node
RUN --mount=from=${SRC},target=/s true

FROM Builder AS upper
COPY --from=upper /a /a
