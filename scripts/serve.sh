#!/usr/bin/env bash
# Builds the app (release: wasm-opt -Oz) and serves it on http://127.0.0.1:8080,
# first installing whatever tool is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
exec trunk serve --release --address 127.0.0.1 --port 8080
