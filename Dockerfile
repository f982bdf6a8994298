# The dockerplay CLI in an image of one static, stripped binary, built as
# the articles on small images teach: a musl build in a Rust stage, then
# FROM scratch. From the repository root:
#
#   docker build -t dockerplay .
#   docker run --rm -v "$PWD:/src" dockerplay check .
#
# Where no registry is reachable, scripts/cli-image.sh makes a local
# builder base and passes it as RUST_IMAGE (see docs/cli.md).
ARG RUST_IMAGE=rust:1.95-slim-bookworm

FROM ${RUST_IMAGE} AS build
ARG TARGET=x86_64-unknown-linux-musl
ARG RUSTFLAGS=""
ENV RUSTFLAGS=${RUSTFLAGS} CARGO_TERM_COLOR=never
RUN rustup target add "${TARGET}"
WORKDIR /src
# The manifests first, with stand-in sources, so that the dependencies are
# downloaded and compiled in a layer that only a manifest change rebuilds.
# No cache mounts (DP212): the file also builds with the classic builder,
# which has none, and the layer order already keeps that layer cached.
COPY Cargo.toml Cargo.lock ./
COPY core/Cargo.toml core/
COPY cli/Cargo.toml cli/
# dockerplay ignore=DP212
RUN mkdir -p src core/src core/benches cli/src \
    && touch src/lib.rs core/src/lib.rs \
    && awk '/^\[\[bench\]\]/ { b = 1; next } b && /^name/ { gsub(/.*= *"|"/, ""); print "fn main() {}" > ("core/benches/" $0 ".rs"); b = 0 }' core/Cargo.toml \
    && echo "fn main() {}" > cli/src/main.rs \
    && cargo build --release --locked -p dockerplay-cli --target "${TARGET}"
COPY core core
COPY cli cli
# dockerplay ignore=DP212
# touch: the stand-ins are newer than the real sources' timestamps.
RUN touch core/src/lib.rs cli/src/main.rs \
    && cargo build --release --locked -p dockerplay-cli --target "${TARGET}" \
    && mkdir /out \
    && cp "target/${TARGET}/release/dockerplay" /out/dockerplay \
    && strip /out/dockerplay

FROM scratch
COPY --from=build /out/dockerplay /dockerplay
# No /etc/passwd in scratch: a numeric user (nobody).
USER 65534:65534
WORKDIR /src
ENTRYPOINT ["/dockerplay"]
CMD ["--help"]
