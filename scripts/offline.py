#!/usr/bin/env python3
"""Writes offline.html next to a built index.html: the same page with the
wasm-bindgen script and the WebAssembly inlined into a classic script, and
the stylesheets inlined, so the playground runs from a file:// URL.

Chromium refuses module scripts and fetch() on file:// (the page's origin is
opaque), which is all Trunk's page uses. index.html forwards there itself
when opened from disk (its script `#file-redirect`).

Runs as Trunk's post_build hook (on $TRUNK_STAGING_DIR); by hand:
usage: scripts/offline.py [DIST_DIR]"""
import base64
import os
import pathlib
import re
import sys


def fail(message: str) -> int:
    print(f"offline.py: {message}", file=sys.stderr)
    return 1


def inline_snippets(js: str, dist: pathlib.Path):
    """Replaces each `import { a, b as c } from './snippets/...js';` with
    the snippet's code in a function scope that returns those exports. The
    snippet must be one ES module whose only export is a final
    `export { x as a, ... };` (esbuild's bundle shape)."""

    def one(m: re.Match) -> str:
        names, path = m.group(1), m.group(2)
        code = (dist / path).read_text(encoding="utf-8")
        exports = list(re.finditer(r"export\s*\{([^}]*)\}\s*;?\s*$", code))
        if len(exports) != 1:
            raise ValueError(f"{path} is not the bundle shape this script knows")
        table = {}
        for part in exports[0].group(1).split(","):
            local, _, public = part.strip().partition(" as ")
            table[(public or local).strip()] = local.strip()
        body = code[: exports[0].start()]
        if re.search(r"^\s*(import|export)\b", body, re.M):
            raise ValueError(f"{path} has imports or more exports")
        imported = [part.strip().partition(" as ") for part in names.split(",") if part.strip()]
        returned = ", ".join(f"{public}: {table[public]}" for public, _, _ in imported)
        bound = ", ".join(f"{public}: {local or public}" for public, _, local in imported)
        return "const { " + bound + " } = (function () {\n" + body + "\nreturn { " + returned + " };\n})();"

    try:
        out = re.sub(r"^import \{([^}]*)\} from '\./(snippets/[^']+\.js)';\s*$", one, js, flags=re.M)
    except (ValueError, KeyError, OSError) as e:
        return js, str(e)
    return out, None


def main() -> int:
    dist = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
    html = (dist / "index.html").read_text(encoding="utf-8")
    loader = re.search(r"<script type=\"module\">.*?from '\./([^']+\.js)'.*?module_or_path: '\./([^']+\.wasm)'.*?</script>", html, re.S)
    if not loader:
        return fail("no Trunk module loader in index.html (did Trunk's output change?)")
    js_name, wasm_name = loader.group(1), loader.group(2)
    js = (dist / js_name).read_text(encoding="utf-8")
    # Snippets the wasm-bindgen module imports (the editor's bundle) become
    # functions in the same script.
    js, problem = inline_snippets(js, dist)
    if problem:
        return fail(problem)
    # wasm-bindgen's `--target web` module has one export statement and uses
    # import.meta.url only for the default wasm path, which is not used here.
    js, exports = re.subn(r"^export \{[^}]*\};?\s*$", "", js, flags=re.M)
    js = js.replace("import.meta.url", "document.baseURI")
    if exports != 1 or re.search(r"^\s*(import|export)\b", js, re.M):
        return fail(f"{js_name} is not the module shape this script knows")
    wasm = base64.b64encode((dist / wasm_name).read_bytes()).decode("ascii")
    script = (
        "<script>\n(function () {\n" + js + "\n"
        f'const bytes = Uint8Array.from(atob("{wasm}"), (c) => c.charCodeAt(0));\n'
        "__wbg_init({ module_or_path: bytes });\n})();\n</script>"
    )

    def inline_css(m: re.Match) -> str:
        return "<style>\n" + (dist / m.group(1)).read_text(encoding="utf-8") + "\n</style>"

    page = html.replace(loader.group(0), "")
    page = re.sub(r'<link rel="stylesheet" href="\./([^"]+\.css)"[^>]*>', inline_css, page)
    page = re.sub(r"<link rel=\"(modulepreload|preload)\"[^>]*>", "", page)
    page = re.sub(r'<script id="file-redirect">.*?</script>', "", page, flags=re.S)
    # The size tables (scripts/size-data.py) go in as text, which the app
    # reads instead of fetching them (file:// has no fetch).
    for data in sorted(dist.glob("size-data-*.txt")):
        tables = data.read_text(encoding="utf-8")
        if "</" in tables:
            return fail(f"{data.name} holds '</', which would end its script element")
        script = f'<script type="text/plain" id="dockerplay-size-data">{tables}</script>\n' + script
    # The script goes at the end of <body>, where Yew finds the body to mount on.
    page = page.replace("</body>", script + "\n  </body>")
    (dist / "offline.html").write_text(page, encoding="utf-8")
    print(f"offline.py: wrote {dist / 'offline.html'} ({len(page) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
