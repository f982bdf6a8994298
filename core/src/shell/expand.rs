//! The one word expander: BuildKit's shell-word processing (its
//! `shell.Lex`, in frontend/dockerfile/shell/lex.go): quote removal,
//! escapes and `$VAR` / `${VAR...}` expansion, as applied at dispatch time
//! to the arguments of ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL,
//! USER, VOLUME, WORKDIR, ARG and ONBUILD. RUN, CMD and ENTRYPOINT in shell
//! form are not expanded by BuildKit: the shell does that when the step
//! runs, and [`expand_shell`] reads such a word (from [`super::lex`]) the
//! same way, with the shell's additions: the escape is always `\`, `` ` ``
//! can be escaped inside double quotes, `${V=x}` assigns a default, and
//! command substitutions (`$(...)`, backquotes) are marked as dynamic.
//!
//! [`var_refs`] reports the look-ups an expansion makes, with their spans,
//! so that checks on variables (UndefinedVar) read words exactly as the
//! expansion does.

use super::messages as M;
use crate::message::Msg;

/// Looks a variable up; `None` means unset (which differs from empty for
/// `${V-x}` and `${V+x}`).
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Expands one word: removes quotes and escapes, substitutes variables with
/// `lookup` (unset variables become empty). Errors are messages for a
/// diagnostic, such as an unterminated `${`.
pub fn expand(word: &str, escape: char, lookup: Lookup) -> Result<String, Msg> {
    Expander::new(word, escape, false, lookup).process(None, &mut Words::default())
}

/// Splits on unquoted whitespace, then expands each word (BuildKit's
/// `ProcessWords`). Whitespace inside an unquoted `$VAR`'s value also splits,
/// as it does there.
pub fn expand_words(text: &str, escape: char, lookup: Lookup) -> Result<Vec<String>, Msg> {
    let mut words = Words::default();
    Expander::new(text, escape, false, lookup).process(None, &mut words)?;
    Ok(words.finish())
}

/// Quote and escape removal without expansion: `$` stays literal.
pub fn unquote(word: &str, escape: char) -> String {
    let literal = |name: &str| Some(format!("${name}"));
    // Braced forms come back as `$name`, which is close enough for display; a
    // failure (unterminated quote) falls back to the raw word.
    expand(word, escape, &literal).unwrap_or_else(|_| word.to_string())
}

/// One `$NAME` or `${NAME...}` that an expansion looks up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VarRef {
    pub name: String,
    /// Byte range of the whole reference inside the scanned text.
    pub start: usize,
    pub end: usize,
    /// `${NAME:-x}`, `${NAME-x}`, `${NAME:+x}`, `${NAME:?x}` and the like:
    /// an unset variable is handled by the word itself.
    pub has_modifier: bool,
}

/// The variables BuildKit's expansion of `text` looks up, in text order
/// (nested ones in a modifier's word too): not inside single quotes, not
/// escaped. Positional and special parameters (`$1`, `$@`) are left out.
/// An expansion error stops the scan where BuildKit stops.
pub fn var_refs(text: &str, escape: char) -> Vec<VarRef> {
    let mut ex = Expander::new(text, escape, false, &|_| None);
    // The references up to an error are still references.
    let _ = ex.process(None, &mut Words::default());
    ex.refs.retain(|r| r.name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_'));
    ex.refs
}

/// A RUN word expanded as the shell would, as far as it can be known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellExpansion {
    pub value: String,
    /// The word runs a command (`$(...)`, backquotes) whose output is
    /// unknown; its value stands empty (`$(...)`) or as written (backquotes).
    pub dynamic: bool,
}

/// Expands one shell word (of a RUN script) with `lookup`.
pub fn expand_shell(word: &str, lookup: Lookup) -> Result<ShellExpansion, Msg> {
    let mut ex = Expander::new(word, '\\', true, lookup);
    let value = ex.process(None, &mut Words::default())?;
    Ok(ShellExpansion { value, dynamic: ex.dynamic })
}

/// The length in bytes of the parameter name at the start of `s` (after a
/// `$` or `${`), as BuildKit's expansion reads it: a run of digits, one
/// special parameter (`@ * # ? - $ !`), or a run of letters, digits and
/// `_`. The lexer marks `$NAME` with the same rule.
pub fn name_len(s: &str) -> usize {
    match s.chars().next() {
        Some(c) if c.is_ascii_digit() => s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()),
        Some('@' | '*' | '#' | '?' | '-' | '$' | '!') => 1,
        _ => s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len()),
    }
}

/// Accumulates words the way BuildKit's `wordsStruct` does.
#[derive(Default)]
struct Words {
    words: Vec<String>,
    current: String,
    /// A quoted empty string still makes a word.
    in_word: bool,
}

impl Words {
    fn add_char(&mut self, ch: char) {
        if ch.is_whitespace() && !self.current.is_empty() {
            self.words.push(std::mem::take(&mut self.current));
            self.in_word = false;
        } else if !ch.is_whitespace() {
            self.current.push(ch);
            self.in_word = true;
        }
    }

    fn add_raw_char(&mut self, ch: char) {
        self.current.push(ch);
        self.in_word = true;
    }

    fn add_string(&mut self, s: &str) {
        for ch in s.chars() {
            self.add_char(ch);
        }
    }

    fn add_raw_string(&mut self, s: &str) {
        self.current.push_str(s);
        self.in_word = true;
    }

    fn finish(mut self) -> Vec<String> {
        if self.in_word || !self.current.is_empty() {
            self.words.push(self.current);
        }
        self.words
    }
}

struct Expander<'a> {
    text: &'a str,
    /// Byte offset into `text`.
    pos: usize,
    escape: char,
    /// A RUN word: the shell's additions (see the module's documentation).
    shell: bool,
    lookup: Lookup<'a>,
    refs: Vec<VarRef>,
    dynamic: bool,
}

impl<'a> Expander<'a> {
    fn new(text: &'a str, escape: char, shell: bool, lookup: Lookup<'a>) -> Expander<'a> {
        Expander { text, pos: 0, escape, shell, lookup, refs: Vec::new(), dynamic: false }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if let Some(c) = c {
            self.pos += c.len_utf8();
        }
        c
    }

    /// Processes until `stop` (consumed) or the end.
    fn process(&mut self, stop: Option<char>, words: &mut Words) -> Result<String, Msg> {
        let mut result = String::new();
        while let Some(ch) = self.peek() {
            if Some(ch) == stop {
                self.pos += ch.len_utf8();
                return Ok(result);
            }
            match ch {
                '\'' => {
                    let s = self.single_quote()?;
                    words.add_raw_string(&s);
                    result.push_str(&s);
                }
                '"' => {
                    let s = self.double_quote()?;
                    words.add_raw_string(&s);
                    result.push_str(&s);
                }
                '$' => {
                    let s = self.dollar()?;
                    words.add_string(&s);
                    result.push_str(&s);
                }
                '`' if self.shell => {
                    let s = self.backquote();
                    words.add_raw_string(s);
                    result.push_str(s);
                }
                _ => {
                    self.pos += ch.len_utf8();
                    if ch == self.escape {
                        // The escape character takes the next one literally;
                        // at the very end it is dropped.
                        match self.next() {
                            // A line continuation inside a script.
                            Some('\n') if self.shell => {}
                            Some(next) => {
                                words.add_raw_char(next);
                                result.push(next);
                            }
                            None => break,
                        }
                    } else {
                        words.add_char(ch);
                        result.push(ch);
                    }
                }
            }
        }
        match stop {
            Some(c) => Err(M::UNMATCHED.msg().arg("char", c)),
            None => Ok(result),
        }
    }

    fn single_quote(&mut self) -> Result<String, Msg> {
        self.pos += 1;
        let start = self.pos;
        match self.text[start..].find('\'') {
            Some(i) => {
                self.pos = start + i + 1;
                Ok(self.text[start..start + i].to_string())
            }
            None => {
                self.pos = self.text.len();
                Err(M::UNMATCHED_SINGLE_QUOTE.msg())
            }
        }
    }

    fn double_quote(&mut self) -> Result<String, Msg> {
        self.pos += 1;
        let mut s = String::new();
        loop {
            match self.peek() {
                None => return Err(M::UNMATCHED_DOUBLE_QUOTE.msg()),
                Some('"') => {
                    self.pos += 1;
                    return Ok(s);
                }
                Some('$') => s.push_str(&self.dollar()?),
                Some('`') if self.shell => s.push_str(self.backquote()),
                Some(c) => {
                    self.pos += c.len_utf8();
                    if c == self.escape {
                        // Only `"`, `$` and the escape character itself can be
                        // escaped inside double quotes (and `` ` `` in a
                        // script); others keep the escape.
                        match self.peek() {
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.escape || (self.shell && n == '`') => {
                                self.pos += n.len_utf8();
                                s.push(n);
                                continue;
                            }
                            Some('\n') if self.shell => {
                                self.pos += 1;
                                continue;
                            }
                            Some(_) => {}
                        }
                    }
                    s.push(c);
                }
            }
        }
    }

    /// A backquoted command substitution in a script, as written.
    fn backquote(&mut self) -> &'a str {
        let start = self.pos;
        self.pos += 1;
        while let Some(c) = self.next() {
            match c {
                '`' => break,
                '\\' => {
                    self.next();
                }
                _ => {}
            }
        }
        self.dynamic = true;
        &self.text[start..self.pos]
    }

    /// `$(...)` or `$((...))` in a script, from the `(`: skipped with its
    /// nested parentheses and quotes. Its output is unknown.
    fn command_substitution(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.next() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                '\'' => while self.next().is_some_and(|c| c != '\'') {},
                '\\' => {
                    self.next();
                }
                _ => {}
            }
        }
        self.dynamic = true;
    }

    fn name(&mut self) -> String {
        let len = name_len(&self.text[self.pos..]);
        self.pos += len;
        self.text[self.pos - len..self.pos].to_string()
    }

    fn get(&self, name: &str) -> Option<String> {
        (self.lookup)(name)
    }

    /// The word after a modifier, up to the closing `}`, itself expanded.
    fn modifier_word(&mut self) -> Result<String, Msg> {
        self.process(Some('}'), &mut Words::default())
    }

    fn dollar(&mut self) -> Result<String, Msg> {
        let start = self.pos;
        self.pos += 1;
        if self.shell && self.peek() == Some('(') {
            self.command_substitution();
            return Ok(String::new());
        }
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".into());
            }
            self.refs.push(VarRef { name: name.clone(), start, end: self.pos, has_modifier: false });
            return Ok(self.get(&name).unwrap_or_default());
        }
        self.pos += 1;
        match self.peek() {
            None => return Err(M::MISSING_BRACE.msg()),
            Some('{') | Some('}') | Some(':') => return Err(M::BAD_SUBSTITUTION.msg()),
            _ => {}
        }
        let name = self.name();
        let index = self.refs.len();
        self.refs.push(VarRef {
            name: name.clone(),
            start,
            end: self.text.len(),
            has_modifier: self.peek() != Some('}'),
        });
        let result = self.braced(&name);
        if let Some(r) = self.refs.get_mut(index) {
            r.end = self.pos;
        }
        result
    }

    /// The rest of `${name...}` after the name.
    fn braced(&mut self, name: &str) -> Result<String, Msg> {
        let value = self.get(name);
        match self.next() {
            Some('}') => Ok(value.unwrap_or_default()),
            Some('?') => {
                let word = self.modifier_word()?;
                value.ok_or_else(|| match word.is_empty() {
                    true => M::NOT_UNSET.msg().arg("name", name),
                    false => M::REQUIRED.msg().arg("name", name).arg("why", word),
                })
            }
            Some(':') => {
                let op = self.next();
                let word = self.modifier_word()?;
                let set_non_empty = value.as_deref().is_some_and(|v| !v.is_empty());
                match op {
                    Some('-') => Ok(if set_non_empty { value.unwrap_or_default() } else { word }),
                    Some('=') if self.shell => Ok(if set_non_empty { value.unwrap_or_default() } else { word }),
                    Some('+') => Ok(if set_non_empty { word } else { String::new() }),
                    Some('?') if set_non_empty => Ok(value.unwrap_or_default()),
                    Some('?') => Err(match word.is_empty() {
                        true => M::NOT_EMPTY.msg().arg("name", name),
                        false => M::REQUIRED.msg().arg("name", name).arg("why", word),
                    }),
                    Some(c) => Err(M::UNSUPPORTED_COLON_MODIFIER.msg().arg("char", c)),
                    None => Err(M::MISSING_BRACE.msg()),
                }
            }
            Some('-') => {
                let word = self.modifier_word()?;
                Ok(value.unwrap_or(word))
            }
            Some('=') if self.shell => {
                let word = self.modifier_word()?;
                Ok(value.unwrap_or(word))
            }
            Some('+') => {
                let word = self.modifier_word()?;
                Ok(if value.is_some() { word } else { String::new() })
            }
            Some(c @ ('#' | '%')) => {
                let longest = self.peek() == Some(c);
                if longest {
                    self.pos += 1;
                }
                let pattern = self.modifier_word()?;
                let value = value.unwrap_or_default();
                Ok(trim_pattern(&value, &pattern, c == '#', longest))
            }
            Some('/') => {
                let all = self.peek() == Some('/');
                if all {
                    self.pos += 1;
                }
                let pattern = self.process(Some('/'), &mut Words::default()).map_err(|_| M::MISSING_SLASH.msg())?;
                let replacement = self.modifier_word()?;
                Ok(replace_pattern(&value.unwrap_or_default(), &pattern, &replacement, all))
            }
            Some(c) => Err(M::UNSUPPORTED_MODIFIER.msg().arg("char", c)),
            None => Err(M::MISSING_BRACE.msg()),
        }
    }
}

/// `${V#p}`, `${V##p}`, `${V%p}`, `${V%%p}`: removes the shortest or longest
/// prefix or suffix matching a shell pattern.
fn trim_pattern(value: &str, pattern: &str, prefix: bool, longest: bool) -> String {
    let bounds: Vec<usize> = value.char_indices().map(|(i, _)| i).chain([value.len()]).collect();
    let candidates: Box<dyn Iterator<Item = &usize>> = match (prefix, longest) {
        (true, false) => Box::new(bounds.iter()),
        (true, true) => Box::new(bounds.iter().rev()),
        (false, false) => Box::new(bounds.iter().rev()),
        (false, true) => Box::new(bounds.iter()),
    };
    for &cut in candidates {
        let (part, rest) = if prefix { (&value[..cut], &value[cut..]) } else { (&value[cut..], &value[..cut]) };
        if glob_match(pattern, part) {
            return rest.to_string();
        }
    }
    value.to_string()
}

/// `${V/p/r}` and `${V//p/r}`: replaces the first or every longest match.
fn replace_pattern(value: &str, pattern: &str, replacement: &str, all: bool) -> String {
    if pattern.is_empty() {
        return value.to_string();
    }
    let bounds: Vec<usize> = value.char_indices().map(|(i, _)| i).chain([value.len()]).collect();
    let mut out = String::new();
    let mut i = 0;
    let mut replaced = false;
    while i < bounds.len() {
        let start = bounds[i];
        let matched = if replaced && !all {
            None
        } else {
            bounds[i + 1..].iter().rev().find(|&&end| glob_match(pattern, &value[start..end])).copied()
        };
        match matched {
            Some(end) => {
                out.push_str(replacement);
                replaced = true;
                i = bounds.partition_point(|&b| b < end);
            }
            None => {
                if start < value.len() {
                    out.push_str(&value[start..bounds[i + 1]]);
                }
                i += 1;
            }
        }
    }
    out
}

/// Shell pattern match of the whole `text`: `*`, `?`, `[...]` (with `!`/`^`
/// negation and ranges) and `\` escapes.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    glob_at(&p, &t)
}

fn glob_at(p: &[char], t: &[char]) -> bool {
    // Iterative matching with backtracking to the last `*`, so long inputs
    // cannot blow the stack or take exponential time.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, ti));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = class_match(p, pi, t[ti]) {
                        if matched {
                            pi = next;
                            ti += 1;
                            continue;
                        }
                    } else if t[ti] == '[' {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
                '\\' if pi + 1 < p.len() && p[pi + 1] == t[ti] => {
                    pi += 2;
                    ti += 1;
                    continue;
                }
                c if c == t[ti] => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the class starting at `p[start] == '['`. Returns
/// whether it matched and the index after `]`, or `None` if unterminated.
fn class_match(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = matches!(p.get(i), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() {
        if p[i] == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        let mut lo = p[i];
        if lo == '\\' && i + 1 < p.len() {
            i += 1;
            lo = p[i];
        }
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            let hi = p[i + 2];
            if lo <= c && c <= hi {
                matched = true;
            }
            i += 3;
        } else {
            if lo == c {
                matched = true;
            }
            i += 1;
        }
    }
    None
}
