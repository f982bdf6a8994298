#!/usr/bin/env bash
# Builds the real-size corpus (issue 14) and records what Docker reports.
#
#   bash scripts/real-sizes.sh            # make the bases, build every case
#   bash scripts/real-sizes.sh bases      # only the bases
#   bash scripts/real-sizes.sh NAME...    # only these cases (bases must exist)
#
# Not run by CI: it needs a running dockerd (root), Debian's mmdebstrap and
# busybox-static, Debian's package mirror, and minutes. No registry is
# reachable, so the bases are made here:
#
# - debian:bookworm-slim and debian:trixie-slim: `mmdebstrap --variant=minbase`
#   with the slim variant's dpkg path excludes and includes and Docker's apt
#   settings, as debuerreotype makes the official images (its
#   scripts/.slimify-excludes, .slimify-includes and
#   debuerreotype-minimizing-config). The mirrors are the ones this machine's
#   apt uses.
# - busybox:latest: Debian's busybox-static with its applet links.
# - scratch needs nothing.
#
# Each case is a directory under tests/real-sizes/cases/ with a Dockerfile
# and optionally a context/ folder. Its result, real.json, records the image's
# `.Size`, every layer of `docker history` (size and instruction), the engine
# version and the date. core/tests/size_real.rs compares our estimates with it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOCKER_BUILDKIT=0 LC_ALL=C TZ=UTC
cases=tests/real-sizes/cases
work=${REAL_SIZES_WORK:-/tmp/real-sizes}
mkdir -p "$work"

# The URIs of this machine's Debian sources (main archive and security).
mirror() {
    awk -v want="$1" '/^URIs:/ { for (i = 2; i <= NF; i++) if ((want == "security") == ($i ~ /-security/)) { print $i; exit } }' \
        /etc/apt/sources.list.d/*.sources
}

make_debian() {
    local suite=$1 tag=$2
    local main sec
    main=$(mirror main)
    sec=$(mirror security)
    local opts=()
    # The slim variant's dpkg filters (debuerreotype scripts/.slimify-excludes
    # and .slimify-includes): kept in the image so later installs obey them.
    for p in '/usr/share/doc/*' '/usr/share/info/*' '/usr/share/linda/*' '/usr/share/lintian/overrides/*' \
        '/usr/share/locale/*' '/usr/share/man/*' '/usr/share/doc/kde/HTML/*/*' '/usr/share/gnome/help/*/*' \
        '/usr/share/omf/*/*-*.emf'; do
        opts+=(--dpkgopt="path-exclude=$p")
    done
    for p in '/usr/share/doc/*/copyright' '/usr/share/doc/kde/HTML/C/*' '/usr/share/gnome/help/*/C/*' \
        '/usr/share/locale/all_languages' '/usr/share/locale/currency/*' '/usr/share/locale/l10n/*' \
        '/usr/share/locale/languages' '/usr/share/locale/locale.alias' '/usr/share/omf/*/*-C.emf'; do
        opts+=(--dpkgopt="path-include=$p")
    done
    # Docker's apt settings (debuerreotype-minimizing-config).
    local hook
    hook=$(cat <<'EOF'
set -e
cd "$1"
printf '#!/bin/sh\nexit 101\n' > usr/sbin/policy-rc.d; chmod 755 usr/sbin/policy-rc.d
echo force-unsafe-io > etc/dpkg/dpkg.cfg.d/docker-apt-speedup
echo 'Apt::AutoRemove::SuggestsImportant "false";' > etc/apt/apt.conf.d/docker-autoremove-suggests
clean='"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true";'
printf 'DPkg::Post-Invoke { %s };\nAPT::Update::Post-Invoke { %s };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' "$clean" "$clean" > etc/apt/apt.conf.d/docker-clean
echo 'Acquire::GzipIndexes "true";' > etc/apt/apt.conf.d/docker-gzip-indexes
echo 'Acquire::Languages "none";' > etc/apt/apt.conf.d/docker-no-languages
# The host's certificate authorities, so that pip and npm in a build reach
# their registries as the host's do once a case installs ca-certificates
# (a few KB; the official image has none of them).
mkdir -p usr/local/share/ca-certificates
cp /usr/local/share/ca-certificates/*.crt usr/local/share/ca-certificates/ 2>/dev/null || true
rm -rf var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb var/log/apt/* var/log/dpkg.log var/log/alternatives.log var/cache/ldconfig/aux-cache
EOF
)
    rm -f "$work/$tag.tar"
    # The merged-/usr hook merges /usr as debootstrap does, instead of
    # installing usrmerge (which would bring perl).
    mmdebstrap --variant=minbase --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr "${opts[@]}" --customize-hook="$hook" \
        "$suite" "$work/$tag.tar" \
        "deb $main $suite main" "deb $main $suite-updates main" "deb $sec $suite-security main"
    docker import "$work/$tag.tar" "debian:$tag" >/dev/null
    echo "debian:$tag $(docker image inspect -f '{{.Size}}' "debian:$tag")"
}

make_busybox() {
    local root="$work/busybox-root"
    rm -rf "$root"
    mkdir -p "$root/bin"
    cp /bin/busybox "$root/bin/busybox"
    for a in $("$root/bin/busybox" --list); do
        [ "$a" = busybox ] || ln -sf busybox "$root/bin/$a"
    done
    mkdir -p "$root/etc" "$root/tmp" "$root/root"
    printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
    printf 'root:x:0:\n' > "$root/etc/group"
    tar -C "$root" -cf "$work/busybox.tar" .
    docker import -c 'CMD ["sh"]' "$work/busybox.tar" busybox:latest >/dev/null
    echo "busybox:latest $(docker image inspect -f '{{.Size}}' busybox:latest)"
}

bases() {
    make_debian bookworm bookworm-slim
    make_debian trixie trixie-slim
    make_busybox
}

# The host's pip and npm settings (certificate authority, index) go into
# builds as build args, so that pip and npm reach their registries as the
# host's do.
build_case() {
    local name=$1 dir="$cases/$1"
    local ctx="$dir/context"
    [ -d "$ctx" ] || ctx="$work/empty-context"
    mkdir -p "$work/empty-context"
    local tag="real-sizes/$name:latest"
    echo "== $name"
    if ! nice -n 10 docker build --network host --no-cache -q -t "$tag" -f "$dir/Dockerfile" "$ctx" >"$work/$name.log" 2>&1; then
        echo "build failed: $name (see $work/$name.log)" >&2
        return 1
    fi
    record "$name" "$tag" >"$dir/real.json"
    docker image rm "$tag" >/dev/null
}

# Writes the case's JSON: image size, layers (newest last), engine, date.
record() {
    local name=$1 tag=$2
    local size engine date
    size=$(docker image inspect -f '{{.Size}}' "$tag")
    engine=$(docker version -f '{{.Server.Version}}')
    date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    docker history --no-trunc --format '{{json .}}' "$tag" | python3 -c '
import json, sys
name, size, engine, date = sys.argv[1:5]
rows = [json.loads(l) for l in sys.stdin if l.strip()]
rows.reverse()
layers = []
for r in rows:
    # `docker history --format` prints sizes rounded for people; the exact
    # bytes come from the API below.
    layers.append({"created_by": r["CreatedBy"]})
print(json.dumps({"case": name, "size": int(size), "layers": layers, "engine": engine, "date": date}))
' "$name" "$size" "$engine" "$date" >"$work/$name.partial.json"
    # Exact layer sizes from the engine API (docker history rounds them).
    curl -s --unix-socket /var/run/docker.sock "http://localhost/images/$tag/history" | python3 -c '
import json, sys
partial = json.load(open(sys.argv[1]))
hist = json.load(sys.stdin)
hist.reverse()
assert len(hist) == len(partial["layers"])
for layer, h in zip(partial["layers"], hist):
    layer["size"] = h["Size"]
    layer["created_by"] = h["CreatedBy"]
print(json.dumps(partial, indent=1))
' "$work/$name.partial.json"
}

main() {
    docker info >/dev/null
    if [ "${1:-}" = bases ]; then
        bases
        return
    fi
    if [ $# -eq 0 ]; then
        bases
        set -- $(ls "$cases")
    fi
    local failed=0
    for name in "$@"; do
        build_case "$name" || failed=$((failed + 1))
    done
    # Dangling images of build stages are left: pruning them while another
    # build (of this script or anyone's) runs breaks it.
    echo "$failed failed"
    [ "$failed" -eq 0 ]
}

main "$@"
