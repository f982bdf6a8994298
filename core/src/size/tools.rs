//! Commands whose output the model cannot know exactly: compilers, build
//! tools, `strip`, downloads and `useradd`. Each writes a file (or a
//! directory entry) with an estimate, a low-high range and the basis
//! `model`, so that a later `COPY --from`, `strip` or `rm` acts on it and
//! nothing counts as a silent 0.
//!
//! The figures were measured on the debian:bookworm-slim that
//! `scripts/real-sizes.sh` makes, with Debian's gcc 12, musl-tools 1.2.3
//! and golang 1.19, on programs that are not in the real-size corpus
//! (`scripts/real-sizes-calibrate.sh`, 2026-12-02).

use super::fs::{Node, Source};
use super::messages as M;
use super::run::RunCtx;
use crate::message::Msg;

/// A C program's binary, by how it is linked: (bytes of a small program,
/// bytes after `strip`). Measured on a 400-byte word-count program.
struct Linkage {
    unstripped: u64,
    stripped: u64,
}

const GCC_DYNAMIC: Linkage = Linkage { unstripped: 16_104, stripped: 14_496 };
const GCC_DYNAMIC_DEBUG: Linkage = Linkage { unstripped: 17_704, stripped: 14_496 };
const GCC_STATIC: Linkage = Linkage { unstripped: 762_544, stripped: 682_696 };
const MUSL_STATIC: Linkage = Linkage { unstripped: 34_368, stripped: 26_256 };
const MUSL_DYNAMIC: Linkage = Linkage { unstripped: 18_008, stripped: 14_496 };

/// Bytes of machine code per byte of C source, beyond the runtime above: a
/// rule of thumb (about one byte of code per two of source at -O2), with a
/// wide range.
const CODE_PER_SOURCE: f64 = 0.5;

/// A Go program built with Debian's golang 1.19 (`CGO_ENABLED=0`): a small
/// program using fmt, os and strings, the same with `-ldflags="-s -w"`,
/// and the build cache it leaves in /root/.cache/go-build.
const GO_SMALL: u64 = 1_839_994;
const GO_SMALL_STRIPPED: u64 = 1_232_896;
/// What `net/http` adds to a Go binary: not measured here; the size of
/// its transitive imports (crypto/tls, net, compress) in Go 1.19, with a
/// wide range.
const GO_NET_HTTP: u64 = 4_900_000;
const GO_BUILD_CACHE: u64 = 264_021;

/// What `strip` keeps of an executable the model did not build: a range
/// over common binaries (debug-free release builds lose 5-15%, binaries
/// with debug information up to 80%).
const STRIP_KEEPS: (f64, f64, f64) = (0.75, 0.3, 0.95);

/// A program built by `make` and copied out: the size of one server or
/// command-line binary, from a small static tool to a large server
/// (redis-server, nginx, postgres: 1-15 MB).
const MADE_BINARY: (u64, u64, u64) = (4_000_000, 500_000, 30_000_000);
/// What `make` leaves in its tree (objects, libraries, binaries).
const MADE_TREE: (u64, u64, u64) = (30_000_000, 2_000_000, 300_000_000);
/// A download of unknown size: a release archive or a binary.
const DOWNLOAD: (u64, u64, u64) = (10_000_000, 100_000, 200_000_000);
/// A Debian source package as `apt-get source` fetches it (.dsc, the
/// upstream tarball and the Debian changes).
const SOURCE_PACKAGE: (u64, u64, u64) = (5_000_000, 200_000, 60_000_000);

/// The files `useradd` rewrites (/etc/passwd, shadow, group, gshadow and
/// their backups: /etc/passwd- is 839 bytes in the slim base) and, with
/// `-m`, the skeleton files copied from /etc/skel (4,553 bytes). bookworm's
/// useradd leaves /var/log/lastlog and faillog empty.
const USER_FILES: u64 = 4_500;
const SKELETON: u64 = 4_553;

fn put_estimate(ctx: &mut RunCtx, path: &str, (size, low, high): (u64, u64, u64), key: &str, reason: Msg) {
    // A typed estimate replaces the model's figure.
    match ctx.estimates.get(key) {
        Some(v) => ctx.fs.put(path, Node::estimate(*v, *v, *v, Source::User)),
        None => ctx.fs.put(path, Node::estimate(size, low, high, Source::Model)),
    }
    ctx.notes.push(reason);
}

fn option_value<'a>(args: &'a [String], names: &[&str]) -> Option<&'a str> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if names.contains(&a.as_str()) {
            return it.next().map(String::as_str);
        }
        for n in names.iter().filter(|n| n.starts_with("--")) {
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v);
            }
        }
    }
    None
}

/// gcc, cc, clang, musl-gcc, g++: one output file.
pub fn cc(ctx: &mut RunCtx, name: &str, args: &[String]) -> bool {
    if args.iter().any(|a| a == "-c" || a == "-E" || a == "-S" || a == "--version" || a == "-v") {
        // Object files and preprocessing: small, left to the user.
        return args.iter().any(|a| a == "--version" || a == "-v");
    }
    let out = option_value(args, &["-o"]).map(str::to_string).unwrap_or_else(|| "a.out".into());
    let musl = name.contains("musl");
    let linkage = match (musl, args.iter().any(|a| a == "-static"), args.iter().any(|a| a.starts_with("-g"))) {
        (true, true, _) => MUSL_STATIC,
        (true, false, _) => MUSL_DYNAMIC,
        (false, true, _) => GCC_STATIC,
        (false, false, true) => GCC_DYNAMIC_DEBUG,
        (false, false, false) => GCC_DYNAMIC,
    };
    let source: u64 = args
        .iter()
        .filter(|a| !a.starts_with('-') && [".c", ".cc", ".cpp", ".cxx"].iter().any(|s| a.ends_with(s)))
        .filter_map(|a| ctx.fs.get(&ctx.path_of(a)).map(|n| n.size))
        .sum();
    let code = (source as f64 * CODE_PER_SOURCE) as u64;
    let strip_now = args.iter().any(|a| a == "-s");
    let (base, kept) =
        if strip_now { (linkage.stripped, linkage.stripped) } else { (linkage.unstripped, linkage.stripped) };
    let size = base.saturating_add(code);
    let path = ctx.path_of(&out);
    let mut node =
        Node::estimate(size, base * 9 / 10, (base * 12 / 10).saturating_add(code.saturating_mul(4)), Source::Model);
    node.mode = 0o755;
    ctx.fs.put(&path, node);
    ctx.pkgs.stripped.insert(path, kept.saturating_add(code / 10 * 8));
    true
}

/// `strip FILE...`: what stripping keeps, from the compiler model when the
/// model built the file, else a range; a file a build tool made that the
/// model cannot see is created with a stripped binary's range.
pub fn strip(ctx: &mut RunCtx, args: &[String]) -> bool {
    let files: Vec<String> = args.iter().filter(|a| !a.starts_with('-')).map(|a| ctx.path_of(a)).collect();
    if files.is_empty() {
        return false;
    }
    for path in files {
        match ctx.fs.get(&path).cloned() {
            Some(mut node) if !node.dir => {
                if let Some(kept) = ctx.pkgs.stripped.get(&path).copied() {
                    node = Node { size: kept.min(node.size), ..node };
                } else {
                    let (mid, lo, hi) = STRIP_KEEPS;
                    let size = node.size;
                    node = Node::estimate(
                        (size as f64 * mid) as u64,
                        (node.low() as f64 * lo) as u64,
                        (node.high() as f64 * hi) as u64,
                        Source::Model,
                    );
                    node.mode = 0o755;
                }
                ctx.fs.put(&path, node);
            }
            Some(_) => {}
            None if ctx.pkgs.built_under(&path) => {
                let (m, lo, hi) = MADE_BINARY;
                let key = format!("build:{path}");
                put_estimate(
                    ctx,
                    &path,
                    (m * 3 / 4, lo, hi),
                    &key,
                    M::MAKE_BINARY.msg().arg("path", &path).arg("low", lo / 1_000_000).arg("high", hi / 1_000_000),
                );
            }
            None => return false,
        }
    }
    true
}

/// An unstripped program a build tool made, for a `COPY --from` of a path
/// the model cannot see.
pub fn made_binary() -> Node {
    let (m, lo, hi) = MADE_BINARY;
    let mut node = Node::estimate(m, lo, hi, Source::Model);
    node.mode = 0o755;
    node
}

/// `cp SRC TARGET` of a file under a tree a build tool made, which the
/// model cannot see: an unstripped program of a modelled size, which the
/// user can type in (by its source path).
pub fn made_binary_at(ctx: &mut RunCtx, src: &str, target: &str) {
    let (m, lo, hi) = MADE_BINARY;
    put_estimate(
        ctx,
        target,
        (m, lo, hi),
        &format!("build:{src}"),
        M::MADE_PROGRAM.msg().arg("path", src).arg("low", lo as f64 / 1e6).arg("high", hi as f64 / 1e6),
    );
    if let Some(node) = ctx.fs.get(target).cloned() {
        ctx.fs.put(target, Node { mode: 0o755, ..node });
    }
}

/// `go build [-o OUT] [-ldflags=...] [PKG]`.
pub fn go(ctx: &mut RunCtx, args: &[String]) -> bool {
    let Some((sub, rest)) = args.split_first() else { return false };
    match sub.as_str() {
        "build" | "install" => {}
        "mod" | "version" | "env" | "vet" | "test" | "generate" => {
            return sub != "mod" || rest.first().is_some_and(|a| a != "download")
        }
        _ => return false,
    }
    let cwd = ctx.cwd.clone();
    let out = match option_value(rest, &["-o"]) {
        Some(o) => ctx.path_of(o),
        None if sub == "install" => format!("{}/go/bin/app", ctx.env.get("HOME").map_or("/root", |h| h.as_str())),
        None => format!(
            "{}/{}",
            cwd.trim_end_matches('/'),
            cwd.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or("app")
        ),
    };
    // Which standard packages the program imports, from its sources in the
    // view: net/http is most of a typical server's binary.
    let sources: String = ctx
        .fs
        .under(&cwd)
        .filter(|(p, _)| p.ends_with(".go"))
        .filter_map(|(_, n)| n.text.as_deref().map(str::to_string))
        .collect();
    let http = sources.contains("\"net/http\"");
    let stripped = rest.iter().any(|a| a.contains("-s") && a.contains("-w") && a.contains("ldflags"))
        || option_value(rest, &["-ldflags", "--ldflags"]).is_some_and(|v| v.contains("-s") && v.contains("-w"));
    let mut size = GO_SMALL + if http { GO_NET_HTTP } else { 0 };
    if stripped {
        size = (size as f64 * GO_SMALL_STRIPPED as f64 / GO_SMALL as f64) as u64;
    }
    // Third-party modules can make it many times larger.
    let high = if sources.is_empty() { size * 10 } else { size * 2 };
    let mut node = Node::estimate(size, size * 7 / 10, high, Source::Model);
    node.mode = 0o755;
    ctx.fs.put(&out, node);
    let home = ctx.env.get("HOME").map_or("/root", |h| h.as_str()).to_string();
    ctx.fs.put(
        &format!("{home}/.cache/go-build/[cache]"),
        Node::estimate(GO_BUILD_CACHE, GO_BUILD_CACHE / 3, GO_BUILD_CACHE * 5, Source::Model),
    );
    true
}

/// `make`, `cmake --build`, `cargo build`, `mvn package`, `gradle build`,
/// `npm run build`: a build tree of unknown size, with a range.
pub fn build(ctx: &mut RunCtx, tool: &str, args: &[String]) -> bool {
    let dir = match option_value(args, &["-C", "--directory"]) {
        Some(d) => ctx.path_of(d),
        None => ctx.cwd.clone(),
    };
    if tool == "make" && args.iter().any(|a| a == "clean" || a == "distclean") {
        ctx.fs.remove(&format!("{}/[build outputs]", dir.trim_end_matches('/')));
        return true;
    }
    if tool == "make" && args.iter().any(|a| a == "install") {
        let (m, lo, hi) = MADE_BINARY;
        let key = format!("build:{tool} install");
        put_estimate(ctx, "/usr/local/[installed by make]", (m, lo, hi * 2), &key, M::MAKE_INSTALL.msg());
        return true;
    }
    let out = format!("{}/[build outputs]", dir.trim_end_matches('/'));
    let key = format!("build:{tool} {}", args.join(" "));
    let (m, lo, hi) = MADE_TREE;
    put_estimate(
        ctx,
        &out,
        (m, lo, hi),
        &key,
        M::BUILD_TREE.msg().arg("tool", tool).arg("low", lo / 1_000_000).arg("high", hi / 1_000_000),
    );
    ctx.pkgs.build_dirs.push(dir);
    true
}

/// curl and wget: a file named by `-o`/`-O`, else (wget, curl -O) by the URL.
pub fn download(ctx: &mut RunCtx, tool: &str, args: &[String]) -> bool {
    let url = args.iter().find(|a| a.contains("://")).cloned();
    let named = match tool {
        "wget" => option_value(args, &["-O", "--output-document"]),
        _ => option_value(args, &["-o", "--output"]),
    };
    let from_url = url
        .as_deref()
        .map(|u| u.split(['?', '#']).next().unwrap_or(u).rsplit('/').next().unwrap_or("download").to_string());
    let path = match (named, tool) {
        (Some("-"), _) => return false,
        (Some(p), _) => ctx.path_of(p),
        (None, "wget") => ctx.path_of(from_url.as_deref().unwrap_or("index.html")),
        (None, _)
            if args.iter().any(|a| {
                a == "-O" || a == "--remote-name" || (a.starts_with('-') && !a.starts_with("--") && a.contains('O'))
            }) =>
        {
            ctx.path_of(from_url.as_deref().unwrap_or("download"))
        }
        // curl without an output prints to stdout: a pipe or a redirection
        // the caller handles.
        _ => return false,
    };
    let key = format!("download:{}", url.as_deref().unwrap_or(&path));
    put_estimate(ctx, &path, DOWNLOAD, &key, M::DOWNLOAD.msg().arg("tool", tool));
    true
}

/// `apt-get source` and `apt-get download`: files in the working directory.
pub fn apt_fetch(ctx: &mut RunCtx, sub: &str, names: &[String]) -> bool {
    for n in names {
        let path = ctx.path_of(&format!("[{sub} {n}]"));
        let key = format!("download:apt-get {sub} {n}");
        put_estimate(ctx, &path, SOURCE_PACKAGE, &key, M::APT_FETCH.msg().arg("sub", sub).arg("name", n));
    }
    if sub == "source" {
        ctx.pkgs.build_dirs.push(ctx.cwd.clone());
    }
    true
}

/// `useradd`/`adduser`/`groupadd`: the account files, lastlog and faillog,
/// and with `-m` the home directory's skeleton.
pub fn useradd(ctx: &mut RunCtx, name: &str, args: &[String]) -> bool {
    let system = args.iter().any(|a| a == "-r" || a == "--system");
    let home = args.iter().any(|a| a == "-m" || a == "--create-home")
        || (name == "adduser" && !system && !args.iter().any(|a| a == "--no-create-home"));
    for f in [
        "/etc/passwd",
        "/etc/shadow",
        "/etc/group",
        "/etc/gshadow",
        "/etc/passwd-",
        "/etc/shadow-",
        "/etc/group-",
        "/etc/gshadow-",
    ] {
        let old = ctx.fs.get(f).map_or(USER_FILES / 8, |n| n.size);
        ctx.fs.put(f, Node::estimate(old.saturating_add(40), old, old.saturating_add(200), Source::Model));
    }
    if name == "groupadd" || name == "addgroup" {
        return true;
    }
    if home {
        let user = args.iter().rev().find(|a| !a.starts_with('-')).cloned().unwrap_or_default();
        let dir =
            option_value(args, &["-d", "--home-dir", "--home"]).map(str::to_string).unwrap_or(format!("/home/{user}"));
        ctx.fs.put(&format!("{dir}/.bashrc"), Node::estimate(SKELETON, SKELETON / 2, SKELETON * 2, Source::Model));
    }
    true
}
