#!/usr/bin/env python3
"""Size budget: the gzipped first load (wasm + js + css + html; the data is
compiled into the wasm) must not exceed the budget in KB. The editor module
(CodeMirror, shipped as a wasm-bindgen snippet under snippets/) has a
budget of its own: the first load may grow by it and by nothing else.

usage: scripts/budget.py DIST_DIR BUDGET_KB [EDITOR_BUDGET_KB]"""
import gzip
import pathlib
import sys


def main() -> int:
    dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    budget_kb = float(sys.argv[2] if len(sys.argv) > 2 else 700)
    editor_kb = float(sys.argv[3] if len(sys.argv) > 3 else 140)
    # offline.html is the copy for file:// with everything inlined; over HTTP
    # nobody loads it.
    files = sorted(
        p for p in dist.rglob("*") if p.suffix in {".wasm", ".js", ".css", ".html"} and p.name != "offline.html"
    )
    if not files:
        print(f"no build output in {dist}/", file=sys.stderr)
        return 1
    total_raw = total_gz = editor_gz = 0
    for p in files:
        raw = p.read_bytes()
        gz = len(gzip.compress(raw, compresslevel=9))
        if "snippets" in p.relative_to(dist).parts:
            editor_gz += gz
        else:
            total_raw += len(raw)
            total_gz += gz
        print(f"  {p.relative_to(dist)}: {len(raw) / 1024:8.1f} KB raw, {gz / 1024:7.1f} KB gzipped")
    ok = total_gz <= budget_kb * 1024
    editor_ok = editor_gz <= editor_kb * 1024
    verdict = "within" if ok else "OVER"
    print(f"first load without the editor module: {total_raw / 1024:.1f} KB raw, {total_gz / 1024:.1f} KB gzipped ({verdict} the {budget_kb:.0f} KB budget)")
    print(f"editor module: {editor_gz / 1024:.1f} KB gzipped ({'within' if editor_ok else 'OVER'} its {editor_kb:.0f} KB budget); first load in all {(total_gz + editor_gz) / 1024:.1f} KB gzipped")
    return 0 if ok and editor_ok else 1


if __name__ == "__main__":
    sys.exit(main())
