### catches: a static Go binary on debian-slim
FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
FROM debian:bookworm-slim
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
### catches: a dynamically linked C program on ubuntu, copied into a directory
FROM gcc:14 AS build
COPY hello.c .
RUN gcc -O2 -s -o /hello hello.c
FROM ubuntu:24.04
COPY --from=build /hello /usr/local/bin/
CMD ["/usr/local/bin/hello"]
### catches: a musl Rust binary on alpine
FROM rust:1.79 AS build
RUN cargo build --release --target x86_64-unknown-linux-musl
FROM alpine:3.20
COPY --from=build /target/x86_64-unknown-linux-musl/release/app /usr/bin/app
USER nobody
ENTRYPOINT ["/usr/bin/app"]
### passes: already scratch
FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -o /out/app .
FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
### passes: the final stage runs a RUN
FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -o /out/app .
FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
### passes: a shell-form CMD needs the base's shell
FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -o /out/app .
FROM alpine:3.20
COPY --from=build /out/app /app
CMD /app --port $PORT
### passes: the program comes from the base image
FROM debian:bookworm-slim
COPY site/ /var/www/
CMD ["python3", "-m", "http.server"]
### passes: a language runtime base is not a general-purpose OS
FROM python:3.12-slim
COPY app.py /app.py
CMD ["/app.py"]
