#!/usr/bin/env python3
"""Writes the size tables (core/data/*.tsv) as one bundle next to a built
index.html, so that the app fetches the tables
when an analysis first needs them instead of carrying them in its wasm
(core's `size::install_data`, feature `embedded-data` off for the app).

The bundle is `size-data-<digest>.txt`: each table after a line
`#@ NAME`, in the order of core's `size::DATA_TABLES` (read from
core/src/size/data.rs, so the two cannot drift). Its name carries a digest
of its content (FNV-1a, 64 bits), so a browser may cache it for good and a
new build never reads an old one; sw.py precaches it like every other file.
The app computes the same name at compile time (build.rs), so the page
needs no tag to name it and the first load does not grow.

Runs as the first of Trunk's post_build hooks (on $TRUNK_STAGING_DIR, before
offline.py, which inlines the bundle, and sw.py); by hand:
usage: scripts/size-data.py [DIST_DIR]"""
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def tables() -> list:
    source = (ROOT / "core/src/size/data.rs").read_text(encoding="utf-8")
    m = re.search(r"pub const TABLES: \[&str; \d+\] = \[(.*?)\];", source, re.S)
    if not m:
        raise SystemExit("size-data.py: no TABLES in core/src/size/data.rs")
    return re.findall(r'"([^"]+)"', m.group(1))


def bundle() -> bytes:
    parts = []
    for name in tables():
        text = (ROOT / "core/data" / name).read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        parts.append(f"#@ {name}\n{text}")
    return "".join(parts).encode("utf-8")


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main() -> int:
    dist = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
    data = bundle()
    name = f"size-data-{fnv1a64(data):016x}.txt"
    for old in dist.glob("size-data-*.txt"):
        old.unlink()
    (dist / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
