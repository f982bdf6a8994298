//! Which context files a COPY/ADD source selects.
// TEMPORARY: the cache helper's `crate::context` selection (branch `cache`)
// replaces this module once merged, so that the crate has one selection.
// Until then: exact paths, directories, `*`/`?`/`[...]` globs per segment,
// `.dockerignore` (with `**` and `!` exceptions) and `--exclude`.

use super::fs::glob_match;
use crate::inputs::{ContextFile, FileBody};

/// A context file chosen by a source, with the path it lands at relative to
/// the destination.
#[derive(Debug, Clone)]
pub struct Selected<'a> {
    pub file: &'a ContextFile,
    pub rel: String,
    /// The source named this file itself (not a directory holding it).
    pub itself: bool,
}

fn clean(p: &str) -> String {
    p.trim_start_matches("./").trim_start_matches('/').trim_end_matches('/').to_string()
}

/// Matches a path against a `.dockerignore`-style pattern (segments, `**`).
pub fn pattern_match(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    fn go(p: &[&str], s: &[&str]) -> bool {
        match p.split_first() {
            None => s.is_empty(),
            Some((&"**", rest)) => (0..=s.len()).any(|i| go(rest, &s[i..])),
            Some((first, rest)) => !s.is_empty() && glob_match(first, s[0]) && go(rest, &s[1..]),
        }
    }
    go(&pat, &segs)
}

/// True when a path or one of its parents matches `pattern`.
fn matches_or_parent(pattern: &str, path: &str) -> bool {
    let mut p = path;
    loop {
        if pattern_match(pattern, p) {
            return true;
        }
        match p.rfind('/') {
            Some(i) => p = &p[..i],
            None => return false,
        }
    }
}

/// The `.dockerignore` rules: later rules win, `!` re-includes.
pub fn ignored(files: &[ContextFile], path: &str) -> bool {
    let Some(FileBody::Text { content }) = files.iter().find(|f| clean(&f.path) == ".dockerignore").map(|f| &f.body) else {
        return false;
    };
    let mut out = false;
    for line in content.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (negate, pat) = match line.strip_prefix('!') {
            Some(p) => (true, p.trim()),
            None => (false, line),
        };
        if matches_or_parent(&clean(pat), path) {
            out = !negate;
        }
    }
    out
}

/// The context files a source selects (`.` for everything). `parents` keeps
/// each file's full relative path (`COPY --parents`).
pub fn select<'a>(files: &'a [ContextFile], source: &str, exclude: &[String], parents: bool) -> Vec<Selected<'a>> {
    let src = clean(source);
    let is_glob = src.contains(['*', '?', '[']);
    let mut out = Vec::new();
    for f in files {
        let path = clean(&f.path);
        if path.is_empty() || ignored(files, &path) || exclude.iter().any(|e| matches_or_parent(&clean(e), &path)) {
            continue;
        }
        // The selected root this file belongs to, if any.
        let root = if src.is_empty() {
            Some(String::new())
        } else if is_glob {
            let n = src.split('/').count();
            let prefix: Vec<&str> = path.split('/').take(n).collect();
            (prefix.len() == n && pattern_match(&src, &prefix.join("/"))).then(|| prefix.join("/"))
        } else if path == src || path.starts_with(&format!("{src}/")) {
            Some(src.clone())
        } else {
            None
        };
        let Some(root) = root else { continue };
        let rel = if parents {
            path.clone()
        } else if path == root {
            // The source itself: a file keeps its name; a directory's
            // contents are copied, not the directory.
            if f.is_dir() {
                continue;
            }
            path.rsplit('/').next().unwrap_or(&path).to_string()
        } else {
            // A directory's contents land in the destination (glob matches too).
            if root.is_empty() { path.clone() } else { path[root.len() + 1..].to_string() }
        };
        out.push(Selected { file: f, itself: !parents && path == root, rel });
    }
    out
}
