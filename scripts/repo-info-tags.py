#!/usr/bin/env python3
"""Regenerate scripts/data/repo-info-tags.tsv from a mirror of docker-library/repo-info.

Usage:
  scripts/repo-info-tags.py GIT_DIR [COMMIT] [--check]
  scripts/repo-info-tags.py --self-test

GIT_DIR is a git directory of docker-library/repo-info (or of a fork that
holds the same generated files), e.g. what the search tool's fetch lays out.
Each row of the current table names its image, tag and the commit it was read
at; the script reads `repos/<image>/remote/<tag>.md` at COMMIT (default: the
row's own commit) with `git show`, and writes one row per architecture
(linux/amd64, linux/arm64) with the compressed "Total Size", the layer sizes,
the base release, the application version and the newest layer date. With
--check it compares instead of writing and exits 1 on any difference.

Only the numbers are kept; the files themselves are never copied into the
repository (scripts/data/README.md). Standard library only.
"""

import csv
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "scripts", "data", "repo-info-tags.tsv")
COLUMNS = ["image", "tag", "arch", "compressed_bytes", "layer_sizes_compressed_bytes", "libc", "base_os",
           "app_version", "data_date", "repo", "commit", "path"]
ARCHES = {"linux; amd64": "linux/amd64", "linux; arm64 variant v8": "linux/arm64"}
MONTHS = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}


def sections(text):
    """Yield (platform, body) for each `### `name:tag` - platform` section."""
    parts = re.split(r"^### `[^`]+` - (.+)$", text, flags=re.M)
    for i in range(1, len(parts) - 1, 2):
        yield parts[i].strip(), parts[i + 1]


def parse_section(body):
    total = re.search(r"Total Size: \*\*[^(]*\((\d+) bytes\)", body)
    layers = []
    dates = []
    # Each layer entry: digest, Last Modified, Size, MIME; attestation
    # entries (in-toto) are not layers.
    for entry in re.split(r"\n\t-\t`sha256:", body)[1:]:
        mime = re.search(r"MIME: (\S+)", entry)
        if not mime or "tar" not in mime.group(1):
            continue
        size = re.search(r"Size: [^\n]*?\((\d+) bytes\)", entry) or re.search(r"Size: (\d+)(?:\.0)? B", entry)
        if size:
            layers.append(int(size.group(1)))
        when = re.search(r"Last Modified: \w+, (\d+) (\w+) (\d{4})", entry)
        if when:
            dates.append(f"{when.group(3)}-{MONTHS[when.group(2)]:02d}-{int(when.group(1)):02d}")
    base = ""
    deb = re.search(r"debian\.sh --arch '[^']+' out/ '(\w+)'", body)
    alpine = re.search(r"alpine-minirootfs-([\d.]+)-", body)
    ubuntu = re.search(r"org\.opencontainers\.image\.version=([\d.]+)", body)
    if deb:
        base = f"debian {deb.group(1)}"
    elif alpine:
        base = f"alpine {alpine.group(1)}"
    elif ubuntu:
        base = f"ubuntu {ubuntu.group(1)}"
    version = re.search(r"ENV \w*_VERSION=(\S+)", body)
    return {
        "compressed_bytes": total.group(1) if total else "",
        "layer_sizes_compressed_bytes": ",".join(map(str, layers)),
        "libc": "musl" if base.startswith("alpine") else "glibc",
        "base_os": base,
        "app_version": version.group(1) if version else "",
        "data_date": max(dates) if dates else "",
    }


def parse(text):
    """{arch: fields} for the architectures we keep."""
    out = {}
    for platform, body in sections(text):
        arch = ARCHES.get(platform)
        if arch and arch not in out:
            fields = parse_section(body)
            if fields["compressed_bytes"]:
                out[arch] = fields
    return out


def regenerate(git_dir, commit=None):
    with open(TABLE, newline="", encoding="utf-8") as f:
        old = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    wanted = []
    for r in old:
        key = (r["image"], r["tag"], commit or r["commit"])
        if key not in wanted:
            wanted.append(key)
    rows = []
    for image, tag, rev in wanted:
        path = f"repos/{image}/remote/{tag}.md"
        text = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{rev}:{path}"], check=True,
                              capture_output=True, text=True).stdout
        for arch, fields in sorted(parse(text).items()):
            repo = next(r["repo"] for r in old if (r["image"], r["tag"]) == (image, tag))
            rows.append({"image": image, "tag": tag, "arch": arch, **fields, "repo": repo, "commit": rev,
                         "path": path})
    return rows


def render(rows):
    lines = ["\t".join(COLUMNS)] + ["\t".join(str(r[c]) for c in COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"


def self_test():
    # A made-up file in repo-info's layout, written for this test.
    sample = (
        "## `demo:1`\n\n### `demo:1` - linux; amd64\n\n-\tTotal Size: **1.5 KB (1500 bytes)**  \n"
        "```dockerfile\nADD alpine-minirootfs-3.99.1-x86_64.tar.gz / # buildkit\nENV DEMO_VERSION=1.2.3\n```\n\n"
        "-\tLayers:\n\t-\t`sha256:aa`  \n\t\tLast Modified: Tue, 04 Aug 2026 23:51:34 GMT  \n"
        "\t\tSize: 1.0 KB (1000 bytes)  \n\t\tMIME: application/vnd.oci.image.layer.v1.tar+gzip\n"
        "\t-\t`sha256:bb`  \n\t\tLast Modified: Wed, 05 Aug 2026 00:44:54 GMT  \n"
        "\t\tSize: 500.0 B  \n\t\tMIME: application/vnd.oci.image.layer.v1.tar+gzip\n\n"
        "### `demo:1` - unknown; unknown\n\n-\tTotal Size: **9 B (9 bytes)**  \n"
        "-\tLayers:\n\t-\t`sha256:cc`  \n\t\tSize: 9.0 B  \n\t\tMIME: application/vnd.in-toto+json\n\n"
        "### `demo:1` - linux; arm64 variant v8\n\n-\tTotal Size: **1.4 KB (1400 bytes)**  \n"
    )
    got = parse(sample)
    want = {
        "linux/amd64": {"compressed_bytes": "1500", "layer_sizes_compressed_bytes": "1000,500", "libc": "musl",
                        "base_os": "alpine 3.99.1", "app_version": "1.2.3", "data_date": "2026-08-05"},
        "linux/arm64": {"compressed_bytes": "1400", "layer_sizes_compressed_bytes": "", "libc": "glibc",
                        "base_os": "", "app_version": "", "data_date": ""},
    }
    assert got == want, got
    print("repo-info-tags: self-test passed")
    return 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    if not rest:
        print(__doc__, file=sys.stderr)
        return 2
    text = render(regenerate(rest[0], rest[1] if len(rest) > 1 else None))
    if check:
        with open(TABLE, encoding="utf-8") as f:
            same = f.read() == text
        print("repo-info-tags: " + ("up to date" if same else "differs from the mirror"), file=sys.stderr)
        return 0 if same else 1
    with open(TABLE, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
