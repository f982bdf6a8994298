#!/usr/bin/env python3
"""Writes the CI cache scenarios of tests/ci-oracle/scenarios/ (our own
inputs, in the scenario format of docs/scenario.md). scripts/ci-oracle.sh
runs them against a real BuildKit; core/tests/cache_ci.rs holds `simulate`
to what it recorded. Run it after changing a scenario here."""
import json, os

R = "127.0.0.1:5055"
BASE = f"{R}/base:1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenarios")

# One stage: dependencies first, then the sources.
SINGLE = f"""FROM {BASE}
WORKDIR /app
COPY dep.txt ./
RUN cat dep.txt > /deps && echo installed >> /deps
COPY src.txt ./
RUN cat /deps src.txt > /app/out
"""

# Three stages: an expensive dependency stage, a build stage on it, and a
# small final image that only copies the build's output.
MULTI = f"""FROM {BASE} AS deps
WORKDIR /w
COPY dep.txt ./
RUN cat dep.txt > deps.out && echo fetched >> deps.out
FROM deps AS build
COPY src.txt ./
RUN cat deps.out src.txt > app.out
FROM {BASE}
COPY --from=build /w/app.out /app.out
RUN cat /app.out > /final
"""

# The final stage continues from the build stage: every step is a layer of
# the exported image.
CHAIN = f"""FROM {BASE} AS deps
COPY dep.txt /dep.txt
RUN cat /dep.txt > /deps.out
FROM deps AS final
COPY src.txt /src.txt
RUN cat /deps.out /src.txt > /out
"""

# A cache mount: its contents stay on the runner that ran the step.
MOUNT = f"""FROM {BASE}
COPY dep.txt /dep.txt
RUN --mount=type=cache,target=/cache cat /dep.txt >> /cache/log && cp /cache/log /seen
COPY src.txt /src.txt
RUN cat /seen /src.txt > /out
"""

# Two targets of one Dockerfile (an app and its tests).
TARGETS = f"""FROM {BASE} AS base
COPY dep.txt /dep.txt
RUN cat /dep.txt > /deps.out
FROM base AS test
COPY src.txt /src.txt
RUN cat /deps.out /src.txt > /test.out
FROM base AS app
COPY src.txt /src.txt
RUN cat /src.txt > /app.out
"""

# A linked copy keeps its cache whatever precedes it.
LINK = f"""FROM {BASE}
COPY dep.txt /dep.txt
RUN cat /dep.txt > /deps.out
COPY --link src.txt /src.txt
RUN cat /src.txt > /out
"""

# A build argument in the key of the step after it.
ARGS = f"""FROM {BASE}
COPY dep.txt /dep.txt
RUN cat /dep.txt > /deps.out
ARG VERSION=1
RUN echo $VERSION > /version
"""


def files(dep="dep v1\n", src="src v1\n"):
    return [{"path": "dep.txt", "content": dep}, {"path": "src.txt", "content": src}]


def b(df, runner="persistent", dep="dep v1\n", src="src v1\n", **kw):
    out = {"dockerfile": df, "files": files(dep, src)}
    if runner != "persistent":
        out["runner"] = runner
    out.update(kw)
    return out


REG = f"type=registry,ref={R}/cache:app"


def reg(mode=None, ref=f"{R}/cache:app"):
    return f"type=registry,ref={ref}" + (f",mode={mode}" if mode else "")


S = {}
# The local cache of one persistent builder (the existing model).
S["persistent-unchanged"] = [b(SINGLE), b(SINGLE)]
S["persistent-src-edit"] = [b(SINGLE), b(SINGLE, src="src v2\n")]
S["persistent-dep-edit"] = [b(SINGLE), b(SINGLE, dep="dep v2\n")]
S["persistent-multistage-src-edit"] = [b(MULTI), b(MULTI, src="src v2\n")]
S["persistent-back-and-forth"] = [b(SINGLE), b(SINGLE, src="src v2\n"), b(SINGLE)]
# Fresh runners.
S["fresh-no-cache-config"] = [b(SINGLE, "fresh"), b(SINGLE, "fresh")]
S["fresh-export-only"] = [b(SINGLE, "fresh", cache_to=[reg("max")]), b(SINGLE, "fresh")]
for mode in ["min", "max"]:
    to = [reg(mode)]
    S[f"fresh-registry-{mode}-unchanged"] = [b(SINGLE, "fresh", cache_to=to), b(SINGLE, "fresh", cache_from=[REG], cache_to=to)]
    S[f"fresh-registry-{mode}-src-edit"] = [b(SINGLE, "fresh", cache_to=to), b(SINGLE, "fresh", src="src v2\n", cache_from=[REG], cache_to=to)]
    S[f"fresh-registry-{mode}-multistage-unchanged"] = [b(MULTI, "fresh", cache_to=to), b(MULTI, "fresh", cache_from=[REG], cache_to=to)]
    S[f"fresh-registry-{mode}-multistage-src-edit"] = [
        b(MULTI, "fresh", cache_to=to),
        b(MULTI, "fresh", src="src v2\n", cache_from=[REG], cache_to=to),
        b(MULTI, "fresh", src="src v3\n", cache_from=[REG], cache_to=to),
    ]
    S[f"fresh-registry-{mode}-multistage-dep-edit"] = [b(MULTI, "fresh", cache_to=to), b(MULTI, "fresh", dep="dep v2\n", cache_from=[REG], cache_to=to)]
    S[f"fresh-registry-{mode}-chain-src-edit"] = [b(CHAIN, "fresh", cache_to=to), b(CHAIN, "fresh", src="src v2\n", cache_from=[REG], cache_to=to)]
# The default mode is min.
S["fresh-registry-default-mode-multistage"] = [b(MULTI, "fresh", cache_to=[REG]), b(MULTI, "fresh", src="src v2\n", cache_from=[REG], cache_to=[REG])]
# Inline cache lives in the pushed image and is min only.
IMG = f"{R}/app:ci"
S["fresh-inline-src-edit"] = [
    b(SINGLE, "fresh", cache_to=["type=inline"], push=IMG),
    b(SINGLE, "fresh", src="src v2\n", cache_from=[f"type=registry,ref={IMG}"], cache_to=["type=inline"], push=IMG),
]
S["fresh-inline-multistage-src-edit"] = [
    b(MULTI, "fresh", cache_to=["type=inline"], push=IMG),
    b(MULTI, "fresh", src="src v2\n", cache_from=[f"type=registry,ref={IMG}"], cache_to=["type=inline"], push=IMG),
]
S["fresh-inline-multistage-unchanged"] = [
    b(MULTI, "fresh", cache_to=["type=inline"], push=IMG),
    b(MULTI, "fresh", cache_from=[f"type=registry,ref={IMG}"], cache_to=["type=inline"], push=IMG),
]
# Local directories.
S["fresh-local-min-multistage-src-edit"] = [
    b(MULTI, "fresh", cache_to=["type=local,dest=ci-cache"]),
    b(MULTI, "fresh", src="src v2\n", cache_from=["type=local,src=ci-cache"], cache_to=["type=local,dest=ci-cache"]),
]
S["fresh-local-max-multistage-src-edit"] = [
    b(MULTI, "fresh", cache_to=["type=local,dest=ci-cache,mode=max"]),
    b(MULTI, "fresh", src="src v2\n", cache_from=["type=local,src=ci-cache"], cache_to=["type=local,dest=ci-cache,mode=max"]),
]
# GitHub Actions scopes (run as local directories, see scripts/ci-oracle.sh).
S["fresh-gha-max-dep-edit"] = [
    b(MULTI, "fresh", cache_to=["type=gha,mode=max"]),
    b(MULTI, "fresh", dep="dep v2\n", cache_from=["type=gha"], cache_to=["type=gha,mode=max"]),
]
# A feature branch reads its own scope and main's: the imports merge.
S["fresh-gha-branch-scopes-merge"] = [
    b(MULTI, "fresh", cache_to=["type=gha,scope=main,mode=max"]),
    b(MULTI, "fresh", src="src v2\n", cache_from=["type=gha,scope=feature", "type=gha,scope=main"], cache_to=["type=gha,scope=feature,mode=max"]),
    b(MULTI, "fresh", src="src v3\n", cache_from=["type=gha,scope=feature", "type=gha,scope=main"], cache_to=["type=gha,scope=feature,mode=max"]),
]
# Two refs written by two builds, read together.
S["fresh-two-imports-merge"] = [
    b(MULTI, "fresh", target="deps", cache_to=[reg("max", f"{R}/cache:deps")]),
    b(MULTI, "fresh", src="src v2\n", cache_to=[reg("min", f"{R}/cache:app")]),
    b(MULTI, "fresh", src="src v2\n", cache_from=[f"type=registry,ref={R}/cache:deps", f"type=registry,ref={R}/cache:app"]),
]
# Two targets writing one ref: the later export replaces the earlier.
S["fresh-two-targets-one-ref"] = [
    b(TARGETS, "fresh", target="test", cache_to=[reg("max")]),
    b(TARGETS, "fresh", target="app", cache_to=[reg("max")]),
    b(TARGETS, "fresh", target="test", cache_from=[REG]),
]
S["fresh-two-targets-two-refs"] = [
    b(TARGETS, "fresh", target="test", cache_to=[reg("max", f"{R}/cache:test")]),
    b(TARGETS, "fresh", target="app", cache_to=[reg("max", f"{R}/cache:app")]),
    b(TARGETS, "fresh", target="test", cache_from=[f"type=registry,ref={R}/cache:test"]),
]
# A min export after a max import keeps what came with layers.
S["fresh-max-then-min-export"] = [
    b(MULTI, "fresh", cache_to=[reg("max")]),
    b(MULTI, "fresh", cache_from=[REG], cache_to=[reg("min")]),
    b(MULTI, "fresh", src="src v2\n", cache_from=[REG]),
]
# Base image updates: the tag moves between builds.
MOVED = {BASE: {"id": "base-b"}}
S["persistent-base-moved"] = [b(SINGLE), b(SINGLE, images=MOVED)]
S["persistent-base-moved-pull"] = [b(SINGLE, pull=True), b(SINGLE, pull=True, images=MOVED)]
S["persistent-base-unchanged-pull"] = [b(SINGLE, pull=True), b(SINGLE, pull=True)]
S["fresh-registry-max-base-moved"] = [b(MULTI, "fresh", cache_to=[reg("max")]), b(MULTI, "fresh", cache_from=[REG], cache_to=[reg("max")], images=MOVED)]
S["fresh-registry-max-base-moved-back"] = [
    b(SINGLE, "fresh", cache_to=[reg("max")]),
    b(SINGLE, "fresh", cache_from=[REG], cache_to=[reg("max")], images=MOVED),
    b(SINGLE, "fresh", cache_from=[REG], images={BASE: {"id": "base-a"}}),
]
# Cache flags.
S["persistent-no-cache"] = [b(SINGLE), b(SINGLE, no_cache=True)]
S["persistent-no-cache-filter-build"] = [b(MULTI), b(MULTI, no_cache_filter=["build"])]
S["persistent-no-cache-filter-deps-edit"] = [b(MULTI), b(MULTI, src="src v2\n", no_cache_filter=["deps"])]
S["fresh-registry-max-no-cache-filter"] = [b(MULTI, "fresh", cache_to=[reg("max")]), b(MULTI, "fresh", cache_from=[REG], no_cache_filter=["build"])]
# Cache mounts never travel with an exported cache.
S["fresh-cache-mount-max"] = [
    b(MOUNT, "fresh", cache_to=[reg("max")]),
    b(MOUNT, "fresh", dep="dep v2\n", cache_from=[REG], cache_to=[reg("max")]),
]
S["persistent-cache-mount"] = [b(MOUNT), b(MOUNT, dep="dep v2\n")]
# Several runners.
S["named-runners"] = [b(SINGLE, "a"), b(SINGLE, "b"), b(SINGLE, "a", src="src v2\n"), b(SINGLE, "b", src="src v2\n")]
S["named-runners-shared-registry"] = [
    b(SINGLE, "a", cache_to=[reg("max")]),
    b(SINGLE, "b", cache_from=[REG]),
    b(SINGLE, "b", src="src v2\n", cache_from=[REG]),
]
S["persistent-plus-import"] = [
    b(MULTI, "fresh", cache_to=[reg("max")]),
    b(MULTI, src="src v2\n", cache_from=[REG]),
    b(MULTI, src="src v2\n"),
]
S["fresh-link-min-dep-edit"] = [b(LINK, "fresh", cache_to=[reg("min")]), b(LINK, "fresh", dep="dep v2\n", cache_from=[REG], cache_to=[reg("min")])]
S["fresh-registry-min-arg-change"] = [
    b(ARGS, "fresh", cache_to=[reg("min")]),
    b(ARGS, "fresh", cache_from=[REG], build_args={"VERSION": "2"}),
]
S["fresh-import-missing-ref"] = [b(SINGLE, "fresh", cache_from=[f"type=registry,ref={R}/cache:nothing"])]

os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    os.remove(os.path.join(OUT, old))
for name, builds in S.items():
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"images": {BASE: {"id": "base-a"}}, "builds": builds}, f, indent=1)
        f.write("\n")
print(len(S), "scenarios")
