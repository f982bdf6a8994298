#!/usr/bin/env bash
# Runs the CI cache scenarios of tests/ci-oracle/scenarios/ against a real
# BuildKit and records, per build, which Dockerfile steps BuildKit took from
# its cache and which it executed, into tests/ci-oracle/results/.
#
# Not part of CI: it needs BuildKit binaries, runc and a registry, none of
# which this project builds or ships. Give them as they are:
#
#   BUILDKITD=/path/buildkitd BUILDCTL=/path/buildctl REGISTRY=127.0.0.1:5055 \
#     bash scripts/ci-oracle.sh [scenario-name ...]
#
# - buildkitd runs as root with the OCI worker (`--oci-worker=true
#   --containerd-worker=false`), so runc must be on PATH;
# - REGISTRY is a plain-HTTP registry listening on 127.0.0.1 (Debian's
#   docker-registry package serves one); the scenarios name
#   127.0.0.1:5055 and are rewritten to REGISTRY when it differs;
# - base images are made from Debian's busybox-static (/bin/busybox) and
#   pushed to REGISTRY by the script: a scenario's `images` entry
#   `{"REF": {"id": "ID"}}` makes REF a busybox image whose /etc/base-id
#   holds ID, so a new id is a tag whose digest moved.
#
# Runners: each named runner is a buildkitd root directory kept across the
# scenario's builds (`persistent` is the default one); `fresh` is a new
# empty root for that build. The daemon is restarted when the runner
# changes. `gha` caches are run as `local` caches in a directory per scope:
# there is no GitHub Actions cache service here, and both use BuildKit's
# same exporter (solver/exporter.go) and cache-chain format.
#
# Each result file holds the BuildKit version, the date, and per build the
# vertices buildctl's `--progress=rawjson` reported, with their `cached` flag.
set -euo pipefail
: "${BUILDKITD:?set BUILDKITD to a buildkitd binary}"
: "${BUILDCTL:?set BUILDCTL to a buildctl binary}"
: "${REGISTRY:?set REGISTRY to host:port of a plain-HTTP registry on 127.0.0.1}"
command -v runc >/dev/null || { echo "runc is not on PATH" >&2; exit 1; }
[ -x /bin/busybox ] || { echo "/bin/busybox (Debian busybox-static) is missing" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "buildkitd with the OCI worker needs root" >&2; exit 1; }
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import json, os, shutil, signal, subprocess, sys, tempfile, time, datetime, glob

BUILDKITD, BUILDCTL, REGISTRY = os.environ["BUILDKITD"], os.environ["BUILDCTL"], os.environ["REGISTRY"]
PLACEHOLDER = "127.0.0.1:5055"
ROOT = os.getcwd()
SCEN = os.path.join(ROOT, "tests/ci-oracle/scenarios")
OUT = os.path.join(ROOT, "tests/ci-oracle/results")
os.makedirs(OUT, exist_ok=True)
work = tempfile.mkdtemp(prefix="ci-oracle-")
sock = os.path.join(work, "buildkitd.sock")
config = os.path.join(work, "buildkitd.toml")
with open(config, "w") as f:
    # Plain HTTP for the loopback registry only.
    f.write(f'[registry."{REGISTRY}"]\n  http = true\n  insecure = true\n')

daemon = None
daemon_root = None

def sub(s):
    return s.replace(PLACEHOLDER, REGISTRY) if isinstance(s, str) else s

def start(root):
    global daemon, daemon_root
    if daemon is not None and daemon_root == root:
        return
    stop()
    os.makedirs(root, exist_ok=True)
    log = open(os.path.join(work, "buildkitd.log"), "a")
    daemon = subprocess.Popen([BUILDKITD, "--root", root, "--addr", "unix://" + sock, "--config", config,
                               "--oci-worker=true", "--containerd-worker=false"], stdout=log, stderr=log)
    daemon_root = root
    for _ in range(200):
        if subprocess.run([BUILDCTL, "--addr", "unix://" + sock, "debug", "workers"], capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    raise SystemExit("buildkitd did not start; see " + os.path.join(work, "buildkitd.log"))

def stop():
    global daemon
    if daemon is not None:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(20)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        daemon = None

def buildctl(args, stdin=None):
    p = subprocess.run([BUILDCTL, "--addr", "unix://" + sock] + args, capture_output=True, text=True, input=stdin)
    return p

pushed = {}

def push_base(ref, ident):
    """Makes REF a busybox image whose /etc/base-id holds IDENT."""
    ref = sub(ref)
    if pushed.get(ref) == ident:
        return
    ctx = tempfile.mkdtemp(dir=work)
    os.makedirs(os.path.join(ctx, "root/bin"))
    os.makedirs(os.path.join(ctx, "root/etc"))
    os.makedirs(os.path.join(ctx, "root/tmp"))
    shutil.copy("/bin/busybox", os.path.join(ctx, "root/bin/busybox"))
    for tool in ["sh", "cat", "echo", "ls", "wc", "cp", "mkdir", "touch", "date", "true", "tee", "sleep", "head"]:
        os.symlink("busybox", os.path.join(ctx, "root/bin", tool))
    with open(os.path.join(ctx, "root/etc/base-id"), "w") as f:
        f.write(ident + "\n")
    with open(os.path.join(ctx, "Dockerfile"), "w") as f:
        f.write("FROM scratch\nCOPY root/ /\n")
    # A separate daemon root, so that making bases leaves no cache in a runner.
    start(os.path.join(work, "base-maker"))
    p = buildctl(["build", "--frontend", "dockerfile.v0", "--local", "context=" + ctx, "--local", "dockerfile=" + ctx,
                  "--output", f"type=image,name={ref},push=true"])
    if p.returncode != 0:
        raise SystemExit(f"pushing base {ref} failed:\n{p.stderr}")
    pushed[ref] = ident

def cache_opt(spec, dirs):
    """A scenario cache entry (`type=...,k=v`) as buildctl's attributes."""
    parts = dict(kv.split("=", 1) for kv in spec.split(","))
    kind = parts.pop("type")
    if kind == "gha":
        # No Actions cache service here: a local directory per scope.
        scope = parts.pop("scope", "buildkit")
        d = dirs.setdefault("gha:" + scope, os.path.join(work, "gha-" + scope))
        parts = {**parts, "dest": d, "src": d}
        kind = "local"
    elif kind == "local":
        for k in ("dest", "src"):
            if k in parts:
                parts[k] = dirs.setdefault("local:" + parts[k], os.path.join(work, "local-" + parts[k].replace("/", "_")))
    elif kind == "registry":
        parts["ref"] = sub(parts["ref"])
    return kind, parts

def build(scenario_dir, i, b, dirs, runner_roots, images):
    for ref, info in (b.get("images") or {}).items():
        images[ref] = info["id"]
        push_base(ref, info["id"])
    runner = b.get("runner", "persistent")
    if runner == "fresh":
        root = os.path.join(work, f"fresh-{i}-{time.time_ns()}")
    else:
        root = runner_roots.setdefault(runner, os.path.join(work, "runner-" + runner + "-" + str(time.time_ns())))
    start(root)
    ctx = os.path.join(scenario_dir, f"build-{i}")
    os.makedirs(ctx)
    for f in b.get("files", []):
        if "content" not in f:
            raise SystemExit("the oracle runs text files only")
        p = os.path.join(ctx, f["path"])
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as fh:
            fh.write(sub(f["content"]))
        os.chmod(p, int(str(f.get("mode", "644")), 8))
    with open(os.path.join(ctx, "Dockerfile"), "w") as fh:
        fh.write(sub(b["dockerfile"]))
    args = ["build", "--frontend", "dockerfile.v0", "--local", "context=" + ctx, "--local", "dockerfile=" + ctx, "--progress=rawjson"]
    for k, v in (b.get("build_args") or {}).items():
        args += ["--opt", f"build-arg:{k}={v}"]
    if b.get("target"):
        args += ["--opt", "target=" + b["target"]]
    if b.get("pull"):
        args += ["--opt", "image-resolve-mode=pull"]
    if b.get("no_cache"):
        args += ["--no-cache"]
    if b.get("no_cache_filter"):
        args += ["--opt", "no-cache=" + ",".join(b["no_cache_filter"])]
    inline = False
    for spec in b.get("cache_to", []):
        kind, parts = cache_opt(spec, dirs)
        parts.pop("src", None)
        inline |= kind == "inline"
        args += ["--export-cache", ",".join([f"type={kind}"] + [f"{k}={v}" for k, v in parts.items()])]
    for spec in b.get("cache_from", []):
        kind, parts = cache_opt(spec, dirs)
        parts.pop("dest", None)
        parts.pop("mode", None)
        if kind == "local" and not os.path.exists(os.path.join(parts["src"], "index.json")):
            # BuildKit fails a build whose local cache source is missing;
            # CI setups skip the import then, and so does the oracle.
            continue
        args += ["--import-cache", ",".join([f"type={kind}"] + [f"{k}={v}" for k, v in parts.items()])]
    if b.get("push"):
        args += ["--output", f"type=image,name={sub(b['push'])},push=true"]
    started = time.time()
    p = buildctl(args)
    vertices = {}
    for line in p.stderr.splitlines():
        try:
            status = json.loads(line)
        except ValueError:
            continue
        for v in status.get("vertexes") or []:
            rec = vertices.setdefault(v["digest"], {"name": v.get("name", "")})
            if v.get("cached"):
                rec["cached"] = True
            if v.get("started"):
                rec["started"] = True
            if v.get("completed"):
                rec["completed"] = True
            if v.get("error"):
                rec["error"] = v["error"]
    steps = [{"name": v["name"], "cached": bool(v.get("cached")), "started": bool(v.get("started")), "completed": bool(v.get("completed"))}
             for v in vertices.values() if v["name"].startswith("[") and not v["name"].startswith("[internal]")
             and not v["name"].startswith("[auth]")]
    steps.sort(key=lambda s: s["name"])
    return {"ok": p.returncode == 0, "seconds": round(time.time() - started, 2), "steps": steps,
            "error": None if p.returncode == 0 else p.stderr.strip().splitlines()[-1:]}

version = subprocess.run([BUILDKITD, "--version"], capture_output=True, text=True).stdout.strip()
names = sys.argv[1:] or sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(SCEN, "*.json")))
failed = 0
try:
    for name in names:
        with open(os.path.join(SCEN, name + ".json")) as f:
            scenario = json.load(f)
        sdir = os.path.join(work, "s-" + name)
        os.makedirs(sdir)
        images = {}
        for ref, info in (scenario.get("images") or {}).items():
            images[ref] = info["id"]
            push_base(ref, info["id"])
        dirs, runners, builds = {}, {}, []
        for i, b in enumerate(scenario["builds"]):
            builds.append(build(sdir, i, b, dirs, runners, images))
        failed += sum(not b["ok"] for b in builds)
        result = {"scenario": name, "buildkit": version,
                  "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
                  "builds": builds}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write("\n")
        summary = " | ".join(" ".join("C" if s["cached"] else "x" for s in b["steps"]) for b in builds)
        print(f"{name}: {summary}", flush=True)
finally:
    stop()
    shutil.rmtree(work, ignore_errors=True)
print(f"{len(names)} scenarios recorded, {failed} failed builds")
sys.exit(1 if failed else 0)
PY
