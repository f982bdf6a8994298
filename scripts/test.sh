#!/usr/bin/env bash
# Runs every test: native (core, CLI, data), in-browser (wasm-bindgen-test in
# Chromium), the release build with its size budget, and the end-to-end tests.
# Installs missing tools first. Every step runs even if one fails; the last
# line is the summary, and the exit code is non-zero if any step failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
set +e
ensure_test_tools || { echo "tool set-up failed"; exit 1; }
cd "$ROOT"
# Chromium's profiles (chromedriver's `scoped_dir`s, 76 MB each) are left
# in the temporary directory when a test runner ends the browser; keep them
# in one directory of this run and remove it at the end, so that repeated
# runs do not fill the disk.
RUN_TMP="$(mktemp -d)"
export TMPDIR="$RUN_TMP"
trap 'rm -rf "$RUN_TMP"' EXIT

passed=0
failed=0
failures=()
skipped=()
step() {
  local name="$1"; shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

step "native tests (core, cli, app logic, the upstream suites)" cargo test --workspace --quiet --no-fail-fast
# Core as the browser ships it: without the dockerfile-parser feature, and
# without the compiled-in size tables, which the page installs at run time
# (the tests install them as the page would, or test their absence).
step "core tests without dockerfile-parser (the browser's parser)" \
  cargo test -p dockerplay-core --no-default-features --features embedded-data --quiet
step "core without its size tables until they are installed (the browser's data)" \
  cargo test -p dockerplay-core --no-default-features --test size_data --quiet
step "rustfmt" cargo fmt --all --check
step "clippy, warnings as errors (native workspace)" cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy, warnings as errors (the app for wasm32)" \
  cargo clippy -p dockerplay-app --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
# BuildKit's and hadolint's own test suites (issue 13) are vendored in
# core/tests/upstream and run within the native tests above
# (upstream_buildkit, upstream_hadolint, cli's shellcheck).
step "SARIF output validates against the SARIF 2.1.0 schema" \
  bash -c 'cargo build -q -p dockerplay-cli && python3 scripts/validate-sarif.py "${CARGO_TARGET_DIR:-target}/debug/dockerplay"'
if [ -f scripts/gen-data.py ]; then
  step "shipped data re-created from ../shared/data" python3 scripts/gen-data.py --check
fi
step "SPDX identifiers re-created (scripts/gen-spdx.py)" python3 scripts/gen-spdx.py --check
step "browser tests (wasm-bindgen-test in Chromium)" cargo test -p dockerplay-app --target wasm32-unknown-unknown --no-fail-fast
step "release build (trunk, wasm-opt -Oz)" trunk build --release
# The first load as a visitor meets it, in Chromium: bytes fetched until the
# editor takes a key (gzipped as served), and the time to that at 1x and
# with the CPU slowed 4x (scripts/first-load.mjs).
step "first-load budget (bytes until the editor takes a key <= 450 KB gzipped)" python3 scripts/budget.py dist 450
# The panic test's trigger exists only in debug builds (tests/e2e/crash.test.mjs).
step "debug build for the panic test (trunk)" trunk build --dist target/dist-debug
# The short form of scripts/fuzz.sh: each target a few seconds on its saved
# corpus (the first run installs cargo-fuzz and builds the targets, about
# five minutes on two cores; later runs reuse both).
step "fuzz targets, 5 s each on the saved corpus" bash scripts/fuzz.sh 5
# End-to-end tests, then the screenshot tours: each fails on a page error,
# a console error or a broken expectation; the pictures land in tests/e2e/out/.
for t in tests/e2e/*.test.mjs; do
  [ -e "$t" ] || continue
  step "end-to-end: $t" node "$t"
done
for t in tests/e2e/*.mjs; do
  case "$t" in *.test.mjs|*/lib.mjs) continue ;; esac
  step "screenshot tour: $t" node "$t"
done

echo
if [ "$failed" -gt 0 ]; then
  printf 'failed steps: %s\n' "${failures[*]}"
fi
if [ "${#skipped[@]}" -gt 0 ]; then
  printf 'not run: %s\n' "${skipped[@]}"
fi
echo "checks: $passed passed, $failed failed, ${#skipped[@]} not run"
[ "$failed" -eq 0 ]
