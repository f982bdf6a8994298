//! What a COPY/ADD source, or a bind mount's source, selects from a tree.

use super::path::{base_name, clean_path, go_clean, is_clean, join};
use super::pattern::{glob_match, has_wildcards, PatternMatcher};
use super::{Entry, EntryKind, Tree};
use crate::cache::sha256;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

/// How a COPY/ADD picks its sources.
#[derive(Debug, Clone, Default)]
pub struct SelectOptions {
    /// `--exclude` patterns (patternmatcher syntax), matched against each
    /// path relative to the source that selected it.
    pub exclude: Vec<String>,
    /// `--parents`: keep the source's path (after a `/./` pivot, if any)
    /// under the destination.
    pub parents: bool,
}

/// One selected file or directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selected {
    /// Where it is in the tree it was selected from.
    pub source: Arc<str>,
    /// Where it lands, relative to the destination directory (`""` is the
    /// destination itself, for a copied directory's own metadata).
    pub rel: Arc<str>,
    pub kind: EntryKind,
    pub mode: u32,
    pub size: u64,
    pub digest: Arc<str>,
}

/// What a set of sources selects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Selection {
    pub entries: Vec<Selected>,
    /// Sources that matched nothing (an error for a plain path, allowed for
    /// a wildcard as BuildKit's `AllowEmptyWildcard`).
    pub missing: Vec<String>,
    /// True when a source is a single file (it may then be renamed by a
    /// destination without a trailing `/`).
    pub single_file: bool,
}

impl Selection {
    /// The content checksum of the selection: relative names, kinds, mode
    /// bits and content digests, in name order; never mtime or owner.
    /// (BuildKit: cache/contenthash `Checksum`, which hashes a header of
    /// name, mode and type plus the content of every file under the path.)
    pub fn checksum(&self) -> String {
        let mut sorted: Vec<&Selected> = self.entries.iter().collect();
        sorted.sort_by(|a, b| a.rel.cmp(&b.rel).then(a.source.cmp(&b.source)));
        let mut h = sha256::Sha256::new();
        for e in sorted {
            h.update(e.rel.as_bytes());
            h.update(&[0, if e.kind == EntryKind::Dir { b'd' } else { b'f' }]);
            h.update(&e.mode.to_be_bytes());
            h.update(e.digest.as_bytes());
            h.update(&[0xff]);
        }
        format!("sha256:{}", sha256::hex(&h.finish()))
    }

    /// Total bytes of the selected files.
    pub fn size(&self) -> u64 {
        self.entries.iter().map(|e| e.size).sum()
    }
}

/// Selects what COPY/ADD sources take from a tree, as BuildKit's file op
/// copies them (solver/llbsolver/file `docopy` with `AllowWildcard`,
/// `AllowEmptyWildcard` and `CopyDirContentsOnly`, which the Dockerfile
/// frontend sets in `dispatchCopy`):
/// - a source is relative to the tree root (a leading `/` or `./` is dropped,
///   `..` cannot leave the root);
/// - a source with wildcards is matched one path component at a time with
///   Go's `filepath.Match`; every match is copied;
/// - a directory copies its contents (and its own mode), not itself;
/// - `--exclude` patterns drop entries under each source;
/// - `--parents` keeps the source path (from the context root, or from a
///   `/./` pivot) under the destination.
pub fn select<'t, S: AsRef<str>>(tree: &'t Tree, sources: &[S], options: &SelectOptions) -> Selection {
    let exclude = PatternMatcher::new(&options.exclude.iter().map(|p| go_clean(p)).collect::<Vec<_>>());
    let mut selection = Selection::default();
    let single_source = sources.len() == 1;
    for raw in sources {
        let raw = raw.as_ref();
        // `--parents` keeps what follows a `/./` pivot, or the whole path.
        let pivot_at = if options.parents { raw.find("/./") } else { None };
        let (pivot, full): (String, Cow<str>) = match pivot_at {
            Some(i) => {
                let (pivot, path) = (clean_path(&raw[..i]), clean_path(&raw[i + 3..]));
                let full = if pivot.is_empty() {
                    path
                } else if path.is_empty() {
                    pivot.clone()
                } else {
                    format!("{pivot}/{path}")
                };
                (pivot, Cow::Owned(full))
            }
            _ if is_clean(raw) => (String::new(), Cow::Borrowed(raw)),
            _ => (String::new(), Cow::Owned(clean_path(raw))),
        };
        let wildcards = has_wildcards(&full);
        let found;
        let matched: Vec<&Entry>;
        let matches: &[&Entry] = if wildcards {
            let pattern: Vec<&str> = full.split('/').collect();
            matched = tree
                .entries
                .values()
                .filter(|e| {
                    let parts: Vec<&str> = e.path.split('/').collect();
                    parts.len() == pattern.len() && parts.iter().zip(&pattern).all(|(n, p)| glob_match(p, n))
                })
                .collect();
            &matched
        } else if full.is_empty() {
            &[]
        } else {
            found = tree.get(&full);
            found.as_slice()
        };
        let root_source = full.is_empty() && !wildcards;
        if matches.is_empty() && !root_source {
            selection.missing.push(raw.to_string());
            continue;
        }
        if single_source && !wildcards && matches.len() == 1 && matches[0].kind == EntryKind::File {
            selection.single_file = true;
        }
        // The path a match keeps under the destination with `--parents`.
        let keep = |p: &'t str| -> &'t str {
            if !options.parents {
                return "";
            }
            if pivot.is_empty() {
                p
            } else {
                p.strip_prefix(pivot.as_str()).map(|s| s.trim_start_matches('/')).unwrap_or(p)
            }
        };
        if root_source {
            for e in tree.entries.values() {
                if !exclude.matches_or_parent_matches(&e.path) {
                    selection.entries.push(selected(e, e.path.clone()));
                }
            }
            continue;
        }
        for m in matches {
            match m.kind {
                EntryKind::File => {
                    let name = base_name(&m.path);
                    if exclude.matches_or_parent_matches(name) {
                        continue;
                    }
                    let rel = if options.parents { keep(&m.path) } else { name };
                    selection.entries.push(selected(m, rel.into()));
                }
                EntryKind::Dir => {
                    let base = keep(&m.path);
                    selection.entries.push(selected(m, base.into()));
                    for e in tree.descendants(&m.path) {
                        let inner = &e.path[m.path.len() + 1..];
                        if exclude.matches_or_parent_matches(inner) {
                            continue;
                        }
                        selection.entries.push(selected(e, join(base, inner)));
                    }
                }
            }
        }
    }
    selection
}

fn selected(e: &Entry, rel: Arc<str>) -> Selected {
    Selected { source: e.path.clone(), rel, kind: e.kind, mode: e.mode, size: e.size, digest: e.digest.clone() }
}
