//! Paths inside a tree of files, cleaned as Go's `path.Clean` cleans them.

use std::sync::Arc;

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
pub(super) fn is_clean(path: &str) -> bool {
    parts(path).all(|part| !matches!(part, "" | "." | "..")) || path.is_empty()
}

/// `path.split('/')`, byte by byte: path parts are short, and starting a
/// search for every one costs more than it saves.
pub(super) fn parts(path: &str) -> impl Iterator<Item = &str> {
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
pub(super) fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

pub(super) fn base_name(path: &str) -> &str {
    path.rfind('/').map_or(path, |i| &path[i + 1..])
}

/// Go's `path.Clean`: keeps a leading `/`, returns `.` for nothing.
pub(super) fn go_clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let cleaned = clean_path(path);
    match (rooted, cleaned.is_empty()) {
        (true, _) => format!("/{cleaned}"),
        (false, true) => ".".to_string(),
        (false, false) => cleaned,
    }
}
