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
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

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

/// Normalises a path as Go's `path.Clean` does and makes it relative to the
/// root: `./a//b/../c/` becomes `a/c`, `/` and `.` become the empty string.
/// `..` cannot climb above the root (BuildKit resolves sources inside the
/// context).
pub fn clean_path(path: &str) -> String {
    if is_clean(path) {
        return path.to_string();
    }
    clean_join(path, "")
}

/// `clean_path` of `a/b`, without building the joined path first.
pub fn clean_join(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len() + 1);
    for part in parts(a).chain(parts(b)) {
        match part {
            "" | "." => {}
            ".." => out.truncate(out.rfind('/').unwrap_or(0)),
            p => {
                if !out.is_empty() {
                    out.push('/');
                }
                out.push_str(p);
            }
        }
    }
    out
}

/// `a/b` for two clean relative paths (either may be empty). A short path
/// is assembled on the stack, so that a join costs only its result's
/// allocation.
pub(crate) fn join(a: &str, b: &str) -> Arc<str> {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.into(),
        (_, true) => a.into(),
        _ => {
            let mut buf = [0u8; 256];
            let len = a.len() + 1 + b.len();
            if len <= buf.len() {
                buf[..a.len()].copy_from_slice(a.as_bytes());
                buf[a.len()] = b'/';
                buf[a.len() + 1..len].copy_from_slice(b.as_bytes());
                // Always valid: two strings joined by an ASCII byte.
                if let Ok(s) = std::str::from_utf8(&buf[..len]) {
                    return s.into();
                }
            }
            format!("{a}/{b}").into()
        }
    }
}

/// True when `clean_path` would return `path` unchanged: most paths are
/// written clean, and checking is cheaper than rebuilding them.
fn is_clean(path: &str) -> bool {
    parts(path).all(|part| !matches!(part, "" | "." | "..")) || path.is_empty()
}

/// `path.split('/')`, byte by byte: path parts are short, and starting a
/// search for every one costs more than it saves.
fn parts(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(path);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'/') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The parent of a normalised path (`""` for top-level entries).
fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

fn base_name(path: &str) -> &str {
    path.rfind('/').map_or(path, |i| &path[i + 1..])
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

/// Reads `.dockerignore` as moby/patternmatcher's `ignorefile.ReadAll` does:
/// one pattern a line, surrounding spaces trimmed, `#` lines and blank lines
/// skipped, `!` marks an exception, each pattern is `path.Clean`ed and loses
/// a leading `/`.
pub fn parse_dockerignore(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut patterns = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (invert, pattern) = match line.strip_prefix('!') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let mut pattern = if pattern.is_empty() { String::new() } else { go_clean(pattern) };
        if pattern.len() > 1 && pattern.starts_with('/') {
            pattern.remove(0);
        }
        patterns.push(if invert { format!("!{pattern}") } else { pattern });
    }
    patterns
}

/// Go's `path.Clean`: keeps a leading `/`, returns `.` for nothing.
fn go_clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let cleaned = clean_path(path);
    match (rooted, cleaned.is_empty()) {
        (true, _) => format!("/{cleaned}"),
        (false, true) => ".".to_string(),
        (false, false) => cleaned,
    }
}

/// moby/patternmatcher: an ordered list of patterns where later ones win and
/// `!` patterns re-include.
#[derive(Debug, Clone, Default)]
pub struct PatternMatcher {
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone)]
struct Pattern {
    exclusion: bool,
    kind: PatternKind,
}

#[derive(Debug, Clone)]
enum PatternKind {
    /// No wildcard: the path must equal it.
    Exact(String),
    /// `dir/**`: any path under `dir/`.
    Prefix(String),
    /// `**` followed by plain text: the path ends with it (or equals it
    /// without its leading `/`).
    Suffix(String),
    Tokens(Vec<Token>),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Char(char),
    /// `*`: any run of non-`/` characters.
    Star,
    /// `?`: one non-`/` character.
    Any,
    /// `[...]`: the class text between the brackets.
    Class(String),
    /// `**/` or `**` mid-pattern: nothing, or anything ending in `/`.
    Dirs,
    /// `**` at the end: anything.
    Rest,
}

impl PatternMatcher {
    /// Patterns as `.dockerignore` lists them (already cleaned); empty ones
    /// are skipped, as patternmatcher skips them.
    pub fn new(patterns: &[String]) -> PatternMatcher {
        let patterns = patterns
            .iter()
            .filter_map(|p| {
                let (exclusion, body) = match p.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, p.as_str()),
                };
                if body.is_empty() {
                    return None;
                }
                Some(Pattern { exclusion, kind: compile(&go_clean(body)) })
            })
            .collect();
        PatternMatcher { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether any `!` pattern re-includes paths.
    pub fn has_exclusions(&self) -> bool {
        self.patterns.iter().any(|p| p.exclusion)
    }

    /// patternmatcher `MatchesOrParentMatches`: walks the patterns in order;
    /// an exclusion pattern only matters once the path is matched and an
    /// inclusion only while it is not. A pattern matches a path when it
    /// matches the path or one of its parent directories.
    pub fn matches_or_parent_matches(&self, path: &str) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let mut matched = false;
        let dirs: Vec<&str> = parent(path).split('/').filter(|s| !s.is_empty()).collect();
        for pattern in &self.patterns {
            if pattern.exclusion != matched {
                continue;
            }
            let mut hit = pattern.matches(path);
            if !hit && !dirs.is_empty() {
                let mut prefix = String::new();
                for d in &dirs {
                    if !prefix.is_empty() {
                        prefix.push('/');
                    }
                    prefix.push_str(d);
                    if pattern.matches(&prefix) {
                        hit = true;
                        break;
                    }
                }
            }
            if hit {
                matched = !pattern.exclusion;
            }
        }
        matched
    }
}

/// patternmatcher `Pattern.compile`, as a token list instead of a regexp.
fn compile(pattern: &str) -> PatternKind {
    let chars: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut plain = true;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                if chars.get(i) == Some(&'/') {
                    i += 1;
                }
                tokens.push(if i >= chars.len() { Token::Rest } else { Token::Dirs });
                plain = false;
                continue;
            }
            '*' => {
                tokens.push(Token::Star);
                plain = false;
            }
            '?' => {
                tokens.push(Token::Any);
                plain = false;
            }
            '[' => {
                let mut j = i + 1;
                let mut class = String::new();
                while j < chars.len() && chars[j] != ']' {
                    if chars[j] == '\\' && j + 1 < chars.len() {
                        class.push('\\');
                        j += 1;
                    }
                    class.push(chars[j]);
                    j += 1;
                }
                if j >= chars.len() {
                    // An unclosed class: patternmatcher's regexp fails to
                    // compile; treat the `[` literally instead of failing.
                    tokens.push(Token::Char('['));
                } else {
                    tokens.push(Token::Class(class));
                    i = j;
                }
                plain = false;
            }
            '\\' if i + 1 < chars.len() => {
                tokens.push(Token::Char(chars[i + 1]));
                i += 1;
            }
            c => tokens.push(Token::Char(c)),
        }
        i += 1;
    }
    if plain {
        return PatternKind::Exact(pattern.to_string());
    }
    // Repeated wildcards match what one does; merging them keeps
    // backtracking polynomial on patterns like `**/**/**/x`.
    tokens.dedup_by(|b, a| matches!((&*a, &*b), (Token::Dirs, Token::Dirs) | (Token::Star, Token::Star)));
    // The special cases patternmatcher takes before its regexp.
    match tokens.as_slice() {
        [Token::Rest] => return PatternKind::Suffix(String::new()),
        [Token::Dirs, rest @ ..] if rest.iter().all(|t| matches!(t, Token::Char(_))) && pattern.starts_with("**") => {
            return PatternKind::Suffix(pattern[2..].to_string());
        }
        [init @ .., Token::Rest] if init.iter().all(|t| matches!(t, Token::Char(_))) => {
            return PatternKind::Prefix(pattern[..pattern.len() - 2].to_string());
        }
        _ => {}
    }
    PatternKind::Tokens(tokens)
}

impl Pattern {
    fn matches(&self, path: &str) -> bool {
        match &self.kind {
            PatternKind::Exact(p) => path == p,
            PatternKind::Prefix(p) => path.starts_with(p.as_str()),
            PatternKind::Suffix(s) => path.ends_with(s.as_str()) || s.strip_prefix('/').is_some_and(|s| path == s),
            PatternKind::Tokens(t) => {
                let chars: Vec<char> = path.chars().collect();
                match_tokens(t, &chars)
            }
        }
    }
}

/// Matches tokens against a path with memoised backtracking, so that no
/// pattern can take more than tokens x characters steps.
fn match_tokens(tokens: &[Token], s: &[char]) -> bool {
    let width = s.len() + 1;
    let mut memo = vec![None; (tokens.len() + 1) * width];
    match_at(tokens, s, 0, 0, &mut memo)
}

fn match_at(tokens: &[Token], s: &[char], t: usize, i: usize, memo: &mut Vec<Option<bool>>) -> bool {
    let slot = t * (s.len() + 1) + i;
    if let Some(known) = memo[slot] {
        return known;
    }
    let result = match tokens.get(t) {
        None => i == s.len(),
        Some(Token::Char(c)) => s.get(i) == Some(c) && match_at(tokens, s, t + 1, i + 1, memo),
        Some(Token::Any) => s.get(i).is_some_and(|&c| c != '/') && match_at(tokens, s, t + 1, i + 1, memo),
        Some(Token::Class(class)) => {
            s.get(i).is_some_and(|&c| class_matches(class, c)) && match_at(tokens, s, t + 1, i + 1, memo)
        }
        Some(Token::Star) => {
            // Zero characters, or one non-`/` and stay on the star.
            match_at(tokens, s, t + 1, i, memo)
                || (s.get(i).is_some_and(|&c| c != '/') && match_at(tokens, s, t, i + 1, memo))
        }
        Some(Token::Rest) => true,
        Some(Token::Dirs) => {
            // `(.*/)?`: nothing, or anything up to and including a `/`.
            match_at(tokens, s, t + 1, i, memo)
                || (i..s.len()).any(|j| s[j] == '/' && match_at(tokens, s, t + 1, j + 1, memo))
        }
    };
    memo[slot] = Some(result);
    result
}

/// A bracket class: `^` negates (Go's filepath.Match and regexp syntax;
/// `!` is literal there), `a-z` ranges, `\x` escapes.
fn class_matches(class: &str, c: char) -> bool {
    let chars: Vec<char> = class.chars().collect();
    let (negate, mut i) = match chars.first() {
        Some('^') => (true, 1),
        _ => (false, 0),
    };
    let mut hit = false;
    while i < chars.len() {
        let mut lo = chars[i];
        if lo == '\\' && i + 1 < chars.len() {
            i += 1;
            lo = chars[i];
        }
        let mut hi = lo;
        if i + 2 < chars.len() && chars[i + 1] == '-' {
            hi = chars[i + 2];
            if hi == '\\' && i + 3 < chars.len() {
                i += 1;
                hi = chars[i + 2];
            }
            i += 2;
        }
        if lo <= c && c <= hi {
            hit = true;
        }
        i += 1;
    }
    hit != negate
}

/// Go's `filepath.Match` for one path component (no `/` inside): `*`, `?`,
/// `[...]` and `\` escapes. A malformed class matches nothing, as Go
/// reports `ErrBadPattern`.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '*' => {
                if tokens.last() != Some(&Token::Star) {
                    tokens.push(Token::Star);
                }
            }
            '?' => tokens.push(Token::Any),
            '[' => {
                let Some(end) = p[i + 1..].iter().position(|&x| x == ']').map(|e| e + i + 1) else {
                    return false;
                };
                tokens.push(Token::Class(p[i + 1..end].iter().collect()));
                i = end;
            }
            '\\' if i + 1 < p.len() => {
                tokens.push(Token::Char(p[i + 1]));
                i += 1;
            }
            c => tokens.push(Token::Char(c)),
        }
        i += 1;
    }
    let n: Vec<char> = name.chars().collect();
    match_tokens(&tokens, &n)
}

/// Whether a source path uses wildcards (BuildKit `containsWildcards`).
pub fn has_wildcards(path: &str) -> bool {
    if !path.bytes().any(|b| matches!(b, b'*' | b'?' | b'[')) {
        return false;
    }
    let mut escaped = false;
    for c in path.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '*' | '?' | '[' => return true,
            _ => {}
        }
    }
    false
}

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

#[cfg(test)]
mod tests {
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
