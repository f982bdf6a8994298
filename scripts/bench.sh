#!/usr/bin/env bash
# Prints every benchmark figure the README quotes. Not part of the tests:
# speed is measured here, never asserted in a test.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_test_tools
cd "$ROOT"
echo "== native (cargo bench)"
for b in core/benches/*.rs; do
  cargo bench -q -p dockerplay-core --bench "$(basename "$b" .rs)" 2>/dev/null | grep -v '^$'
done
echo "== in Chromium (the web profile: wasm as shipped, before wasm-opt)"
cargo test --profile web -p dockerplay-app --target wasm32-unknown-unknown --test 'bench_*' -- --nocapture 2>/dev/null | grep -E ' ms'
echo "== keystroke to frame in Chromium (release build, bench/keystroke/Dockerfile)"
trunk build --release >/dev/null 2>&1 && node bench/keystroke/run.mjs
[ -f bench/permalink/run.mjs ] && { echo "== permalink length (core/tests/corpus)"; node bench/permalink/run.mjs; }
# Real-world Dockerfiles: the vendored corpus (tests/corpus/realworld), or
# $DOCKERPLAY_CORPUS (a directory of *.Dockerfile files) when that is set;
# every figure that needs them says so when they are absent.
corpus=${DOCKERPLAY_CORPUS:-tests/corpus/realworld}
if [ -d "$corpus" ]; then
  n=$(find "$corpus" -maxdepth 1 -name '*.Dockerfile' | wc -l)
  echo "== permalink length, real-world corpus ($n files in $corpus)"
  node bench/permalink/run.mjs --corpus "$corpus" --cli target/release/dockerplay
else
  echo "== real-world corpus ABSENT: no directory $corpus (set DOCKERPLAY_CORPUS to a directory of *.Dockerfile files);"
  echo "   the figures above are on core/tests/corpus and generated inputs only"
fi
[ -x scripts/bench-check.sh ] && { echo "== dockerplay check vs hadolint"; bash scripts/bench-check.sh; }
exit 0
