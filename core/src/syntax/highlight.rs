//! Syntax colouring for the editor: a lexical scan of the text, as an
//! editor grammar does, so that colours never wait for (or depend on) a
//! successful parse. What the scan must agree with BuildKit on (directives
//! only at the top, `# escape=`, line continuations, comment lines inside
//! continuations, heredoc bodies after the instruction line) follows
//! BuildKit's frontend/dockerfile/parser/parser.go; the fuzz target
//! `highlight` holds it to the parser (every instruction's keyword and
//! heredoc body coloured as such).

use crate::syntax::parse::continuation_at;
use crate::syntax::Keyword;
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Keyword,
    /// A first word that is no instruction.
    Unknown,
    Flag,
    /// The name in `ENV`/`ARG`/`LABEL` `NAME=value`.
    Key,
    String,
    Variable,
    Comment,
    Directive,
    Heredoc,
    HeredocDelim,
}

impl Class {
    pub fn css(self) -> &'static str {
        match self {
            Class::Keyword => "tok-kw",
            Class::Unknown => "tok-unknown",
            Class::Flag => "tok-flag",
            Class::Key => "tok-key",
            Class::String => "tok-str",
            Class::Variable => "tok-var",
            Class::Comment => "tok-comment",
            Class::Directive => "tok-directive",
            Class::Heredoc => "tok-heredoc",
            Class::HeredocDelim => "tok-heredoc-delim",
        }
    }
}

/// A coloured byte range. Tokens from `tokens` are sorted and never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub class: Class,
}

/// The instruction being scanned, kept across continuation lines.
struct Open {
    keyword: Option<Keyword>,
    /// Flags are only read before the first argument.
    flags_open: bool,
    /// Arguments seen so far (0 until the first one).
    args: usize,
    /// The JSON (exec) form: RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK then do
    /// no variable expansion.
    exec: bool,
    /// A quote left open at a line continuation.
    quote: Option<char>,
}

struct Lexer<'a> {
    text: &'a str,
    escape: char,
    out: Vec<Token>,
}

impl Lexer<'_> {
    fn push(&mut self, start: usize, end: usize, class: Class) {
        if start >= end {
            return;
        }
        if let Some(last) = self.out.last_mut() {
            if last.class == class && last.span.end == start {
                last.span.end = end;
                return;
            }
        }
        self.out.push(Token { span: Span::new(start, end), class });
    }
}

/// The tokens of a Dockerfile, sorted by position.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut lx = Lexer { text, escape: '\\', out: Vec::new() };
    let mut directives_open = true;
    let mut open: Option<Open> = None;
    // Heredocs announced on the current instruction, and the one whose body
    // is being read: (delimiter, `<<-`).
    let mut pending: Vec<(String, bool)> = Vec::new();
    let mut body: Option<(String, bool)> = None;

    let mut line_start = 0;
    for raw in text.split_inclusive('\n') {
        let start = line_start;
        line_start += raw.len();
        let content = raw.trim_end_matches('\n').trim_end_matches('\r');
        let end = start + content.len();

        if let Some((name, chomp)) = &body {
            let cmp = if *chomp { content.trim_start_matches('\t') } else { content };
            if cmp == name {
                lx.push(start, end, Class::HeredocDelim);
                body = if pending.is_empty() { None } else { Some(pending.remove(0)) };
            } else {
                lx.push(start, end, Class::Heredoc);
            }
            continue;
        }

        let indent = content.len() - content.trim_start().len();
        let rest = &content[indent..];
        if rest.is_empty() {
            directives_open = false;
            continue;
        }
        if rest.starts_with('#') {
            if directives_open && open.is_none() {
                if let Some((name, value)) = directive(rest) {
                    if name == "escape" && (value == "`" || value == "\\") {
                        lx.escape = value.chars().next().unwrap_or('\\');
                    }
                    lx.push(start + indent, end, Class::Directive);
                    continue;
                }
            }
            directives_open = false;
            lx.push(start + indent, end, Class::Comment);
            continue;
        }
        directives_open = false;

        let mut pos = start + indent;
        let mut state = match open.take() {
            Some(o) => o,
            None => {
                let word_end = pos + rest.find(char::is_whitespace).unwrap_or(rest.len());
                let keyword = Keyword::parse(&text[pos..word_end]);
                lx.push(pos, word_end, if keyword.is_some() { Class::Keyword } else { Class::Unknown });
                pos = word_end;
                Open { keyword, flags_open: true, args: 0, exec: false, quote: None }
            }
        };
        scan_args(&mut lx, &mut state, pos, end, &mut pending);

        if continuation_at(content, lx.escape).is_some() {
            open = Some(state);
        } else if !pending.is_empty() {
            body = Some(pending.remove(0));
        }
    }
    lx.out
}

/// A parser directive line (`# syntax=...`, `# escape=...`, `# check=...`):
/// its lower-case name and value.
fn directive(line: &str) -> Option<(String, &str)> {
    let inner = line.strip_prefix('#')?.trim_start_matches([' ', '\t']);
    let (name, value) = inner.split_once('=')?;
    let name = name.trim_end_matches([' ', '\t']).to_ascii_lowercase();
    let value = value.trim_matches([' ', '\t']);
    (matches!(name.as_str(), "syntax" | "escape" | "check") && !value.is_empty()).then_some((name, value))
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Colours the arguments of one line of an instruction, `from..to`.
fn scan_args(lx: &mut Lexer, st: &mut Open, from: usize, to: usize, pending: &mut Vec<(String, bool)>) {
    let text = lx.text;
    let chars: Vec<(usize, char)> = text[from..to].char_indices().map(|(i, c)| (from + i, c)).collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(to, |&(o, _)| o);
    let vars = |st: &Open| {
        !(st.exec
            && matches!(
                st.keyword,
                Some(Keyword::Run | Keyword::Cmd | Keyword::Entrypoint | Keyword::Shell | Keyword::Healthcheck)
            ))
    };
    // The continuation marker, by the parser's rule.
    let cont_at = continuation_at(&text[from..to], lx.escape).map(|kept| from + kept);

    let mut i = 0;
    // Inside a quote carried over from the previous line.
    let mut string_from = st.quote.map(|_| off(0));
    while i < chars.len() {
        let (o, c) = chars[i];
        if let Some(q) = st.quote {
            let sf = string_from.unwrap_or(o);
            if Some(o) == cont_at {
                lx.push(sf, o, Class::String);
                return;
            }
            if c == lx.escape && q == '"' {
                i += 2;
                continue;
            }
            if c == '$' && q == '"' && vars(st) {
                let end = variable_end(&chars, i);
                if end > i + 1 {
                    lx.push(sf, o, Class::String);
                    lx.push(o, off(end), Class::Variable);
                    string_from = Some(off(end));
                    i = end;
                    continue;
                }
            }
            i += 1;
            if c == q {
                lx.push(sf, off(i), Class::String);
                st.quote = None;
                string_from = None;
            }
            continue;
        }
        if c == ' ' || c == '\t' || Some(o) == cont_at {
            i += 1;
            continue;
        }
        // The start of a word.
        // An escaped blank (`\ `) belongs to the word, as BuildKit's word
        // splitting (shell/lex.go) reads it: `\ <<E` is one word, no heredoc.
        let word_end = {
            let mut j = i;
            while j < chars.len() && !matches!(at(j), Some(' ' | '\t')) && Some(off(j)) != cont_at {
                j += if at(j) == Some(lx.escape) && j + 1 < chars.len() && Some(off(j + 1)) != cont_at { 2 } else { 1 };
            }
            j.min(chars.len())
        };
        let word = &text[o..off(word_end)];
        if st.flags_open && word.starts_with("--") && word.len() > 2 {
            lx.push(o, off(word_end), Class::Flag);
            i = word_end;
            continue;
        }
        st.flags_open = false;
        st.args += 1;
        if st.args == 1 && c == '[' {
            st.exec = true;
        }
        match st.keyword {
            Some(Keyword::From) if st.args == 2 && word.eq_ignore_ascii_case("as") => {
                lx.push(o, off(word_end), Class::Keyword);
                i = word_end;
                continue;
            }
            Some(Keyword::Env | Keyword::Arg | Keyword::Label) => {
                if let Some(eq) = word.find('=') {
                    let key = &word[..eq];
                    if !key.is_empty() && key.chars().all(|c| is_name_char(c) || c == '.' || c == '-') {
                        lx.push(o, o + eq, Class::Key);
                    }
                }
            }
            // Only a whole word starts a heredoc: BuildKit keeps quotes in
            // the words it tests (`''<<X` is no heredoc), and the scan
            // comes here again after a closing quote.
            Some(Keyword::Run | Keyword::Copy | Keyword::Add)
                if word.starts_with("<<") && (i == 0 || matches!(at(i - 1), Some(' ' | '\t'))) =>
            {
                if let Some((name, chomp)) = heredoc_marker(word) {
                    pending.push((name, chomp));
                    lx.push(o, off(word_end), Class::HeredocDelim);
                    i = word_end;
                    continue;
                }
            }
            _ => {}
        }
        // Within the word: quotes, variables and escapes.
        while i < word_end {
            let (o, c) = chars[i];
            if Some(o) == cont_at {
                break;
            }
            if c == '"' || c == '\'' {
                st.quote = Some(c);
                string_from = Some(o);
                break;
            }
            if c == lx.escape {
                i += 2;
                continue;
            }
            if c == '$' && vars(st) {
                let end = variable_end(&chars, i);
                if end > i + 1 {
                    lx.push(o, off(end), Class::Variable);
                }
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        if st.quote.is_some() {
            // Resume at the opening quote, inside the string.
            i += 1;
        }
    }
    if let (Some(_), Some(sf)) = (st.quote, string_from) {
        lx.push(sf, to, Class::String);
        // A string open at the end of an instruction's last line ends there.
        if cont_at.is_none() {
            st.quote = None;
        }
    }
}

/// The end (exclusive char index) of a `$NAME` or `${...}` starting at `i`;
/// `i + 1` when the `$` starts no variable.
fn variable_end(chars: &[(usize, char)], i: usize) -> usize {
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    match at(i + 1) {
        Some('{') => {
            let mut depth = 0;
            for (j, &(_, c)) in chars.iter().enumerate().skip(i + 1) {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
            }
            chars.len()
        }
        Some(c) if is_name_start(c) => {
            let mut j = i + 2;
            while at(j).is_some_and(is_name_char) {
                j += 1;
            }
            j
        }
        _ => i + 1,
    }
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`: the delimiter and whether tabs
/// are stripped.
fn heredoc_marker(word: &str) -> Option<(String, bool)> {
    let rest = word.strip_prefix("<<")?;
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name: String = rest.chars().filter(|c| *c != '"' && *c != '\'').collect();
    let valid = !name.is_empty() && name.chars().all(|c| is_name_char(c) || c == '-' || c == '.');
    valid.then_some((name, chomp))
}
