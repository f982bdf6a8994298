#!/usr/bin/env python3
"""Extracts BuildKit's parser and build-check test cases as plain data.

Called by scripts/upstream-buildkit.sh (which pins the commit):

    upstream-buildkit.py MIRROR_GIT_DIR COMMIT OUTDIR

Everything is read from the mirror with `git show COMMIT:path`; the Go test
sources are read as data (a small evaluator of Go literals below), never
built or run. OUTDIR gets:

    COMMIT                       the commit the cases come from
    parser/NAME/Dockerfile       frontend/dockerfile/parser/testfiles/NAME
    parser/NAME/result           BuildKit's AST dump (Node.Dump) of it
    negative/NAME/Dockerfile     testfiles-negative: Parse must fail
    line.json                    TestParseIncludesLineNumbers: the file and
                                 the AST's and each child's start/end lines
    empty_continuation.json      TestParseWarnsOnEmptyContinutationLine
    heredoc.json                 parser_heredoc_test.go: {"parse": [{id,
                                 source, dockerfile, children: {index:
                                 [heredoc...] | null}}], "from_line": [{id,
                                 source, line, names}]}
    checks.json                  every checkLinterWarnings call of
                                 dockerfile_check_test.go, see below

A checks.json case:

    {"id": "testStageName#2", "source": "frontend/dockerfile/...go:123",
     "dockerfile": "...", "dockerignore": "..." | null,
     "frontend_attrs": {"build-arg:X": "1", "target": "...", ...},
     "build": [{"rule", "line", "detail", "level"}],   # `docker build`: the
                                                        # target's stages
     "check": [...],                                    # the lint subrequest
                                                        # (`--check`): all stages
     "build_err": "..." | null, "build_err_location": N | null,
     "unresolved": ["why a value could not be read"]}

`build` is the test's Warnings; `check` is UnmarshalWarnings when given,
else Warnings (checkUnmarshal in the same file).
"""

import json
import os
import re
import subprocess
import sys


def git_show(mirror, commit, path):
    return subprocess.run(
        ["git", "--git-dir", mirror, "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def git_ls(mirror, commit, path):
    out = subprocess.run(
        ["git", "--git-dir", mirror, "ls-tree", "--name-only", f"{commit}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return sorted(l for l in out.splitlines() if l)


# ---------------------------------------------------------------- Go tokens

class Tok:
    __slots__ = ("kind", "val", "line")

    def __init__(self, kind, val, line):
        self.kind, self.val, self.line = kind, val, line

    def __repr__(self):
        return f"{self.kind}:{self.val!r}@{self.line}"


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
PUNCT = [":=", "...", "&&", "||", "==", "!=", "<=", ">=", "<-", "++", "--", "+=", "-="]


def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n in ESCAPES:
            out.append(ESCAPES[n])
            i += 2
        elif n == "x":
            out.append(chr(int(body[i + 2 : i + 4], 16)))
            i += 4
        elif n == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        elif n == "U":
            out.append(chr(int(body[i + 2 : i + 10], 16)))
            i += 10
        elif n in "01234567":
            out.append(chr(int(body[i + 1 : i + 4], 8)))
            i += 4
        else:
            raise ValueError(f"unknown escape \\{n}")
    return "".join(out)


def tokenize(src):
    toks, i, line = [], 0, 1
    while i < len(src):
        c = src[i]
        if c == "\n":
            toks.append(Tok("nl", "\n", line))
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = len(src) if j < 0 else j
        elif src.startswith("/*", i):
            j = src.index("*/", i)
            line += src.count("\n", i, j)
            i = j + 2
        elif c == "`":
            j = src.index("`", i + 1)
            toks.append(Tok("str", src[i + 1 : j].replace("\r", ""), line))
            line += src.count("\n", i, j)
            i = j + 1
        elif c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            toks.append(Tok("str" if c == '"' else "rune", unescape(src[i + 1 : j]), line))
            i = j + 1
        elif c.isdigit():
            m = re.match(r"0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|\d[\d_]*(\.\d+)?", src[i:])
            text = m.group(0).replace("_", "")
            if text.lower().startswith("0o"):
                val = int(text[2:], 8)
            elif text.lower().startswith("0x"):
                val = int(text[2:], 16)
            elif "." in text:
                val = float(text)
            elif len(text) > 1 and text.startswith("0"):
                val = int(text, 8)
            else:
                val = int(text)
            toks.append(Tok("num", val, line))
            i += len(m.group(0))
        elif c.isalpha() or c == "_":
            m = re.match(r"[A-Za-z_][A-Za-z_0-9]*", src[i:])
            toks.append(Tok("id", m.group(0), line))
            i += len(m.group(0))
        else:
            for p in PUNCT:
                if src.startswith(p, i):
                    toks.append(Tok("p", p, line))
                    i += len(p)
                    break
            else:
                toks.append(Tok("p", c, line))
                i += 1
    return toks


# ------------------------------------------------------------ Go literals

class Unknown:
    """A value this evaluator cannot compute (a run-time value, a call)."""

    def __init__(self, why):
        self.why = why

    def __repr__(self):
        return f"Unknown({self.why})"


class Lambda:
    """A local function literal whose body is one return statement."""

    def __init__(self, params, body):
        self.params, self.body = params, body


def go_quote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def go_sprintf(fmt, args):
    if isinstance(fmt, Unknown):
        return fmt
    for a in args:
        if isinstance(a, Unknown):
            return a
    out, ai, i = [], 0, 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        verb = fmt[i + 1]
        i += 2
        if verb == "%":
            out.append("%")
            continue
        a = args[ai]
        ai += 1
        if verb == "q":
            out.append(go_quote(a))
        elif verb in "sdv":
            out.append(str(a).lower() if isinstance(a, bool) else str(a))
        else:
            return Unknown(f"verb %{verb}")
    return "".join(out)


TYPE_NAMES = {"lintTestParams", "expectedLintWarning", "Heredoc"}


class Parser:
    def __init__(self, toks, env=None):
        self.t, self.i, self.env = toks, 0, env if env is not None else {}

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else Tok("eof", None, -1)

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def is_p(self, v, k=0):
        tok = self.peek(k)
        return tok.kind == "p" and tok.val == v

    def expect(self, v):
        tok = self.next()
        if tok.kind != "p" or tok.val != v:
            raise SyntaxError(f"expected {v!r}, got {tok!r}")

    def skip_nl(self):
        while self.peek().kind == "nl":
            self.i += 1

    def skip_balanced(self):
        """Skips one bracketed group starting at the current opening token."""
        pairs = {"(": ")", "[": "]", "{": "}"}
        depth = 0
        while True:
            tok = self.next()
            if tok.kind == "eof":
                return
            if tok.kind == "p" and tok.val in pairs:
                depth += 1
            elif tok.kind == "p" and tok.val in pairs.values():
                depth -= 1
                if depth == 0:
                    return

    def parse_type(self):
        """Consumes a type; returns its text."""
        tok = self.peek()
        if self.is_p("["):
            self.next()
            n = "" if self.is_p("]") else str(self.next().val)
            self.expect("]")
            return f"[{n}]" + self.parse_type()
        if self.is_p("*"):
            self.next()
            return "*" + self.parse_type()
        if tok.kind == "id" and tok.val == "map":
            self.next()
            self.expect("[")
            k = self.parse_type()
            self.expect("]")
            return f"map[{k}]" + self.parse_type()
        if tok.kind == "id" and tok.val in ("struct", "interface"):
            self.next()
            self.skip_balanced()
            return tok.val + "{...}"
        if tok.kind == "id" and tok.val == "func":
            self.next()
            self.skip_balanced()
            if not self.is_p("{") and self.peek().kind != "nl":
                self.parse_type()
            return "func"
        name = self.next().val
        while self.is_p(".") and self.peek(1).kind == "id":
            self.next()
            name += "." + self.next().val
        return name

    def parse_expr(self):
        left = self.parse_unary()
        while self.is_p("+"):
            self.next()
            self.skip_nl()
            right = self.parse_unary()
            if isinstance(left, Unknown):
                continue
            left = right if isinstance(right, Unknown) else left + right
        # Other binary operators are not evaluated.
        while self.peek().kind == "p" and self.peek().val in ("-", "*", "/", "==", "!=", "&&", "||", "<", ">"):
            self.next()
            self.parse_unary()
            left = Unknown("operator")
        return left

    def parse_unary(self):
        if self.is_p("&"):
            self.next()
            return self.parse_unary()
        if self.is_p("-"):
            self.next()
            v = self.parse_unary()
            return v if isinstance(v, Unknown) else -v
        return self.parse_postfix(self.parse_primary())

    def parse_primary(self):
        tok = self.peek()
        if tok.kind in ("str", "rune", "num"):
            self.next()
            return tok.val
        if self.is_p("("):
            self.next()
            v = self.parse_expr()
            self.expect(")")
            return v
        if self.is_p("[") or (tok.kind == "id" and tok.val in ("map", "struct")):
            typ = self.parse_type()
            if self.is_p("{"):
                return self.parse_composite()
            if self.is_p("("):
                return ("call", typ)
            return Unknown(f"type {typ}")
        if tok.kind == "id" and tok.val == "func":
            return self.parse_func_literal()
        if tok.kind == "id":
            self.next()
            name = tok.val
            if name == "true":
                return True
            if name == "false":
                return False
            if name == "nil":
                return None
            while self.is_p(".") and self.peek(1).kind == "id":
                self.next()
                name += "." + self.next().val
            if self.is_p("{") and (name in TYPE_NAMES or "." in name or name[0].isupper()):
                return self.parse_composite()
            if self.is_p("("):
                return ("call", name)
            if name in self.env and not isinstance(self.env[name], Lambda):
                return self.env[name]
            return Unknown(f"name {name}")
        raise SyntaxError(f"unexpected {tok!r}")

    def parse_postfix(self, v):
        while True:
            if isinstance(v, tuple) and v[0] == "call":
                v = self.parse_call(v[1])
            elif self.is_p("("):
                self.skip_balanced()
                v = Unknown("call of a value")
            elif self.is_p("["):
                self.skip_balanced()
                v = Unknown("index")
            elif self.is_p(".") and self.peek(1).kind == "id":
                self.next()
                self.next()
                v = Unknown("selector")
            else:
                return v

    def parse_func_literal(self):
        """A `func(a T, b U) R { return EXPR }` literal becomes a Lambda;
        any other body is not evaluated."""
        self.next()
        start = self.i
        self.skip_balanced()
        params = [t.val for k, t in enumerate(self.t[start + 1 : self.i - 1]) if t.kind == "id" and (k == 0 or self.t[start + k].val in "(,")]
        while not self.is_p("{"):
            self.next()
        body_start = self.i
        self.skip_balanced()
        body = [t for t in self.t[body_start + 1 : self.i - 1] if t.kind != "nl"]
        if body and body[0].kind == "id" and body[0].val == "return":
            return Lambda(params, body[1:])
        return Unknown("func literal")

    def parse_args(self):
        self.expect("(")
        args = []
        self.skip_nl()
        while not self.is_p(")"):
            args.append(self.parse_expr())
            self.skip_nl()
            if self.is_p(","):
                self.next()
            if self.is_p("..."):
                self.next()
            self.skip_nl()
        self.expect(")")
        return args

    def parse_call(self, name):
        args = self.parse_args()
        if name in ("[]byte", "string", "bytes.NewBufferString", "strings.NewReader"):
            return args[0]
        if name == "fmt.Appendf":
            return go_sprintf(args[1], args[2:])
        if name == "fmt.Sprintf":
            return go_sprintf(args[0], args[1:])
        if name == "integration.UnixOrWindows":
            # The Unix case: the Linux build BuildKit's CI runs.
            return args[0]
        if name == "regexp.MustCompile":
            return args[0] if isinstance(args[0], Unknown) else {"regexp": args[0]}
        if name == "regexp.QuoteMeta":
            return args[0] if isinstance(args[0], Unknown) else re.escape(args[0])
        if isinstance(self.env.get(name), Lambda):
            f = self.env[name]
            inner = Parser(f.body, dict(self.env, **dict(zip(f.params, args))))
            return inner.parse_expr()
        if name == "strings.Repeat":
            return Unknown("strings.Repeat") if any(isinstance(a, Unknown) for a in args) else args[0] * args[1]
        return Unknown(f"call {name}")

    def parse_composite(self):
        self.expect("{")
        items, keyed = [], {}
        self.skip_nl()
        while not self.is_p("}"):
            if self.is_p("{"):
                v = self.parse_composite()
            else:
                v = self.parse_expr()
            if self.is_p(":"):
                self.next()
                self.skip_nl()
                val = self.parse_composite() if self.is_p("{") else self.parse_expr()
                key = v if not isinstance(v, Unknown) else self.t[self.i - 1].val
                keyed[key if isinstance(key, str) else str(key)] = val
            else:
                items.append(v)
            self.skip_nl()
            if self.is_p(","):
                self.next()
            self.skip_nl()
        self.expect("}")
        return keyed if keyed or not items else items



def composite_key_fix(toks):
    """Composite-literal keys are bare identifiers (`RuleName: "x"`); make
    them strings so parse_composite can read them as keys."""
    out = []
    for k, tok in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        prev = out[-1] if out else None
        if (
            tok.kind == "id"
            and nxt is not None
            and nxt.kind == "p"
            and nxt.val == ":"
            and prev is not None
            and (prev.kind == "nl" or (prev.kind == "p" and prev.val in "{,"))
        ):
            out.append(Tok("str", tok.val, tok.line))
        else:
            out.append(tok)
    return out


def functions(src):
    """(name, line, body tokens) of every top-level func in a Go file."""
    toks = composite_key_fix(tokenize(src))
    k = 0
    while k < len(toks):
        tok = toks[k]
        if tok.kind == "id" and tok.val == "func" and (k == 0 or toks[k - 1].kind == "nl") and toks[k + 1].kind == "id":
            name, line = toks[k + 1].val, tok.line
            j = k + 2
            while not (toks[j].kind == "p" and toks[j].val == "{"):
                j += 1
            p = Parser(toks)
            p.i = j
            p.skip_balanced()
            yield name, line, toks[j + 1 : p.i - 1]
            k = p.i
        else:
            k += 1


def walk(body, on_call):
    """Runs through a function body, keeping `x := v` / `x = v` values in an
    environment, and calls on_call(parser, name, line) at each call of
    interest."""
    env = {}
    p = Parser(body, env)
    while p.i < len(body):
        tok = p.peek()
        prev = body[p.i - 1] if p.i > 0 else None
        at_stmt = prev is None or prev.kind == "nl" or (prev.kind == "p" and prev.val in "{;")
        if tok.kind == "id" and at_stmt and p.peek(1).kind == "p" and p.peek(1).val in (":=", "="):
            p.i += 2
            try:
                env[tok.val] = p.parse_expr()
            except (SyntaxError, IndexError, ValueError) as e:
                env[tok.val] = Unknown(f"unparsed: {e}")
            continue
        if tok.kind == "id" and p.is_p("(", 1) and on_call(p, tok.val, tok.line):
            continue
        p.i += 1
    return env


# ------------------------------------------------------------ extraction

CHECK_TEST = "frontend/dockerfile/dockerfile_check_test.go"
PARSER = "frontend/dockerfile/parser"


def warning(w):
    return {"rule": w.get("RuleName"), "line": w.get("Line"), "detail": w.get("Detail"), "level": w.get("Level")}


def extract_checks(src):
    cases = []
    for fname, _, body in functions(src):
        if not fname.startswith("test"):
            continue

        def on_call(p, name, line):
            if name != "checkLinterWarnings":
                return False
            p.next()
            args = p.parse_args()
            params = args[2] if len(args) > 2 else Unknown("no params")
            n = sum(1 for c in cases if c["id"].startswith(fname + "#")) + 1
            case = {"id": f"{fname}#{n}", "source": f"{CHECK_TEST}:{line}", "unresolved": []}
            if not isinstance(params, dict):
                case["unresolved"].append(f"parameters: {params}")
                params = {}

            def value(key, default=None):
                v = params.get(key, default)
                if isinstance(v, Unknown):
                    case["unresolved"].append(f"{key}: {v.why}")
                    return None
                return v

            case["dockerfile"] = value("Dockerfile")
            case["dockerignore"] = value("DockerIgnore")
            attrs = value("FrontendAttrs") or {}
            for k, v in list(attrs.items()):
                if isinstance(v, Unknown):
                    case["unresolved"].append(f"FrontendAttrs[{k}]: {v.why}")
                    del attrs[k]
            case["frontend_attrs"] = attrs
            build = value("Warnings") or []
            unmarshal = params.get("UnmarshalWarnings")
            check = value("UnmarshalWarnings") if unmarshal is not None else build
            for ws in (build, check or []):
                for w in ws:
                    if not isinstance(w, dict):
                        case["unresolved"].append(f"warning: {w}")
                        continue
                    for k, v in w.items():
                        if isinstance(v, Unknown):
                            case["unresolved"].append(f"warning {k}: {v.why}")
            clean = lambda ws: sorted(
                (warning({k: v for k, v in w.items() if not isinstance(v, Unknown)}) for w in ws if isinstance(w, dict)),
                key=lambda w: (w["line"] or 0, w["detail"] or ""),
            )
            case["build"] = clean(build)
            case["check"] = clean(check or [])
            err = value("BuildErr")
            rx = value("StreamBuildErrRegexp")
            case["build_err"] = err if err else (rx["regexp"] if isinstance(rx, dict) else None)
            case["build_err_location"] = value("BuildErrLocation")
            if case["dockerfile"] is None and "Dockerfile" not in params:
                case["unresolved"].append("Dockerfile: not given")
            cases.append(case)
            return True

        walk(body, on_call)
    return cases


def extract_heredoc(src):
    parse, from_line = [], []
    for fname, fline, body in functions(src):
        env = walk(body, lambda p, n, l: False)
        if fname == "TestParseExtractsHeredoc":
            children = {str(i + 1): hs for i, hs in enumerate(env["tests"])}
            for hs in env["tests"]:
                for h in hs or []:
                    h.setdefault("Content", "")
                    h.setdefault("Expand", False)
                    h.setdefault("Chomp", False)
                    h.setdefault("FileDescriptor", 0)
            parse.append({"id": fname, "source": f"{PARSER}/parser_heredoc_test.go:{fline}", "dockerfile": env["dockerfile"], "children": children})
        elif fname == "TestParseJSONHeredoc":
            # The test asserts children 1..3 have no heredocs.
            parse.append({"id": fname, "source": f"{PARSER}/parser_heredoc_test.go:{fline}", "dockerfile": env["dockerfile"], "children": {"1": None, "2": None, "3": None}})
        elif fname == "TestHeredocsFromLine":
            for k, c in enumerate(env["srcs"]):
                from_line.append({"id": f"{fname}#{k + 1}", "source": f"{PARSER}/parser_heredoc_test.go:{fline}", "line": c["line"], "names": c.get("heredocNames") or []})
    return {"parse": parse, "from_line": from_line}


def extract_parser_test(src):
    line = empty = None
    for fname, fline, body in functions(src):
        text = "".join(str(t.val) if t.kind != "str" else json.dumps(t.val) for t in body)
        if fname == "TestParseIncludesLineNumbers":
            env = walk(body, lambda p, n, l: False)
            nums = re.findall(r"require\.Equal\(t,(\d+),ast\.(StartLine|EndLine)\)", text.replace(" ", ""))
            count = re.search(r"require\.Equal\(t,(\d+),len\(ast\.Children\)\)", text.replace(" ", ""))
            line = {"source": f"{PARSER}/parser_test.go:{fline}", "start": None, "end": None, "children": env["expected"]}
            for n, which in nums:
                line["start" if which == "StartLine" else "end"] = int(n)
            assert int(count.group(1)) == len(env["expected"])
        elif fname == "TestParseWarnsOnEmptyContinutationLine":
            env = walk(body, lambda p, n, l: False)
            count = re.search(r"require\.Equal\(t,(\d+),len\(warnings\)\)", text.replace(" ", ""))
            empty = {"source": f"{PARSER}/parser_test.go:{fline}", "dockerfile": env["dockerfile"], "warnings": int(count.group(1))}
    return line, empty


def main():
    mirror, commit, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)

    def write(path, data):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)

    write("COMMIT", (commit + "\n").encode())
    n_parser = 0
    for name in git_ls(mirror, commit, f"{PARSER}/testfiles"):
        for f in ("Dockerfile", "result"):
            write(f"parser/{name}/{f}", git_show(mirror, commit, f"{PARSER}/testfiles/{name}/{f}"))
        n_parser += 1
    negative = git_ls(mirror, commit, f"{PARSER}/testfiles-negative")
    for name in negative:
        write(f"negative/{name}/Dockerfile", git_show(mirror, commit, f"{PARSER}/testfiles-negative/{name}/Dockerfile"))

    line, empty = extract_parser_test(git_show(mirror, commit, f"{PARSER}/parser_test.go").decode())
    line["dockerfile"] = git_show(mirror, commit, f"{PARSER}/testfile-line/Dockerfile").decode()
    write("line.json", json.dumps(line, indent=1).encode())
    write("empty_continuation.json", json.dumps(empty, indent=1).encode())

    heredoc = extract_heredoc(git_show(mirror, commit, f"{PARSER}/parser_heredoc_test.go").decode())
    write("heredoc.json", json.dumps(heredoc, indent=1, ensure_ascii=False).encode())

    checks = extract_checks(git_show(mirror, commit, CHECK_TEST).decode())
    write("checks.json", json.dumps(checks, indent=1, ensure_ascii=False).encode())

    unresolved = [c for c in checks if c["unresolved"]]
    print(f"BuildKit {commit}: {n_parser} parser testfiles, {len(negative)} negative, "
          f"{sum(len(p['children']) for p in heredoc['parse'])} + {len(heredoc['from_line'])} heredoc cases, "
          f"{len(checks)} check cases ({sum(len(c['build']) for c in checks)} build warnings, "
          f"{sum(len(c['check']) for c in checks)} check warnings; {len(unresolved)} with unresolved values) -> {out}")
    for c in unresolved:
        print(f"  {c['id']} ({c['source']}): {'; '.join(c['unresolved'])}")


if __name__ == "__main__":
    main()
