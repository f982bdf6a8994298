#!/usr/bin/env bash
# Extracts BuildKit's own parser and build-check test cases into plain data
# for core/tests/upstream_buildkit.rs.
#
#   bash scripts/upstream-buildkit.sh MIRROR_GIT_DIR OUTDIR
#
# MIRROR_GIT_DIR is a git mirror of moby/buildkit (a bare repository is
# fine); the cases are read at the commit pinned below, never at whatever
# the mirror's HEAD is. The output is BuildKit's test data under BuildKit's
# licence (Apache-2.0, copied in as LICENSE); it is vendored in
# core/tests/upstream/buildkit, which this script regenerates:
#
#   bash scripts/upstream-buildkit.sh MIRROR core/tests/upstream/buildkit
#
# Tests read $DOCKERPLAY_UPSTREAM/buildkit instead when it is set. The
# layout is described at the top of scripts/upstream-buildkit.py.
set -euo pipefail

# moby/buildkit master of 2026-08-21 (after v0.29.0; it has CopyIgnoredFile
# on by default, which v0.26.0 does not).
BUILDKIT_COMMIT=73ed6825c4b7569379ef89df0aedcdbe64473d31

if [ $# -ne 2 ]; then
    echo "usage: $0 MIRROR_GIT_DIR OUTDIR" >&2
    exit 2
fi
mirror=$1
out=$2
if ! git --git-dir="$mirror" cat-file -e "$BUILDKIT_COMMIT^{commit}" 2>/dev/null; then
    echo "error: $mirror has no commit $BUILDKIT_COMMIT (fetch moby/buildkit first)" >&2
    exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/upstream-buildkit.py" "$mirror" "$BUILDKIT_COMMIT" "$out"
git --git-dir="$mirror" show "$BUILDKIT_COMMIT:LICENSE" >"$out/LICENSE"
