FROM rust:1.80-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /usr/src/ripcount
COPY . .
RUN cargo install --path . --root /out

FROM alpine:3.20
COPY --from=build /out/bin/ripcount /usr/local/bin/ripcount
ENTRYPOINT ["ripcount"]
