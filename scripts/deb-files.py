#!/usr/bin/env python3
"""Measure what each Debian package of core/data/debian*.tsv puts on disk.

Usage: scripts/deb-files.py SUITE [WORK_DIR]

Downloads the packages of core/data/debian.tsv (bookworm) or
core/data/debian-trixie.tsv (trixie) with apt-get (for trixie through a
temporary apt directory whose only source is trixie) and reads each .deb's
file list. Writes core/data/debian-files[-trixie].tsv: per package, the bytes
of its files as Docker counts a layer (regular files by size, symlinks by
the length of their target, hard links once), and the bytes left under the
debian:*-slim dpkg filters, which drop /usr/share/doc, man, info and locale
files (debuerreotype: scripts/.slimify-excludes and .slimify-includes).

Installed-Size in the Packages index is dpkg's estimate in KiB, rounded per
file and counting the excluded docs: these two columns are what an image
really gets. Not run by CI (it needs Debian's mirror and a few minutes);
the table it writes is checked in.
"""

import fnmatch
import os
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EXCLUDES = [
    "/usr/share/doc/*", "/usr/share/info/*", "/usr/share/linda/*", "/usr/share/lintian/overrides/*",
    "/usr/share/locale/*", "/usr/share/man/*", "/usr/share/doc/kde/HTML/*/*", "/usr/share/gnome/help/*/*",
    "/usr/share/omf/*/*-*.emf",
]
INCLUDES = [
    "/usr/share/doc/*/copyright", "/usr/share/doc/kde/HTML/C/*", "/usr/share/gnome/help/*/C/*",
    "/usr/share/locale/all_languages", "/usr/share/locale/currency/*", "/usr/share/locale/l10n/*",
    "/usr/share/locale/languages", "/usr/share/locale/locale.alias", "/usr/share/omf/*/*-C.emf",
]


def kept(path):
    """dpkg's filter: the last matching path-exclude or path-include wins; the
    includes come after the excludes in the slim configuration."""
    if any(fnmatch.fnmatchcase(path, p) for p in INCLUDES):
        return True
    return not any(fnmatch.fnmatchcase(path, p) for p in EXCLUDES)


def measure(deb):
    """(file bytes, slim file bytes, dpkg's own bytes for the package under
    the slim filters, debconf templates?, shared libraries?)"""
    total = slim = 0
    list_bytes = len("/.\n")
    libs = False
    py = 0
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", deb], stdout=subprocess.PIPE)
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        for m in tar:
            path = "/" + m.name[2:] if m.name.startswith("./") else "/" + m.name
            path = path.rstrip("/")
            if not path or path == "/":
                continue
            if not m.isdir() and not kept(path):
                if m.isfile():
                    total += m.size
                continue
            # /var/lib/dpkg/info/PKG.list names every installed path.
            list_bytes += len(path) + 1
            if m.isfile():
                n = m.size
                if ".so" in path.rsplit("/", 1)[-1] and "/lib" in path:
                    libs = True
                # Debian byte-compiles Python modules after installing them
                # (py3compile, pypy3compile in the postinst): the .pyc files
                # are not in the package.
                if path.endswith(".py") and "/python3" in path:
                    py += m.size
            elif m.issym():
                n = len(m.linkname)
            else:
                continue
            total += n
            slim += n
    proc.wait()
    # The control members dpkg keeps in /var/lib/dpkg/info (md5sums,
    # maintainer scripts, conffiles, triggers, shlibs, templates), and the
    # package's stanza in /var/lib/dpkg/status (its control file plus a
    # Status line).
    info = list_bytes
    status = 0
    templates = False
    proc = subprocess.Popen(["dpkg-deb", "--ctrl-tarfile", deb], stdout=subprocess.PIPE)
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        for m in tar:
            name = m.name.rsplit("/", 1)[-1]
            if not m.isfile():
                continue
            if name == "control":
                status = m.size + len("Status: install ok installed\n")
            else:
                info += m.size
                templates |= name == "templates"
    proc.wait()
    return total, slim, info, status, templates, libs, py


def apt_env(suite, work):
    """apt options for SUITE: the host's own for bookworm, a private
    directory with a trixie-only source list otherwise."""
    if suite == "bookworm":
        return []
    d = os.path.join(work, "apt")
    os.makedirs(os.path.join(d, "lists", "partial"), exist_ok=True)
    os.makedirs(os.path.join(d, "cache", "archives", "partial"), exist_ok=True)
    src = os.path.join(d, "sources.list")
    uris = {}
    for name in os.listdir("/etc/apt/sources.list.d"):
        if name.endswith(".sources"):
            for line in open(os.path.join("/etc/apt/sources.list.d", name)):
                if line.startswith("URIs:"):
                    for u in line.split()[1:]:
                        uris["security" if "-security" in u else "main"] = u
    with open(src, "w") as f:
        f.write(f"deb {uris['main']} {suite} main\n")
        f.write(f"deb {uris['main']} {suite}-updates main\n")
        f.write(f"deb {uris['security']} {suite}-security main\n")
    opts = [
        "-o", f"Dir::Etc::sourcelist={src}", "-o", "Dir::Etc::sourceparts=-",
        "-o", f"Dir::State::Lists={d}/lists", "-o", f"Dir::Cache={d}/cache",
        "-o", "APT::Architecture=amd64",
    ]
    subprocess.run(["apt-get", "update", "-qq"] + opts, check=True)
    return opts


def main():
    suite = sys.argv[1] if len(sys.argv) > 1 else "bookworm"
    work = sys.argv[2] if len(sys.argv) > 2 else f"/tmp/deb-files-{suite}"
    suffix = "" if suite == "bookworm" else f"-{suite}"
    table = os.path.join(ROOT, "core", "data", f"debian{suffix}.tsv")
    names = [l.split("\t")[0] for l in open(table) if not l.startswith("#")][1:]
    debs = os.path.join(work, "debs")
    os.makedirs(debs, exist_ok=True)
    opts = apt_env(suite, work)
    have = {f.split("_")[0] for f in os.listdir(debs)}
    todo = [n for n in names if n not in have]
    # One package at a time would take minutes of apt start-up; batches fail
    # whole on one unknown name, so a failed batch is retried one by one.
    for i in range(0, len(todo), 50):
        batch = todo[i:i + 50]
        if subprocess.run(["apt-get", "download", "-qq"] + opts + batch, cwd=debs).returncode != 0:
            for n in batch:
                subprocess.run(["apt-get", "download", "-qq"] + opts + [n], cwd=debs)
    rows = []
    for f in sorted(os.listdir(debs)):
        if not f.endswith(".deb"):
            continue
        name, version = f.split("_")[:2]
        if name not in names:
            continue
        total, slim, info, status, templates, libs, py = measure(os.path.join(debs, f))
        rows.append((name, version.replace("%3a", ":"), total, slim, info, status, int(templates), int(libs), py))
    out = os.path.join(ROOT, "core", "data", f"debian-files{suffix}.tsv")
    with open(out, "w") as f:
        f.write(f"# debian-files{suffix}\n")
        f.write(f"# source: file lists of the Debian {suite} main amd64 .debs (apt-get download); slim = after the debian:*-slim dpkg path filters (scripts/deb-files.py)\n")
        f.write(f"# date: {subprocess.run(['date', '-u', '+%Y-%m-%d'], capture_output=True, text=True).stdout.strip()}\n")
        f.write("package\tversion\tfile_bytes\tslim_bytes\tinfo_bytes\tstatus_bytes\ttemplates\tlibs\tpy_bytes\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} of {len(names)} packages measured -> {out}")


if __name__ == "__main__":
    main()
