//! The patterns of `.dockerignore` and `--exclude` (moby/patternmatcher),
//! and Go's `filepath.Match` for COPY/ADD sources with wildcards.

use super::path::{go_clean, parent};

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
