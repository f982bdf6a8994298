//! The RUN command model: what common commands write to the filesystem.
//! Commands the model does not know are flagged with an editable estimate,
//! never counted as silently empty.

use super::data;
use super::fs::{resolve, Fill, Fs, Node};
use super::messages as M;
use super::shell::{self, SimpleCommand};
use crate::message::Msg;
use crate::syntax::Heredoc;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Where the apt lists live after `apt-get update`, and their size. Docker's
/// Debian images keep the indexes compressed on disk (debuerreotype:
/// scripts/debuerreotype-minimizing-config writes `docker-gzip-indexes`,
/// `Acquire::GzipIndexes "true"`); compressed, the bookworm main, updates and
/// security Packages indexes with their InRelease files take 19,872,701 B,
/// trixie's 21,679,973 B (this machine's apt lists, 2026-12-02).
pub const APT_LISTS_FILE: &str = "/var/lib/apt/lists/bookworm_Packages.lz4";
pub const APT_LISTS_BYTES: u64 = 19_872_701;
pub const APT_LISTS_BYTES_TRIXIE: u64 = 21_679_973;

/// Something whose size the model does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unknown {
    /// The key for `SizeOptions::estimates`: the command as written, or
    /// `apt:NAME`, `apk:NAME`, `pip:NAME`, `npm:NAME`, `extract:PATH`, `image:REF`.
    pub key: String,
    /// Why the size is unknown, in a sentence.
    pub reason: Msg,
    /// Bytes counted for it: the user's estimate, else the default.
    pub estimate: u64,
    /// True when the estimate came from the user.
    pub given: bool,
    /// True when the estimate stands as a file in the view (an unknown
    /// package, an unpacked archive, a command's output file), so that later
    /// commands can copy or delete it; otherwise it adds to its layer only.
    pub in_file: bool,
    /// Index into `Dockerfile::instructions`.
    pub instruction: usize,
}

/// Which package world the stage's base belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distro {
    Debian,
    Alpine,
    Other,
}

/// Per-stage package state, inherited by stages built on this one.
#[derive(Debug, Clone, Default)]
pub struct Packages {
    pub apt: BTreeSet<String>,
    /// The apt packages named on an install line (apt's "manual" mark): what
    /// `--auto-remove` keeps, with everything they need.
    pub apt_manual: BTreeSet<String>,
    pub apk: BTreeSet<String>,
    /// `apk add --virtual NAME` groups.
    pub apk_virtual: BTreeMap<String, Vec<String>>,
    pub pip_dists: BTreeSet<String>,
    /// What `strip` would leave of the binaries a modelled compiler wrote.
    pub stripped: BTreeMap<String, u64>,
    /// Directories where a build tool ran: a file under one that the model
    /// cannot see was most likely built there.
    pub build_dirs: Vec<String>,
    /// Virtual environments made by `python3 -m venv`.
    pub venvs: BTreeSet<String>,
    /// Archives `tar -c` made: what they hold (bytes and kind), so that
    /// unpacking them gives back their contents, not a ratio.
    pub archives: BTreeMap<String, (u64, Fill)>,
    /// The Debian release of the base, for the package tables.
    pub release: data::Release,
}

impl Packages {
    pub fn built_under(&self, path: &str) -> bool {
        self.build_dirs.iter().any(|d| d == "/" || path.starts_with(&format!("{}/", d.trim_end_matches('/'))))
    }
}

/// Everything one RUN may touch.
pub struct RunCtx<'a> {
    pub fs: &'a mut Fs,
    pub env: &'a BTreeMap<String, String>,
    pub cwd: String,
    pub pkgs: &'a mut Packages,
    pub distro: Distro,
    /// Uncompressed bytes per compressed byte on this base, for archives.
    pub ratio: f64,
    pub heredocs: &'a [Heredoc],
    /// Where `pip install` puts packages on this base.
    pub python_site: String,
    pub estimates: &'a BTreeMap<String, u64>,
    pub instruction: usize,
    pub unknowns: Vec<Unknown>,
    pub notes: Vec<Msg>,
}

impl RunCtx<'_> {
    pub(crate) fn flag(&mut self, key: &str, reason: Msg, default: u64) {
        let (estimate, given) = match self.estimates.get(key) {
            Some(v) => (*v, true),
            None => (default, false),
        };
        self.unknowns.push(Unknown {
            key: key.to_string(),
            reason,
            estimate,
            given,
            in_file: false,
            instruction: self.instruction,
        });
    }

    pub(crate) fn path_of(&self, p: &str) -> String {
        self.path(p)
    }

    fn path(&self, p: &str) -> String {
        let p = if p == "~" || p.starts_with("~/") {
            format!("{}{}", self.env.get("HOME").map_or("/root", |h| h.as_str()), &p[1..])
        } else {
            p.to_string()
        };
        resolve(&self.cwd, &p)
    }

    /// Expands a word that may be a glob against the view.
    fn paths(&self, word: &str) -> Vec<String> {
        let p = self.path(word);
        if word.contains(['*', '?', '[']) {
            self.fs.glob(&p)
        } else {
            vec![p]
        }
    }
}

/// Runs a shell script (a RUN's command, or a heredoc body) through the model.
pub fn run_script(ctx: &mut RunCtx, script: &str) {
    let env = ctx.env.clone();
    // The working directories to return to when a subshell closes.
    let mut outer = Vec::new();
    for cmd in shell::parse(script, &env) {
        outer.extend(std::iter::repeat_n(ctx.cwd.clone(), cmd.opens));
        run_command(ctx, &cmd);
        for _ in 0..cmd.closes {
            if let Some(cwd) = outer.pop() {
                ctx.cwd = cwd;
            }
        }
    }
}

/// Commands that write nothing worth counting: they only read, change the
/// shell's state, or touch a few bytes of metadata (`useradd` rewrites
/// /etc/passwd, which is a few KB on Debian).
const NEGLIGIBLE: [&str; 37] = [
    "cd",
    "export",
    "set",
    "unset",
    "true",
    "false",
    ":",
    "ls",
    "test",
    "[",
    "which",
    "command",
    "type",
    "printenv",
    "id",
    "whoami",
    "pwd",
    "sleep",
    "exit",
    "umask",
    "source",
    ".",
    "usermod",
    "sed",
    "grep",
    "ln",
    "wait",
    "trap",
    "uname",
    "nproc",
    "ldconfig",
    "update-ca-certificates",
    "echo",
    "printf",
    "env",
    "stat",
    "du",
];

fn run_command(ctx: &mut RunCtx, cmd: &SimpleCommand) {
    let mut words: &[String] = &cmd.words;
    while let Some(first) = words.first() {
        if matches!(first.as_str(), "sudo" | "exec" | "time" | "nice" | "nohup") {
            words = &words[1..];
        } else {
            break;
        }
    }
    if cmd.dynamic {
        ctx.flag(&cmd.text, M::DYNAMIC.msg(), 0);
        return;
    }
    let Some(name) = words.first().map(|w| w.rsplit('/').next().unwrap_or(w).to_string()) else {
        // Only redirections: `> file` truncates or creates an empty file.
        for r in &cmd.redirects {
            write_output(ctx, r.op.as_str(), &r.target, Output::Bytes(0, Fill::Typical, None));
        }
        return;
    };
    let args = &words[1..];
    let handled = match name.as_str() {
        "echo" => echo(ctx, cmd, args),
        "printf" => printf(ctx, cmd, args),
        "cat" => cat(ctx, cmd, args),
        "dd" => dd(ctx, cmd, args),
        "head" => head(ctx, cmd, args),
        "truncate" => truncate(ctx, args),
        "fallocate" => fallocate(ctx, args),
        "cp" => cp(ctx, args, false),
        "mv" => cp(ctx, args, true),
        "rm" => rm(ctx, args),
        "rmdir" => rm(ctx, args),
        "mkdir" => mkdir(ctx, args),
        "chmod" | "chown" | "chgrp" => copy_up(ctx, &name, args),
        "touch" => touch(ctx, args),
        "tar" => tar(ctx, args),
        "unzip" => unzip(ctx, args),
        "gunzip" => gunzip(ctx, args),
        "sh" | "bash" | "ash" | "dash" => subshell(ctx, cmd, args),
        "apt-get" | "apt" => super::pkg::apt(ctx, args),
        "apk" => super::pkg::apk(ctx, args),
        "pip" | "pip3" => super::pkg::pip(ctx, args, venv_of(ctx, &words[0])),
        "python" | "python3" if args.len() >= 2 && args[0] == "-m" && args[1] == "pip" => {
            super::pkg::pip(ctx, &args[2..], venv_of(ctx, &words[0]))
        }
        "python" | "python3" if args.len() >= 2 && args[0] == "-m" && args[1] == "venv" => {
            super::pkg::venv(ctx, &args[2..])
        }
        n if n.starts_with("python3.") && args.len() >= 2 && args[0] == "-m" && args[1] == "venv" => {
            super::pkg::venv(ctx, &args[2..])
        }
        "gcc" | "cc" | "clang" | "musl-gcc" | "g++" | "c++" | "clang++" => super::tools::cc(ctx, &name, args),
        n if n.starts_with("gcc-") || n.starts_with("x86_64-linux-") => super::tools::cc(ctx, &name, args),
        "strip" => super::tools::strip(ctx, args),
        "go" => super::tools::go(ctx, args),
        "make" | "cmake" | "ninja" | "cargo" | "mvn" | "gradle" | "dpkg-buildpackage" => {
            super::tools::build(ctx, &name, args)
        }
        "npm" | "yarn" | "pnpm"
            if args.first().is_some_and(|a| a == "run") && args.get(1).is_some_and(|a| a.contains("build")) =>
        {
            super::tools::build(ctx, &name, args)
        }
        "curl" | "wget" => super::tools::download(ctx, &name, args),
        "useradd" | "adduser" | "groupadd" | "addgroup" => super::tools::useradd(ctx, &name, args),
        "dpkg-source" if args.first().is_some_and(|a| a == "-x") => {
            let dir = args.get(2).cloned().unwrap_or_else(|| ".".into());
            let d = ctx.path(&dir);
            ctx.pkgs.build_dirs.push(d.clone());
            ctx.fs.mkdir(&d);
            true
        }
        "npm" => super::pkg::npm(ctx, args),
        "cd" => {
            if let Some(d) = args.first() {
                ctx.cwd = ctx.path(d);
            }
            true
        }
        n if NEGLIGIBLE.contains(&n) && cmd.redirects.iter().all(|r| is_null(&r.target) || r.op.starts_with('<')) => {
            true
        }
        _ => false,
    };
    if !handled {
        let reason = M::COMMAND.msg().arg("name", &name);
        match output_path(cmd, args) {
            // A build tool's `-o FILE`, or stdout sent to a file: the estimate
            // becomes that file, so a later COPY --from or rm sees it.
            Some(out) => {
                let path = ctx.path(&out);
                let (estimate, given) = ctx.estimates.get(&cmd.text).map_or((0, false), |v| (*v, true));
                ctx.unknowns.push(Unknown {
                    key: cmd.text.clone(),
                    reason,
                    estimate,
                    given,
                    in_file: true,
                    instruction: ctx.instruction,
                });
                ctx.fs.put(&path, Node::file(estimate, Fill::Typical));
            }
            None => ctx.flag(&cmd.text, reason, 0),
        }
    }
}

/// The virtual environment a `pip` or `python` runs in: its path names one
/// (`/opt/venv/bin/pip`), or PATH leads to one before the system's.
fn venv_of(ctx: &RunCtx, program: &str) -> Option<String> {
    let venv = |bin: &str| {
        let root = bin.strip_suffix("/bin").unwrap_or(bin).to_string();
        ctx.pkgs.venvs.contains(&root).then_some(root)
    };
    if let Some((dir, _)) = program.rsplit_once('/') {
        return venv(&ctx.path(dir));
    }
    let path = ctx.env.get("PATH")?;
    for dir in path.split(':') {
        if let Some(v) = venv(dir) {
            return Some(v);
        }
        if dir.starts_with("/usr") || dir.starts_with("/bin") {
            return None;
        }
    }
    None
}

/// The file an unknown command writes, when its arguments say: `-o FILE`,
/// `--output FILE` (compilers, go build, curl, wget's `-O`), or a stdout
/// redirection.
fn output_path(cmd: &SimpleCommand, args: &[String]) -> Option<String> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "-O" | "--output" | "--output-document" => return it.next().filter(|p| p.as_str() != "-").cloned(),
            _ => {
                if let Some(p) = a.strip_prefix("--output=").or_else(|| a.strip_prefix("--output-document=")) {
                    return Some(p.to_string());
                }
            }
        }
    }
    cmd.redirects
        .iter()
        .rev()
        .find(|r| matches!(r.op.as_str(), ">" | ">>" | "1>" | "&>") && !is_null(&r.target))
        .map(|r| r.target.clone())
}

fn is_null(target: &str) -> bool {
    matches!(target, "/dev/null" | "/dev/stdout" | "/dev/stderr" | "&1" | "&2" | "1" | "2")
}

/// What a command prints.
enum Output {
    Bytes(u64, Fill, Option<String>),
}

/// Applies stdout redirections of a command printing `out`. Returns false
/// when stdout goes nowhere the model can see (a pipe).
fn redirect_stdout(ctx: &mut RunCtx, cmd: &SimpleCommand, out: Output) -> bool {
    let target = cmd.redirects.iter().rev().find(|r| matches!(r.op.as_str(), ">" | ">>" | "1>" | "1>>" | "&>" | ">|"));
    match target {
        Some(r) => {
            let op = r.op.clone();
            let t = r.target.clone();
            write_output(ctx, &op, &t, out);
            true
        }
        None => !cmd.piped,
    }
}

fn write_output(ctx: &mut RunCtx, op: &str, target: &str, out: Output) {
    if is_null(target) || op.starts_with('<') || op.starts_with('2') {
        return;
    }
    let Output::Bytes(n, fill, text) = out;
    let path = ctx.path(target);
    if op.ends_with(">>") {
        if let Some(old) = ctx.fs.get(&path).cloned() {
            let mut node = old;
            node.size = node.size.saturating_add(n);
            node.text = match (node.text.as_deref(), text) {
                (Some(a), Some(b)) => Some(format!("{a}{b}").into()),
                _ => None,
            };
            ctx.fs.put(&path, node);
            return;
        }
    }
    let mut node = Node::file(n, fill);
    node.text = text.map(Into::into);
    ctx.fs.put(&path, node);
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('c') => break,
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn echo(ctx: &mut RunCtx, cmd: &SimpleCommand, args: &[String]) -> bool {
    let mut newline = true;
    let mut escapes = false;
    let mut rest = args;
    while let Some(flag) =
        rest.first().filter(|a| a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| "neE".contains(c)))
    {
        newline &= !flag.contains('n');
        escapes |= flag.contains('e');
        rest = &rest[1..];
    }
    let mut text = rest.join(" ");
    if escapes {
        text = unescape(&text);
    }
    if newline {
        text.push('\n');
    }
    redirect_stdout(ctx, cmd, Output::Bytes(text.len() as u64, Fill::Typical, Some(text)))
}

fn printf(ctx: &mut RunCtx, cmd: &SimpleCommand, args: &[String]) -> bool {
    let Some(format) = args.first() else { return true };
    let format = unescape(format);
    let mut values = args[1..].iter();
    let mut out = String::new();
    // The format is reused while arguments remain, as printf(1) does.
    loop {
        let before = values.len();
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('%') => out.push('%'),
                Some('s') | Some('b') | Some('d') | Some('i') => out.push_str(values.next().map_or("", |s| s.as_str())),
                Some(o) => {
                    out.push('%');
                    out.push(o);
                }
                None => out.push('%'),
            }
        }
        // Stop when the arguments are used up, or when the format takes none.
        if values.len() == 0 || values.len() == before {
            break;
        }
    }
    redirect_stdout(ctx, cmd, Output::Bytes(out.len() as u64, Fill::Typical, Some(out)))
}

fn heredoc_body(ctx: &RunCtx, cmd: &SimpleCommand) -> Option<String> {
    let r = cmd.redirects.iter().find(|r| r.op.starts_with("<<") && !r.op.starts_with("<<<"))?;
    let name = r.target.trim_matches(['\'', '"']);
    ctx.heredocs.iter().find(|h| h.name == name).map(|h| h.content.clone())
}

fn cat(ctx: &mut RunCtx, cmd: &SimpleCommand, args: &[String]) -> bool {
    let to_file = cmd.redirects.iter().any(|r| r.op.contains('>') && !r.op.starts_with('2') && !is_null(&r.target));
    if !to_file {
        // Printing to the build log writes nothing; feeding a pipe is up to
        // the reader, which the model cannot follow.
        return !cmd.piped;
    }
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with('-') || a.as_str() == "-").collect();
    if files.is_empty() {
        return match heredoc_body(ctx, cmd) {
            Some(body) => redirect_stdout(ctx, cmd, Output::Bytes(body.len() as u64, Fill::Typical, Some(body))),
            None => cmd.redirects.iter().all(|r| !r.op.contains('>')),
        };
    }
    let mut total = 0u64;
    let mut text = Some(String::new());
    for f in files {
        let p = ctx.path(f);
        let Some(node) = ctx.fs.get(&p).filter(|n| !n.dir) else { return false };
        total = total.saturating_add(node.size);
        text = match (text, node.text.as_deref()) {
            (Some(mut t), Some(s)) => {
                t.push_str(s);
                Some(t)
            }
            _ => None,
        };
    }
    redirect_stdout(ctx, cmd, Output::Bytes(total, Fill::Typical, text))
}

/// A size with GNU coreutils suffixes: `K`/`KiB` = 1024, `KB` = 1000, and so
/// on up to `T`; dd's `c` (1), `w` (2) and `b` (512) too.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: u64 = digits.parse().ok()?;
    let suffix = &s[digits.len()..];
    let mult: u64 = match suffix {
        "" | "c" => 1,
        "w" => 2,
        "b" => 512,
        "k" | "K" | "KiB" => 1 << 10,
        "kB" | "KB" => 1000,
        "M" | "MiB" => 1 << 20,
        "MB" => 1_000_000,
        "G" | "GiB" => 1 << 30,
        "GB" => 1_000_000_000,
        "T" | "TiB" => 1 << 40,
        "TB" => 1_000_000_000_000,
        _ => return None,
    };
    n.checked_mul(mult)
}

fn source_fill(path: &str) -> Fill {
    match path {
        "/dev/zero" => Fill::Zeros,
        "/dev/urandom" | "/dev/random" => Fill::Random,
        _ => Fill::Typical,
    }
}

fn dd(ctx: &mut RunCtx, cmd: &SimpleCommand, args: &[String]) -> bool {
    let mut opts = BTreeMap::new();
    for a in args {
        if let Some((k, v)) = a.split_once('=') {
            opts.insert(k, v);
        }
    }
    let bs = opts.get("bs").or(opts.get("obs")).or(opts.get("ibs")).map_or(Some(512), |v| parse_size(v));
    let Some(bs) = bs else { return false };
    let input = opts.get("if").map(|p| ctx.path(p));
    let fill = input.as_deref().map_or(Fill::Typical, source_fill);
    let from_file = input.as_deref().and_then(|p| ctx.fs.get(p)).map(|n| n.size);
    let count = match opts.get("count") {
        Some(c) => match parse_size(c) {
            Some(c) => Some(c),
            None => return false,
        },
        None => None,
    };
    let copied = match (count, from_file) {
        (Some(c), Some(f)) => (c.saturating_mul(bs)).min(f),
        (Some(c), None) if fill != Fill::Typical || input.is_none() => c.saturating_mul(bs),
        (None, Some(f)) => f,
        _ => return false,
    };
    let seek = opts.get("seek").and_then(|s| parse_size(s)).unwrap_or(0).saturating_mul(bs);
    match opts.get("of") {
        Some(of) => {
            let p = ctx.path(of);
            ctx.fs.put(&p, Node::file(seek.saturating_add(copied), fill));
            true
        }
        None => redirect_stdout(ctx, cmd, Output::Bytes(copied, fill, None)),
    }
}

fn head(ctx: &mut RunCtx, cmd: &SimpleCommand, args: &[String]) -> bool {
    let mut n = None;
    let mut file = None;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-c" || a == "--bytes" {
            n = args.get(i + 1).and_then(|v| parse_size(v));
            i += 1;
        } else if let Some(v) = a.strip_prefix("--bytes=").or_else(|| a.strip_prefix("-c")) {
            n = parse_size(v);
        } else if !a.starts_with('-') {
            file = Some(ctx.path(a));
        } else {
            return false;
        }
        i += 1;
    }
    let Some(n) = n else { return false };
    let fill = file.as_deref().map_or(Fill::Typical, source_fill);
    let n = match file.as_deref().and_then(|f| ctx.fs.get(f)) {
        Some(node) => n.min(node.size),
        None if fill != Fill::Typical => n,
        None => return false,
    };
    redirect_stdout(ctx, cmd, Output::Bytes(n, fill, None))
}

fn truncate(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut size: Option<String> = None;
    let mut no_create = false;
    let mut files = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-s" || a == "--size" {
            size = args.get(i + 1).cloned();
            i += 1;
        } else if let Some(v) = a.strip_prefix("--size=").or_else(|| a.strip_prefix("-s")) {
            size = Some(v.to_string());
        } else if a == "-c" || a == "--no-create" {
            no_create = true;
        } else {
            files.push(ctx.path(a));
        }
        i += 1;
    }
    let Some(spec) = size else { return false };
    for f in files {
        let old = ctx.fs.get(&f).cloned();
        if old.is_none() && no_create {
            continue;
        }
        let cur = old.as_ref().map_or(0, |n| n.size);
        let new = if let Some(v) = spec.strip_prefix('+') {
            cur.saturating_add(parse_size(v).unwrap_or(0))
        } else if let Some(v) = spec.strip_prefix('-') {
            cur.saturating_sub(parse_size(v).unwrap_or(0))
        } else {
            match parse_size(&spec) {
                Some(v) => v,
                None => return false,
            }
        };
        let mut node = old.unwrap_or_else(|| Node::file(0, Fill::Zeros));
        if new > node.size {
            node.fill = if node.size == 0 { Fill::Zeros } else { node.fill };
        }
        node.size = new;
        node.text = None;
        ctx.fs.put(&f, node);
    }
    true
}

fn fallocate(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut len = None;
    let mut files = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-l" || a == "--length" {
            len = args.get(i + 1).and_then(|v| parse_size(v));
            i += 1;
        } else if let Some(v) = a.strip_prefix("--length=").or_else(|| a.strip_prefix("-l")) {
            len = parse_size(v);
        } else if !a.starts_with('-') {
            files.push(ctx.path(a));
        }
        i += 1;
    }
    let Some(len) = len else { return false };
    for f in files {
        let mut node = ctx.fs.get(&f).cloned().unwrap_or_else(|| Node::file(0, Fill::Zeros));
        node.size = node.size.max(len);
        ctx.fs.put(&f, node);
    }
    true
}

fn split_flags(args: &[String]) -> (String, Vec<String>) {
    let mut flags = String::new();
    let mut rest = Vec::new();
    let mut done = false;
    for a in args {
        if !done && a == "--" {
            done = true;
        } else if !done && a.starts_with("--") {
            flags.push_str(match a.as_str() {
                "--recursive" => "r",
                "--force" => "f",
                "--parents" => "p",
                "--archive" => "a",
                _ => "",
            });
        } else if !done && a.starts_with('-') && a.len() > 1 {
            flags.push_str(&a[1..]);
        } else {
            rest.push(a.clone());
        }
    }
    (flags, rest)
}

fn cp(ctx: &mut RunCtx, args: &[String], moving: bool) -> bool {
    let (flags, rest) = split_flags(args);
    let recursive = moving || flags.contains(['r', 'R', 'a']);
    let Some((dest, sources)) = rest.split_last() else { return false };
    let dest = ctx.path(dest);
    let srcs: Vec<String> = sources.iter().flat_map(|s| ctx.paths(s)).collect();
    if srcs.is_empty() {
        return false;
    }
    let into_dir = srcs.len() > 1 || ctx.fs.is_dir(&dest);
    for src in srcs {
        let Some(node) = ctx.fs.get(&src).cloned() else {
            // A file in a tree a build tool made in this image (`cargo
            // build`, then `cp target/release/app /out/`): the model cannot
            // see its outputs, so the copy is a program of a modelled size.
            if ctx.pkgs.built_under(&src) {
                let base = src.rsplit('/').next().unwrap_or("");
                let target = if into_dir { format!("{}/{}", dest.trim_end_matches('/'), base) } else { dest.clone() };
                super::tools::made_binary_at(ctx, &src, &target);
                continue;
            }
            return false;
        };
        if node.dir && !recursive {
            continue;
        }
        let base = src.rsplit('/').next().unwrap_or("");
        let target = if into_dir { format!("{}/{}", dest.trim_end_matches('/'), base) } else { dest.clone() };
        let tree = ctx.fs.subtree(&src);
        if moving {
            ctx.fs.remove(&src);
        }
        for (p, mut n) in tree {
            let rel = &p[src.len()..];
            n.version = 0;
            ctx.fs.put(&format!("{target}{rel}"), n);
        }
    }
    true
}

fn rm(ctx: &mut RunCtx, args: &[String]) -> bool {
    let (_, rest) = split_flags(args);
    for a in rest {
        for p in ctx.paths(&a) {
            ctx.fs.remove(&p);
        }
    }
    true
}

fn mkdir(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
        } else if a == "-m" {
            skip = true;
        } else if !a.starts_with('-') {
            let p = ctx.path(a);
            ctx.fs.mkdir(&p);
        }
    }
    true
}

fn copy_up(ctx: &mut RunCtx, name: &str, args: &[String]) -> bool {
    let (flags, rest) = split_flags(args);
    let recursive = flags.contains('R');
    let Some((spec, targets)) = rest.split_first() else { return false };
    let mode = if name == "chmod" { u32::from_str_radix(spec, 8).ok() } else { None };
    for t in targets {
        for p in ctx.paths(t) {
            ctx.fs.copy_up(&p, recursive, mode);
        }
    }
    true
}

fn touch(ctx: &mut RunCtx, args: &[String]) -> bool {
    let (_, rest) = split_flags(args);
    for a in rest {
        let p = ctx.path(&a);
        if !ctx.fs.copy_up(&p, false, None) {
            ctx.fs.put(&p, Node::file(0, Fill::Typical));
        }
    }
    true
}

fn is_compressed(name: &str) -> bool {
    [".gz", ".tgz", ".xz", ".txz", ".bz2", ".tbz2", ".zst", ".zip", ".lz4", ".Z"].iter().any(|s| name.ends_with(s))
}

/// Unpacks an archive of the view into `dest`. An uncompressed tar holds its
/// files' bytes (plus headers), so its size stands for its contents; a
/// compressed archive's contents are estimated with the base's measured
/// ratio and flagged so that the user can correct them.
pub fn extract(ctx: &mut RunCtx, archive: &str, dest: &str, compressed: bool) -> bool {
    let Some(node) = ctx.fs.get(archive).cloned() else { return false };
    let name = archive.rsplit('/').next().unwrap_or(archive).to_string();
    let contents = format!("{}/[contents of {name}]", dest.trim_end_matches('/'));
    ctx.fs.mkdir(dest);
    if let Some((bytes, fill)) = ctx.pkgs.archives.get(archive).copied() {
        // An archive this build made: its contents are known.
        ctx.fs.put(&contents, Node::file(bytes, fill));
    } else if compressed || is_compressed(&name) {
        let key = format!("extract:{archive}");
        let default = (node.size as f64 * ctx.ratio).round() as u64;
        let reason = M::UNPACKED.msg().arg("name", &name).arg("ratio", format!("{:.2}", ctx.ratio));
        let (estimate, given) = match ctx.estimates.get(&key) {
            Some(v) => (*v, true),
            None => (default, false),
        };
        ctx.unknowns.push(Unknown { key, reason, estimate, given, in_file: true, instruction: ctx.instruction });
        // What an archive holds decides how far it expands: from 1x (media,
        // already compressed data) to about 6x (text, source trees).
        let (low, high) = if given { (estimate, estimate) } else { (node.low(), node.high().saturating_mul(6)) };
        let source = if given { super::fs::Source::User } else { super::fs::Source::Model };
        ctx.fs.put(&contents, Node::estimate(estimate, low.min(estimate), high.max(estimate), source));
    } else {
        ctx.fs.put(&contents, Node::file(node.size, node.fill));
    }
    true
}

/// `tar -c`: an archive of the named paths. Compressed, it shrinks by what
/// it holds: random bytes not at all, zeros about a thousandfold, anything
/// else by the base's measured ratio.
fn create_archive(ctx: &mut RunCtx, file: &str, dir: &str, operands: &[String], compressed: bool) -> bool {
    let mut bytes = 0u64;
    let mut packed = 0f64;
    let mut fills = BTreeSet::new();
    for o in operands {
        let p = resolve(dir, o);
        for (_, n) in ctx.fs.subtree(&p).into_iter().filter(|(_, n)| !n.dir) {
            bytes = bytes.saturating_add(n.size);
            fills.insert(format!("{:?}", n.fill));
            packed += match (compressed || is_compressed(file), n.fill) {
                (false, _) | (true, Fill::Random) => n.size as f64,
                (true, Fill::Zeros) => n.size as f64 / 1032.0,
                (true, Fill::Typical) => n.size as f64 / ctx.ratio,
            };
        }
    }
    let fill = match ctx.fs.get(&resolve(dir, operands.first().map_or("", |o| o.as_str()))).map(|n| n.fill) {
        Some(f) if fills.len() == 1 => f,
        _ => Fill::Typical,
    };
    // tar's headers: 512 bytes per file, rounded up to 10 KiB records.
    let size = (packed as u64).max(10_240);
    let archive_fill = if compressed || is_compressed(file) { Fill::Random } else { fill };
    ctx.fs.put(file, Node::file(size, archive_fill));
    ctx.pkgs.archives.insert(file.to_string(), (bytes, fill));
    true
}

fn tar(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut operands: Vec<String> = Vec::new();
    let mut mode = None;
    let mut file = None;
    let mut dir = ctx.cwd.clone();
    let mut compressed = false;
    let mut i = 0;
    let mut first = true;
    while i < args.len() {
        let a = &args[i];
        // The first word may be a bundle of flags without a dash (`tar xzf f`).
        let bundle = if let Some(b) = a.strip_prefix('-').filter(|b| !b.starts_with('-')) {
            Some(b)
        } else if first && !a.starts_with('-') {
            Some(a.as_str())
        } else {
            None
        };
        first = false;
        if let Some(b) = bundle {
            let mut takes_file = false;
            let mut takes_dir = false;
            for c in b.chars() {
                match c {
                    'x' => mode = Some('x'),
                    'c' => mode = Some('c'),
                    'z' | 'J' | 'j' | 'a' => compressed = true,
                    'f' => takes_file = true,
                    'C' => takes_dir = true,
                    _ => {}
                }
            }
            if takes_file {
                i += 1;
                file = args.get(i).map(|f| ctx.path(f));
            }
            if takes_dir {
                i += 1;
                if let Some(d) = args.get(i) {
                    dir = ctx.path(d);
                }
            }
        } else if let Some(d) = a.strip_prefix("--directory=") {
            dir = ctx.path(d);
        } else if a == "--directory" {
            i += 1;
            if let Some(d) = args.get(i) {
                dir = ctx.path(d);
            }
        } else if let Some(f) = a.strip_prefix("--file=") {
            file = Some(ctx.path(f));
        } else if matches!(a.as_str(), "--gzip" | "--xz" | "--bzip2" | "--zstd" | "--auto-compress") {
            compressed = true;
        } else if a == "--extract" || a == "--get" {
            mode = Some('x');
        } else if a == "--create" {
            mode = Some('c');
        } else if !a.starts_with('-') {
            operands.push(a.clone());
        }
        i += 1;
    }
    match (mode, file) {
        (Some('x'), Some(f)) => extract(ctx, &f, &dir, compressed),
        (Some('c'), Some(f)) => create_archive(ctx, &f, &dir, &operands, compressed),
        _ => false,
    }
}

fn unzip(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut dest = ctx.cwd.clone();
    let mut file = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "-d" {
            i += 1;
            if let Some(d) = args.get(i) {
                dest = ctx.path(d);
            }
        } else if !args[i].starts_with('-') && file.is_none() {
            file = Some(ctx.path(&args[i]));
        }
        i += 1;
    }
    match file {
        Some(f) => extract(ctx, &f, &dest, true),
        None => false,
    }
}

fn gunzip(ctx: &mut RunCtx, args: &[String]) -> bool {
    let (_, rest) = split_flags(args);
    for a in rest {
        let p = ctx.path(&a);
        let Some(node) = ctx.fs.get(&p).cloned() else { return false };
        let key = format!("extract:{p}");
        let default = (node.size as f64 * ctx.ratio).round() as u64;
        let (estimate, given) = ctx.estimates.get(&key).map_or((default, false), |v| (*v, true));
        ctx.unknowns.push(Unknown {
            key,
            reason: M::UNPACKED.msg().arg("name", &a).arg("ratio", format!("{:.2}", ctx.ratio)),
            estimate,
            given,
            in_file: true,
            instruction: ctx.instruction,
        });
        ctx.fs.remove(&p);
        let out = p.strip_suffix(".gz").map(str::to_string).unwrap_or(format!("{p}.out"));
        ctx.fs.put(&out, Node::file(estimate, Fill::Typical));
    }
    true
}

fn subshell(ctx: &mut RunCtx, cmd: &SimpleCommand, args: &[String]) -> bool {
    let flags: Vec<&String> = args.iter().take_while(|a| a.starts_with('-')).collect();
    if flags.iter().any(|f| f.contains('c')) {
        if let Some(script) = args.get(flags.len()) {
            let script = script.clone();
            run_script(ctx, &script);
            return true;
        }
    }
    if args.len() == flags.len() {
        if let Some(body) = heredoc_body(ctx, cmd) {
            run_script(ctx, &body);
            return true;
        }
    }
    false
}

/// The median of the table sizes, the default estimate for an unknown package.
pub(crate) fn median_u64(values: impl Iterator<Item = u64>) -> u64 {
    data::median(values.map(|v| v as f64).collect()).round() as u64
}
