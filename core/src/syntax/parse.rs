//! The parser, following BuildKit's frontend/dockerfile/parser (parser.go,
//! line_parsers.go, directives.go) and instructions/parse.go. It works in
//! two passes: physical lines become logical instructions (directives,
//! continuations, comments, heredocs), then each instruction's arguments are
//! parsed by kind. A bad instruction becomes a diagnostic and `Args::Invalid`;
//! parsing always goes on.

use super::ast::*;
use super::messages as M;
use crate::diag::Diagnostic;
use crate::message::Msg;
use crate::shell::expand as words;
use crate::span::{LineIndex, Span};
use std::ops::Range;
use std::sync::Arc;

/// Parses a Dockerfile. Never fails and never panics: problems become
/// diagnostics and every other instruction is still parsed.
pub fn parse(text: &str) -> (Dockerfile, Vec<Diagnostic>) {
    let scan = scan(text, None, &mut |_| false);
    assemble(scan.directives, scan.escape, scan.instructions, scan.comments, scan.diags, &scan.index)
}

/// A parse from the parts its logical lines made: stages built, and
/// diagnostics in text order.
pub(super) fn assemble(
    directives: Directives,
    escape: char,
    instructions: Vec<Arc<Instruction>>,
    comments: Vec<Comment>,
    mut diags: Vec<Diagnostic>,
    index: &LineIndex,
) -> (Dockerfile, Vec<Diagnostic>) {
    let mut df = Dockerfile { directives, escape, instructions, stages: Vec::new(), comments };
    build_stages(&mut df, index, &mut diags);
    // BuildKit's parser fails on a file without instructions, comments and
    // directives only or empty (parser/parser.go Parse: "file with no
    // instructions"); an unknown instruction has its own error already.
    if df.instructions.is_empty() && !diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
        diags.push(Diagnostic::error(Span::new(0, 0), M::NO_INSTRUCTIONS.msg()));
    }
    diags.sort_by_key(|d| d.span.start);
    (df, diags)
}

/// One logical line: where it starts, where the next one starts, and what
/// it produced, as ranges into the lists of its [`Scan`]. A logical line's
/// parse depends only on its own bytes and the escape character, which is
/// what lets `incremental` reuse it after an edit elsewhere.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub start: usize,
    pub next: usize,
    pub instructions: Range<usize>,
    pub comments: Range<usize>,
    pub diags: Range<usize>,
}

/// The first pass over a text: its logical lines, before stages are built.
pub(super) struct Scan {
    pub directives: Directives,
    pub escape: char,
    pub instructions: Vec<Arc<Instruction>>,
    pub comments: Vec<Comment>,
    pub diags: Vec<Diagnostic>,
    /// The directive block's comments and diagnostics lead their lists.
    pub head_comments: usize,
    pub head_diags: usize,
    pub units: Vec<Unit>,
    pub index: LineIndex,
}

/// Scans `text` into logical lines: from the top, directives first, or from
/// `resume` (the offset of a logical line's start, and the escape character
/// in force). Before each logical line, `stop` is asked whether to end at
/// its offset.
pub(super) fn scan(text: &str, resume: Option<(usize, char)>, stop: &mut dyn FnMut(usize) -> bool) -> Scan {
    let mut p = match resume {
        None => Parser::new(text),
        Some((from, escape)) => {
            let mut p = Parser::new_at(text, from);
            p.escape = escape;
            p
        }
    };
    let mut i = if resume.is_none() { p.parse_directives() } else { 0 };
    let (head_comments, head_diags) = (p.comments.len(), p.diags.len());
    let mut units = Vec::new();
    while i < p.lines.len() {
        let start = p.lines[i].start;
        if stop(start) {
            break;
        }
        let before = (p.instructions.len(), p.comments.len(), p.diags.len());
        i = p.logical_line(i);
        units.push(Unit {
            start,
            next: p.lines[i - 1].next,
            instructions: before.0..p.instructions.len(),
            comments: before.1..p.comments.len(),
            diags: before.2..p.diags.len(),
        });
    }
    Scan {
        directives: p.directives,
        escape: p.escape,
        instructions: p.instructions.into_iter().map(Arc::new).collect(),
        comments: p.comments,
        diags: p.diags,
        head_comments,
        head_diags,
        units,
        index: p.index,
    }
}

/// A physical line: byte offsets of its content (newline excluded) and of
/// the start of the next line.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// A logical line: pieces of physical lines joined as BuildKit joins them,
/// with a map back to source offsets.
#[derive(Default)]
struct Joined {
    text: String,
    /// (offset in `text`, offset in source) at the start of each piece.
    pieces: Vec<(usize, usize)>,
}

impl Joined {
    fn push(&mut self, src_start: usize, s: &str) {
        self.pieces.push((self.text.len(), src_start));
        self.text.push_str(s);
    }

    /// Source offset of an offset into `text`.
    fn src(&self, j: usize) -> usize {
        let i = self.pieces.partition_point(|&(t, _)| t <= j).saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(t, s)) => s + (j - t),
            None => j,
        }
    }

    /// Source span of a range of `text`; the end maps through the piece that
    /// holds its last byte, so spans never swallow a line break.
    fn span(&self, start: usize, end: usize) -> Span {
        let s = self.src(start);
        if end <= start {
            return Span::new(s, s);
        }
        let i = self.pieces.partition_point(|&(t, _)| t < end).saturating_sub(1);
        let e = self.pieces.get(i).map_or(end, |&(t, src)| src + (end - t));
        Span::new(s, e)
    }
}

struct Parser<'a> {
    text: &'a str,
    lines: Vec<Line>,
    index: LineIndex,
    escape: char,
    directives: Directives,
    instructions: Vec<Instruction>,
    comments: Vec<Comment>,
    diags: Vec<Diagnostic>,
}

fn split_lines(text: &str, from: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = from;
    while start < text.len() {
        // A plain byte loop: lines are short, and starting a search for
        // every one costs more than it saves.
        let nl = text.as_bytes()[start..].iter().position(|&b| b == b'\n').map(|i| start + i);
        let (end, next) = match nl {
            Some(i) => (i, i + 1),
            None => (text.len(), text.len()),
        };
        // CRLF: the carriage return is part of the line break, as in BuildKit's trimNewline.
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end };
        lines.push(Line { start, end, next });
        start = next;
    }
    lines
}

/// Where a physical line's continuation marker starts (the length of what
/// it keeps), if the line continues: a trailing escape character, then only
/// blanks, that is not itself escaped (see `Parser::trim_continuation`).
/// The editor's colouring reads lines with this same rule.
pub(crate) fn continuation_at(s: &str, escape: char) -> Option<usize> {
    let kept = s.trim_end_matches(is_ws).strip_suffix(escape)?;
    (kept.is_empty() || !kept.ends_with(escape)).then_some(kept.len())
}

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t'
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        // A byte-order mark at the start is dropped, as BuildKit's discardBOM does.
        let from = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Parser::new_at(text, from)
    }

    /// A parser for the lines from byte offset `from` on.
    fn new_at(text: &'a str, from: usize) -> Parser<'a> {
        Parser {
            text,
            lines: split_lines(text, from),
            index: LineIndex::new(text),
            escape: '\\',
            directives: Directives::default(),
            instructions: Vec::new(),
            comments: Vec::new(),
            diags: Vec::new(),
        }
    }

    fn line_text(&self, l: Line) -> &'a str {
        &self.text[l.start..l.end]
    }

    /// Parser directives: `# name=value` lines at the very top. The block
    /// ends at the first line that is not one (a blank line included).
    fn parse_directives(&mut self) -> usize {
        let mut i = 0;
        while i < self.lines.len() {
            let l = self.lines[i];
            let raw = self.line_text(l);
            let trimmed = raw.trim_start_matches(is_ws);
            let Some(body) = trimmed.strip_prefix('#') else { break };
            let Some((name, value)) = body.split_once('=') else { break };
            let name = name.trim_matches(is_ws);
            let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric());
            let value = value.trim_matches(|c: char| c.is_whitespace());
            if !valid || value.is_empty() {
                break;
            }
            let lname = name.to_ascii_lowercase();
            let span = Span::new(l.start, l.end);
            let directive = Directive { name: lname.clone(), value: value.to_string(), span };
            let slot = match lname.as_str() {
                "syntax" => &mut self.directives.syntax,
                "escape" => &mut self.directives.escape,
                "check" => &mut self.directives.check,
                // Unknown directives are comments, and the block goes on (BuildKit's DirectiveParser).
                _ => {
                    self.push_comment(l);
                    i += 1;
                    continue;
                }
            };
            if slot.is_some() {
                self.diags.push(Diagnostic::error(span, M::DUPLICATE_DIRECTIVE.msg().arg("name", &lname)));
            } else {
                if lname == "escape" {
                    match value {
                        "\\" => self.escape = '\\',
                        "`" => self.escape = '`',
                        _ => {
                            self.diags.push(Diagnostic::error(span, M::INVALID_ESCAPE.msg().arg("value", value)));
                        }
                    }
                }
                *slot = Some(directive);
            }
            i += 1;
        }
        i
    }

    fn push_comment(&mut self, l: Line) {
        let raw = self.line_text(l);
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim_start().trim_start_matches('#').trim().to_string();
        self.comments.push(Comment { text, span: Span::new(l.start + lead, l.end), line: self.index.line(l.start) });
    }

    fn is_comment(&self, l: Line) -> bool {
        self.line_text(l).trim_start().starts_with('#')
    }

    /// Removes a trailing escape character (plus spaces/tabs after it).
    /// Returns the kept text and whether the line continues. An escape
    /// right after another one is an escaped escape, not a continuation
    /// (BuildKit's lineContinuationRegex, `([^\\])\\[ \t]*$|^\\[ \t]*$`
    /// in parser/parser.go setEscapeToken; like BuildKit, `\\\` at the end
    /// does not continue either).
    fn trim_continuation<'s>(&self, s: &'s str) -> (&'s str, bool) {
        match continuation_at(s, self.escape) {
            Some(kept) => (&s[..kept], true),
            None => (s, false),
        }
    }

    /// Parses one logical line starting at physical line `i`; returns the
    /// index of the next unread line.
    fn logical_line(&mut self, mut i: usize) -> usize {
        let first = self.lines[i];
        i += 1;
        let raw = self.line_text(first);
        if self.is_comment(first) {
            self.push_comment(first);
            return i;
        }
        let content = raw.trim_start();
        if content.trim().is_empty() {
            return i;
        }
        let lead = raw.len() - content.len();
        let start = first.start + lead;
        let mut joined = Joined::default();
        let (kept, mut continues) = self.trim_continuation(content);
        joined.push(start, kept);
        let mut last = first;
        let mut empty_continuation = false;
        while continues && i < self.lines.len() {
            let l = self.lines[i];
            i += 1;
            last = l;
            if self.is_comment(l) {
                self.push_comment(l);
                continue;
            }
            let s = self.line_text(l);
            if s.trim().is_empty() {
                empty_continuation = true;
                continue;
            }
            let (kept, more) = self.trim_continuation(s);
            joined.push(l.start, kept);
            continues = more;
        }
        let mut end = last.end;
        if joined.text.trim().is_empty() {
            // A lone escape character with nothing after it.
            return i;
        }

        // Keyword and the rest of the line.
        let jt = joined.text.as_str();
        let kw_len = jt.find(char::is_whitespace).unwrap_or(jt.len());
        let keyword_text = &jt[..kw_len];
        let keyword_span = joined.span(0, kw_len);
        let Some(keyword) = Keyword::parse(keyword_text) else {
            let span = Span::new(start, end);
            self.diags.push(Diagnostic::error(span, unknown_instruction_message(keyword_text)));
            return self.skip_unknown_heredocs(i, jt);
        };

        let mut heredocs = Vec::new();
        let mut instr = self.instruction(keyword, keyword_text, keyword_span, &joined, kw_len);
        if instr_can_have_heredoc(&instr) && jt.contains("<<") {
            for (name, expand, chomp) in heredoc_words(jt) {
                let body_start = self.lines.get(i).map_or(self.text.len(), |l| l.start);
                let mut content = String::new();
                let mut terminated = false;
                while i < self.lines.len() {
                    let l = self.lines[i];
                    i += 1;
                    let s = self.line_text(l);
                    let candidate = if chomp { s.trim_start_matches('\t') } else { s };
                    end = l.end;
                    if candidate == name {
                        terminated = true;
                        break;
                    }
                    content.push_str(&self.text[l.start..l.next]);
                }
                let span = Span::new(body_start.min(end), end);
                if !terminated {
                    self.diags.push(Diagnostic::error(
                        Span::new(start, end),
                        M::UNTERMINATED_HEREDOC.msg().arg("name", &name),
                    ));
                }
                heredocs.push(Heredoc { name, expand, chomp, content, span });
            }
        }
        instr.heredocs = heredocs;
        instr.span = Span::new(start, end);
        instr.text = self.text[start..end].into();
        instr.line = self.index.line(start);
        instr.end_line = self.index.line(end);
        instr.empty_continuation = empty_continuation;
        if empty_continuation {
            // BuildKit only warns (NoEmptyContinuation); the line still parses.
            self.diags.push(Diagnostic::warning(instr.span, M::EMPTY_CONTINUATION.msg()));
        }
        if let Args::Onbuild(inner) = &mut instr.args {
            inner.span = instr.span;
            inner.text = instr.text.clone();
            inner.line = instr.line;
            inner.end_line = instr.end_line;
        }
        self.instructions.push(instr);
        i
    }

    /// An unknown instruction may still carry heredocs that would otherwise be
    /// parsed as instructions; BuildKit errors out, we skip nothing more.
    fn skip_unknown_heredocs(&self, i: usize, _line: &str) -> usize {
        i
    }

    /// Parses the instruction on a joined line whose keyword ends at `kw_len`.
    fn instruction(
        &mut self,
        keyword: Keyword,
        keyword_text: &str,
        keyword_span: Span,
        joined: &Joined,
        kw_len: usize,
    ) -> Instruction {
        let jt = joined.text.as_str();
        let after_kw = &jt[kw_len..];
        let (flags_raw, rest_off) = extract_flags(after_kw);
        let rest_start = kw_len + rest_off;
        let rest_raw = &jt[rest_start..];
        let trimmed_lead = rest_raw.len() - rest_raw.trim_start().len();
        let args_start = rest_start + trimmed_lead;
        let command: Arc<str> = rest_raw.trim().into();
        let flags: Vec<Flag> = flags_raw
            .into_iter()
            .map(|(word, s, e)| {
                let word = word.trim_start_matches('-').to_string();
                let (name, value) = match word.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (word, None),
                };
                Flag { name, value, span: joined.span(kw_len + s, kw_len + e) }
            })
            .collect();
        let mut instr = Instruction {
            keyword,
            keyword_text: keyword_text.into(),
            keyword_span,
            span: Span::default(),
            line: 0,
            end_line: 0,
            text: "".into(),
            command,
            flags,
            args: Args::Invalid,
            heredocs: Vec::new(),
            stage: None,
            empty_continuation: false,
        };
        let ctx = ArgCtx { joined, start: args_start, escape: self.escape };
        match parse_args(&mut instr, &ctx) {
            Ok(args) => {
                let shell_form = matches!(
                    &args,
                    Args::Run(RunArgs { command: CommandForm::Shell(_), .. })
                        | Args::Cmd(CommandForm::Shell(_))
                        | Args::Entrypoint(CommandForm::Shell(_))
                );
                if shell_form && looks_like_bad_json(&instr.command) {
                    let span = joined.span(0, jt.trim_end().len());
                    self.diags.push(Diagnostic::warning(span, M::BAD_JSON.msg().arg("keyword", keyword.as_str())));
                }
                instr.args = args
            }
            Err(message) => {
                let span = joined.span(0, jt.trim_end().len());
                self.diags.push(Diagnostic::error(span, message));
            }
        }
        instr
    }
}

fn unknown_instruction_message(word: &str) -> Msg {
    let upper = word.to_ascii_uppercase();
    // Suggest the nearest keyword for a likely typo, as BuildKit does.
    let best = Keyword::ALL.iter().map(|k| (edit_distance(&upper, k.as_str()), k)).min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= 2 && upper.len() > 2 => {
            M::UNKNOWN_INSTRUCTION_TYPO.msg().arg("word", word).arg("keyword", k.as_str())
        }
        _ => M::UNKNOWN_INSTRUCTION.msg().arg("word", word),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().take(64).enumerate() {
        let mut cur = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn instr_can_have_heredoc(instr: &Instruction) -> bool {
    let form_ok = |i: &Instruction| match &i.args {
        Args::Run(r) => matches!(r.command, CommandForm::Shell(_)),
        Args::Copy(c) | Args::Add(c) => !c.json,
        _ => false,
    };
    match &instr.args {
        Args::Onbuild(inner) => form_ok(inner),
        _ => form_ok(instr),
    }
}

/// Finds heredoc words (`<<EOF`, `<<-EOF`, `<<"EOF"`, `2<<EOF`, `<< EOF`)
/// on a line, as BuildKit's heredocsFromLine does (parser/parser.go): the
/// line is split into words by its shell lexer, which keeps quotes and
/// escapes raw and keeps the blanks after `<<` in the word
/// (shell/lex.go processPossibleHeredoc); each word that matches
/// `^(\d*)<<(-?)\s*([^<]*)$` names a heredoc. Returns (name, expand,
/// chomp) for each.
fn heredoc_words(line: &str) -> Vec<(String, bool, bool)> {
    heredoc_split(line).iter().filter_map(|w| heredoc_word(w)).collect()
}

/// A word that starts a heredoc, as BuildKit reads one (`<<EOF`, `<<-EOF`,
/// `<<"EOF"`, `3<<EOF`): its name, whether its body expands variables and
/// whether `<<-` strips leading tabs. The colouring and the cache model ask
/// here too, so every reader agrees on what a heredoc word is.
pub(crate) fn heredoc_word(word: &str) -> Option<(String, bool, bool)> {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let rest = word[digits..].strip_prefix("<<")?;
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest = rest.trim_start();
    if rest.is_empty() || rest.contains('<') {
        return None;
    }
    // BuildKit's heredoc lexer always escapes with a backslash.
    let name = words::unquote(rest, '\\');
    if name.is_empty() {
        return None;
    }
    // BuildKit compares the quote count with and without quote
    // removal: the body is literal when any part of the word is quoted
    // (an escaped quote is not quoting: `<<eo\'f` expands).
    Some((name, !has_quoting(rest), chomp))
}

fn heredoc_split(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    // In the blanks right after `<<` (not after an escaped blank, `\ `,
    // which ends its word like any other character).
    let mut after_op = false;
    let mut it = line.chars();
    while let Some(c) = it.next() {
        let blank = quote.is_none() && c.is_whitespace();
        match quote {
            None if blank => {
                // Blanks right after `<<` belong to the word.
                if word.ends_with("<<") || after_op {
                    word.push(c);
                    after_op = true;
                } else if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                word.push(c);
            }
            Some(q) if c == q => {
                quote = None;
                word.push(c);
            }
            q if c == '\\' && q != Some('\'') => {
                word.push(c);
                if let Some(n) = it.next() {
                    word.push(n);
                }
            }
            _ => word.push(c),
        }
        after_op &= blank;
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Does any quote character in the word quote (rather than stand escaped)?
fn has_quoting(word: &str) -> bool {
    let mut it = word.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => {
                it.next();
            }
            '\'' | '"' => return true,
            _ => {}
        }
    }
    false
}

/// BuildKit's extractBuilderFlags: leading `--name[=value]` words. Returns
/// the flag words (quotes removed) with their byte ranges in `s`, and the
/// offset where the arguments begin.
fn extract_flags(s: &str) -> (Vec<(String, usize, usize)>, usize) {
    let b = s.as_bytes();
    let mut flags = Vec::new();
    let mut pos = 0;
    loop {
        while pos < b.len() && (b[pos] as char).is_ascii_whitespace() {
            pos += 1;
        }
        if pos + 1 >= b.len() || b[pos] != b'-' || b[pos + 1] != b'-' {
            return (flags, pos.min(s.len()));
        }
        let word_start = pos;
        let mut word: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        while pos < b.len() {
            let c = b[pos];
            match quote {
                None if (c as char).is_ascii_whitespace() => break,
                None if c == b'\'' || c == b'"' => quote = Some(c),
                Some(q) if c == q => quote = None,
                _ if c == b'\\' => {
                    if pos + 1 < b.len() {
                        pos += 1;
                        word.push(b[pos]);
                    }
                }
                _ => word.push(c),
            }
            pos += 1;
        }
        let word = String::from_utf8_lossy(&word).into_owned();
        if word == "--" {
            return (flags, pos);
        }
        flags.push((word, word_start, pos));
    }
}

/// Splits on unquoted whitespace. With `keep_quotes`, quotes and escapes stay
/// in the words (BuildKit's parseWords); returns (word, start, end) ranges.
fn split_quoted(s: &str, escape: char, keep_quotes: bool) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<char> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match quote {
            None if c.is_whitespace() => {
                if let Some(st) = start.take() {
                    out.push((std::mem::take(&mut word), st, i));
                }
                continue;
            }
            _ => {}
        }
        start.get_or_insert(i);
        match quote {
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                if keep_quotes {
                    word.push(c);
                }
            }
            Some(q) if c == q => {
                quote = None;
                if keep_quotes {
                    word.push(c);
                }
            }
            q if c == escape && q != Some('\'') => {
                if keep_quotes {
                    word.push(c);
                }
                if let Some((_, n)) = it.next() {
                    word.push(n);
                }
            }
            _ => word.push(c),
        }
    }
    if let Some(st) = start {
        out.push((word, st, s.len()));
    }
    out
}

/// Splits on runs of spaces and tabs only (BuildKit's
/// parseStringsWhitespaceDelimited): quotes do not group.
fn split_plain(s: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((s[st..i].to_string(), st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((s[st..].to_string(), st, s.len()));
    }
    out
}

struct ArgCtx<'a> {
    joined: &'a Joined,
    /// Offset of the (trimmed) arguments in `joined.text`.
    start: usize,
    escape: char,
}

impl ArgCtx<'_> {
    fn rest(&self) -> &str {
        self.joined.text[self.start..].trim_end()
    }

    fn word(&self, (text, s, e): (String, usize, usize)) -> Word {
        Word { text, span: self.joined.span(self.start + s, self.start + e) }
    }
}

/// Parses a JSON array of strings. `Ok(None)`: not JSON (shell form).
/// `Err`: JSON, but not all strings (an error in BuildKit too).
fn parse_json_array(rest: &str) -> Result<Option<Vec<String>>, Msg> {
    let t = rest.trim_start();
    if !t.starts_with('[') {
        return Ok(None);
    }
    match serde_json::from_str::<Vec<serde_json::Value>>(t) {
        Ok(values) => values
            .into_iter()
            .map(|v| match v {
                serde_json::Value::String(s) => Ok(s),
                _ => Err(M::JSON_STRINGS_ONLY.msg()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Err(_) => Ok(None),
    }
}

/// Shell or exec form (BuildKit's parseMaybeJSON).
fn command_form(rest: &str) -> Result<CommandForm, Msg> {
    Ok(match parse_json_array(rest)? {
        Some(v) => CommandForm::Exec(v),
        None => CommandForm::Shell(rest.to_string()),
    })
}

/// `[...]` that failed to parse as JSON: BuildKit silently runs it through
/// the shell, which is almost never what the author meant.
fn looks_like_bad_json(rest: &str) -> bool {
    let t = rest.trim();
    t.starts_with('[') && t.ends_with(']') && matches!(parse_json_array(t), Ok(None))
}

fn known_flags(keyword: Keyword) -> &'static [&'static str] {
    match keyword {
        Keyword::From => &["platform"],
        Keyword::Run => &["mount", "network", "security", "device"],
        Keyword::Copy => &["from", "chown", "chmod", "link", "parents", "exclude"],
        Keyword::Add => &["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "parents", "unpack"],
        Keyword::Healthcheck => &["interval", "timeout", "start-period", "start-interval", "retries"],
        _ => &[],
    }
}

const BOOL_FLAGS: &[&str] = &["link", "parents", "keep-git-dir", "unpack"];

fn check_flags(instr: &Instruction) -> Result<(), Msg> {
    let known = known_flags(instr.keyword);
    for f in &instr.flags {
        if !known.contains(&f.name.as_str()) {
            return Err(M::UNKNOWN_FLAG.msg().arg("flag", &f.name).arg("keyword", instr.keyword.as_str()));
        }
        let is_bool = BOOL_FLAGS.contains(&f.name.as_str());
        match (&f.value, is_bool) {
            (None, false) => return Err(M::FLAG_MISSING_VALUE.msg().arg("flag", &f.name)),
            (Some(v), true) if !matches!(v.as_str(), "true" | "false" | "") => {
                return Err(M::FLAG_NOT_BOOL.msg().arg("flag", &f.name).arg("value", v))
            }
            _ => {}
        }
    }
    Ok(())
}

fn bool_flag(instr: &Instruction, name: &str) -> bool {
    instr.flags.iter().rev().find(|f| f.name == name).is_some_and(|f| f.value.as_deref() != Some("false"))
}

fn parse_args(instr: &mut Instruction, ctx: &ArgCtx) -> Result<Args, Msg> {
    check_flags(instr)?;
    let rest = ctx.rest().to_string();
    let kw = instr.keyword;
    let name = kw.as_str();
    // The message is built only when the check fails.
    let need = |ok: bool, msg: fn(&str) -> Msg| if ok { Ok(()) } else { Err(msg(name)) };
    let at_least_one = |k: &str| M::AT_LEAST_ONE_ARGUMENT.msg().arg("keyword", k);
    let exactly_one = |k: &str| M::EXACTLY_ONE_ARGUMENT.msg().arg("keyword", k);
    Ok(match kw {
        Keyword::From => Args::From(parse_from(instr, ctx)?),
        Keyword::Run => {
            need(!rest.is_empty(), at_least_one)?;
            let mut mounts = Vec::new();
            for f in instr.flags.iter().filter(|f| f.name == "mount") {
                mounts.push(parse_mount(f.value.as_deref().unwrap_or(""), f.span)?);
            }
            let network = instr.flag_value("network").map(str::to_string);
            if let Some(n) = &network {
                if !matches!(n.as_str(), "default" | "none" | "host") {
                    return Err(M::INVALID_NETWORK.msg().arg("value", format!("{n:?}")));
                }
            }
            let security = instr.flag_value("security").map(str::to_string);
            if let Some(s) = &security {
                if !matches!(s.as_str(), "sandbox" | "insecure") {
                    return Err(M::INVALID_SECURITY.msg().arg("value", format!("{s:?}")));
                }
            }
            Args::Run(RunArgs { command: command_form(&rest)?, mounts, network, security })
        }
        Keyword::Cmd | Keyword::Entrypoint => {
            let form = command_form(&rest)?;
            if kw == Keyword::Cmd {
                Args::Cmd(form)
            } else {
                Args::Entrypoint(form)
            }
        }
        Keyword::Shell => match parse_json_array(&rest)? {
            Some(v) if !v.is_empty() => Args::Shell(v),
            _ => return Err(M::SHELL_NEEDS_JSON.msg()),
        },
        Keyword::Copy | Keyword::Add => {
            let json = parse_json_array(&rest)?;
            let words: Vec<Word> = match &json {
                Some(v) => v
                    .iter()
                    .map(|s| Word { text: s.clone(), span: ctx.joined.span(ctx.start, ctx.start + rest.len()) })
                    .collect(),
                None => split_plain(&rest).into_iter().map(|w| ctx.word(w)).collect(),
            };
            if words.len() < 2 {
                return Err(M::COPY_NEEDS_DESTINATION.msg().arg("keyword", name).arg("count", words.len()));
            }
            let (dest, sources) = words.split_last().map(|(d, s)| (d.clone(), s.to_vec())).unwrap_or_default();
            let c = CopyArgs {
                sources,
                dest,
                from: instr.flag_value("from").map(str::to_string),
                chown: instr.flag_value("chown").map(str::to_string),
                chmod: instr.flag_value("chmod").map(str::to_string),
                link: bool_flag(instr, "link"),
                parents: bool_flag(instr, "parents"),
                exclude: instr.flags.iter().filter(|f| f.name == "exclude").filter_map(|f| f.value.clone()).collect(),
                checksum: instr.flag_value("checksum").map(str::to_string),
                keep_git_dir: bool_flag(instr, "keep-git-dir"),
                json: json.is_some(),
            };
            if kw == Keyword::Copy {
                Args::Copy(c)
            } else {
                Args::Add(c)
            }
        }
        Keyword::Env | Keyword::Label => {
            need(!rest.is_empty(), at_least_one)?;
            let (pairs, legacy) = parse_name_val(&rest, ctx, name)?;
            if kw == Keyword::Env {
                Args::Env { pairs, legacy }
            } else {
                Args::Label { pairs, legacy }
            }
        }
        Keyword::Arg => {
            let words = split_quoted(&rest, ctx.escape, true);
            need(!words.is_empty(), at_least_one)?;
            let decls = words
                .into_iter()
                .map(|w| {
                    let span = ctx.joined.span(ctx.start + w.1, ctx.start + w.2);
                    match w.0.split_once('=') {
                        Some((n, v)) => ArgDecl { name: n.to_string(), default: Some(v.to_string()), span },
                        None => ArgDecl { name: w.0, default: None, span },
                    }
                })
                .collect::<Vec<_>>();
            if let Some(bad) = decls.iter().find(|d| d.name.is_empty()) {
                return Err(M::BLANK_ARG_NAME
                    .msg()
                    .arg("value", format!("{:?}", bad.default.as_deref().unwrap_or(""))));
            }
            Args::Arg(decls)
        }
        Keyword::Expose | Keyword::Volume => {
            let words: Vec<Word> = match (kw, parse_json_array(&rest)?) {
                (Keyword::Volume, Some(v)) => v
                    .into_iter()
                    .map(|s| Word { text: s, span: ctx.joined.span(ctx.start, ctx.start + rest.len()) })
                    .collect(),
                _ => split_plain(&rest).into_iter().map(|w| ctx.word(w)).collect(),
            };
            need(!words.is_empty(), at_least_one)?;
            if kw == Keyword::Volume {
                need(words.iter().all(|w| !w.text.trim().is_empty()), |_| M::EMPTY_VOLUME.msg())?;
                Args::Volume(words)
            } else {
                Args::Expose(words)
            }
        }
        Keyword::User | Keyword::Workdir | Keyword::Stopsignal => {
            need(!rest.is_empty(), exactly_one)?;
            let w = Word { text: rest.clone(), span: ctx.joined.span(ctx.start, ctx.start + rest.len()) };
            match kw {
                Keyword::User => Args::User(w),
                Keyword::Workdir => Args::Workdir(w),
                _ => Args::Stopsignal(w),
            }
        }
        Keyword::Maintainer => {
            need(!rest.is_empty(), exactly_one)?;
            Args::Maintainer(rest)
        }
        Keyword::Healthcheck => Args::Healthcheck(parse_healthcheck(instr, &rest)?),
        Keyword::Onbuild => {
            need(!rest.is_empty(), at_least_one)?;
            let kw_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let sub = &rest[..kw_len];
            let Some(sub_kw) = Keyword::parse(sub) else {
                return Err(unknown_instruction_message(sub));
            };
            match sub_kw {
                Keyword::Onbuild => return Err(M::ONBUILD_ONBUILD.msg()),
                Keyword::From | Keyword::Maintainer => {
                    return Err(M::ONBUILD_TRIGGER.msg().arg("keyword", sub_kw.as_str()))
                }
                _ => {}
            }
            let mut inner_joined = Joined::default();
            for (k, &(t, s)) in ctx.joined.pieces.iter().enumerate() {
                let end = ctx.joined.pieces.get(k + 1).map_or(ctx.joined.text.len(), |p| p.0);
                if end <= ctx.start {
                    continue;
                }
                let from = t.max(ctx.start);
                inner_joined.push(s + (from - t), &ctx.joined.text[from..end]);
            }
            let kw_span = inner_joined.span(0, kw_len);
            let inner =
                Parser::new("").instruction_standalone(sub_kw, sub, kw_span, &inner_joined, kw_len, ctx.escape)?;
            Args::Onbuild(Box::new(inner))
        }
    })
}

impl Parser<'_> {
    /// Parses an ONBUILD trigger; its error becomes the ONBUILD's.
    fn instruction_standalone(
        mut self,
        kw: Keyword,
        text: &str,
        kw_span: Span,
        joined: &Joined,
        kw_len: usize,
        escape: char,
    ) -> Result<Instruction, Msg> {
        self.escape = escape;
        let instr = self.instruction(kw, text, kw_span, joined, kw_len);
        match self.diags.into_iter().next() {
            Some(d) => Err(d.message),
            None => Ok(instr),
        }
    }
}

fn parse_from(instr: &Instruction, ctx: &ArgCtx) -> Result<FromArgs, Msg> {
    let rest = ctx.rest();
    let words = split_plain(rest);
    let platform = instr.flag_value("platform").map(str::to_string);
    let (image, as_kw, name) = match words.len() {
        1 => (words[0].clone(), None, None),
        3 if words[1].0.eq_ignore_ascii_case("as") => {
            (words[0].clone(), Some(words[1].clone()), Some(words[2].clone()))
        }
        3 => return Err(M::FROM_EXPECTS_AS.msg().arg("word", format!("{:?}", words[1].0))),
        0 => return Err(M::FROM_NO_ARGUMENTS.msg()),
        n => return Err(M::FROM_ARGUMENT_COUNT.msg().arg("count", n)),
    };
    // dockerfile-parser reads the common FROM forms; where its grammar
    // accepts the line its image and alias are taken (they are the same
    // words), and where it does not (flags it does not know, escapes,
    // continuations) ours stand.
    let (image, name) = match dockerfile_parser_from(&ctx.joined.text, instr) {
        Some((dp_image, dp_alias)) => {
            let image = (dp_image, image.1, image.2);
            let name = match (dp_alias, name) {
                (Some(a), Some(n)) => Some((a, n.1, n.2)),
                (_, n) => n,
            };
            (image, name)
        }
        None => (image, name),
    };
    if let Some((n, _, _)) = &name {
        let lower = n.to_ascii_lowercase();
        let valid = lower.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && lower.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
        if !valid && !n.contains('$') {
            return Err(M::INVALID_STAGE_NAME.msg().arg("name", format!("{n:?}")));
        }
    }
    Ok(FromArgs {
        image: ctx.word(image),
        name: name.map(|w| ctx.word(w)),
        as_keyword: as_kw.map(|w| ctx.word(w)),
        platform,
    })
}

/// The image and alias dockerfile-parser finds on a FROM line, if its grammar
/// accepts the line.
#[cfg(feature = "dockerfile-parser")]
fn dockerfile_parser_from(line: &str, instr: &Instruction) -> Option<(String, Option<String>)> {
    if instr.flags.iter().any(|f| f.name != "platform") || line.contains('\n') {
        return None;
    }
    let parsed = dockerfile_parser::Dockerfile::parse(line).ok()?;
    let from = parsed.instructions.first()?.as_from()?;
    Some((from.image.content.clone(), from.alias.as_ref().map(|a| a.content.clone())))
}

/// Without dockerfile-parser (the web app's build), our own reading stands.
#[cfg(not(feature = "dockerfile-parser"))]
fn dockerfile_parser_from(_line: &str, _instr: &Instruction) -> Option<(String, Option<String>)> {
    None
}

/// ENV and LABEL: `key=value ...` or the legacy `key value` (BuildKit's
/// parseNameVal): the form is chosen by whether the first word has `=`.
fn parse_name_val(rest: &str, ctx: &ArgCtx, name: &str) -> Result<(Vec<KeyValue>, bool), Msg> {
    let words = split_quoted(rest, ctx.escape, true);
    let Some(first) = words.first() else { return Ok((Vec::new(), false)) };
    if !first.0.contains('=') {
        let key_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let value = rest[key_end..].trim_start();
        if value.is_empty() {
            return Err(M::NEEDS_TWO_ARGUMENTS.msg().arg("keyword", name));
        }
        let span = ctx.joined.span(ctx.start, ctx.start + rest.len());
        return Ok((vec![KeyValue { key: rest[..key_end].to_string(), value: value.to_string(), span }], true));
    }
    let mut pairs = Vec::new();
    for (w, s, e) in words {
        let Some((k, v)) = w.split_once('=') else {
            return Err(M::MISSING_EQUALS.msg().arg("word", format!("{w:?}")));
        };
        if k.is_empty() {
            return Err(M::BLANK_NAME.msg().arg("keyword", name));
        }
        pairs.push(KeyValue {
            key: k.to_string(),
            value: v.to_string(),
            span: ctx.joined.span(ctx.start + s, ctx.start + e),
        });
    }
    Ok((pairs, false))
}

fn parse_mount(value: &str, span: Span) -> Result<Mount, Msg> {
    let mut m = Mount {
        kind: MountType::Bind,
        target: None,
        source: None,
        from: None,
        id: None,
        sharing: None,
        mode: None,
        uid: None,
        gid: None,
        size: None,
        env: None,
        readonly: false,
        required: false,
        raw: value.to_string(),
        span,
    };
    // Fields are comma-separated (a CSV record in BuildKit).
    let fields: Vec<&str> = value.split(',').map(str::trim).filter(|f| !f.is_empty()).collect();
    for f in &fields {
        let (k, v) = match f.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim().to_string())),
            None => (f.to_ascii_lowercase(), None),
        };
        if k == "type" {
            m.kind = match v.as_deref() {
                Some("bind") => MountType::Bind,
                Some("cache") => MountType::Cache,
                Some("tmpfs") => MountType::Tmpfs,
                Some("secret") => MountType::Secret,
                Some("ssh") => MountType::Ssh,
                other => return Err(M::MOUNT_TYPE.msg().arg("value", format!("{:?}", other.unwrap_or("")))),
            };
        }
    }
    for f in fields {
        let (k, v) = match f.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim().to_string())),
            None => (f.to_ascii_lowercase(), None),
        };
        let bool_value = |v: &Option<String>| -> Result<bool, Msg> {
            match v.as_deref() {
                None | Some("true") | Some("1") => Ok(true),
                Some("false") | Some("0") => Ok(false),
                Some(x) => Err(M::MOUNT_BOOL.msg().arg("key", &k).arg("value", x)),
            }
        };
        let need_value = |v: Option<String>| v.ok_or_else(|| M::MOUNT_FIELD.msg().arg("key", &k));
        match k.as_str() {
            "type" => {}
            "target" | "dst" | "destination" => m.target = Some(need_value(v)?),
            "source" | "src" => m.source = Some(need_value(v)?),
            "from" => m.from = Some(need_value(v)?),
            "id" => m.id = Some(need_value(v)?),
            "sharing" => {
                let s = need_value(v)?;
                if !matches!(s.as_str(), "shared" | "private" | "locked") {
                    return Err(M::MOUNT_SHARING.msg().arg("value", format!("{s:?}")));
                }
                m.sharing = Some(s)
            }
            "mode" => m.mode = Some(need_value(v)?),
            "uid" => m.uid = Some(need_value(v)?),
            "gid" => m.gid = Some(need_value(v)?),
            "size" => m.size = Some(need_value(v)?),
            "env" => m.env = Some(need_value(v)?),
            "readonly" | "ro" | "rw" | "readwrite" => {
                let b = bool_value(&v)?;
                m.readonly = if k == "rw" || k == "readwrite" { !b } else { b };
            }
            "required" => m.required = bool_value(&v)?,
            _ => return Err(M::MOUNT_KEY.msg().arg("key", k).arg("field", f)),
        }
    }
    let needs_target = matches!(m.kind, MountType::Bind | MountType::Cache | MountType::Tmpfs);
    if needs_target && m.target.is_none() {
        return Err(M::MOUNT_TARGET.msg().arg("kind", mount_type_name(m.kind)));
    }
    if m.from.is_some() && !matches!(m.kind, MountType::Bind | MountType::Cache) {
        return Err(M::MOUNT_FROM.msg());
    }
    Ok(m)
}

fn mount_type_name(t: MountType) -> &'static str {
    match t {
        MountType::Bind => "bind",
        MountType::Cache => "cache",
        MountType::Tmpfs => "tmpfs",
        MountType::Secret => "secret",
        MountType::Ssh => "ssh",
    }
}

fn parse_healthcheck(instr: &Instruction, rest: &str) -> Result<HealthcheckArgs, Msg> {
    let kind_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let kind = &rest[..kind_len];
    let after = rest[kind_len..].trim();
    let flag = |n: &str| instr.flag_value(n).map(str::to_string);
    let mut h = HealthcheckArgs {
        command: None,
        interval: flag("interval"),
        timeout: flag("timeout"),
        start_period: flag("start-period"),
        start_interval: flag("start-interval"),
        retries: flag("retries"),
    };
    if kind.eq_ignore_ascii_case("none") {
        if !after.is_empty() || !instr.flags.is_empty() {
            return Err(M::HEALTHCHECK_NONE.msg());
        }
        return Ok(h);
    }
    if !kind.eq_ignore_ascii_case("cmd") {
        return Err(M::HEALTHCHECK_TYPE.msg().arg("kind", format!("{kind:?}")));
    }
    if after.is_empty() {
        return Err(M::HEALTHCHECK_COMMAND.msg());
    }
    for d in [&h.interval, &h.timeout, &h.start_period, &h.start_interval].into_iter().flatten() {
        if parse_duration(d).is_none() {
            return Err(M::HEALTHCHECK_DURATION.msg().arg("value", format!("{d:?}")));
        }
    }
    if let Some(r) = &h.retries {
        if r.parse::<u32>().is_err() {
            return Err(M::HEALTHCHECK_RETRIES.msg().arg("value", format!("{r:?}")));
        }
    }
    h.command = Some(command_form(after)?);
    Ok(h)
}

/// Go's time.ParseDuration for the units a healthcheck uses; seconds out.
pub fn parse_duration(s: &str) -> Option<f64> {
    if s == "0" {
        return Some(0.0);
    }
    let mut total = 0.0;
    let mut rest = s;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let num_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let n: f64 = rest[..num_len].parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let factor = match &rest[..unit_len] {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return None,
        };
        total += n * factor;
        rest = &rest[unit_len..];
    }
    Some(total)
}

/// Groups instructions into stages and resolves stage bases.
fn build_stages(df: &mut Dockerfile, index: &LineIndex, diags: &mut Vec<Diagnostic>) {
    let mut globals: Vec<(String, Option<String>)> = Vec::new();
    let mut current: Option<usize> = None;
    let escape = df.escape;
    for i in 0..df.instructions.len() {
        let instr = &df.instructions[i];
        match (&instr.args, current) {
            // A broken FROM still starts a stage (with an empty base), so that
            // what follows is attributed to something and keeps being analysed.
            (args, _) if instr.keyword == Keyword::From => {
                let from = match args {
                    Args::From(f) => Some(f),
                    _ => None,
                };
                let base = from.map(|f| f.image.text.clone()).unwrap_or_default();
                let lookup = |name: &str| globals.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.clone());
                let base_expanded = words::expand(&base, escape, &lookup).unwrap_or_else(|_| base.clone());
                let stage_index = df.stages.len();
                let base_stage = from.and_then(|_| df.stage_ref_by_name(&base_expanded, stage_index));
                df.stages.push(Stage {
                    index: stage_index,
                    name: from.and_then(|f| f.name.as_ref()).map(|n| n.text.clone()),
                    base,
                    base_expanded,
                    base_stage,
                    platform: from.and_then(|f| f.platform.clone()),
                    from: i,
                    instructions: Vec::new(),
                    span: instr.span,
                    line: instr.line,
                    end_line: instr.end_line,
                });
                current = Some(stage_index);
            }
            (_, Some(s)) => {
                df.stages[s].instructions.push(i);
                df.stages[s].span = df.stages[s].span.cover(instr.span);
            }
            (Args::Arg(decls), None) => {
                globals.extend(decls.iter().map(|d| (d.name.clone(), d.default.clone())));
            }
            (_, None) => {
                if instr.keyword != Keyword::Arg {
                    diags.push(Diagnostic::error(
                        instr.span,
                        M::BEFORE_FROM.msg().arg("keyword", instr.keyword.as_str()),
                    ));
                }
            }
        }
        // Unchanged instructions a re-parse reuses stay shared.
        if df.instructions[i].stage != current {
            Arc::make_mut(&mut df.instructions[i]).stage = current;
        }
    }
    // A stage with instructions ends on the line where its span does
    // (looked up once, when the span is complete).
    for stage in df.stages.iter_mut().filter(|s| !s.instructions.is_empty()) {
        stage.end_line = index.line(stage.span.end);
    }
    if df.stages.is_empty() && !df.instructions.is_empty() {
        let span = df.instructions.last().map(|i| i.span).unwrap_or_default();
        diags.push(Diagnostic::error(span, M::NO_FROM.msg()));
    }
}

impl Dockerfile {
    /// A stage named `name` (case-insensitive) before `before`. Unlike
    /// `stage_ref`, indexes do not count: `FROM 0` names an image.
    pub fn stage_ref_by_name(&self, name: &str, before: usize) -> Option<usize> {
        self.stages[..before.min(self.stages.len())]
            .iter()
            .find(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)))
            .map(|s| s.index)
    }
}
