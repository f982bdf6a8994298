#!/usr/bin/env python3
"""Where a wasm's bytes go: code per crate (from the name section), data,
and the other sections, raw and as a share of the gzipped whole.

Give it the app's wasm-bindgen output of a release build
(`target/wasm-bindgen/release/dockerplay-app_bg.wasm`): it runs `wasm-opt
-Oz` on it as the build does, with `-g` so that the function names stay
(in a name section the shipped wasm lacks, left out of every figure). The
gzipped size of a part is its bytes compressed alone, so the parts add up
to a little more than the whole.

usage: scripts/wasm-sizes.py WASM [TOP]"""
import collections
import gzip
import pathlib
import re
import subprocess
import sys
import tempfile


def leb(buf: bytes, at: int):
    value = shift = 0
    while True:
        b = buf[at]
        at += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return value, at


def sections(buf: bytes):
    at = 8
    while at < len(buf):
        kind = buf[at]
        size, body = leb(buf, at + 1)
        yield kind, buf[body : body + size]
        at = body + size


def names(custom: bytes):
    """Function index -> name, from the `name` custom section."""
    out = {}
    n, at = leb(custom, 0)
    at += n  # the section's own name
    while at < len(custom):
        sub = custom[at]
        size, at = leb(custom, at + 1)
        if sub == 1:
            count, p = leb(custom, at)
            for _ in range(count):
                idx, p = leb(custom, p)
                ln, p = leb(custom, p)
                out[idx] = custom[p : p + ln].decode("utf-8", "replace")
                p += ln
        at += size
    return out


def crate(name: str) -> str:
    """The crate a (demangled or mangled) Rust symbol belongs to."""
    n = re.sub(r"\[[0-9a-f]+\]", "", name)
    # `<T as Trait>::f` and `<impl ...>`: the implementing type's crate.
    n = re.sub(r"^<+", "", n)
    n = re.sub(r"^(&|\*const |\*mut |dyn |mut )+", "", n)
    m = re.match(r"_ZN\d+([A-Za-z_][A-Za-z0-9_]*)", n)
    if m:
        return m.group(1)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", n)
    if m:
        return m.group(1)
    if n.startswith(("__wbg", "__wbindgen", "wasm_bindgen")):
        return "wasm_bindgen"
    return "(other: " + re.split(r"[<:( ]", n, maxsplit=1)[0][:24] + ")" if n else "(unnamed)"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = f"{tmp}/named.wasm"
        subprocess.run(
            ["wasm-opt", "-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
             "--enable-sign-ext", "--enable-mutable-globals", sys.argv[1], "-o", out],
            check=True,
        )
        buf = open(out, "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    secs = list(sections(buf))
    imported = 0
    fn_names = {}
    code = data = b""
    other = collections.Counter()
    for kind, body in secs:
        if kind == 2:
            count, p = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    ln, p = leb(body, p)
                    p += ln
                k = body[p]
                p += 1
                if k == 0:
                    imported += 1
                    _, p = leb(body, p)
                elif k == 1:
                    p += 1
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif k == 2:
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif k == 3:
                    p += 2
            other["import"] += len(body)
        elif kind == 0:
            ln, p = leb(body, 0)
            title = body[p : p + ln].decode("utf-8", "replace")
            if title == "name":
                fn_names = names(body)
            else:
                other["custom " + title] += len(body)
        elif kind == 10:
            code = body
        elif kind == 11:
            data = body
        else:
            other[{1: "type", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export", 9: "element", 12: "datacount"}.get(kind, str(kind))] += len(body)
    per_crate = collections.defaultdict(bytearray)
    count, p = leb(code, 0)
    for i in range(count):
        size, start = leb(code, p)
        per_crate[crate(fn_names.get(imported + i, ""))] += code[start : start + size]
        p = start + size
    shipped = buf
    # The whole as shipped has no name section: leave it out of the total.
    total_gz = len(gzip.compress(b"".join(body for kind, body in secs if not (kind == 0 and body[1:5] == b"name")), 9))
    rows = [(name, len(b), len(gzip.compress(bytes(b), 9))) for name, b in per_crate.items()]
    # The data section: the size tables of core/data (found by their text),
    # apart from the rest (strings, docs, samples, other constants).
    tables = b""
    rest = bytes(data)
    for f in sorted((pathlib.Path(__file__).parent.parent / "core" / "data").glob("*")):
        text = f.read_bytes()
        if len(text) > 256 and text in rest:
            tables += text
            rest = rest.replace(text, b"", 1)
    rows.append(("(data: the size tables, core/data)", len(tables), len(gzip.compress(tables, 9))))
    rows.append(("(data: other strings and constants)", len(rest), len(gzip.compress(rest, 9))))
    rows.sort(key=lambda r: -r[2])
    print(f"{sys.argv[1]}: {len(shipped) / 1024:.0f} KB with names; about {total_gz / 1024:.0f} KB gzipped without them")
    print(f"{'part':<44} {'raw KB':>8} {'gzip KB':>8} {'share':>6}")
    for name, raw, gz in rows[:top]:
        print(f"{name:<44} {raw / 1024:8.1f} {gz / 1024:8.1f} {100 * gz / total_gz:5.1f}%")
    rest = rows[top:]
    if rest:
        print(f"{'(' + str(len(rest)) + ' more)':<44} {sum(r[1] for r in rest) / 1024:8.1f} {sum(r[2] for r in rest) / 1024:8.1f}")
    for name, raw in other.most_common():
        print(f"{'section ' + name:<44} {raw / 1024:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
