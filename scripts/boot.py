#!/usr/bin/env python3
"""Editor first (issue 17): rewrites the loader Trunk writes into index.html
so that the editor takes keys before the app's wasm is fetched.

Trunk's loader imports the wasm-bindgen module at once and preloads the
wasm, so the page's first ~600 KB gzipped arrive before anything can be
typed. This loader imports the editor's bundle (the wasm-bindgen snippet,
by the same URL the wasm-bindgen module imports it from, so both share one
module instance), calls its `boot()`, which shows the editor with the
page's text (editor/boot.js), and only then imports the wasm-bindgen module
and fetches the wasm; the app adopts the editor when it starts. The wasm's
preload and the module's modulepreload go, so nothing competes with the
editor for the network.

Runs as Trunk's post_build hook (on $TRUNK_STAGING_DIR), after offline.py
(which reads Trunk's own loader) and before sw.py (which hashes the page);
by hand: usage: scripts/boot.py [DIST_DIR]"""
import os
import pathlib
import re
import sys

LOADER = """<script type="module">
// Editor first (scripts/boot.py, editor/boot.js): the editor takes keys,
// then the app (the wasm) loads and adopts it.
import { boot } from './%(snippet)s';
try {
  await boot();
} catch (e) {
  console.warn("dockerplay: no editor before the app (" + e + ")");
}
const bindings = await import('./%(js)s');
const wasm = await bindings.default({ module_or_path: './%(wasm)s' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>"""


def fail(message: str) -> int:
    print(f"boot.py: {message}", file=sys.stderr)
    return 1


def main() -> int:
    dist = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
    page = dist / "index.html"
    html = page.read_text(encoding="utf-8")
    loader = re.search(
        r"<script type=\"module\">\s*import init, \* as bindings from '\./([^']+\.js)';.*?"
        r"module_or_path: '\./([^']+\.wasm)'.*?</script>",
        html,
        re.S,
    )
    if not loader:
        return fail("no Trunk module loader in index.html (did Trunk's output change?)")
    js_name, wasm_name = loader.group(1), loader.group(2)
    snippets = sorted(p.relative_to(dist).as_posix() for p in dist.glob("snippets/*/editor/dist/codemirror.js"))
    if len(snippets) != 1:
        return fail(f"expected one editor snippet under snippets/, found {len(snippets)}")
    html = html[: loader.start()] + LOADER % {"snippet": snippets[0], "js": js_name, "wasm": wasm_name} + html[loader.end() :]
    # The app's module and wasm are fetched after the editor is up: drop
    # their preloads. The editor bundle's modulepreload stays.
    for name in (js_name, wasm_name):
        html, n = re.subn(r"<link rel=\"(?:modulepreload|preload)\" href=\"\./" + re.escape(name) + r"\"[^>]*>", "", html)
        if n != 1:
            return fail(f"expected one preload of {name}, found {n}")
    page.write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
