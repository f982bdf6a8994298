//! The one shell lexer: splits a RUN command, a heredoc script or an
//! `sh -c` string into spanned tokens: words, operators (`&&`, `||`, `;`,
//! `;;`, `|`, `|&`, `&`, parentheses, newlines), redirections with their
//! targets, and comments. Words keep their quotes, escapes, `$VAR`s,
//! `$(...)` and backquotes as written; [`super::expand`] reads them.
//!
//! Each word also carries its parts with their spans (quoted strings,
//! parameter expansions, command substitutions), which the editor's
//! colouring paints; in [`Source::Arguments`] the lexer reads the arguments
//! of any instruction as BuildKit splits them before its word expansion.
//!
//! Line continuations (the Dockerfile's escape character before a newline)
//! are dropped from words. On a RUN line they are the Dockerfile's: comment
//! and blank lines after one are dropped too, as BuildKit's parser drops
//! them (BuildKit: frontend/dockerfile/parser/parser.go). In a script they
//! are the shell's, with `\`, and nothing else is dropped.

use crate::span::Span;

/// What joins two commands, or groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `&&`
    And,
    /// `||`
    Or,
    /// `;`
    Semi,
    /// A newline outside quotes.
    Newline,
    /// `;;`, ending a `case` branch.
    CaseEnd,
    /// `|` or `|&`
    Pipe,
    /// `&`
    Background,
    /// `(`
    Open,
    /// `)`
    Close,
}

/// One shell word as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The source text without line continuations: quotes, escapes and
    /// substitutions are still there.
    pub raw: String,
    /// The word with quotes and backslash escapes removed, `$VAR`s,
    /// `${...}`, `$(...)` and backquotes kept as written.
    pub unquoted: String,
    /// Some part of the word was quoted.
    pub quoted: bool,
    pub span: Span,
    /// Its quoted strings and expansions, by start; a double-quoted
    /// string comes before the parts inside it.
    pub parts: Vec<Part>,
}

/// A part of a word with its span in the lexed text (continuations
/// included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub kind: PartKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// `'...'`
    SingleQuoted,
    /// `"..."`
    DoubleQuoted,
    /// `$NAME`, `$1`, `$@`, `${...}`: the name read by
    /// [`super::expand::name_len`], braces counted as nested.
    Param,
    /// `$(...)` or a backquoted command (scripts and RUN words only).
    Command,
}

/// A redirection: `>`, `>>`, `>|`, `<`, `<>`, `<<`, `<<-`, `<<<`, `>&`,
/// `<&`, `&>`, `&>>`, with an optional file descriptor before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The operator with its file descriptor, as written (`2>`, `<<-`).
    pub op: String,
    pub target: Option<Word>,
    /// `<<` or `<<-`: the target names a heredoc.
    pub heredoc: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Word(Word),
    Op(Op),
    Redirect(Redirect),
    Comment,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the lexed text (a redirection's covers its target).
    pub span: Span,
}

/// What is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A RUN instruction's text in the Dockerfile, with its escape
    /// character. `first_line` stops at the first newline that is not a
    /// continuation (the heredoc bodies follow it).
    Dockerfile { escape: char, first_line: bool },
    /// A shell script (a heredoc body, an `sh -c` string).
    Script,
    /// The arguments of an instruction as BuildKit splits them for its
    /// word expansion (frontend/dockerfile/shell/lex.go): words end only at
    /// blanks, the Dockerfile's escape character escapes, and there are no
    /// operators, redirections, comments or command substitutions.
    Arguments { escape: char },
}

/// Splits `text[range]` into tokens with spans into `text`.
pub fn lex(text: &str, range: Span, source: Source) -> Vec<Token> {
    let end = range.end.min(text.len());
    let (escape, dockerfile, first_line) = match source {
        Source::Dockerfile { escape, first_line } => (escape, true, first_line),
        Source::Script => ('\\', false, false),
        Source::Arguments { escape } => (escape, true, false),
    };
    let escape = if escape.is_ascii() { escape as u8 } else { b'\\' };
    let arguments = matches!(source, Source::Arguments { .. });
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        pos: range.start.min(end),
        end,
        escape,
        dockerfile,
        arguments,
        word_escape: if arguments { escape } else { b'\\' },
        tokens: Vec::new(),
    };
    lexer.run(first_line);
    lexer.tokens
}

/// Splits a whole script.
pub fn lex_script(script: &str) -> Vec<Token> {
    lex(script, Span::new(0, script.len()), Source::Script)
}

/// The scripts of the command substitutions in a word: `$(script)` (not
/// arithmetic `$((...))`) and `` `script` ``.
pub fn substitutions(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = word.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'$' && b.get(i + 1) == Some(&b'(') && b.get(i + 2) != Some(&b'(') {
            let start = i + 2;
            let mut depth = 1;
            let mut j = start;
            while j < b.len() && depth > 0 {
                match b[j] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            let end = if depth == 0 { j - 1 } else { j };
            out.extend(word.get(start..end));
            i = j;
        } else if b[i] == b'`' {
            let start = i + 1;
            let end = word[start..].find('`').map_or(word.len(), |k| start + k);
            out.extend(word.get(start..end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The bytes that end a run of plain text in a shell word, in an argument
/// word, and inside double quotes (besides the escape characters).
const WORD_STOP: &[u8] = b" \t\r\n;&|()<>'\"$`\\";
const ARGUMENTS_STOP: &[u8] = b" \t\r\n'\"$";
const QUOTED_STOP: &[u8] = b"\"$\\{}";

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    escape: u8,
    /// Continuations are the Dockerfile's (see the module's documentation).
    dockerfile: bool,
    /// [`Source::Arguments`].
    arguments: bool,
    /// What escapes inside words: `\` in shell text, the Dockerfile's
    /// escape character in arguments.
    word_escape: u8,
    tokens: Vec<Token>,
}

/// A word being read: its value and its raw text, with continuations left
/// out of both.
#[derive(Default)]
struct Building {
    raw: String,
    unquoted: String,
    quoted: bool,
    parts: Vec<Part>,
}

impl Lexer<'_> {
    fn peek(&self, k: usize) -> Option<u8> {
        let i = self.pos + k;
        if i < self.end {
            Some(self.bytes[i])
        } else {
            None
        }
    }

    /// At a line continuation (escape + newline)? Returns its length.
    fn continuation(&self) -> Option<usize> {
        if self.peek(0) != Some(self.escape) {
            return None;
        }
        match (self.peek(1), self.peek(2)) {
            (Some(b'\n'), _) => Some(2),
            (Some(b'\r'), Some(b'\n')) => Some(3),
            _ => None,
        }
    }

    /// Skips a continuation and, in a Dockerfile, the comment and blank
    /// lines BuildKit drops after one.
    fn skip_continuation(&mut self, len: usize) {
        self.pos += len;
        if !self.dockerfile {
            return;
        }
        loop {
            let rest = &self.text[self.pos..self.end];
            let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
            let line = rest[..line_end].trim();
            if rest.is_empty()
                || !(line.is_empty() || line.starts_with('#'))
                || line_end == rest.len() && line.is_empty()
            {
                break;
            }
            self.pos += line_end;
        }
    }

    fn char_len(&self) -> usize {
        self.text[self.pos..].chars().next().map_or(1, char::len_utf8)
    }

    fn run(&mut self, first_line: bool) {
        while self.pos < self.end {
            if let Some(len) = self.continuation() {
                self.skip_continuation(len);
                continue;
            }
            let c = self.bytes[self.pos];
            match c {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' if self.arguments => self.pos += 1,
                b'\n' => {
                    if first_line {
                        break;
                    }
                    self.op(Op::Newline, 1);
                }
                _ if self.arguments => {
                    if let Some(word) = self.word() {
                        self.tokens.push(Token { span: word.span, kind: Kind::Word(word) });
                    }
                }
                b'#' => {
                    let start = self.pos;
                    while self.pos < self.end && self.bytes[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                    self.push(Kind::Comment, start);
                }
                b'&' if self.peek(1) == Some(b'&') => self.op(Op::And, 2),
                b'&' if self.peek(1) == Some(b'>') => self.redirect(self.pos),
                b'&' => self.op(Op::Background, 1),
                b'|' if self.peek(1) == Some(b'|') => self.op(Op::Or, 2),
                b'|' if self.peek(1) == Some(b'&') => self.op(Op::Pipe, 2),
                b'|' => self.op(Op::Pipe, 1),
                b';' if self.peek(1) == Some(b';') => self.op(Op::CaseEnd, 2),
                b';' => self.op(Op::Semi, 1),
                b'(' => self.op(Op::Open, 1),
                b')' => self.op(Op::Close, 1),
                b'<' | b'>' => self.redirect(self.pos),
                _ => {
                    if let Some(word) = self.word() {
                        self.tokens.push(Token { span: word.span, kind: Kind::Word(word) });
                    }
                }
            }
        }
    }

    fn push(&mut self, kind: Kind, start: usize) {
        self.tokens.push(Token { kind, span: Span::new(start, self.pos) });
    }

    fn op(&mut self, op: Op, len: usize) {
        let start = self.pos;
        self.pos += len;
        self.push(Kind::Op(op), start);
    }

    /// A redirection from `start` (its file descriptor, if any) with the
    /// operator at `self.pos`, and its target word.
    fn redirect(&mut self, start: usize) {
        let mut heredoc = false;
        if self.peek(0) == Some(b'&') {
            self.pos += 1;
        }
        let first = self.peek(0);
        self.pos += 1;
        if first == Some(b'<') && self.peek(0) == Some(b'<') {
            self.pos += 1;
            if self.peek(0) == Some(b'<') {
                self.pos += 1;
            } else {
                heredoc = true;
                if self.peek(0) == Some(b'-') {
                    self.pos += 1;
                }
            }
        } else if matches!(self.peek(0), Some(b'>') | Some(b'|')) || (first == Some(b'<') && self.peek(0) == Some(b'>'))
        {
            self.pos += 1;
        }
        if self.peek(0) == Some(b'&') && !self.text[start..self.pos].contains('&') {
            self.pos += 1;
        }
        let op = self.text[start..self.pos].to_string();
        while matches!(self.peek(0), Some(b' ') | Some(b'\t')) {
            self.pos += 1;
        }
        let target = if self.pos < self.end
            && !matches!(self.bytes[self.pos], b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>')
        {
            self.word_from(false)
        } else {
            None
        };
        self.push(Kind::Redirect(Redirect { op, target, heredoc }), start);
    }

    /// One word from `self.pos`, or a redirection when it turns out to be
    /// a file descriptor (`2>`), which is then pushed and `None` returned.
    fn word(&mut self) -> Option<Word> {
        self.word_from(true)
    }

    /// One word; with `fd`, digits before `<` or `>` are a redirection's
    /// file descriptor. A redirection's target has none: in `<8<<<x` the
    /// target is `8` and `<<<x` a second redirection.
    fn word_from(&mut self, fd: bool) -> Option<Word> {
        let start = self.pos;
        let mut w = Building::default();
        while self.pos < self.end {
            if let Some(len) = self.continuation() {
                self.skip_continuation(len);
                continue;
            }
            let c = self.bytes[self.pos];
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => break,
                c if c == self.word_escape && self.pos + 1 < self.end => {
                    let len = self.text[self.pos + 1..].chars().next().map_or(1, char::len_utf8);
                    if self.bytes[self.pos + 1] != b'\n' {
                        w.unquoted.push_str(&self.text[self.pos + 1..self.pos + 1 + len]);
                        w.raw.push_str(&self.text[self.pos..self.pos + 1 + len]);
                    }
                    self.pos += 1 + len;
                }
                b'$' => {
                    let s = self.pos;
                    let braced = self.peek(1) == Some(b'{');
                    if braced || !self.arguments && self.peek(1) == Some(b'(') {
                        let (open, close) = if braced { (b'{', b'}') } else { (b'(', b')') };
                        self.balanced(&mut w, open, close);
                        let kind = if braced { PartKind::Param } else { PartKind::Command };
                        w.parts.push(Part { kind, span: Span::new(s, self.pos) });
                    } else {
                        if let Some(end) = self.name_end() {
                            w.parts.push(Part { kind: PartKind::Param, span: Span::new(s, end) });
                        }
                        self.plain(&mut w, WORD_STOP);
                    }
                }
                _ if self.arguments && !matches!(c, b'\'' | b'"') => self.plain(&mut w, ARGUMENTS_STOP),
                b';' | b'&' | b'|' | b'(' | b')' => break,
                b'<' | b'>' => {
                    if fd && !w.quoted && !w.raw.is_empty() && w.raw.bytes().all(|b| b.is_ascii_digit()) {
                        self.redirect(start);
                        return None;
                    }
                    break;
                }
                b'\'' => {
                    w.quoted = true;
                    let s = self.pos + 1;
                    self.pos = s;
                    while self.pos < self.end && self.bytes[self.pos] != b'\'' {
                        self.pos += 1;
                    }
                    w.unquoted.push_str(&self.text[s..self.pos]);
                    self.pos = (self.pos + 1).min(self.end);
                    w.raw.push_str(&self.text[s - 1..self.pos]);
                    w.parts.push(Part { kind: PartKind::SingleQuoted, span: Span::new(s - 1, self.pos) });
                }
                b'"' => {
                    w.quoted = true;
                    w.raw.push('"');
                    let quote = w.parts.len();
                    w.parts.push(Part { kind: PartKind::DoubleQuoted, span: Span::new(self.pos, self.end) });
                    self.pos += 1;
                    // A `${...}` being read (its part and the braces open
                    // in it), which is kept character by character.
                    let mut braced: Option<(usize, usize)> = None;
                    // A `"` inside `${...}` is the parameter's, as in the
                    // shell: `"${X:-"y"}"` is one string.
                    while self.pos < self.end && (self.bytes[self.pos] != b'"' || braced.is_some()) {
                        if let Some(len) = self.continuation() {
                            self.skip_continuation(len);
                            continue;
                        }
                        let b = self.bytes[self.pos];
                        let e = self.word_escape;
                        if braced.is_none() && b == b'$' {
                            if self.peek(1) == Some(b'{') {
                                braced = Some((w.parts.len(), 0));
                                w.parts.push(Part { kind: PartKind::Param, span: Span::new(self.pos, self.end) });
                            } else if let Some(end) = self.name_end() {
                                w.parts.push(Part { kind: PartKind::Param, span: Span::new(self.pos, end) });
                            }
                        } else if let Some((part, depth)) = &mut braced {
                            if b == b'{' {
                                *depth += 1;
                            } else if b == b'}' {
                                *depth -= 1;
                                if *depth == 0 {
                                    w.parts[*part].span.end = self.pos + 1;
                                    braced = None;
                                }
                            }
                        }
                        if b == e
                            && self.pos + 1 < self.end
                            && (matches!(self.bytes[self.pos + 1], b'"' | b'$')
                                || self.bytes[self.pos + 1] == e
                                || !self.arguments && self.bytes[self.pos + 1] == b'`')
                        {
                            w.unquoted.push(self.bytes[self.pos + 1] as char);
                            w.raw.push_str(&self.text[self.pos..self.pos + 2]);
                            self.pos += 2;
                        } else if !self.arguments && b == b'$' && self.peek(1) == Some(b'(') {
                            let s = self.pos;
                            self.balanced(&mut w, b'(', b')');
                            w.parts.push(Part { kind: PartKind::Command, span: Span::new(s, self.pos) });
                        } else {
                            self.plain(&mut w, QUOTED_STOP);
                        }
                    }
                    if let Some((part, _)) = braced {
                        // An unclosed `${` ends with its string.
                        w.parts[part].span.end = self.pos;
                    }
                    if self.pos < self.end {
                        w.raw.push('"');
                    }
                    self.pos = (self.pos + 1).min(self.end);
                    w.parts[quote].span.end = self.pos;
                }
                b'`' if self.escape != b'`' => {
                    let s = self.pos;
                    self.pos += 1;
                    while self.pos < self.end && self.bytes[self.pos] != b'`' {
                        self.pos += if self.bytes[self.pos] == b'\\' { 2 } else { 1 };
                    }
                    self.pos = (self.pos + 1).min(self.end);
                    self.onto_char_boundary();
                    w.unquoted.push_str(&self.text[s..self.pos]);
                    w.raw.push_str(&self.text[s..self.pos]);
                    w.parts.push(Part { kind: PartKind::Command, span: Span::new(s, self.pos) });
                }
                _ => self.plain(&mut w, WORD_STOP),
            }
        }
        self.pos = self.pos.min(self.end);
        (self.pos > start).then(|| Word {
            raw: w.raw,
            unquoted: w.unquoted,
            quoted: w.quoted,
            span: Span::new(start, self.pos),
            parts: w.parts,
        })
    }

    /// Keeps the text from `pos` up to the next byte in `stop`, the escape
    /// character or the end (at least one character) as it is. Taking runs
    /// rather than characters keeps lexing cheap enough to colour on every
    /// keystroke.
    fn plain(&mut self, w: &mut Building, stop: &[u8]) {
        let mut end = (self.pos + self.char_len()).min(self.end);
        while end < self.end {
            let b = self.bytes[end];
            if b == self.escape || b == self.word_escape || stop.contains(&b) {
                break;
            }
            end += 1;
        }
        // Stop bytes are ASCII: only the range's end could cut a character.
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let s = &self.text[self.pos..end];
        w.unquoted.push_str(s);
        w.raw.push_str(s);
        self.pos = end;
    }

    /// At a `$`: the end of the `$NAME`, `$1` or `$@` it starts, if any.
    fn name_end(&self) -> Option<usize> {
        let after = self.pos + 1;
        let len = super::expand::name_len(&self.text[after..self.end]);
        (len > 0).then_some(after + len)
    }

    /// `$(...)`/`${...}` from the `$`, counting nested brackets and
    /// skipping quoted text; kept as written in both forms of the word.
    fn balanced(&mut self, w: &mut Building, open: u8, close: u8) {
        let s = self.pos;
        self.pos += 1;
        let mut depth = 0usize;
        while self.pos < self.end {
            let b = self.bytes[self.pos];
            if b == open {
                depth += 1;
            } else if b == close {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    self.pos += 1;
                    break;
                }
            } else if b == b'\'' {
                self.pos += 1;
                while self.pos < self.end && self.bytes[self.pos] != b'\'' {
                    self.pos += 1;
                }
            } else if b == b'\\' {
                self.pos += 1;
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(self.end);
        self.onto_char_boundary();
        w.unquoted.push_str(&self.text[s..self.pos]);
        w.raw.push_str(&self.text[s..self.pos]);
    }

    /// Keeps `pos` on a char boundary after skipping escaped bytes.
    fn onto_char_boundary(&mut self) {
        while self.pos < self.end && !self.text.is_char_boundary(self.pos) {
            self.pos += 1;
        }
    }
}
