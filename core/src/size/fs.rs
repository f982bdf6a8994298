//! A layered virtual filesystem: the merged view of a stage's files plus,
//! for the layer being built, what it adds, changes and deletes.
//!
//! Overlay semantics (OCI image spec, "Representing Changes"): a layer holds
//! every file it creates or modifies in full, so `chmod`/`chown`/`touch` of a
//! file from an earlier layer stores the whole file again ("copy-up"); a
//! deletion is a whiteout entry that hides, but does not remove, the bytes of
//! the earlier layer. A file created and deleted within one layer never
//! reaches the layer at all.

use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a file's bytes are like, for the compressed estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fill {
    /// Zeros (`dd if=/dev/zero`, `truncate`, `fallocate`): gzip shrinks
    /// them about a thousandfold.
    Zeros,
    /// Random bytes (`/dev/urandom`): incompressible.
    Random,
    /// Anything else: the measured ratio of the base's family applies.
    Typical,
}

/// What a size rests on, from firmest to softest: bytes the model knows
/// (text written by the Dockerfile, context files, `dd` counts), a size the
/// user typed, a row of the shipped tables, or a model with a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    #[default]
    Exact,
    User,
    Table,
    Model,
}

/// A file or directory in the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub size: u64,
    pub mode: u32,
    pub dir: bool,
    pub fill: Fill,
    pub source: Source,
    /// The range around `size` as factors (low, high): kept as factors so
    /// that an append or a copy scales it.
    pub spread: (f64, f64),
    /// The content when known (text files from the context, `echo`).
    pub text: Option<Arc<str>>,
    /// Changes on every write, so a copy-up is told apart from no change.
    pub version: u64,
}

impl Node {
    pub fn file(size: u64, fill: Fill) -> Node {
        Node { size, mode: 0o644, dir: false, fill, source: Source::Exact, spread: (1.0, 1.0), text: None, version: 0 }
    }

    /// A file whose size is an estimate between `low` and `high` bytes.
    pub fn estimate(size: u64, low: u64, high: u64, source: Source) -> Node {
        let f = |v: u64| if size == 0 { 1.0 } else { v as f64 / size as f64 };
        Node { source, spread: (f(low).min(1.0), f(high).max(1.0)), ..Node::file(size, Fill::Typical) }
    }

    pub fn low(&self) -> u64 {
        (self.size as f64 * self.spread.0).round() as u64
    }

    pub fn high(&self) -> u64 {
        (self.size as f64 * self.spread.1).round() as u64
    }

    pub fn text(content: &str) -> Node {
        Node { text: Some(Arc::from(content)), ..Node::file(content.len() as u64, Fill::Typical) }
    }

    pub fn dir() -> Node {
        Node { dir: true, mode: 0o755, ..Node::file(0, Fill::Typical) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Changed,
    Deleted,
}

/// One entry of a layer's diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathChange {
    pub path: String,
    pub kind: ChangeKind,
    /// Bytes stored in this layer (0 for a whiteout).
    pub size: u64,
    /// For a whiteout: the size of what it hides.
    #[serde(skip_serializing_if = "is_zero")]
    pub hidden: u64,
    pub dir: bool,
    #[serde(skip)]
    pub fill: Fill,
    /// The range of `size` (equal to it when exact) and what it rests on.
    pub low: u64,
    pub high: u64,
    pub source: Source,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The merged view of all layers so far, and the open layer's bookkeeping.
#[derive(Debug, Clone, Default)]
pub struct Fs {
    view: BTreeMap<String, Node>,
    /// Each path the open layer touched, with its node before the layer.
    before: BTreeMap<String, Option<Node>>,
    next_version: u64,
}

/// Makes a path absolute and canonical: `cwd` joined, `.`/`..`/`//` resolved.
pub fn resolve(cwd: &str, path: &str) -> String {
    let joined =
        if path.starts_with('/') { path.to_string() } else { format!("{}/{}", cwd.trim_end_matches('/'), path) };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    format!("/{}", parts.join("/"))
}

fn parent(path: &str) -> Option<&str> {
    let i = path.rfind('/')?;
    if i == 0 {
        (path.len() > 1).then_some("/")
    } else {
        Some(&path[..i])
    }
}

fn is_under(path: &str, dir: &str) -> bool {
    dir == "/" || path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
}

impl Fs {
    pub fn new() -> Fs {
        Fs::default()
    }

    /// Adds a directory that the base image has, outside any layer.
    pub fn seed_dir(&mut self, path: &str) {
        self.view.insert(path.to_string(), Node::dir());
    }

    pub fn get(&self, path: &str) -> Option<&Node> {
        self.view.get(path)
    }

    pub fn is_dir(&self, path: &str) -> bool {
        path == "/" || self.view.get(path).is_some_and(|n| n.dir)
    }

    /// Every path strictly under `dir`, in order.
    pub fn under<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = (&'a String, &'a Node)> + 'a {
        let start = if dir == "/" { "/".to_string() } else { format!("{dir}/") };
        self.view.range(start.clone()..).take_while(move |(p, _)| p.starts_with(&start))
    }

    fn remember(&mut self, path: &str) {
        if !self.before.contains_key(path) {
            self.before.insert(path.to_string(), self.view.get(path).cloned());
        }
    }

    fn ensure_parents(&mut self, path: &str) {
        let mut missing = Vec::new();
        let mut p = parent(path);
        while let Some(dir) = p {
            if dir == "/" || self.view.get(dir).is_some_and(|n| n.dir) {
                break;
            }
            missing.push(dir.to_string());
            p = parent(dir);
        }
        for dir in missing.into_iter().rev() {
            self.put_raw(&dir, Node::dir());
        }
    }

    fn put_raw(&mut self, path: &str, mut node: Node) {
        self.remember(path);
        self.next_version += 1;
        node.version = self.next_version;
        self.view.insert(path.to_string(), node);
    }

    /// Writes a file or directory (parents created), replacing what was there.
    /// Replacing a directory by a file drops what was under it.
    pub fn put(&mut self, path: &str, node: Node) {
        if path == "/" {
            return;
        }
        if !node.dir && self.is_dir(path) {
            self.remove(path);
        }
        self.ensure_parents(path);
        if node.dir && self.is_dir(path) {
            return;
        }
        self.put_raw(path, node);
    }

    /// `mkdir -p`.
    pub fn mkdir(&mut self, path: &str) {
        self.put(path, Node::dir());
    }

    /// Removes a path and everything under it; false if nothing was there.
    pub fn remove(&mut self, path: &str) -> bool {
        let doomed: Vec<String> = self
            .view
            .get_key_value(path)
            .map(|(p, _)| p.clone())
            .into_iter()
            .chain(self.under(path).map(|(p, _)| p.clone()))
            .collect();
        for p in &doomed {
            self.remember(p);
            self.view.remove(p);
        }
        !doomed.is_empty()
    }

    /// Rewrites a path (and with `recursive`, everything under it) unchanged
    /// but as a new version: what `chmod`, `chown` and `touch` do to a layer.
    pub fn copy_up(&mut self, path: &str, recursive: bool, mode: Option<u32>) -> bool {
        let mut paths: Vec<String> = self.view.get_key_value(path).map(|(p, _)| p.clone()).into_iter().collect();
        if recursive {
            paths.extend(self.under(path).map(|(p, _)| p.clone()));
        }
        for p in &paths {
            if let Some(mut node) = self.view.get(p).cloned() {
                if let Some(m) = mode {
                    node.mode = m;
                }
                self.put_raw(p, node);
            }
        }
        !paths.is_empty()
    }

    /// The paths of the view matching a shell glob (`*`, `?`, `[...]`), as
    /// absolute paths; each segment is matched on its own, as the shell does.
    pub fn glob(&self, pattern: &str) -> Vec<String> {
        if !pattern.contains(['*', '?', '[']) {
            return if self.view.contains_key(pattern) || pattern == "/" {
                vec![pattern.to_string()]
            } else {
                Vec::new()
            };
        }
        let segs: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
        let mut out: Vec<String> = self
            .view
            .keys()
            .filter(|p| {
                let ps: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
                ps.len() == segs.len() && ps.iter().zip(&segs).all(|(a, b)| glob_match(b, a))
            })
            .cloned()
            .collect();
        out.sort();
        out
    }

    /// Closes the open layer: its diff against the view before it, and the
    /// view stays as the base for the next layer.
    pub fn commit(&mut self) -> Vec<PathChange> {
        let before = std::mem::take(&mut self.before);
        let mut out = Vec::new();
        for (path, old) in before {
            let new = self.view.get(&path);
            let change = match (old, new) {
                (None, Some(n)) => Some((ChangeKind::Added, n.clone(), 0)),
                (Some(o), Some(n)) if o.version != n.version => Some((ChangeKind::Changed, n.clone(), 0)),
                (Some(o), None) => Some((ChangeKind::Deleted, Node { size: 0, ..o.clone() }, o.size)),
                _ => None,
            };
            if let Some((kind, n, hidden)) = change {
                let (low, high) = (n.low(), n.high());
                out.push(PathChange {
                    path,
                    kind,
                    size: n.size,
                    hidden,
                    dir: n.dir,
                    fill: n.fill,
                    low,
                    high,
                    source: n.source,
                });
            }
        }
        out
    }

    /// Every path at or under `dir` with its node (a copy, for `COPY --from`).
    pub fn subtree(&self, dir: &str) -> Vec<(String, Node)> {
        self.view
            .get_key_value(dir)
            .map(|(p, n)| (p.clone(), n.clone()))
            .into_iter()
            .chain(self.under(dir).map(|(p, n)| (p.clone(), n.clone())))
            .collect()
    }

    /// Undoes the open layer's changes at or under `dir`: what a RUN writes
    /// into a cache, tmpfs or bind mount never reaches the layer.
    pub fn revert_under(&mut self, dir: &str) {
        let paths: Vec<String> =
            self.before.keys().filter(|p| p.as_str() == dir || is_under(p, dir)).cloned().collect();
        for p in paths {
            match self.before.remove(&p).flatten() {
                Some(old) => {
                    self.view.insert(p, old);
                }
                None => {
                    self.view.remove(&p);
                }
            }
        }
    }
}

/// Shell pattern match of one path segment.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Iterative matcher with backtracking on the last `*`.
    let (mut pi, mut ti, mut star, mut mark) = (0usize, 0usize, None::<usize>, 0usize);
    while ti < t.len() {
        if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if pi < p.len() && p[pi] == '?' {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '[' {
            match class_match(&p[pi..], t[ti]) {
                Some((true, len)) => {
                    pi += len;
                    ti += 1;
                }
                _ => match star {
                    Some(s) => {
                        pi = s + 1;
                        mark += 1;
                        ti = mark;
                    }
                    None => return false,
                },
            }
        } else if pi < p.len() && (p[pi] == t[ti] || (p[pi] == '\\' && pi + 1 < p.len() && p[pi + 1] == t[ti])) {
            pi += if p[pi] == '\\' { 2 } else { 1 };
            ti += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// `[...]` at the start of `p`: whether `c` matches, and the class's length.
fn class_match(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = i < p.len() && (p[i] == '!' || p[i] == '^');
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() && (p[i] != ']' || first) {
        first = false;
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            if p[i] <= c && c <= p[i + 2] {
                matched = true;
            }
            i += 3;
        } else {
            if p[i] == c {
                matched = true;
            }
            i += 1;
        }
    }
    if i >= p.len() {
        return None;
    }
    Some((matched != negate, i + 1))
}
