#!/usr/bin/env bash
# Extracts the real-world Dockerfile corpus named in scripts/corpus-manifest.tsv
# from git mirrors of its repositories, so figures can be measured on
# Dockerfiles nobody here wrote. The extracted corpus is vendored in
# tests/corpus/realworld (the default of every reader; $DOCKERPLAY_CORPUS
# overrides it); this script regenerates it when the manifest changes.
#
# Usage: scripts/corpus.sh MIRRORS_DIR OUTDIR
#   MIRRORS_DIR holds one bare mirror per repository, at
#   MIRRORS_DIR/OWNER+NAME/repo (or MIRRORS_DIR/OWNER+NAME), as the search
#   tool's fetch lays them out.
#   OUTDIR receives one file per manifest row, named
#   OWNER+NAME+PATH.Dockerfile with every "/" of PATH turned into "+";
#   index.tsv, which maps each file name back to its manifest row; and
#   licenses/OWNER+NAME+FILE, each repository's top-level licence files
#   (LICENSE*, LICENCE*, COPYING*, NOTICE*) at the pinned commit, because
#   the licences under which the files are redistributed require them.
#   A row whose mirror lacks the commit or the path is left out and named on
#   stderr, and the script then exits 1.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: scripts/corpus.sh MIRRORS_DIR OUTDIR" >&2
  exit 2
fi
mirrors=$1 out=$2
manifest="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/corpus-manifest.tsv"
mkdir -p "$out/licenses"

mirror() {
  local git_dir="$mirrors/${1/\//+}/repo"
  [ -d "$git_dir" ] || git_dir="$mirrors/${1/\//+}"
  echo "$git_dir"
}

printf 'file\trepo\tcommit\tpath\tlicence\n' >"$out/index.tsv"
missing=0 written=0
declare -A licensed=()
# The first manifest line is its header.
while IFS=$'\t' read -r repo commit path licence; do
  git_dir=$(mirror "$repo")
  name="${repo/\//+}+${path//\//+}.Dockerfile"
  if ! git --git-dir="$git_dir" show "$commit:$path" >"$out/$name" 2>/dev/null; then
    rm -f "$out/$name"
    echo "missing: $repo $commit:$path (no mirror at $git_dir, or not at that commit)" >&2
    missing=$((missing + 1))
    continue
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$repo" "$commit" "$path" "$licence" >>"$out/index.tsv"
  written=$((written + 1))
  if [ -z "${licensed[$repo@$commit]:-}" ]; then
    licensed[$repo@$commit]=1
    found=0
    while IFS= read -r file; do
      git --git-dir="$git_dir" show "$commit:$file" >"$out/licenses/${repo/\//+}+$file"
      found=1
    done < <(git --git-dir="$git_dir" ls-tree --name-only "$commit" | grep -iE '^(licen[cs]e|copying|notice)' || true)
    [ "$found" -eq 1 ] || echo "no licence file: $repo at $commit" >&2
  fi
done < <(tail -n +2 "$manifest")

echo "corpus: $written files in $out, $missing missing" >&2
[ "$missing" -eq 0 ]
