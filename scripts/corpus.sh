#!/usr/bin/env bash
# Extracts the real-world Dockerfile corpus named in scripts/corpus-manifest.tsv
# from git mirrors of its repositories, so figures can be measured on
# Dockerfiles nobody here wrote. The files are not committed: only the
# manifest (repository, commit, path, licence) is.
#
# Usage: scripts/corpus.sh MIRRORS_DIR OUTDIR
#   MIRRORS_DIR holds one bare mirror per repository, at
#   MIRRORS_DIR/OWNER+NAME/repo (or MIRRORS_DIR/OWNER+NAME), as the search
#   tool's fetch lays them out.
#   OUTDIR receives one file per manifest row, named
#   OWNER+NAME+PATH.Dockerfile with every "/" of PATH turned into "+", and
#   index.tsv, which maps each file name back to its manifest row.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: scripts/corpus.sh MIRRORS_DIR OUTDIR" >&2
  exit 2
fi
mirrors=$1 out=$2
manifest="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/corpus-manifest.tsv"
mkdir -p "$out"

printf 'file\trepo\tcommit\tpath\tlicence\n' >"$out/index.tsv"
missing=0 written=0
# The first manifest line is its header.
while IFS=$'\t' read -r repo commit path licence; do
  git_dir="$mirrors/${repo/\//+}/repo"
  [ -d "$git_dir" ] || git_dir="$mirrors/${repo/\//+}"
  name="${repo/\//+}+${path//\//+}.Dockerfile"
  if ! git --git-dir="$git_dir" show "$commit:$path" >"$out/$name" 2>/dev/null; then
    rm -f "$out/$name"
    echo "missing: $repo $commit:$path (no mirror at $git_dir, or not at that commit)" >&2
    missing=$((missing + 1))
    continue
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$repo" "$commit" "$path" "$licence" >>"$out/index.tsv"
  written=$((written + 1))
done < <(tail -n +2 "$manifest")

echo "corpus: $written files in $out, $missing missing" >&2
[ "$missing" -eq 0 ]
