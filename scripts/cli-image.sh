#!/usr/bin/env bash
# Builds the CLI's image from the root Dockerfile where no registry is
# reachable, and prints its real size next to our estimate.
#
#   bash scripts/cli-image.sh
#
# Not run by CI: it needs a running dockerd (root) and minutes. The
# Dockerfile's default builder is the official Rust image; here no registry
# is reachable, so the builder base, dockerplay-rust:local, is
# debian:bookworm-slim (made by scripts/real-sizes.sh bases, or by
# mmdebstrap here) with Debian's gcc and this machine's own Rust toolchain
# with its musl target (`rustup target add x86_64-unknown-linux-musl`), in
# the official image's layout. The build itself is the Dockerfile's:
# x86_64-unknown-linux-musl, static, stripped, FROM scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOCKER_BUILDKIT=0
work=${CLI_IMAGE_WORK:-/tmp/dockerplay-cli-image}
toolchain=$(rustup toolchain list | awk '/default/ { print $1; exit }')
toolchain_dir="$HOME/.rustup/toolchains/$toolchain"

if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
    echo "making debian:bookworm-slim with mmdebstrap" >&2
    mmdebstrap --variant=minbase bookworm - | docker import - debian:bookworm-slim
fi

if ! docker image inspect dockerplay-rust:local >/dev/null 2>&1; then
    echo "making dockerplay-rust:local from $toolchain" >&2
    rm -rf "$work" && mkdir -p "$work/rustup/toolchains/$toolchain" "$work/cargo/bin"
    # The musl standard library first: the copy below must include it, as
    # the image cannot download it (no certificate for the proxy inside).
    [ -d "$toolchain_dir/lib/rustlib/x86_64-unknown-linux-musl" ] || rustup target add x86_64-unknown-linux-musl
    # The compiler and the native standard library; no docs, no wasm.
    cp -a "$toolchain_dir/bin" "$toolchain_dir/lib" "$toolchain_dir/libexec" "$toolchain_dir/etc" "$work/rustup/toolchains/$toolchain/" 2>/dev/null || true
    rm -rf "$work/rustup/toolchains/$toolchain/lib/rustlib/wasm32-unknown-unknown"
    printf 'version = "12"\ndefault_toolchain = "%s"\nprofile = "minimal"\nauto_self_update = "disable"\n' "$toolchain" > "$work/rustup/settings.toml"
    cp "$(command -v rustup)" "$work/cargo/bin/rustup"
    for tool in cargo rustc rustdoc; do ln -s rustup "$work/cargo/bin/$tool"; done
    # This machine's certificate authorities, so that cargo inside the
    # build reaches crates.io through whatever proxy the host trusts.
    cp /etc/ssl/certs/ca-certificates.crt "$work/host-ca.crt"
    cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev binutils ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY host-ca.crt /etc/ssl/certs/ca-certificates.crt
COPY rustup /usr/local/rustup
COPY cargo /usr/local/cargo
ENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo PATH=/usr/local/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DOCKERFILE
    docker build -q -t dockerplay-rust:local "$work"
fi

docker build -t dockerplay:local --build-arg RUST_IMAGE=dockerplay-rust:local .

size=$(docker image inspect -f '{{.Size}}' dockerplay:local)
echo "real: dockerplay:local is $size B (docker image inspect .Size)"
# The record cli/tests/image.rs holds our estimate to.
cat > tests/real-sizes/cli-image.json <<JSON
{
  "image": "dockerplay:local, built from the root Dockerfile by scripts/cli-image.sh",
  "size": $size,
  "engine": "Docker $(docker version --format '{{.Server.Version}}') (legacy builder)",
  "target": "x86_64-unknown-linux-musl",
  "commit": "$(git rev-parse --short HEAD)",
  "date": "$(date -u +%F)"
}
JSON
docker run --rm dockerplay:local --help >/dev/null && echo "runs: dockerplay --help in the image exits 0"
cargo run -q -p dockerplay-cli -- size Dockerfile | sed -n '1,/total:/p'
