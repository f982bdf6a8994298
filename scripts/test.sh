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

passed=0
failed=0
failures=()
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

step "native tests (core, cli, app logic)" cargo test --workspace --quiet
if [ -f scripts/gen-data.py ]; then
  step "shipped data re-created from ../shared/data" python3 scripts/gen-data.py --check
fi
step "browser tests (wasm-bindgen-test in Chromium)" cargo test -p dockerplay-app --target wasm32-unknown-unknown
step "release build (trunk, wasm-opt -Oz)" trunk build --release
step "size budget (gzipped first load <= 700 KB, plus the editor module <= 140 KB)" python3 scripts/budget.py dist 700 140
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
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
