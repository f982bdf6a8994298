//! `.dockerignore` matching, as BuildKit's context transfer applies it
//! (moby/patternmatcher: `*`, `?`, `**`, `[...]`, `!` exceptions, the last
//! matching pattern wins, and a path is excluded when a parent directory is).

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dockerignore {
    pub patterns: Vec<IgnorePattern>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnorePattern {
    /// Slash-separated, cleaned: no leading `/` or `./`, no trailing `/`.
    pub pattern: String,
    /// `!pattern`: re-include what an earlier pattern excluded.
    pub exclusion: bool,
}

impl Dockerignore {
    pub fn parse(text: &str) -> Dockerignore {
        let mut patterns = Vec::new();
        for line in text.lines() {
            // Docker: only lines starting with `#` are comments; patterns are trimmed.
            if line.starts_with('#') {
                continue;
            }
            let mut p = line.trim();
            let exclusion = p.starts_with('!');
            if exclusion {
                p = p[1..].trim();
            }
            let cleaned = clean(p);
            if cleaned.is_empty() {
                continue;
            }
            patterns.push(IgnorePattern { pattern: cleaned, exclusion });
        }
        Dockerignore { patterns }
    }

    /// Whether `path` (relative to the context root) is left out of the context.
    pub fn excludes(&self, path: &str) -> bool {
        let path = clean(path);
        let mut excluded = false;
        for p in &self.patterns {
            if p.exclusion == excluded {
                // Only a pattern that could flip the answer needs testing.
                if matches_path(&p.pattern, &path) {
                    excluded = !p.exclusion;
                }
            }
        }
        excluded
    }
}

/// Normalises a path or pattern: separators, `./`, leading `/`, trailing `/`.
fn clean(p: &str) -> String {
    let p = p.replace('\\', "/");
    let parts: Vec<&str> = p.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
    parts.join("/")
}

/// The pattern matches the path or one of its parent directories.
fn matches_path(pattern: &str, path: &str) -> bool {
    if glob(pattern.as_bytes(), path.as_bytes()) {
        return true;
    }
    let mut prefix_end = path.len();
    while let Some(i) = path[..prefix_end].rfind('/') {
        if glob(pattern.as_bytes(), &path.as_bytes()[..i]) {
            return true;
        }
        prefix_end = i;
    }
    false
}

/// Glob match where `*` and `?` stop at `/` and `**` crosses it.
pub fn glob(p: &[u8], s: &[u8]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(b'*') if p.get(1) == Some(&b'*') => {
            // `**/` may match zero directories; `**` anything at all.
            let rest = &p[2..];
            let rest_no_slash = rest.strip_prefix(b"/").unwrap_or(rest);
            if glob(rest_no_slash, s) {
                return true;
            }
            (0..s.len()).any(|i| glob(rest, &s[i + 1..]) || (s[i] == b'/' && glob(rest_no_slash, &s[i + 1..])))
        }
        Some(b'*') => {
            let rest = &p[1..];
            if glob(rest, s) {
                return true;
            }
            for i in 0..s.len() {
                if s[i] == b'/' {
                    return false;
                }
                if glob(rest, &s[i + 1..]) {
                    return true;
                }
            }
            false
        }
        Some(b'?') => matches!(s.first(), Some(&c) if c != b'/') && glob(&p[1..], &s[1..]),
        Some(b'[') => match (p.iter().position(|&c| c == b']'), s.first()) {
            (Some(close), Some(&c)) if close > 1 => {
                let class = &p[1..close];
                let (negate, class) = match class.first() {
                    Some(b'^') | Some(b'!') => (true, &class[1..]),
                    _ => (false, class),
                };
                let mut hit = false;
                let mut i = 0;
                while i < class.len() {
                    if i + 2 < class.len() && class[i + 1] == b'-' {
                        hit |= class[i] <= c && c <= class[i + 2];
                        i += 3;
                    } else {
                        hit |= class[i] == c;
                        i += 1;
                    }
                }
                hit != negate && c != b'/' && glob(&p[close + 1..], &s[1..])
            }
            _ => false,
        },
        Some(b'\\') if p.len() > 1 => s.first() == Some(&p[1]) && glob(&p[2..], &s[1..]),
        Some(&c) => s.first() == Some(&c) && glob(&p[1..], &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::Dockerignore;

    #[test]
    fn last_match_wins_and_parents_exclude() {
        let d = Dockerignore::parse("# comment\nnode_modules\n*.md\n!README.md\n**/*.pem\n/build/\n");
        let got: Vec<(&str, bool)> = [
            "node_modules/x/y.js",
            "docs.md",
            "README.md",
            "sub/README.md",
            "a/b/key.pem",
            "key.pem",
            "build/out",
            "src/build",
            "src/main.rs",
        ]
        .into_iter()
        .map(|p| (p, d.excludes(p)))
        .collect();
        assert_eq!(
            got,
            vec![
                ("node_modules/x/y.js", true),
                ("docs.md", true),
                ("README.md", false),
                ("sub/README.md", false),
                ("a/b/key.pem", true),
                ("key.pem", true),
                ("build/out", true),
                ("src/build", false),
                ("src/main.rs", false),
            ]
        );
    }
}
