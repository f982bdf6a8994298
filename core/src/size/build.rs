//! Walks the stages of a Dockerfile through the virtual filesystem, one
//! layer per instruction, as BuildKit's dispatcher runs them
//! (BuildKit: frontend/dockerfile/dockerfile2llb/convert.go).

use super::catalogue::{self, BaseImage};
use super::fs::{resolve, Fill, Fs, Node, PathChange, Source};
use super::messages as M;
use super::run::{self, Distro, Packages, RunCtx, Unknown};
use super::shell;
use super::SizeOptions;
use crate::context::{self, Context, Entry, EntryKind, SelectOptions, Tree};
use crate::inputs::{BuildInput, FileBody};
use crate::message::Msg;
use crate::shell::expand as words;
use crate::syntax::{Args, CommandForm, CopyArgs, Dockerfile, Instruction, Keyword, Mount, MountType};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// gzip's best case: deflate cannot do better than about 1032:1, which is
/// what runs of zeros reach (zlib technical details, "Maximum compression factor").
const ZEROS_RATIO: f64 = 1032.0;

/// One instruction's effect on the image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerSize {
    /// Index into `Dockerfile::instructions`.
    pub instruction: usize,
    /// The stage the instruction belongs to.
    pub stage: usize,
    pub line: u32,
    pub keyword: Keyword,
    /// False for instructions that only change the image config.
    pub creates_layer: bool,
    /// Bytes of the files the layer stores (whiteouts count 0), plus the
    /// estimates of unknown commands.
    pub uncompressed: u64,
    pub compressed: u64,
    /// Part of `uncompressed` that comes from estimates of unknowns.
    pub estimated: u64,
    /// The range of `uncompressed` (both equal to it when every byte is
    /// known exactly) and the softest basis among its parts.
    pub low: u64,
    pub high: u64,
    pub source: Source,
    pub changes: Vec<PathChange>,
    /// Caveats of the model for this step.
    pub notes: Vec<Msg>,
}

/// A stage's state: its view, environment and the layers so far (a stage
/// built FROM another starts from that one's state).
#[derive(Debug, Clone)]
pub struct StageState {
    pub fs: Fs,
    pub env: BTreeMap<String, String>,
    pub cwd: String,
    pub pkgs: Packages,
    pub base: BaseImage,
    /// The stage whose base image this chain starts from.
    pub root: usize,
    pub layers: Vec<LayerSize>,
    pub unknowns: Vec<Unknown>,
}

fn distro_of(base: &BaseImage) -> Distro {
    let os = base.base_os.to_ascii_lowercase();
    if base.libc == "musl" || os.contains("alpine") || base.reference.contains("alpine") {
        Distro::Alpine
    } else if os.contains("debian")
        || os.contains("ubuntu")
        || base.reference.contains("debian")
        || base.reference.contains("ubuntu")
    {
        Distro::Debian
    } else {
        Distro::Other
    }
}

/// The directories every Linux distribution image has (FHS), plus the
/// package managers' own, so that writing into them does not count as
/// creating them. Their contents stay unknown: the base is opaque.
fn seeded_fs(base: &BaseImage) -> Fs {
    let mut fs = Fs::new();
    if !base.has_shell || base.reference == "scratch" {
        return fs;
    }
    let mut dirs = vec![
        "/bin",
        "/etc",
        "/home",
        "/lib",
        "/opt",
        "/root",
        "/run",
        "/srv",
        "/tmp",
        "/usr",
        "/usr/bin",
        "/usr/lib",
        "/usr/local",
        "/usr/local/bin",
        "/usr/local/lib",
        "/usr/share",
        "/var",
        "/var/cache",
        "/var/lib",
        "/var/log",
        "/var/tmp",
    ];
    match distro_of(base) {
        Distro::Debian => dirs.extend(["/var/lib/apt", "/var/lib/apt/lists", "/var/cache/apt", "/var/lib/dpkg"]),
        Distro::Alpine => dirs.extend(["/etc/apk", "/var/cache/apk", "/lib/apk"]),
        Distro::Other => {}
    }
    for d in dirs {
        fs.seed_dir(d);
    }
    fs
}

/// Where pip installs on this base: the official python images build
/// Python into /usr/local (python:3.12 uses /usr/local/lib/python3.12/
/// site-packages); Debian's own python3 (3.11 in bookworm) makes pip use
/// /usr/local/lib/python3.11/dist-packages.
fn python_site(base: &BaseImage, pkgs: &Packages) -> String {
    let (name, tag, _) = catalogue::split_reference(&base.reference);
    if name.ends_with("/python") {
        let version = if base.app_version.starts_with("3.") { base.app_version.as_str() } else { tag.as_str() };
        let mut parts = version.split(['.', '-']);
        if let (Some(major), Some(minor)) = (parts.next(), parts.next()) {
            if major == "3" && minor.chars().all(|c| c.is_ascii_digit()) && !minor.is_empty() {
                return format!("/usr/local/lib/python3.{minor}/site-packages");
            }
        }
    }
    if pkgs.apt.contains("python3") {
        // Debian's python3: 3.11 in bookworm, 3.13 in trixie.
        let minor = if pkgs.release == super::data::Release::Trixie { 13 } else { 11 };
        return format!("/usr/local/lib/python3.{minor}/dist-packages");
    }
    "/usr/local/lib/python3/site-packages".into()
}

/// The base reference of a stage after expanding ARGs given to the build.
pub fn base_reference(df: &Dockerfile, input: &BuildInput, stage: usize) -> String {
    let s = &df.stages[stage];
    let mut args: BTreeMap<String, String> = BTreeMap::new();
    for decl in df.global_args() {
        if let Some(v) = input.build_args.get(&decl.name).cloned().or_else(|| decl.default.clone()) {
            args.insert(decl.name.clone(), v);
        }
    }
    if args.is_empty() {
        return s.base_expanded.clone();
    }
    words::expand(&s.base, df.escape, &|n| args.get(n).cloned()).unwrap_or_else(|_| s.base_expanded.clone())
}

/// What every step reads: the Dockerfile, the build, the options, and the
/// build context after `.dockerignore` (made once per estimate).
pub struct Build<'a> {
    pub df: &'a Dockerfile,
    pub input: &'a BuildInput,
    pub opts: &'a SizeOptions,
    pub context: Tree,
}

/// Builds every stage in order. `base_override` replaces the base image of
/// the chain that starts at stage `root` (re-pricing on another base).
pub fn build_all(
    df: &Dockerfile,
    input: &BuildInput,
    opts: &SizeOptions,
    override_root: Option<usize>,
) -> Vec<StageState> {
    let b = Build { df, input, opts, context: Context::from_build(input).0.tree };
    let mut states: Vec<StageState> = Vec::new();
    for (si, stage) in df.stages.iter().enumerate() {
        let mut state = match stage.base_stage.filter(|b| *b < states.len()) {
            Some(b) => states[b].clone(),
            None => {
                let written = base_reference(df, input, si);
                let reference = match (&opts.base, override_root) {
                    (Some(b), Some(r)) if r == si => b.clone(),
                    _ => written,
                };
                let user = opts
                    .image_sizes
                    .get(&reference)
                    .or_else(|| opts.image_sizes.get(&catalogue::normalize(&reference)))
                    .copied();
                let base = catalogue::lookup(&reference, user);
                let mut env = BTreeMap::new();
                env.insert("HOME".to_string(), "/root".to_string());
                let mut pkgs = Packages {
                    release: super::data::Release::of(&base.base_os, &base.reference),
                    ..Packages::default()
                };
                if distro_of(&base) == Distro::Alpine {
                    pkgs.apk.extend(super::data::alpine().iter().filter(|(_, (_, b))| *b).map(|(n, _)| n.to_string()));
                }
                let fs = seeded_fs(&base);
                StageState { fs, env, cwd: "/".into(), pkgs, base, root: si, layers: Vec::new(), unknowns: Vec::new() }
            }
        };
        for &ii in &stage.instructions {
            let Some(ins) = df.instructions.get(ii) else { continue };
            let layer = step(&b, &states, &mut state, si, ii, ins);
            state.layers.push(layer);
        }
        states.push(state);
    }
    states
}

fn step(b: &Build, done: &[StageState], state: &mut StageState, si: usize, ii: usize, ins: &Instruction) -> LayerSize {
    let (df, input, opts) = (b.df, b.input, b.opts);
    let mut notes = Vec::new();
    let mut unknowns = Vec::new();
    let mut creates_layer = false;
    let expand = |text: &str, env: &BTreeMap<String, String>| {
        words::expand(text, df.escape, &|n| env.get(n).cloned()).unwrap_or_else(|_| text.to_string())
    };
    match &ins.args {
        Args::Env { pairs, .. } => {
            for kv in pairs {
                let v = expand(&kv.value, &state.env);
                state.env.insert(kv.key.clone(), v);
            }
        }
        Args::Arg(decls) => {
            for d in decls {
                let v = input
                    .build_args
                    .get(&d.name)
                    .cloned()
                    .or_else(|| d.default.as_ref().map(|v| expand(v, &state.env)));
                if let Some(v) = v {
                    state.env.insert(d.name.clone(), v);
                }
            }
        }
        Args::Workdir(w) => {
            let dir = resolve(&state.cwd, &expand(&w.text, &state.env));
            // BuildKit creates a missing WORKDIR, which is a (directory-only) layer.
            if !state.fs.is_dir(&dir) {
                state.fs.mkdir(&dir);
                creates_layer = true;
            }
            state.cwd = dir;
        }
        Args::Run(r) => {
            creates_layer = true;
            let distro = distro_of(&state.base);
            if !state.base.has_shell && matches!(r.command, CommandForm::Shell(_)) {
                notes.push(M::NOTE_NO_SHELL.msg().arg("image", &state.base.reference));
            }
            let mounted = mount(b, done, state, si, &r.mounts);
            let cwd = state.cwd.clone();
            let env = state.env.clone();
            let ratio = state.base.ratio();
            let site = python_site(&state.base, &state.pkgs);
            let mut ctx = RunCtx {
                fs: &mut state.fs,
                env: &env,
                cwd,
                pkgs: &mut state.pkgs,
                distro,
                ratio,
                heredocs: &ins.heredocs,
                python_site: site,
                estimates: &opts.estimates,
                instruction: ii,
                unknowns: Vec::new(),
                notes: Vec::new(),
            };
            match &r.command {
                // `RUN <<EOF`: the bodies are the scripts. `RUN <<EOF python3`
                // runs its line, which feeds the body to the program.
                CommandForm::Shell(text) if !ins.heredocs.is_empty() && shell::only_heredocs(text) => {
                    for h in &ins.heredocs {
                        run::run_script(&mut ctx, &h.content);
                    }
                }
                CommandForm::Shell(text) => run::run_script(&mut ctx, text),
                CommandForm::Exec(argv) => {
                    let quoted: Vec<String> = argv.iter().map(|a| format!("'{}'", a.replace('\'', "'\\''"))).collect();
                    run::run_script(&mut ctx, &quoted.join(" "));
                }
            }
            unknowns = ctx.unknowns;
            notes.extend(ctx.notes);
            for t in &mounted {
                state.fs.revert_under(t);
            }
        }
        Args::Copy(c) | Args::Add(c) => {
            creates_layer = true;
            let is_add = ins.keyword == Keyword::Add;
            copy(b, done, state, si, ii, c, is_add, &ins.heredocs, &mut unknowns, &mut notes);
        }
        _ => {}
    }
    let mut changes = state.fs.commit();
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    let ratio = state.base.ratio();
    let bare = unknowns.iter().filter(|u| !u.in_file).map(|u| u.estimate).fold(0u64, u64::saturating_add);
    let files = changes.iter().map(|c| c.size).fold(0u64, u64::saturating_add);
    let compressed_files: f64 = changes
        .iter()
        .map(|c| match c.fill {
            Fill::Zeros => c.size as f64 / ZEROS_RATIO,
            Fill::Random => c.size as f64,
            Fill::Typical => c.size as f64 / ratio,
        })
        .sum();
    let unknown_total = unknowns.iter().map(|u| u.estimate).fold(0u64, u64::saturating_add);
    let low = changes.iter().map(|c| c.low).fold(bare, u64::saturating_add);
    let high = changes.iter().map(|c| c.high).fold(bare, u64::saturating_add);
    let source = changes
        .iter()
        .filter(|c| c.size > 0)
        .map(|c| c.source)
        .chain(unknowns.iter().map(|u| if u.given { Source::User } else { Source::Model }))
        .max()
        .unwrap_or(Source::Exact);
    state.unknowns.extend(unknowns);
    LayerSize {
        instruction: ii,
        stage: si,
        line: ins.line,
        keyword: ins.keyword,
        creates_layer,
        uncompressed: files.saturating_add(bare),
        compressed: (compressed_files + bare as f64 / ratio).round() as u64,
        // An estimate written as files can be deleted again in the same
        // step (`apk add --virtual .deps ... && apk del .deps`): only what
        // the layer still holds counts.
        estimated: bare.saturating_add(unknown_total.saturating_sub(bare).min(files)),
        low,
        high,
        source,
        changes,
        notes,
    }
}

fn is_archive(name: &str) -> bool {
    [".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst"].iter().any(|s| name.ends_with(s))
}

/// Puts what a RUN's mounts show into the view (bind mounts of the context
/// or of a stage, secrets) and returns every mount target: whatever is under
/// them when the RUN ends is not part of the layer (BuildKit mounts them
/// over the container's filesystem).
fn mount(b: &Build, done: &[StageState], state: &mut StageState, si: usize, mounts: &[Mount]) -> Vec<String> {
    let (df, input) = (b.df, b.input);
    let mut targets = Vec::new();
    for m in mounts {
        let target = match (m.kind, &m.target) {
            (_, Some(t)) => resolve(&state.cwd, t),
            (MountType::Secret, None) => format!("/run/secrets/{}", m.id.as_deref().unwrap_or("")),
            _ => continue,
        };
        match m.kind {
            MountType::Bind => {
                let tree = match m.from.as_deref() {
                    None => Cow::Borrowed(&b.context),
                    Some(from) => match df.stage_ref(from, si).filter(|i| *i < done.len()) {
                        Some(other) => Cow::Owned(tree_of(&done[other].fs)),
                        None => Cow::Owned(Tree::default()),
                    },
                };
                let source = m.source.clone().unwrap_or_else(|| ".".into());
                let selection = context::select(&tree, &[source], &SelectOptions::default());
                for s in &selection.entries {
                    let path = if selection.single_file { target.clone() } else { resolve(&target, &s.rel) };
                    let node = match s.kind {
                        EntryKind::Dir => Node::dir(),
                        EntryKind::File if m.from.is_none() => context_node(input, &s.source, s.size),
                        EntryKind::File => Node::file(s.size, Fill::Typical),
                    };
                    state.fs.put(&path, node);
                }
            }
            MountType::Secret => {
                let id = m.id.clone().unwrap_or_else(|| target.rsplit('/').next().unwrap_or("").to_string());
                if let Some(secret) = input.secrets.get(&id) {
                    state.fs.put(&target, Node::text(secret));
                }
            }
            _ => {}
        }
        targets.push(target);
    }
    targets
}

/// The view of a stage as a `context::Tree`, so that `COPY --from` selects
/// from it with the same rules as from the build context.
fn tree_of(fs: &Fs) -> Tree {
    let mut tree = Tree::default();
    for (path, node) in fs.subtree("/") {
        let rel = context::clean_path(&path);
        if rel.is_empty() || !path.starts_with('/') {
            continue;
        }
        let kind = if node.dir { EntryKind::Dir } else { EntryKind::File };
        tree.insert(Entry { path: rel.into(), kind, mode: node.mode, size: node.size, digest: "".into() });
    }
    tree
}

#[allow(clippy::too_many_arguments)]
fn copy(
    b: &Build,
    done: &[StageState],
    state: &mut StageState,
    si: usize,
    ii: usize,
    c: &CopyArgs,
    is_add: bool,
    heredocs: &[crate::syntax::Heredoc],
    unknowns: &mut Vec<Unknown>,
    notes: &mut Vec<Msg>,
) {
    let (df, input, opts) = (b.df, b.input, b.opts);
    let env = state.env.clone();
    let exp = |t: &str| words::expand(t, df.escape, &|n| env.get(n).cloned()).unwrap_or_else(|_| t.to_string());
    let dest_raw = exp(&c.dest.text);
    let dest = resolve(&state.cwd, &dest_raw);
    let dest_is_dir = dest_raw.ends_with('/') || state.fs.is_dir(&dest);
    let mode = c.chmod.as_deref().and_then(|m| u32::from_str_radix(m, 8).ok());
    let flag = |unknowns: &mut Vec<Unknown>, key: String, reason: Msg| {
        let (estimate, given) = opts.estimates.get(&key).map_or((0, false), |v| (*v, true));
        unknowns.push(Unknown { key, reason, estimate, given, in_file: false, instruction: ii });
    };
    // Heredoc sources become files named after their delimiter.
    let mut sources = Vec::new();
    for src in &c.sources {
        let text = exp(&src.text);
        if let Some(name) = text.strip_prefix("<<") {
            if let Some(h) = heredocs.iter().find(|h| h.name == name) {
                let mut node = Node::text(&h.content);
                if let Some(m) = mode {
                    node.mode = m;
                }
                let target = if dest_is_dir || c.sources.len() > 1 { resolve(&dest, name) } else { dest.clone() };
                state.fs.put(&target, node);
            }
        } else if text.contains("://") || text.starts_with("git@") {
            flag(unknowns, format!("add:{text}"), M::ADD_URL.msg().arg("url", text));
        } else {
            sources.push(text);
        }
    }
    if sources.is_empty() {
        return;
    }
    let options = SelectOptions { exclude: c.exclude.clone(), parents: c.parents };
    let (tree, from_fs) = match &c.from {
        Some(from) => match df.stage_ref(from, si).filter(|i| *i < done.len()) {
            Some(other) => (Cow::Owned(tree_of(&done[other].fs)), Some(&done[other].fs)),
            None => {
                flag(
                    unknowns,
                    format!("copy:--from={from} {}", sources.join(" ")),
                    M::COPY_FROM_IMAGE.msg().arg("from", from),
                );
                return;
            }
        },
        None => (Cow::Borrowed(&b.context), None),
    };
    let selection = context::select(&tree, &sources, &options);
    let from_stage = c.from.as_deref().and_then(|f| df.stage_ref(f, si)).filter(|i| *i < done.len());
    for m in &selection.missing {
        // A path under a directory where a build tool ran in that stage is
        // most likely what it built: a binary, with the model's range.
        let abs = resolve("/", m);
        if let Some(other) = from_stage.filter(|o| done[*o].pkgs.built_under(&abs)) {
            let _ = other;
            let target = if dest_is_dir { resolve(&dest, abs.rsplit('/').next().unwrap_or("")) } else { dest.clone() };
            let key = format!("copy:--from={} {m}", c.from.as_deref().unwrap_or(""));
            let node = match opts.estimates.get(&key) {
                Some(v) => Node::estimate(*v, *v, *v, Source::User),
                None => super::tools::made_binary(),
            };
            notes.push(M::NOTE_BUILT_BY_TOOL.msg().arg("path", m).arg("stage", c.from.as_deref().unwrap_or("")));
            state.fs.put(&target, node);
            continue;
        }
        match &c.from {
            // Most likely made by a command the model does not know (a
            // compiler, a download): its size must be typed, not taken as 0.
            Some(from) => flag(
                unknowns,
                format!("copy:--from={from} {m}"),
                M::COPY_NOT_MODELLED.msg().arg("path", m).arg("from", from),
            ),
            None => notes.push(M::NOTE_NO_MATCH.msg().arg("path", m)),
        }
    }
    let rename = selection.single_file && !dest_is_dir && sources.len() == 1;
    for s in &selection.entries {
        let target = if rename { dest.clone() } else { resolve(&dest, &s.rel) };
        let mut node = match (from_fs, s.kind) {
            (_, EntryKind::Dir) => Node::dir(),
            (Some(fs), EntryKind::File) => {
                fs.get(&format!("/{}", s.source)).cloned().unwrap_or_else(|| Node::file(s.size, Fill::Typical))
            }
            (None, EntryKind::File) => context_node(input, &s.source, s.size),
        };
        node.mode = mode.unwrap_or(s.mode);
        if node.dir && target == dest && state.fs.is_dir(&dest) {
            continue;
        }
        if is_add && from_fs.is_none() && !node.dir && is_archive(&s.source) {
            // ADD unpacks local tar archives into the destination directory.
            let tmp = format!("/.add-archive/{}", s.rel);
            state.fs.put(&tmp, node);
            let mut ctx = RunCtx {
                fs: &mut state.fs,
                env: &env,
                cwd: "/".into(),
                pkgs: &mut state.pkgs,
                distro: Distro::Other,
                ratio: state.base.ratio(),
                heredocs: &[],
                python_site: String::new(),
                estimates: &opts.estimates,
                instruction: ii,
                unknowns: Vec::new(),
                notes: Vec::new(),
            };
            run::extract(&mut ctx, &tmp, &dest, false);
            unknowns.extend(ctx.unknowns);
            state.fs.remove("/.add-archive");
            continue;
        }
        state.fs.put(&target, node);
    }
}

/// A context file as a node: text files keep their content (for package.json
/// and requirements files), blobs only their size.
fn context_node(input: &BuildInput, source: &str, size: u64) -> Node {
    if source == context::DOCKERFILE {
        return Node::text(&input.dockerfile);
    }
    match input.files.iter().find(|f| context::clean_path(&f.path) == source).map(|f| &f.body) {
        Some(FileBody::Text { content }) => Node::text(content),
        _ => Node::file(size, Fill::Typical),
    }
}
