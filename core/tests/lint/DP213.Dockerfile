### catches: a Go binary built without -s -w and copied into scratch
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
### catches: a static C program built with make and copied out unstripped
FROM alpine:3.20 AS build
RUN apk add --no-cache build-base
COPY . /src
RUN make -C /src CFLAGS="-Os" LDFLAGS="-static"
FROM scratch
COPY --from=build /src/redis-server /redis-server
ENTRYPOINT ["/redis-server"]
### catches: gcc in a single-stage image, no strip
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
COPY hello.c .
RUN gcc -O2 -o /usr/local/bin/hello hello.c
### passes: stripped by ldflags
FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
FROM scratch
COPY --from=build /out/app /app
### passes: stripped by a later strip in the same stage
FROM alpine:3.20 AS build
RUN apk add --no-cache build-base
COPY . /src
RUN make -C /src LDFLAGS="-static" && strip /src/redis-server
FROM scratch
COPY --from=build /src/redis-server /redis-server
### passes: Rust with strip in the environment
FROM rust:1.79 AS build
ENV CARGO_PROFILE_RELEASE_STRIP=true
RUN cargo build --release --target x86_64-unknown-linux-musl
FROM scratch
COPY --from=build /target/x86_64-unknown-linux-musl/release/app /app
### passes: a stage that builds but is never copied from
FROM golang:1.22 AS tools
RUN go build -o /out/tool .
FROM alpine:3.20
CMD ["true"]
### passes: the official images' make install in the final stage
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y gcc make && make -C /usr/src/app install
### passes: Cargo.toml in the context strips release builds
#> file Cargo.toml = [package]\nname = "app"\n[profile.release]\nstrip = true
FROM rust:1.79 AS build
COPY . .
RUN cargo build --release
FROM gcr.io/distroless/cc-debian12
COPY --from=build /target/release/app /app
