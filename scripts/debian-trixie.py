#!/usr/bin/env python3
"""Write core/data/debian-trixie.tsv: the Debian package table for trixie.

Usage: scripts/debian-trixie.py [WORK_DIR]

Most current official images are built on Debian trixie (13). Its package
index is fetched with apt through a private apt directory whose only
sources are trixie, trixie-updates and trixie-security (the mirrors this
machine's apt uses), and the table is built as gen-data.py builds bookworm's:
the package list of the debian:trixie-slim that scripts/real-sizes.sh makes
as the base set, and the closure of the same common packages over it.

Not run by CI (it needs Debian's mirror); the table it writes is checked in,
and scripts/deb-files.py trixie then measures its packages' files.
"""

import datetime
import glob
import importlib.util
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def stanzas(path):
    """The stanzas of a Packages file (lz4, gz or plain) as dicts."""
    if path.endswith(".lz4"):
        text = subprocess.run(["lz4cat", path], capture_output=True, check=True).stdout.decode()
    elif path.endswith(".gz"):
        text = subprocess.run(["zcat", path], capture_output=True, check=True).stdout.decode()
    else:
        text = open(path, encoding="utf-8").read()
    for block in text.split("\n\n"):
        fields = {}
        key = None
        for line in block.splitlines():
            if line.startswith((" ", "\t")) and key:
                fields[key] += " " + line.strip()
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if "Package" in fields:
            yield {
                "package": fields["Package"],
                "installed_size_kib": fields.get("Installed-Size", "0"),
                "depends": fields.get("Depends", ""),
                "pre_depends": fields.get("Pre-Depends", ""),
                "recommends": fields.get("Recommends", ""),
                "provides": fields.get("Provides", ""),
                "priority": fields.get("Priority", ""),
                "essential": fields.get("Essential", "no").lower(),
            }


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else "/tmp/deb-files-trixie"
    deb_files = load("deb_files", os.path.join(ROOT, "scripts", "deb-files.py"))
    gen = load("gen_data", os.path.join(ROOT, "scripts", "gen-data.py"))
    deb_files.apt_env("trixie", work)
    lists = os.path.join(work, "apt", "lists")
    files = sorted(glob.glob(os.path.join(lists, "*_binary-amd64_Packages*")))
    # Security and updates come after main, so that their newer versions win.
    files.sort(key=lambda f: ("security" in f, "updates" in f))
    rows = {}
    for f in files:
        for r in stanzas(f):
            rows[r["package"]] = r
    day = datetime.date.today().isoformat()
    src = ("Debian trixie main binary-amd64 Packages (trixie, trixie-updates, trixie-security, fetched with apt); "
           "closure of common apt-get packages over the package list of the debian:trixie-slim made by scripts/real-sizes.sh")
    name, text = gen.debian_graph(list(rows.values()), "trixie-slim", "debian-trixie", src, day)
    out = os.path.join(ROOT, "core", "data", "debian-trixie.tsv")
    with open(out, "w") as f:
        f.write(text)
    print(f"{len(rows)} packages in the index -> {out}")


if __name__ == "__main__":
    main()
