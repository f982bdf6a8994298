### catches: build-essential kept in a single-stage image
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev
RUN pip install --no-cache-dir psycopg2
### catches: compiling on the golang image in the final stage
FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -o /app ./cmd/app
CMD ["/app"]
### passes: build tools only in the build stage
FROM python:3.12-slim AS build
RUN apt-get update && apt-get install -y build-essential
RUN pip wheel --wheel-dir /wheels psycopg2
FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*
### passes: a virtual package removed in the same RUN
FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && \
    pip install cffi && \
    apk del .build-deps
### passes: the official images' apt-mark auto and purge --auto-remove
FROM debian:bookworm-slim
RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends gcc make libc6-dev; \
	make -C /usr/src/app install; \
	apt-mark auto '.*' > /dev/null; \
	[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
