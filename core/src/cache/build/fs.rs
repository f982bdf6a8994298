//! The files of a stage while it is dispatched: what COPY and ADD wrote,
//! exactly, and every RUN and base image as an opaque layer.

use super::key::{short, Hasher};
use crate::cache::Key;
use crate::context::{join, Entry, EntryKind, SelectOptions, Selection, Tree};
use std::sync::Arc;

/// A stage's filesystem as far as the simulation knows it: files written by
/// COPY/ADD/WORKDIR, and opaque layers (the base image, every RUN) that may
/// have written anything else. Every file in `tree` was written by COPY or
/// ADD: the directories above them are the only entries made otherwise.
#[derive(Debug, Clone, Default)]
pub(super) struct Fs {
    tree: Tree,
    opaque: Vec<Key>,
    /// False for a stage whose files no later step reads: its writes are
    /// skipped (they never change a key).
    pub(super) tracked: bool,
}

impl Fs {
    /// An empty filesystem; `tracked` as the field says.
    pub(super) fn new(tracked: bool) -> Fs {
        Fs { tracked, ..Fs::default() }
    }

    pub(super) fn opaque(&mut self, key: Key) {
        self.opaque.push(key);
    }

    pub(super) fn put(&mut self, entry: Entry) {
        if self.tracked {
            self.tree.insert(entry);
        }
    }

    /// Writes a selection at `dest` (a cleaned absolute path without its
    /// leading `/`), as BuildKit's copy does: into the directory when `dest`
    /// ends with `/`, is a known directory, or several things are copied;
    /// else a single file becomes `dest`.
    pub(super) fn write(&mut self, dest: &str, dest_is_dir: bool, selection: &Selection) {
        if !self.tracked {
            return;
        }
        let into_dir =
            dest_is_dir || !selection.single_file || self.tree.get(dest).is_some_and(|e| e.kind == EntryKind::Dir);
        for e in &selection.entries {
            let path: Arc<str> = if !into_dir { dest.into() } else { join(dest, &e.rel) };
            if path.is_empty() {
                continue;
            }
            self.put(Entry { path, kind: e.kind, mode: e.mode, size: e.size, digest: e.digest.clone() });
        }
        if into_dir && !dest.is_empty() && self.tree.get(dest).is_none() {
            self.put(Entry::dir(dest, 0o755));
        }
    }

    /// Selects from this filesystem. The simulation cannot run commands, so
    /// it assumes that a RUN writes new paths and leaves the files that
    /// COPY/ADD put in place alone: a single file written by COPY is known
    /// exactly, while anything else (a directory, a path only a RUN or the
    /// base image made) depends on every opaque layer, by key. An upstream
    /// stage that re-ran thus keeps the cache of a copy of its COPY'd files.
    pub(super) fn select<S: AsRef<str>>(&self, sources: &[S], options: &SelectOptions) -> (Selection, String) {
        let selection = self.tree.select(sources, options);
        // A single file selected is a file of `tree`, so a COPY wrote it.
        let known = selection.single_file && selection.missing.is_empty() && !selection.entries.is_empty();
        if known {
            return (selection, String::new());
        }
        let mut h = Hasher::new("opaque");
        for key in &self.opaque {
            h.key(key);
        }
        (selection, short(&h.finish()))
    }
}
