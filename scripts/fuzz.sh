#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets) for SECONDS each (default 60)
# on its saved corpus, fuzz/corpus/<target>, seeded from core/tests/corpus.
# Installs cargo-fuzz from the crates registry when missing, and builds on
# the stable toolchain with RUSTC_BOOTSTRAP=1 (libFuzzer needs nightly
# compiler flags). A crash stops the run and leaves its input in
# fuzz/artifacts/<target>/; make it a regression test in core/tests.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_NICE=19 runs the fuzzer at that niceness (default 10).
#   FUZZ_MERGE=1 only minimises each saved corpus (cargo fuzz cmin) and exits.
# Each run ends with a line `fuzz: <target> <executions> executions in <s> s`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_FUZZ_VERSION="0.13.2"
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="$ROOT/fuzz/target"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(sed -n 's/^name = "\(.*\)"$/\1/p' "$ROOT/fuzz/Cargo.toml" | grep -v '^dockerplay-fuzz$'))
fi

if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION"; then
  echo "[fuzz] installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)" >&2
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi

cd "$ROOT"
# Safe Rust only (core has no `unsafe`), so AddressSanitizer would find
# nothing the panics do not: without it the targets run several times
# faster. Debug assertions stay on, as in `cargo test`, so an overflow is
# a finding.
flags=(--sanitizer none --debug-assertions)
# Every target at once; a warm build (nothing changed) takes seconds.
nice -n "${FUZZ_NICE:-10}" cargo fuzz build "${flags[@]}"

for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
    mkdir -p "$corpus"
    cp core/tests/corpus/*.Dockerfile "$corpus/"
  fi
  if [ "${FUZZ_MERGE:-}" = 1 ]; then
    nice -n "${FUZZ_NICE:-10}" cargo fuzz cmin "${flags[@]}" "$t" "$corpus"
    continue
  fi
  log="$(mktemp)"
  # -timeout: an input that takes longer than 10 s is a finding too.
  if ! nice -n "${FUZZ_NICE:-10}" cargo fuzz run "${flags[@]}" "$t" "$corpus" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>"$log"; then
    tail -n 60 "$log" >&2
    echo "fuzz: $t FAILED; the input is in fuzz/artifacts/$t/" >&2
    rm -f "$log"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  time=$(sed -n 's/^stat::.*//; s/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -n 1)
  echo "fuzz: $t ${runs:-?} executions in ${time:-$seconds} s"
  rm -f "$log"
done
