//! The virtual build context: the files a build sends to BuildKit, after
//! `.dockerignore`, and the selection of files that a `COPY`/`ADD` source
//! (or a bind mount) picks from it or from any other tree of files.
//!
//! Shared by the cache simulation (which hashes selections) and the size
//! estimate (which builds layered filesystems from them).

use crate::cache::sha256;
use crate::diag::Diagnostic;
use crate::inputs::{BuildInput, ContextFile, FileBody};
use crate::message::Message;
use crate::span::Span;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

mod path;
mod pattern;
mod select;

pub(crate) use path::join;
use path::parent;
pub use path::{clean_join, clean_path};
pub use pattern::{glob_match, has_wildcards, parse_dockerignore, PatternMatcher};
pub use select::{select, SelectOptions, Selected, Selection};

/// The context file that holds ignore patterns.
pub const DOCKERIGNORE: &str = ".dockerignore";
/// The context file that the build's Dockerfile text stands for.
pub const DOCKERFILE: &str = "Dockerfile";

/// Messages of the context's diagnostics: files of the input that cannot
/// be taken as they are.
pub static CONTEXT_ROOT: Message = Message::new(
    "context.root-path",
    "files[{index}]: path \"{path}\" names the context root; ignored",
    "files[{index}]：路径 \"{path}\" 指向构建上下文的根目录，已忽略",
);
pub static NOT_OCTAL: Message = Message::new(
    "context.mode-not-octal",
    "files[{index}]: mode \"{mode}\" is not an octal permission; using the default",
    "files[{index}]：权限 \"{mode}\" 不是八进制的权限值，改用默认权限",
);
pub static MESSAGES: &[&Message] = &[&CONTEXT_ROOT, &NOT_OCTAL];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    File,
    Dir,
}

/// One file or directory of a tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Normalised path (see [`clean_path`]), never empty: the root is implicit.
    pub path: Arc<str>,
    pub kind: EntryKind,
    /// Permission bits (`0o644`).
    pub mode: u32,
    /// Bytes; 0 for directories.
    pub size: u64,
    /// `sha256:<hex>` of the content; empty for directories.
    pub digest: Arc<str>,
}

/// A set of files and directories keyed by normalised path. Every parent
/// directory of an entry is itself an entry (added with mode 755 if the
/// input did not list it), as in a real filesystem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tree {
    /// Keyed by `Entry::path` (the same allocation).
    pub entries: BTreeMap<Arc<str>, Entry>,
}

/// The build context after `.dockerignore`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Context {
    /// What BuildKit can see.
    pub tree: Tree,
    /// Paths that `.dockerignore` removed, in path order.
    pub ignored: Vec<String>,
    /// True when no two input files name the same path, so that
    /// [`Context::patch`] can replace an entry knowing no other file sets it.
    #[serde(skip)]
    distinct_paths: bool,
}

impl Tree {
    /// Inserts or replaces an entry, creating missing parent directories.
    pub fn insert(&mut self, entry: Entry) {
        let mut dir = parent(&entry.path);
        while !dir.is_empty() && !self.entries.contains_key(dir) {
            let e = Entry::dir(dir, 0o755);
            self.entries.insert(e.path.clone(), e);
            dir = parent(dir);
        }
        self.entries.insert(entry.path.clone(), entry);
    }

    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.entries.get(path)
    }

    /// The entries strictly inside directory `dir` (`""` is the root), in
    /// path order.
    pub fn descendants<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let start = (std::ops::Bound::Included(prefix.as_str()), std::ops::Bound::Unbounded);
        let entries = self.entries.range::<str, _>(start).map(|(_, e)| e);
        entries.take_while(move |e| e.path.starts_with(&prefix))
    }

    /// Selects what one COPY/ADD source (or bind-mount source) takes from
    /// this tree. See [`select`] for the rules.
    pub fn select<S: AsRef<str>>(&self, sources: &[S], options: &SelectOptions) -> Selection {
        select(self, sources, options)
    }
}

impl Entry {
    pub fn dir(path: &str, mode: u32) -> Entry {
        Entry { path: path.into(), kind: EntryKind::Dir, mode, size: 0, digest: "".into() }
    }

    pub fn file(path: &str, mode: u32, content: &[u8]) -> Entry {
        Entry {
            path: path.into(),
            kind: EntryKind::File,
            mode,
            size: content.len() as u64,
            digest: sha256::digest(content).into(),
        }
    }
}

impl Context {
    /// The context of a build: its files, plus the Dockerfile text as the file
    /// `Dockerfile` (it replaces a listed `Dockerfile`), minus what
    /// `.dockerignore` excludes. Bad paths and modes become diagnostics.
    pub fn from_build(build: &BuildInput) -> (Context, Vec<Diagnostic>) {
        Context::new(&build.files, Some(&build.dockerfile))
    }

    pub fn new(files: &[ContextFile], dockerfile: Option<&str>) -> (Context, Vec<Diagnostic>) {
        Context::with_digests(files, dockerfile, &mut |_, text| sha256::digest(text.as_bytes()).into())
    }

    /// As [`Context::new`], with the digest of text contents computed by
    /// `digest(path, content)` (so that a caller can remember digests
    /// between builds, or identify the Dockerfile more cheaply).
    pub fn with_digests(
        files: &[ContextFile],
        dockerfile: Option<&str>,
        digest: &mut dyn FnMut(&str, &str) -> Arc<str>,
    ) -> (Context, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut tree = Tree::default();
        let mut ignore_text = None;
        let mut seen = std::collections::HashSet::new();
        for (i, file) in files.iter().enumerate() {
            let path = clean_path(&file.path);
            seen.insert(path.clone());
            if path.is_empty() {
                diags.push(Diagnostic::warning(
                    Span::default(),
                    CONTEXT_ROOT.msg().arg("index", i).arg("path", &file.path),
                ));
                continue;
            }
            if dockerfile.is_some() && path == DOCKERFILE {
                continue;
            }
            let mode = match file.mode.as_deref().map(|m| u32::from_str_radix(m, 8)) {
                Some(Ok(m)) if m <= 0o7777 => m,
                Some(_) => {
                    diags.push(Diagnostic::warning(
                        Span::default(),
                        NOT_OCTAL.msg().arg("index", i).arg("mode", file.mode.as_deref().unwrap_or("")),
                    ));
                    file.mode_bits_default()
                }
                None => file.mode_bits_default(),
            };
            if let (FileBody::Text { content }, true) = (&file.body, path == DOCKERIGNORE) {
                ignore_text = Some(content.clone());
            }
            let entry = match &file.body {
                FileBody::Dir { .. } => Entry::dir(&path, mode),
                body => {
                    let (size, digest) = size_and_digest(&path, body, digest);
                    Entry { path: path.as_str().into(), kind: EntryKind::File, mode, size, digest }
                }
            };
            tree.insert(entry);
        }
        if let Some(text) = dockerfile {
            tree.insert(Entry {
                path: DOCKERFILE.into(),
                kind: EntryKind::File,
                mode: 0o644,
                size: text.len() as u64,
                digest: digest(DOCKERFILE, text),
            });
        }
        let mut context = Context { tree, ignored: Vec::new(), distinct_paths: seen.len() == files.len() };
        if let Some(text) = ignore_text {
            let matcher = PatternMatcher::new(&parse_dockerignore(&text));
            let (kept, ignored): (Vec<Entry>, Vec<Entry>) = std::mem::take(&mut context.tree.entries)
                .into_values()
                .partition(|e| !matcher.matches_or_parent_matches(&e.path));
            context.ignored = ignored.into_iter().map(|e| e.path.to_string()).collect();
            // Re-inserting restores the parent directories of re-included
            // files (`dir` ignored, `!dir/keep` kept), as BuildKit's walker does.
            for entry in kept {
                context.tree.insert(entry);
            }
            context.ignored.retain(|p| !context.tree.entries.contains_key(p.as_str()));
        }
        (context, diags)
    }

    /// Updates a context built from `old` (and the same `dockerfile`
    /// presence) to the one `files` makes, where only file contents changed:
    /// the same paths in the same order, the same modes and kinds, the same
    /// `.dockerignore`. Which paths are ignored depends on paths alone, so
    /// entries are replaced in place, and `old` becomes `files` (each file
    /// is compared once). Returns false, both untouched, when the change is
    /// more than that.
    pub fn patch(
        &mut self,
        old: &mut [ContextFile],
        files: &[ContextFile],
        dockerfile: Option<&str>,
        digest: &mut dyn FnMut(&str, &str) -> Arc<str>,
    ) -> bool {
        if old.len() != files.len() {
            return false;
        }
        let has_dockerfile = self.tree.entries.contains_key(DOCKERFILE) || self.ignored.iter().any(|p| p == DOCKERFILE);
        if dockerfile.is_some() && !has_dockerfile {
            return false;
        }
        // A path listed twice is left to a full build: which file sets it is
        // order's business.
        if !self.distinct_paths {
            return false;
        }
        let mut changed = Vec::new();
        for (i, (a, b)) in old.iter().zip(files).enumerate() {
            if a.path != b.path {
                return false;
            }
            if a == b {
                continue;
            }
            let same_kind = matches!(
                (&a.body, &b.body),
                (FileBody::Text { .. } | FileBody::Blob { .. }, FileBody::Text { .. } | FileBody::Blob { .. })
            );
            let path = clean_path(&b.path);
            // A path that is also a directory is left to a full build too.
            let is_dir = self.tree.get(&path).is_some_and(|e| e.kind == EntryKind::Dir);
            if a.mode != b.mode || !same_kind || path == DOCKERIGNORE || is_dir {
                return false;
            }
            changed.push((i, path));
        }
        for (i, path) in changed {
            let file = &files[i];
            old[i] = file.clone();
            if dockerfile.is_some() && path == DOCKERFILE {
                continue;
            }
            if let Some(e) = self.tree.entries.get_mut(path.as_str()) {
                (e.size, e.digest) = size_and_digest(&path, &file.body, digest);
            }
        }
        if let (Some(text), Some(e)) = (dockerfile, self.tree.entries.get_mut(DOCKERFILE)) {
            (e.size, e.digest) = (text.len() as u64, digest(DOCKERFILE, text));
        }
        true
    }
}

/// A file body's size and content digest (text is hashed by `digest`); a
/// directory has neither.
fn size_and_digest(path: &str, body: &FileBody, digest: &mut dyn FnMut(&str, &str) -> Arc<str>) -> (u64, Arc<str>) {
    match body {
        FileBody::Text { content } => (content.len() as u64, digest(path, content)),
        FileBody::Blob { size, digest } => (*size, digest.as_str().into()),
        FileBody::Dir { .. } => (0, "".into()),
    }
}

trait DefaultMode {
    fn mode_bits_default(&self) -> u32;
}

impl DefaultMode for ContextFile {
    fn mode_bits_default(&self) -> u32 {
        if self.is_dir() {
            0o755
        } else {
            0o644
        }
    }
}

#[cfg(test)]
mod tests {
    use super::path::{is_clean, parts};
    use super::*;
    use expect_test::{expect, Expect};

    fn files(spec: &[&str]) -> Vec<ContextFile> {
        spec.iter()
            .map(|s| match s.strip_suffix('/') {
                Some(_) => ContextFile {
                    path: s.to_string(),
                    body: FileBody::Dir { kind: crate::inputs::DirTag::Dir },
                    mode: None,
                },
                None => match s.split_once('=') {
                    Some((p, c)) => ContextFile::text(p, c),
                    None => ContextFile::text(s, s),
                },
            })
            .collect()
    }

    /// Patching a context after content edits gives the context built from
    /// scratch, with `.dockerignore`, duplicates, directories and the
    /// Dockerfile in play; anything more than content edits is refused.
    #[test]
    fn patching_after_content_edits_equals_building_afresh() {
        let spec = [
            ".dockerignore=*.log\n!keep.log",
            "a.txt=1",
            "keep.log=k",
            "x.log=x",
            "src/",
            "src/m.rs=m",
            "Dockerfile=listed",
        ];
        let old = files(&spec);
        let digest = &mut |_: &str, t: &str| -> Arc<str> { sha256::digest(t.as_bytes()).into() };
        let build = |f: &[ContextFile], df: &str| {
            Context::with_digests(f, Some(df), &mut |_: &str, t: &str| sha256::digest(t.as_bytes()).into()).0
        };
        let (base, _) = Context::with_digests(&old, Some("FROM a"), digest);
        let edits: [(usize, &str, bool); 6] =
            [(1, "2", true), (2, "k2", true), (3, "x2", true), (5, "m2", true), (6, "other", true), (0, "*", false)];
        for (i, content, patchable) in edits {
            let mut new = old.clone();
            new[i] = ContextFile::text(&new[i].path, content);
            let mut ctx = base.clone();
            let mut before = old.clone();
            assert_eq!(ctx.patch(&mut before, &new, Some("FROM b"), digest), patchable, "edit of {}", new[i].path);
            assert_eq!(
                &before,
                if patchable { &new } else { &old },
                "a patch updates the file list, a refused one leaves it"
            );
            if patchable {
                let fresh = build(&new, "FROM b");
                assert_eq!((&ctx.tree, &ctx.ignored), (&fresh.tree, &fresh.ignored), "edit of {}", new[i].path);
            } else {
                assert_eq!(ctx.tree, base.tree, "a refused patch leaves the context alone");
            }
        }
        let mut renamed = old.clone();
        renamed[1].path = "b.txt".into();
        assert!(!base.clone().patch(&mut old.clone(), &renamed, Some("FROM a"), digest));
        let mut moded = old.clone();
        moded[1].mode = Some("755".into());
        assert!(!base.clone().patch(&mut old.clone(), &moded, Some("FROM a"), digest));
        // With a path listed twice, which file sets it is order's business.
        let dup = files(&["a=1", "a=2"]);
        let (ctx, _) = Context::with_digests(&dup, None, digest);
        assert!(!ctx.clone().patch(&mut dup.clone(), &files(&["a=3", "a=2"]), None, digest));
    }

    /// The context of `spec`, then each selection: one line per entry.
    fn check(spec: &[&str], copies: &[(&[&str], SelectOptions)], expect: Expect) {
        let (ctx, diags) = Context::new(&files(spec), None);
        let mut out = format!("ignored: {:?}\n", ctx.ignored);
        out += &format!("tree: {}\n", ctx.tree.entries.keys().cloned().collect::<Vec<_>>().join(" "));
        for (sources, opts) in copies {
            let sources: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
            let sel = ctx.tree.select(&sources, opts);
            let rels: Vec<String> = sel
                .entries
                .iter()
                .map(|e| format!("{}->{}", e.source, if e.rel.is_empty() { "." } else { &e.rel }))
                .collect();
            out += &format!("{sources:?}: {}", rels.join(" "));
            if !sel.missing.is_empty() {
                out += &format!(" missing={:?}", sel.missing);
            }
            out += "\n";
        }
        for d in diags {
            out += &format!("diag: {}\n", d.message);
        }
        expect.assert_eq(&out);
    }

    fn opts() -> SelectOptions {
        SelectOptions::default()
    }

    #[test]
    fn paths_are_cleaned() {
        assert_eq!(clean_path("./a//b/../c/"), "a/c");
        assert_eq!(clean_path("/"), "");
        assert_eq!(clean_path("../../x"), "x");
        assert_eq!(parse_dockerignore("# c\n /a/b/ \n!./x\n\n**/*.log\n/"), vec!["a/b", "!x", "**/*.log", "/"]);

        for p in ["", "/", "a", "a/", "/a", "a//b", "./a/../b/", "日本/語"] {
            assert_eq!(parts(p).collect::<Vec<_>>(), p.split('/').collect::<Vec<_>>(), "{p:?}");
            assert_eq!(is_clean(p), clean_join(p, "") == p, "{p:?}");
        }
    }

    #[test]
    fn dockerignore_order_and_exceptions() {
        check(
            &[".dockerignore=*.md\n!README.md\nREADME*.md\n", "README.md", "NOTES.md", "a.txt", "docs/x.md"],
            &[],
            expect![[r#"
                ignored: ["NOTES.md", "README.md"]
                tree: .dockerignore a.txt docs docs/x.md
            "#]],
        );
    }

    #[test]
    fn dockerignore_double_star_and_dirs() {
        check(
            &[
                ".dockerignore=**/*.log\nnode_modules\n/build/**\n!build/keep.txt\n",
                "a.log",
                "src/deep/b.log",
                "node_modules/x/y.js",
                "build/o",
                "build/keep.txt",
                "src/main.rs",
            ],
            &[],
            expect![[r#"
                ignored: ["a.log", "build/o", "node_modules", "node_modules/x", "node_modules/x/y.js", "src/deep/b.log"]
                tree: .dockerignore build build/keep.txt src src/deep src/main.rs
            "#]],
        );
    }

    #[test]
    fn copy_sources() {
        check(
            &["src/a.rs", "src/b.rs", "src/sub/c.rs", "src/empty/", "pkg.json", "pkg-lock.json", "x.txt"],
            &[
                (&["src"], opts()),
                (&["pkg*.json", "x.txt"], opts()),
                (&["src/*.rs"], opts()),
                (&["*/sub"], opts()),
                (&["nope", "no*"], opts()),
                (&["src"], SelectOptions { exclude: vec!["*.rs".into()], parents: false }),
                (&["src/sub/c.rs", "./src/./sub/c.rs"], SelectOptions { exclude: vec![], parents: true }),
            ],
            expect![[r#"
                ignored: []
                tree: pkg-lock.json pkg.json src src/a.rs src/b.rs src/empty src/sub src/sub/c.rs x.txt
                ["src"]: src->. src/a.rs->a.rs src/b.rs->b.rs src/empty->empty src/sub->sub src/sub/c.rs->sub/c.rs
                ["pkg*.json", "x.txt"]: pkg-lock.json->pkg-lock.json pkg.json->pkg.json x.txt->x.txt
                ["src/*.rs"]: src/a.rs->a.rs src/b.rs->b.rs
                ["*/sub"]: src/sub->. src/sub/c.rs->c.rs
                ["nope", "no*"]:  missing=["nope", "no*"]
                ["src"]: src->. src/empty->empty src/sub->sub src/sub/c.rs->sub/c.rs
                ["src/sub/c.rs", "./src/./sub/c.rs"]: src/sub/c.rs->src/sub/c.rs src/sub/c.rs->sub/c.rs
            "#]],
        );
    }

    #[test]
    fn checksum_counts_content_mode_and_names() {
        let sum = |spec: &[&str], mode: Option<&str>| {
            let mut f = files(spec);
            f[0].mode = mode.map(String::from);
            let (ctx, _) = Context::new(&f, None);
            ctx.tree.select(&["src".to_string()], &opts()).checksum()
        };
        let base = sum(&["src/a=1", "src/b=2"], None);
        assert_eq!(base, sum(&["src/b=2", "src/a=1"], None), "order of listing does not count");
        assert_eq!(base, sum(&["src/a=1", "src/b=2"], Some("644")), "the default mode is 644");
        assert_ne!(base, sum(&["src/a=1", "src/b=2"], Some("755")), "mode bits count");
        assert_ne!(base, sum(&["src/a=1", "src/c=2"], None), "renaming counts");
        assert_ne!(base, sum(&["src/a=1", "src/b=3"], None), "content counts");
        assert_ne!(base, sum(&["src/a=1", "src/b=2", "src/e/"], None), "a new empty directory counts");
    }

    #[test]
    fn glob_and_patterns() {
        assert!(glob_match("*.rs", "main.rs"));
        assert!(!glob_match("*.rs", "main.rsx"));
        assert!(glob_match("[a-c]?.txt", "b1.txt"));
        assert!(glob_match("[^a-c]?.txt", "d1.txt"));
        assert!(glob_match("a\\*b", "a*b"));
        assert!(!glob_match("a\\*b", "axb"));
        let m = PatternMatcher::new(&["**".into()]);
        assert!(m.matches_or_parent_matches("any/thing"));
        let m = PatternMatcher::new(&["a/**/b".into()]);
        assert!(
            m.matches_or_parent_matches("a/b")
                && m.matches_or_parent_matches("a/x/y/b")
                && !m.matches_or_parent_matches("ab")
        );
        // Pathological patterns stay fast.
        let deep = "a/".repeat(30) + "b";
        let m = PatternMatcher::new(&["**/**/**/**/**/**/**/**/c".into()]);
        assert!(!m.matches_or_parent_matches(&deep));
        assert!(!glob_match("*********************c", &"a".repeat(40)));
        assert!(!glob_match("*a*a*a*a*a*a*a*a*a*b", &"a".repeat(60)));
        let m = PatternMatcher::new(&["*".into(), "!keep".into()]);
        assert!(m.matches_or_parent_matches("x") && !m.matches_or_parent_matches("keep"));
    }
}
