#!/usr/bin/env python3
"""Derive the small size tables that dockerplay-core ships from the shared data.

Usage: scripts/gen-data.py [DATA_DIR] [--check]

DATA_DIR defaults to ../shared/data relative to the repository root (CI
clones the repository with shared/ beside it). Without --check the tables in
core/data/ are (re)written; with --check they are re-derived in memory and
compared byte for byte, and the exit status is 1 on any difference.

Only the python3 standard library is used, and the output is deterministic
(sorted, no timestamps) so that --check is meaningful.
"""

import csv
import os
import re
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "core", "data")
GATHERED = "2026-11-22"

# Packages people apt-get in Dockerfiles (Debian's own `npm` is in since
# issue 14: its 380 node-* dependencies grow the table, but people do
# install it, and the size data now loads lazily). The closure of each (with and
# without Recommends) over debian:bookworm-slim is shipped as a small graph,
# so that installing several at once shares their dependencies as apt does.
APT_ROOTS = """
curl wget git vim nano less ca-certificates build-essential gcc g++ make cmake
pkg-config python3 python3-pip python3-venv python3-dev openjdk-17-jre-headless
openjdk-17-jdk-headless nodejs nginx postgresql-client libpq-dev libpq5
libssl-dev unzip zip xz-utils bzip2 jq procps iproute2 iputils-ping net-tools
dnsutils gnupg tzdata locales openssh-client sudo bash-completion ffmpeg
imagemagick libxml2-dev libxslt1-dev default-libmysqlclient-dev golang-go ruby
php-cli tini gosu dumb-init supervisor cron file rsync htop lsb-release
apt-transport-https software-properties-common gettext-base libffi-dev
zlib1g-dev libjpeg-dev libpng-dev libgl1 libglib2.0-0 fonts-liberation
chromium openssl netcat-openbsd telnet strace git-lfs patch autoconf automake
libtool mariadb-client default-mysql-client redis-tools sqlite3 libsqlite3-dev
libcurl4-openssl-dev libyaml-dev libreadline-dev libbz2-dev liblzma-dev
libncurses-dev tk-dev uuid-dev libgdbm-dev libnss3 libsm6 libxext6 libxrender1
poppler-utils tesseract-ocr ghostscript graphviz texlive-latex-base
vim-tiny musl-tools dpkg-dev npm python3-setuptools python3-wheel
""".split()


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(text):
    """Table cells may not contain tabs or newlines."""
    return " ".join((text or "").split())


def table(name, source, date, columns, rows):
    head = [f"# {name}", f"# source: {source}", f"# date: {date}", "\t".join(columns)]
    body = ["\t".join(clean(str(c)) for c in row) for row in rows]
    return name, "\n".join(head + body) + "\n"


def uncompressed_note_kind(row):
    note = row["uncompressed_note"]
    if not row["uncompressed_bytes_approx"]:
        return ""
    return "same" if "same Image ID" in note else "other-build"


def libc_of(base_os):
    os_l = base_os.lower()
    if "alpine" in os_l or "musl" in os_l:
        return "musl"
    if "uclibc" in os_l:
        return "uclibc"
    return "glibc"


def images_table(data):
    rows = read_tsv(os.path.join(data, "official-images.tsv"))
    out = []
    for r in rows:
        out.append([
            r["image"], r["tag"], r["compressed_bytes"], r["uncompressed_bytes_approx"],
            uncompressed_note_kind(r), r["layer_sizes_compressed_bytes"].replace(" ", ""),
            libc_of(r["base_os"]), r["base_os"], r["app_version"], r["data_date"], r["repo_info_commit"],
        ])
    # Distroless: no authoritative table exists (sizes-README.md section 2). We
    # ship the computed package-sum estimates (uncompressed upper bounds, KiB)
    # and the third-party figures for the language images, flagged "reported".
    for r in read_tsv(os.path.join(data, "distroless-chainguard-sizes.tsv")):
        img = r["image"]
        if r["source_type"] == "computed-estimate":
            name = img.replace(" (est.)", "")
            kib = int(r["size_value"])
            out.append([name, "latest", "", kib * 1024, "computed-estimate", "", "glibc",
                        "debian 12 (distroless)", "", "2026-11-20", ""])
        elif img in ("gcr.io/distroless/python3-debian12", "gcr.io/distroless/nodejs20-debian12",
                     "gcr.io/distroless/java21-debian12"):
            # Labelled "compressed (claimed)" but the same source's base-debian12
            # figure (~20 MB) is at our computed uncompressed bound, so we read
            # these as approximate uncompressed sizes.
            mb = int(r["size_value"].lstrip("~"))
            out.append([img, "latest", "", mb * 1000 * 1000, "third-party-reported", "", "glibc",
                        "debian 12 (distroless)", "", "2025-07", ""])
    # Every row gets the range of its uncompressed size (empty: exact, or
    # derived from the ratio in Rust) and its linux/arm64 compressed size.
    out = [row + ["", "", ""] for row in out]
    known = {(r[0], r[1]): r for r in out}
    # Tags the shared data lacks, read from repo-info at recorded commits
    # (scripts/data/README.md); a tag both have keeps the shared row and gains
    # the arm64 size.
    tags = read_tsv(os.path.join(ROOT, "scripts", "data", "repo-info-tags.tsv"))
    for r in tags:
        if r["arch"] != "linux/amd64" or (r["image"], r["tag"]) in known:
            continue
        row = [r["image"], r["tag"], r["compressed_bytes"], "", "", r["layer_sizes_compressed_bytes"], r["libc"],
               r["base_os"], r["app_version"], r["data_date"], r["commit"], "", "", ""]
        known[(r["image"], r["tag"])] = row
        out.append(row)
    for r in tags:
        if r["arch"] == "linux/arm64" and (r["image"], r["tag"]) in known:
            known[(r["image"], r["tag"])][13] = r["compressed_bytes"]
    # Microsoft's published .NET figures: sizes of a sample app on each base,
    # so each is a range (scripts/data/published-images.tsv says how).
    lo_ratio, mid_ratio, hi_ratio = {}, {}, {}
    for fam, ratios in ratio_samples(data).items():
        lo_ratio[fam], mid_ratio[fam], hi_ratio[fam] = min(ratios), statistics.median(ratios), max(ratios)
    for r in read_tsv(os.path.join(ROOT, "scripts", "data", "published-images.tsv")):
        comp, fam = int(r["compressed"]), r["libc"]
        if r["uncompressed"]:
            unc, low, high = r["uncompressed"], r["uncompressed_low"], r["uncompressed_high"]
        else:
            allowance = int(r["app_allowance"] or 0)
            unc = round(comp * mid_ratio[fam])
            low, high = round((comp - allowance) * lo_ratio[fam]), round(comp * hi_ratio[fam])
        out.append([r["image"], r["tag"], comp, unc, "published-estimate", "", fam, r["base_os"], r["app_version"],
                    r["data_date"], "", low, high, ""])
    out.sort(key=lambda x: (x[0], x[1]))
    cols = ["image", "tag", "compressed", "uncompressed", "uncompressed_kind", "layers",
            "libc", "base_os", "app_version", "data_date", "repo_info_commit", "uncompressed_low",
            "uncompressed_high", "arm64_compressed"]
    return table("images", "github.com/docker-library/repo-info (repos/<image>/remote|local/<tag>.md), linux/amd64 "
                 "and linux/arm64 compressed; scripts/data/repo-info-tags.tsv (tags read at recorded commits); "
                 "distroless: computed Debian bookworm package sums and third-party reports; .NET: Microsoft's "
                 "published sample-image sizes (scripts/data/published-images.tsv)",
                 f"gathered {GATHERED} and 2026-12-02; images built 2020-11..2026-09 (see data_date)", cols, out)


def ratio_samples(data):
    """Uncompressed/compressed ratios per libc over every row with both sizes
    (the same image, or another build of the same tag)."""
    by_libc = {}
    for r in read_tsv(os.path.join(data, "official-images.tsv")):
        if r["uncompressed_bytes_approx"]:
            ratio = int(r["uncompressed_bytes_approx"]) / int(r["compressed_bytes"])
            by_libc.setdefault(libc_of(r["base_os"]), []).append(ratio)
    return by_libc


def ratios_table(data):
    """Uncompressed/compressed ratios where local and remote are the same image."""
    rows = read_tsv(os.path.join(data, "official-images.tsv"))
    by_libc = {}
    for r in rows:
        if uncompressed_note_kind(r) == "same":
            ratio = int(r["uncompressed_bytes_approx"]) / int(r["compressed_bytes"])
            by_libc.setdefault(libc_of(r["base_os"]), []).append(ratio)
    allr = sorted(x for v in by_libc.values() for x in v)
    # The spread, over every row with both sizes (other builds included),
    # bounds a size derived from the ratio.
    spread = ratio_samples(data)
    every = [x for v in spread.values() for x in v]
    out = [["all", f"{statistics.median(allr):.4f}", len(allr), f"{min(every):.4f}", f"{max(every):.4f}"]]
    for k in sorted(by_libc):
        s = spread.get(k, by_libc[k])
        out.append([k, f"{statistics.median(by_libc[k]):.4f}", len(by_libc[k]), f"{min(s):.4f}", f"{max(s):.4f}"])
    return table("ratios", "official-images.tsv rows whose local Image ID equals the remote one (median per libc); "
                 "low and high over every row with both sizes", GATHERED,
                 ["family", "uncompressed_per_compressed", "samples", "low", "high"], out)


def parse_deps(field):
    """Depends field -> list of alternative lists of package names."""
    groups = []
    for part in (field or "").split(","):
        part = part.strip()
        if not part:
            continue
        alts = []
        for alt in part.split("|"):
            name = alt.strip().split(" ")[0].split("(")[0].split(":")[0].strip()
            if name:
                alts.append(name)
        if alts:
            groups.append(alts)
    return groups


def debian_tables(data):
    rows = read_tsv(os.path.join(data, "debian-bookworm-amd64-packages.tsv"))
    src = ("Debian bookworm main binary-amd64 Packages (InRelease 2026-11-20, 12.15); closure of common "
           "apt-get packages over the package list of the debian:bookworm-slim made by scripts/real-sizes.sh")
    deb = debian_graph(rows, "bookworm-slim", "debian", src, "2026-11-20")

    ref = []
    for r in read_tsv(os.path.join(data, "debian-closure-sizes.tsv")):
        ref.append([r["package"], r["apt_norec_installed_kib"], r["apt_rec_installed_kib"],
                    r["apt_norec_new_pkgs"], r["apt_rec_new_pkgs"]])
    ref.sort()
    apt = table("apt-closures", "apt-get -s install over a fake debian:bookworm-slim status (debian-closure-sizes.tsv)",
                "2026-11-20", ["package", "norec_kib", "rec_kib", "norec_pkgs", "rec_pkgs"], ref)
    return [deb, apt]


def debian_graph(rows, base_image, name, src, date):
    """The shipped Debian table: the base image's packages, and the closure
    of APT_ROOTS over them with their Depends and Recommends edges. `rows`
    are Packages stanzas as dicts (package, installed_size_kib, depends,
    pre_depends, recommends, provides, priority, essential)."""
    pkgs = {}
    providers = {}
    for r in rows:
        name_ = r["package"]
        if name_ in pkgs:
            continue
        pkgs[name_] = r
        for p in parse_deps(r["provides"]):
            providers.setdefault(p[0], []).append(name_)

    def resolve(alts, have=()):
        # apt keeps an alternative that is already installed, else takes the
        # first it can satisfy; a virtual package resolves to its first provider.
        for a in alts:
            if a in have:
                return a
        for a in alts:
            if a in pkgs:
                return a
            if a in providers:
                return sorted(providers[a])[0]
        return None

    base = set()

    def edges(name, field):
        return [d for d in (resolve(g, base) for g in parse_deps(pkgs[name][field])) if d]

    def deps(name):
        return edges(name, "depends") + edges(name, "pre_depends")

    # The base set is the package list of the debian:bookworm-slim that
    # scripts/real-sizes.sh makes as the official image is made (issue 14:
    # the debootstrap minbase closure of sizes-README.md section 3 listed
    # gawk, libmpfr6, libreadline8, libsigsegv2 and readline-common, which
    # the slim image lacks). Without that list, the minbase closure.
    listed = os.path.join(ROOT, "tests", "real-sizes", "bases", f"{base_image}.packages")
    if os.path.exists(listed):
        todo = [l.split("\t")[0] for l in open(listed) if l.strip()]
    else:
        todo = [n for n, r in pkgs.items() if r["priority"] == "required" or r["essential"] == "yes"]
        # Popped first, so that alternatives such as "usrmerge | usr-is-merged"
        # see them installed, as in the real image.
        todo += ["apt", "usr-is-merged"]
    while todo:
        n = todo.pop()
        if n in base or n not in pkgs:
            continue
        base.add(n)
        # The real image's list is complete: its alternatives are already
        # chosen (mawk, not gawk, for awk).
        if not os.path.exists(listed):
            todo.extend(deps(n))

    keep = set()
    todo = [n for n in APT_ROOTS if n in pkgs]
    while todo:
        n = todo.pop()
        if n in keep or n in base:
            continue
        keep.add(n)
        todo.extend(deps(n))
        todo.extend(edges(n, "recommends"))

    out = []
    for n in sorted(base):
        out.append([n, pkgs[n]["installed_size_kib"] or 0, "base", "", ""])
    for n in sorted(keep):
        d = sorted({x for x in deps(n) if x not in base and x != n})
        rec = sorted({x for x in edges(n, "recommends") if x not in base and x != n})
        out.append([n, pkgs[n]["installed_size_kib"] or 0, "", " ".join(d), " ".join(rec)])
    return table(name, src, date, ["package", "installed_kib", "base", "depends", "recommends"], out)


def alpine_table(data):
    out = {}
    for r in read_tsv(os.path.join(data, "alpine-apkindex-partial-x86_64.tsv")):
        out[r["package"]] = [r["package"], r["installed_size_bytes"], ""]
    for r in read_tsv(os.path.join(data, "alpine-3.24.2-base-apk-installed.tsv")):
        out[r["package"]] = [r["package"], r["installed_size_bytes_approx"], "base"]
    return table("alpine", "partial Alpine 3.23.3 x86_64 APKINDEX (github.com/r3bb1t/rusty_box) and "
                 "repo-info repos/alpine/local/3.24.2.md", "2026-01-27 (index), 2026-09-17 (base)",
                 ["package", "installed_bytes", "base"], [out[k] for k in sorted(out)])


def norm_py(name):
    return name.lower().replace("_", "-").replace(".", "-")


def pypi_table(data):
    wheels = {}
    for r in read_tsv(os.path.join(data, "pypi-sizes.tsv")):
        if r["is_latest_for_cp312_x86_64"].lower() == "yes":
            wheels[norm_py(r["package"])] = (r["wheel_bytes"], r["unpacked_bytes"] or "")
    out = []
    for r in read_tsv(os.path.join(data, "pypi-install-footprint.tsv")):
        if r["pip_exit"] != "0":
            continue
        name = norm_py(r["package"])
        dists = sorted(norm_py(d.rsplit("-", 1)[0]) for d in r["dists"].split())
        wheel, unpacked = wheels.get(name, ("", ""))
        out.append([name, r["target_dir_apparent_bytes"], wheel, unpacked, " ".join(dists)])
    out.sort()
    return table("pypi", "pip install --target footprints and cp312 manylinux x86_64 wheels (PyPI)", GATHERED,
                 ["package", "footprint_bytes", "wheel_bytes", "unpacked_bytes", "dists"], out)


def npm_table(data):
    packed = {r["package"]: r for r in read_tsv(os.path.join(data, "npm-sizes.tsv"))}
    out = []
    for r in read_tsv(os.path.join(data, "npm-install-footprint.tsv")):
        if r["npm_exit"] != "0":
            continue
        p = packed.get(r["package"], {})
        out.append([r["package"], r["node_modules_apparent_bytes"], r["installed_package_count"],
                    p.get("packed_tarball_bytes", ""), p.get("unpacked_size_bytes", "")])
    out.sort()
    return table("npm", "npm install --omit=dev --ignore-scripts node_modules footprints, npm pack sizes (npm registry)",
                 GATHERED, ["package", "node_modules_bytes", "packages", "packed_bytes", "unpacked_bytes"], out)


# The Chinese page names each table's provenance in Chinese. Each entry holds
# the English it translates: when a table's header changes, generation stops
# until its Chinese is rewritten, so the two never drift apart.
SOURCES_ZH = {
    ("images", "source"): (
        "github.com/docker-library/repo-info (repos/<image>/remote|local/<tag>.md), linux/amd64 and linux/arm64 "
        "compressed; scripts/data/repo-info-tags.tsv (tags read at recorded commits); distroless: computed Debian "
        "bookworm package sums and third-party reports; .NET: Microsoft's published sample-image sizes "
        "(scripts/data/published-images.tsv)",
        "github.com/docker-library/repo-info（repos/<image>/remote|local/<tag>.md），linux/amd64 与 linux/arm64 "
        "的压缩后大小；scripts/data/repo-info-tags.tsv（在记录的提交上读到的标签）；distroless：按 Debian bookworm "
        "软件包大小求和计算，并参考第三方报告；.NET：微软公布的示例镜像大小（scripts/data/published-images.tsv）",
    ),
    ("images", "date"): (
        "gathered 2026-11-22 and 2026-12-02; images built 2020-11..2026-09 (see data_date)",
        "采集于 2026-11-22 和 2026-12-02；镜像构建于 2020-11 至 2026-09（见 data_date）",
    ),
    ("ratios", "source"): (
        "official-images.tsv rows whose local Image ID equals the remote one (median per libc); low and high over "
        "every row with both sizes",
        "official-images.tsv 中本地 Image ID 与远端相同的行（按 libc 取中位数）；下限和上限取自所有同时有两种大小的行",
    ),
    ("debian", "source"): (
        "Debian bookworm main binary-amd64 Packages (InRelease 2026-11-20, 12.15); closure of common apt-get "
        "packages over the package list of the debian:bookworm-slim made by scripts/real-sizes.sh",
        "Debian bookworm main binary-amd64 的 Packages 索引（InRelease 2026-11-20，12.15）；常用 apt-get 软件包"
        "在 scripts/real-sizes.sh 构建的 debian:bookworm-slim 软件包列表之上的依赖闭包",
    ),
    ("apt-closures", "source"): (
        "apt-get -s install over a fake debian:bookworm-slim status (debian-closure-sizes.tsv)",
        "在模拟的 debian:bookworm-slim 软件包状态上运行 apt-get -s install 得出（debian-closure-sizes.tsv）",
    ),
    ("alpine", "source"): (
        "partial Alpine 3.23.3 x86_64 APKINDEX (github.com/r3bb1t/rusty_box) and repo-info "
        "repos/alpine/local/3.24.2.md",
        "Alpine 3.23.3 x86_64 APKINDEX 的部分内容（github.com/r3bb1t/rusty_box）以及 repo-info 的 "
        "repos/alpine/local/3.24.2.md",
    ),
    ("alpine", "date"): ("2026-01-27 (index), 2026-09-17 (base)", "2026-01-27（索引），2026-09-17（基础镜像）"),
    ("pypi", "source"): (
        "pip install --target footprints and cp312 manylinux x86_64 wheels (PyPI)",
        "pip install --target 安装后的占用，以及 cp312 manylinux x86_64 wheel 的大小（PyPI）",
    ),
    ("npm", "source"): (
        "npm install --omit=dev --ignore-scripts node_modules footprints, npm pack sizes (npm registry)",
        "npm install --omit=dev --ignore-scripts 后 node_modules 的占用，以及 npm pack 的大小（npm 仓库）",
    ),
}


def in_chinese(name, field, english):
    """The Chinese of a table's source or date; a bare date reads the same."""
    if re.fullmatch(r"[0-9-]+", english):
        return english
    translated, chinese = SOURCES_ZH.get((name, field), (None, None))
    if translated != english:
        sys.exit(f"gen-data: the {field} of {name}.tsv changed; write its Chinese in SOURCES_ZH:\n  {english}")
    return chinese


def sources_rs(tables):
    lines = ["// Generated by scripts/gen-data.py from the shipped tables' headers. Do not edit.", ""]
    for name, text in tables:
        meta = dict(l[2:].split(": ", 1) for l in text.splitlines()[1:3])
        const = name.upper().replace("-", "_")
        lines.append(f"/// Where `core/data/{name}.tsv` comes from.")
        lines.append(f"pub const {const}_SOURCE: &str = {rust_str(meta['source'])};")
        lines.append(f"/// When the data of `core/data/{name}.tsv` was gathered.")
        lines.append(f"pub const {const}_DATE: &str = {rust_str(meta['date'])};")
        lines.append("/// The same in Chinese.")
        lines.append(f"pub const {const}_SOURCE_ZH: &str = {rust_str(in_chinese(name, 'source', meta['source']))};")
        lines.append("/// The same in Chinese.")
        lines.append(f"pub const {const}_DATE_ZH: &str = {rust_str(in_chinese(name, 'date', meta['date']))};")
    return "sources.rs", "\n".join(lines) + "\n"


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(data):
    tables = [images_table(data), ratios_table(data), *debian_tables(data), alpine_table(data),
              pypi_table(data), npm_table(data)]
    files = {f"{name}.tsv": text for name, text in tables}
    name, text = sources_rs(tables)
    files[name] = text
    return files


def main(argv):
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    data = rest[0] if rest else os.path.join(ROOT, "..", "shared", "data")
    if not os.path.isdir(data):
        print(f"gen-data: data directory {data} not found", file=sys.stderr)
        return 2
    files = generate(data)
    if check:
        bad = []
        for name, text in files.items():
            path = os.path.join(OUT, name)
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    if f.read() != text:
                        bad.append(name)
            except FileNotFoundError:
                bad.append(name)
        # debian-files*.tsv (scripts/deb-files.py, from .debs) and
        # debian-trixie.tsv (scripts/debian-trixie.py, from trixie's index)
        # need Debian's mirror, which CI cannot reach.
        # spdx-license-ids.txt is scripts/gen-spdx.py's, checked by its own step.
        measured = lambda n: n.startswith("debian-files") or n in ("debian-trixie.tsv", "spdx-license-ids.txt")
        extra = sorted(n for n in set(os.listdir(OUT)) - set(files) if not measured(n)) if os.path.isdir(OUT) else []
        for name in bad:
            print(f"gen-data: core/data/{name} differs from what the data gives", file=sys.stderr)
        for name in extra:
            print(f"gen-data: core/data/{name} is not generated", file=sys.stderr)
        return 1 if bad or extra else 0
    os.makedirs(OUT, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    total = sum(len(t.encode()) for t in files.values())
    print(f"gen-data: wrote {len(files)} files, {total} bytes, to core/data/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
