#!/usr/bin/env bash
# Measures the model's constants (issue 14) on the debian:bookworm-slim that
# scripts/real-sizes.sh makes, with programs and packages that are not in the
# real-size corpus (tests/real-sizes/calibrate/): compiler outputs and what
# `strip` keeps, Go binaries and their build cache, `useradd -m`, Debian's
# byte code per byte of Python source, pip's byte code and files per byte of
# `du -sb`, and `python3 -m venv`. Prints `name value` lines; the figures are
# copied, with this script named, into core/src/size/{tools,dpkg,pkg}.rs.
# Not run by CI (needs dockerd and Debian's mirror).
set -euo pipefail
cd "$(dirname "$0")/.."
docker run --rm --network host -v "$PWD/tests/real-sizes/calibrate:/calib:ro" debian:bookworm-slim sh -c '
set -e
apt-get update -qq
apt-get install -y -qq --no-install-recommends gcc libc6-dev musl-tools golang-go python3-pip python3-venv >/dev/null 2>&1
sum() { find "$@" -type f -printf "%s\n" | awk "{s+=\$1} END {print s+0}"; }
cd /tmp && cp /calib/wc.c /calib/main.go .
sz() { stat -c %s "$1"; }
gcc -O2 -o a wc.c; echo "gcc-dynamic $(sz a)"; strip a; echo "gcc-dynamic-stripped $(sz a)"
gcc -O0 -g -o a wc.c; echo "gcc-dynamic-debug $(sz a)"; strip a; echo "gcc-dynamic-debug-stripped $(sz a)"
gcc -O2 -static -o a wc.c; echo "gcc-static $(sz a)"; strip a; echo "gcc-static-stripped $(sz a)"
musl-gcc -Os -static -o a wc.c; echo "musl-static $(sz a)"; strip a; echo "musl-static-stripped $(sz a)"
musl-gcc -O2 -o a wc.c; echo "musl-dynamic $(sz a)"
mkdir g && cd g && cp ../main.go . && printf "module x\n\ngo 1.19\n" > go.mod
CGO_ENABLED=0 go build -o b .; echo "go $(sz b)"
CGO_ENABLED=0 go build -ldflags="-s -w" -o b .; echo "go-s-w $(sz b)"
echo "go-build-cache $(sum /root/.cache/go-build)"
cd /
useradd -m calib; echo "passwd- $(sz /etc/passwd-) lastlog $(sz /var/log/lastlog) faillog $(sz /var/log/faillog) skeleton $(sum /home/calib)"
echo "debian-py $(find / -xdev -name "*.py" -path "*python3*" -type f -printf "%s\n" | awk "{s+=\$1} END {print s}") debian-pyc $(find / -xdev -name "*.pyc" -type f -printf "%s\n" | awk "{s+=\$1} END {print s}")"
for p in httpx pyyaml rich attrs boto3 sqlalchemy pydantic jinja2 six packaging; do
  d=/t/$p; pip install -q --break-system-packages --no-compile --target $d $p >/dev/null 2>&1 || { echo "$p failed"; continue; }
  files=$(sum $d); du=$(du -sb $d | cut -f1)
  python3 -m compileall -q $d >/dev/null 2>&1
  echo "pip-$p files $files du $du pyc $(find $d -name "*.pyc" -type f -printf "%s\n" | awk "{s+=\$1} END {print s+0}")"
done
python3 -m venv /opt/v; echo "venv $(sum /opt/v)"
python3 -m venv --without-pip /opt/w; echo "venv-without-pip $(sum /opt/w)"
'
