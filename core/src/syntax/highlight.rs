//! Syntax colouring for the editor: a lexical scan of the text, as an
//! editor grammar does, so that colours never wait for (or depend on) a
//! successful parse. What the scan must agree with BuildKit on (directives
//! only at the top, `# escape=`, line continuations, comment lines inside
//! continuations, heredoc bodies after the instruction line) follows
//! BuildKit's frontend/dockerfile/parser/parser.go; the fuzz target
//! `highlight` holds it to the parser (every instruction's keyword and
//! heredoc body coloured as such).
//!
//! The lines are read here; the words are read by the one shell lexer,
//! `crate::shell::lex`: an instruction's arguments as BuildKit splits them
//! (`Source::Arguments`: flags, keys, strings, variables, heredoc words),
//! and the shell form of RUN, CMD, ENTRYPOINT and `HEALTHCHECK CMD` as the
//! shell reads it (operators, redirections, comments, quotes, expansions),
//! so the colours and the lint and size models read one RUN line alike.

use crate::shell::lex::{self, Kind, Op, PartKind, Source, Word};
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
    /// A shell operator (`&&`, `|`, `;`, ...) or redirection (`>`, `2>&1`).
    Operator,
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
            Class::Operator => "tok-op",
        }
    }
}

/// A coloured byte range. Tokens from `tokens` are sorted and never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub class: Class,
}

struct Lexer<'a> {
    text: &'a str,
    escape: char,
    out: Vec<Token>,
    /// In the instruction being coloured: the continuation markers and the
    /// comment and blank lines inside it, sorted, which its words' colours
    /// leave out.
    skip: Vec<Span>,
}

impl Lexer<'_> {
    fn push(&mut self, start: usize, end: usize, class: Class) {
        // Tokens come in order; should a lexer bug break that, the tests
        // and the fuzz target (debug assertions) stop, the editor clips.
        let prev_end = self.out.last().map_or(0, |t| t.span.end);
        debug_assert!(start >= prev_end || start >= end, "token {start}..{end} before {prev_end}");
        let start = start.max(prev_end);
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

    /// Pushes `start..end` without the parts of it in `skip`.
    fn paint(&mut self, start: usize, end: usize, class: Class) {
        let mut from = start;
        let mut k = self.skip.partition_point(|s| s.end <= start);
        while k < self.skip.len() && self.skip[k].start < end {
            let s = self.skip[k];
            self.push(from, s.start.min(end), class);
            from = from.max(s.end);
            k += 1;
        }
        self.push(from, end, class);
    }
}

/// A coloured range before it is painted.
type Paint = (usize, usize, Class);

/// The start, the end without the line break, and the next line's start of
/// the line at `pos`.
fn line_at(text: &str, pos: usize) -> (usize, usize, usize) {
    let rest = &text[pos..];
    let next = rest.find('\n').map_or(text.len(), |i| pos + i + 1);
    let content = text[pos..next].trim_end_matches('\n').trim_end_matches('\r');
    (pos, pos + content.len(), next)
}

/// The tokens of a Dockerfile, sorted by position.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut lx = Lexer { text, escape: '\\', out: Vec::new(), skip: Vec::new() };
    let mut directives_open = true;
    // Heredocs announced on the current instruction, and the one whose body
    // is being read: (delimiter, `<<-`).
    let mut pending: Vec<(String, bool)> = Vec::new();
    let mut body: Option<(String, bool)> = None;

    let mut pos = 0;
    while pos < text.len() {
        let (start, end, next) = line_at(text, pos);
        pos = next;
        let content = &text[start..end];

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
            if directives_open {
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

        // An instruction: its keyword, then its lines up to one that does
        // not continue, with the comment and blank lines among them.
        lx.skip.clear();
        let mut comments = Vec::new();
        // A first line holding only the escape continues to the line with
        // the keyword: BuildKit joins the lines before it reads the keyword,
        // and the parser puts the keyword there.
        let (mut start, mut end, mut next, mut indent) = (start, end, next, indent);
        while continuation_at(&text[start..end], lx.escape) == Some(indent) {
            lx.skip.push(Span::new(start + indent, next));
            let mut found = None;
            while pos < text.len() {
                let (s, e, n) = line_at(text, pos);
                pos = n;
                let trimmed = text[s..e].trim_start();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    // Before the keyword, so in order already.
                    if !trimmed.is_empty() {
                        lx.out.push(Token { span: Span::new(e - trimmed.len(), e), class: Class::Comment });
                    }
                    continue;
                }
                found = Some((s, e, n, e - s - trimmed.len()));
                break;
            }
            let Some(line) = found else { break };
            (start, end, next, indent) = line;
        }
        let content = &text[start..end];
        let rest = &content[indent..];
        let word_start = start + indent;
        let word_end = word_start + rest.find(char::is_whitespace).unwrap_or(rest.len());
        let keyword = Keyword::parse(&text[word_start..word_end]);
        // The escape of a last line that continues into nothing is no word.
        if continuation_at(content, lx.escape) != Some(indent) {
            lx.push(word_start, word_end, if keyword.is_some() { Class::Keyword } else { Class::Unknown });
        }
        let mut last_end = end;
        let mut cont = continuation_at(content, lx.escape).map(|kept| Span::new(start + kept, next));
        lx.skip.extend(cont);
        while cont.is_some() && pos < text.len() {
            let (s, e, n) = line_at(text, pos);
            pos = n;
            let line = &text[s..e];
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                lx.skip.push(Span::new(s, n));
                if !trimmed.is_empty() {
                    comments.push(Token { span: Span::new(e - trimmed.len(), e), class: Class::Comment });
                }
                continue;
            }
            last_end = e;
            cont = continuation_at(line, lx.escape).map(|kept| Span::new(s + kept, n));
            lx.skip.extend(cont);
        }
        let first = lx.out.len();
        arguments(&mut lx, keyword, word_end, last_end, &mut pending);
        if !comments.is_empty() {
            lx.out.extend(comments);
            lx.out[first..].sort_unstable_by_key(|t| t.span.start);
        }
        if cont.is_none() && !pending.is_empty() {
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

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Colours the arguments of an instruction, `from..to`. The shell form of
/// RUN, CMD and ENTRYPOINT is lexed once, as the shell reads it (its flags
/// are its first words); other instructions as BuildKit splits them.
fn arguments(lx: &mut Lexer, keyword: Option<Keyword>, from: usize, to: usize, pending: &mut Vec<(String, bool)>) {
    let text = lx.text;
    let shell_form = matches!(keyword, Some(Keyword::Run | Keyword::Cmd | Keyword::Entrypoint));
    let source = if shell_form {
        Source::Dockerfile { escape: lx.escape, first_line: false }
    } else {
        Source::Arguments { escape: lx.escape }
    };
    let mut tokens = lex::lex(text, Span::new(from, to), source);
    // Flags are only read before the first argument.
    let flags = tokens.iter().take_while(|t| word_of(t).is_some_and(|w| w.raw.starts_with("--") && w.raw.len() > 2));
    for t in flags {
        lx.paint(t.span.start, t.span.end, Class::Flag);
    }
    let flags = tokens.iter().take_while(|t| word_of(t).is_some_and(|w| w.raw.starts_with("--") && w.raw.len() > 2));
    let flags = flags.count();
    tokens.drain(..flags);
    // The JSON (exec) form: RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK
    // then do no variable expansion.
    let exec = tokens.first().and_then(word_of).is_some_and(|w| w.raw.starts_with('['));
    if shell_form && !exec {
        return shell(lx, keyword, tokens, to, pending);
    }
    let args: Vec<&Word> = tokens.iter().filter_map(word_of).collect();
    let Some(first) = args.first() else { return };
    let mut paints: Vec<Paint> = Vec::new();
    match keyword {
        Some(Keyword::Run | Keyword::Cmd | Keyword::Entrypoint | Keyword::Shell) => {
            args.iter().for_each(|w| word_paints(text, w, !exec, &mut paints));
        }
        Some(Keyword::Healthcheck) => {
            if !(first.raw.eq_ignore_ascii_case("cmd") || first.raw.eq_ignore_ascii_case("none")) {
                args.iter().for_each(|w| word_paints(text, w, !exec, &mut paints));
            } else {
                lx.paint(first.span.start, first.span.end, Class::Keyword);
                match args.get(1) {
                    Some(w) if w.raw.starts_with('[') => {
                        args[1..].iter().for_each(|w| word_paints(text, w, false, &mut paints));
                    }
                    Some(w) => {
                        let source = Source::Dockerfile { escape: lx.escape, first_line: false };
                        let tokens = lex::lex(text, Span::new(w.span.start, to), source);
                        return shell(lx, None, tokens, to, pending);
                    }
                    None => {}
                }
            }
        }
        // The instruction ONBUILD holds is coloured as one (ONBUILD
        // ONBUILD is an error in BuildKit, and is not read on).
        Some(Keyword::Onbuild) if Keyword::parse(&first.raw).is_some_and(|k| k != Keyword::Onbuild) => {
            lx.paint(first.span.start, first.span.end, Class::Keyword);
            return arguments(lx, Keyword::parse(&first.raw), first.span.end, to, pending);
        }
        _ => {
            for (k, w) in args.iter().enumerate() {
                let source = &text[w.span.start..w.span.end];
                match keyword {
                    Some(Keyword::From) if k == 1 && w.raw.eq_ignore_ascii_case("as") => {
                        paints.push((w.span.start, w.span.end, Class::Keyword));
                        continue;
                    }
                    Some(Keyword::Env | Keyword::Arg | Keyword::Label) => {
                        if let Some(eq) = source.find('=') {
                            let key = &source[..eq];
                            if !key.is_empty() && key.chars().all(|c| is_name_char(c) || c == '.' || c == '-') {
                                paints.push((w.span.start, w.span.start + eq, Class::Key));
                            }
                        }
                    }
                    Some(Keyword::Copy | Keyword::Add) if !exec => {
                        if let Some(marker) = heredoc_marker(&w.raw) {
                            pending.push(marker);
                            paints.push((w.span.start, w.span.end, Class::HeredocDelim));
                            continue;
                        }
                    }
                    _ => {}
                }
                word_paints(text, w, true, &mut paints);
            }
        }
    }
    for (start, end, class) in paints {
        lx.paint(start, end, class);
    }
}

fn word_of(t: &lex::Token) -> Option<&Word> {
    match &t.kind {
        Kind::Word(w) => Some(w),
        _ => None,
    }
}

/// Colours a shell-form command from the shell lexer's tokens, which run
/// to `to`. Heredoc words are the ones BuildKit finds in its own words,
/// not the shell's `<<` redirections (`cat<<EOF` is none).
fn shell(
    lx: &mut Lexer,
    keyword: Option<Keyword>,
    tokens: Vec<lex::Token>,
    to: usize,
    pending: &mut Vec<(String, bool)>,
) {
    let text = lx.text;
    let Some(from) = tokens.first().map(|t| t.span.start) else { return };
    let mut markers: Vec<Span> = Vec::new();
    if keyword == Some(Keyword::Run) && text[from..to].contains("<<") {
        for t in lex::lex(text, Span::new(from, to), Source::Arguments { escape: lx.escape }) {
            if let Some(marker) = word_of(&t).and_then(|w| heredoc_marker(&w.raw)) {
                pending.push(marker);
                markers.push(t.span);
            }
        }
    }
    let mut paints: Vec<Paint> = Vec::new();
    for t in &tokens {
        match &t.kind {
            Kind::Word(w) => word_paints(text, w, true, &mut paints),
            Kind::Op(Op::Newline) => {}
            Kind::Op(_) => paints.push((t.span.start, t.span.end, Class::Operator)),
            Kind::Redirect(r) => {
                paints.push((t.span.start, t.span.start + r.op.len(), Class::Operator));
                if let Some(w) = &r.target {
                    word_paints(text, w, true, &mut paints);
                }
            }
            Kind::Comment => {
                let comment = text[t.span.start..t.span.end].trim_end_matches('\r');
                paints.push((t.span.start, t.span.start + comment.len(), Class::Comment));
            }
        }
    }
    // Both lists are sorted: drop what a heredoc word covers, then paint
    // the two in order.
    let mut m = 0;
    for (start, end, class) in paints {
        while m < markers.len() && markers[m].end <= start {
            lx.paint(markers[m].start, markers[m].end, Class::HeredocDelim);
            m += 1;
        }
        if m < markers.len() && markers[m].start < end {
            continue;
        }
        lx.paint(start, end, class);
    }
    for marker in &markers[m..] {
        lx.paint(marker.start, marker.end, Class::HeredocDelim);
    }
}

/// The colours of one word's parts: its strings, and (with `vars`) the
/// variables it expands, inside double quotes too. `$1` and `$@` are left
/// as they are.
fn word_paints(text: &str, w: &Word, vars: bool, out: &mut Vec<Paint>) {
    let is_var = |span: Span| {
        vars && text[span.start + 1..span.end].starts_with(|c: char| c == '{' || c.is_ascii_alphabetic() || c == '_')
    };
    let parts = &w.parts;
    let mut k = 0;
    while k < parts.len() {
        let p = parts[k];
        k += 1;
        match p.kind {
            PartKind::SingleQuoted => out.push((p.span.start, p.span.end, Class::String)),
            PartKind::DoubleQuoted => {
                let mut from = p.span.start;
                while k < parts.len() && parts[k].span.start < p.span.end {
                    let q = parts[k];
                    k += 1;
                    if q.kind == PartKind::Param && q.span.start >= from && is_var(q.span) {
                        let end = q.span.end.min(p.span.end);
                        out.push((from, q.span.start, Class::String));
                        out.push((q.span.start, end, Class::Variable));
                        from = end;
                    }
                }
                out.push((from, p.span.end, Class::String));
            }
            PartKind::Param if is_var(p.span) => out.push((p.span.start, p.span.end, Class::Variable)),
            _ => {}
        }
    }
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`: the delimiter and whether tabs
/// are stripped, as the parser reads the word.
fn heredoc_marker(word: &str) -> Option<(String, bool)> {
    super::heredoc_word(word).map(|(name, _, chomp)| (name, chomp))
}
