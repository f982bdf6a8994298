#!/usr/bin/env python3
"""Size budget of the first load (issue 17): the bytes a visitor fetches
until the editor takes a key, gzipped as served, must not exceed the
budget in KB.

It prints the built files, gzipped (level 9), in three groups: what the
page needs before the editor takes keys (the page, the stylesheets, the
small scripts and the editor's bundle), what follows it (the app's
wasm-bindgen module and wasm, fetched once the editor is up: editor/boot.js,
scripts/boot.py), and the size tables, which the app fetches when an
analysis first needs them (scripts/size-data.py). Then scripts/first-load.mjs loads the site in Chromium and
measures what was really fetched until the editor took a key, and how long
that took at full speed and with the CPU slowed 4x; its figure is the one
held to the budget.

usage: scripts/budget.py DIST_DIR [BUDGET_KB] [RUNS]"""
import gzip
import pathlib
import subprocess
import sys


def main() -> int:
    dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    budget_kb = float(sys.argv[2] if len(sys.argv) > 2 else 450)
    runs = sys.argv[3] if len(sys.argv) > 3 else "3"
    # offline.html is the copy for file:// with everything inlined, and
    # sw.js the offline worker, registered once the app runs: over HTTP
    # neither is part of the first load.
    files = sorted(
        p
        for p in dist.rglob("*")
        if (p.suffix in {".wasm", ".js", ".css", ".html"} and p.name not in {"offline.html", "sw.js"})
        or p.name.startswith("size-data-")
    )
    if not files:
        print(f"no build output in {dist}/", file=sys.stderr)
        return 1
    groups = {
        "before the editor takes keys": [],
        "after (the app, fetched once the editor is up)": [],
        "when an analysis first needs them (the size tables, scripts/size-data.py)": [],
    }
    for p in files:
        later = p.suffix == ".wasm" or (p.name.startswith("dockerplay-app-") and p.suffix == ".js")
        group = 2 if p.name.startswith("size-data-") else 1 if later else 0
        raw = p.read_bytes()
        groups[list(groups)[group]].append((p.relative_to(dist), len(raw), len(gzip.compress(raw, 9))))
    for title, rows in groups.items():
        print(f"{title}: {sum(r[2] for r in rows) / 1024:.1f} KB gzipped")
        for name, raw, gz in rows:
            print(f"  {name}: {raw / 1024:8.1f} KB raw, {gz / 1024:7.1f} KB gzipped")
    measured = subprocess.run(
        ["node", str(pathlib.Path(__file__).with_name("first-load.mjs")), str(dist), f"{budget_kb:g}", runs]
    )
    return measured.returncode


if __name__ == "__main__":
    sys.exit(main())
