//! Syntax colouring for the editor overlay: a lexical scan of the text, as an
//! editor grammar does, so that colours never wait for (or depend on) a
//! successful parse. What the scan must agree with BuildKit on (directives
//! only at the top, `# escape=`, line continuations, comment lines inside
//! continuations, heredoc bodies after the instruction line) follows
//! BuildKit's frontend/dockerfile/parser/parser.go.
//!
//! `layout` then cuts the text into per-line pieces that carry a colour and
//! a diagnostic mark, which is what the overlay renders.

use dockerplay_core::syntax::Keyword;
use dockerplay_core::{Severity, Span};

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

        let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
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
                let word_end = pos + rest.find([' ', '\t']).unwrap_or(rest.len());
                let keyword = Keyword::parse(&text[pos..word_end]);
                lx.push(pos, word_end, if keyword.is_some() { Class::Keyword } else { Class::Unknown });
                pos = word_end;
                Open { keyword, flags_open: true, args: 0, exec: false, quote: None }
            }
        };
        scan_args(&mut lx, &mut state, pos, end, &mut pending);

        let trimmed = content.trim_end_matches([' ', '\t']);
        if trimmed.ends_with(lx.escape) && !trimmed.is_empty() {
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
    // A trailing escape char (then only blanks) is the continuation marker.
    let cont_at = {
        let trimmed = text[from..to].trim_end_matches([' ', '\t']);
        (trimmed.ends_with(lx.escape)).then(|| from + trimmed.len() - lx.escape.len_utf8())
    };

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
        let word_end = (i..chars.len()).find(|&j| matches!(at(j), Some(' ' | '\t'))).unwrap_or(chars.len());
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
            Some(Keyword::Run | Keyword::Copy | Keyword::Add) if word.starts_with("<<") => {
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

/// A diagnostic to show in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub severity: Severity,
}

/// A run of text with one colour and one mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub class: Option<Class>,
    pub mark: Option<Severity>,
}

/// One line of the overlay: its pieces (newline excluded), and the most
/// severe mark that starts on it (for the gutter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineView {
    pub pieces: Vec<Piece>,
    pub mark: Option<Severity>,
}

/// Cuts the text into lines of pieces. Marks with an empty span underline
/// the character after them (or before them at the end of a line), so that
/// every diagnostic is visible.
pub fn layout(text: &str, tokens: &[Token], marks: &[Mark]) -> Vec<LineView> {
    let mut lines = Vec::new();
    let mut start = 0;
    let marks: Vec<Mark> = marks.iter().map(|m| Mark { span: widen(text, m.span), severity: m.severity }).collect();
    let mut first = 0; // The first token that may reach this line.
    loop {
        let rest = &text[start..];
        let len = rest.find('\n').unwrap_or(rest.len());
        let next = start + len + 1;
        let end = start + rest[..len].trim_end_matches('\r').len();

        let mut cuts = vec![start, end];
        while first < tokens.len() && tokens[first].span.end <= start {
            first += 1;
        }
        let line_tokens = tokens[first..].iter().take_while(|t| t.span.start < end);
        for t in line_tokens.clone() {
            cuts.extend([t.span.start.clamp(start, end), t.span.end.clamp(start, end)]);
        }
        let line_marks: Vec<&Mark> = marks.iter().filter(|m| m.span.start < end && m.span.end > start).collect();
        for m in &line_marks {
            cuts.extend([m.span.start.clamp(start, end), m.span.end.clamp(start, end)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let pieces = cuts
            .windows(2)
            .map(|w| Piece {
                span: Span::new(w[0], w[1]),
                class: line_tokens.clone().find(|t| t.span.contains(w[0])).map(|t| t.class),
                mark: line_marks.iter().filter(|m| m.span.contains(w[0])).map(|m| m.severity).min(),
            })
            .collect();
        let mark = marks
            .iter()
            .filter(|m| m.span.start >= start && (m.span.start < next || next > text.len()))
            .map(|m| m.severity)
            .min();
        lines.push(LineView { pieces, mark });
        if next > text.len() {
            return lines;
        }
        start = next;
    }
}

/// Makes an empty span cover one character of its line, when it has one.
fn widen(text: &str, span: Span) -> Span {
    let at = crate::textpos::floor_boundary(text, span.start);
    let end = crate::textpos::floor_boundary(text, span.end).max(at);
    if end > at {
        return Span::new(at, end);
    }
    match text[at..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => Span::new(at, at + c.len_utf8()),
        _ => match text[..at].chars().next_back() {
            Some(c) if c != '\n' => Span::new(at - c.len_utf8(), at),
            _ => Span::new(at, at),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shows each token as `class:text`, one line of output per source line
    /// that has tokens.
    fn show(text: &str) -> String {
        let toks = tokens(text);
        let mut out = String::new();
        for (i, line) in layout(text, &toks, &[]).iter().enumerate() {
            let parts: Vec<String> = line
                .pieces
                .iter()
                .filter_map(|p| p.class.map(|c| format!("{}:{}", &c.css()[4..], p.span.slice(text))))
                .collect();
            if !parts.is_empty() {
                out.push_str(&format!("{}| {}\n", i + 1, parts.join("  ")));
            }
        }
        out
    }

    fn check(text: &str, expect: &str) {
        let got = show(text);
        assert_eq!(got.trim_end(), expect.trim(), "\n--- got ---\n{got}");
    }

    #[test]
    fn keywords_flags_and_stage_names() {
        check(
            "from --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache go build .\nFOO bar",
            "
1| kw:from  flag:--platform=$BUILDPLATFORM  kw:AS
2| kw:RUN  flag:--mount=type=cache,target=/root/.cache
3| unknown:FOO",
        );
    }

    #[test]
    fn strings_variables_and_keys() {
        check(
            r#"ENV A=1 B="x $A ${B:-y}" C='$A'
RUN echo "$HOME" $1 ${X}/bin \$NOT"#,
            r#"
1| key:A  key:B  str:"x   var:$A  str:   var:${B:-y}  str:"  key:C  str:'$A'
2| kw:RUN  str:"  var:$HOME  str:"  var:${X}"#
                .replace("1| ", "1| kw:ENV  ")
                .as_str(),
        );
    }

    #[test]
    fn exec_form_runs_expand_no_variables_but_copies_do() {
        check(
            r#"CMD ["echo", "$HOME"]
COPY ["$SRC", "/dst"]"#,
            r#"
1| kw:CMD  str:"echo"  str:"$HOME"
2| kw:COPY  str:"  var:$SRC  str:"  str:"/dst""#,
        );
    }

    #[test]
    fn continuations_carry_flags_and_comment_lines() {
        check(
            "RUN --network=none \\\n  # a comment inside\n\n  --mount=type=tmpfs,target=/t \\\n  echo \"a \\\n  b\"\nFROM x",
            r#"
1| kw:RUN  flag:--network=none
2| comment:# a comment inside
4| flag:--mount=type=tmpfs,target=/t
5| str:"a 
6| str:b"
7| kw:FROM"#,
        );
    }

    #[test]
    fn directives_only_at_the_top_and_escape_changes_continuations() {
        check(
            "# syntax=docker/dockerfile:1\n# escape=`\nFROM x\nRUN a `\n  RUN\n# escape=\\",
            "
1| directive:# syntax=docker/dockerfile:1
2| directive:# escape=`
3| kw:FROM
4| kw:RUN
6| comment:# escape=\\",
        );
        check("# hello\n# escape=`\nRUN a `", "1| comment:# hello\n2| comment:# escape=`\n3| kw:RUN");
    }

    #[test]
    fn heredoc_bodies_follow_the_instruction_line() {
        check(
            "RUN <<EOF cat <<-'END'\nFROM not-a-keyword\nEOF\n\tbody\n\tEND\nCOPY <<A /a\nEOF\nA\nRUN x",
            "
1| kw:RUN  heredoc-delim:<<EOF  heredoc-delim:<<-'END'
2| heredoc:FROM not-a-keyword
3| heredoc-delim:EOF
4| heredoc:\tbody
5| heredoc-delim:\tEND
6| kw:COPY  heredoc-delim:<<A
7| heredoc:EOF
8| heredoc-delim:A
9| kw:RUN",
        );
    }

    #[test]
    fn crlf_and_unicode_keep_offsets_on_char_boundaries() {
        check("FROM x\r\nRUN echo \"中文 🐳\"\r\n", "1| kw:FROM\n2| kw:RUN  str:\"中文 🐳\"");
    }

    #[test]
    fn marks_underline_their_span_and_put_the_worst_severity_in_the_gutter() {
        let text = "FROM x\nRUN a\nBAD\n";
        let marks = [
            Mark { span: Span::new(13, 13), severity: Severity::Warning },
            Mark { span: Span::new(13, 16), severity: Severity::Error },
            Mark { span: Span::new(7, 7), severity: Severity::Info },
        ];
        let lines = layout(text, &tokens(text), &marks);
        let gutter: Vec<Option<Severity>> = lines.iter().map(|l| l.mark).collect();
        assert_eq!(gutter, [None, Some(Severity::Info), Some(Severity::Error), None]);
        let marked: Vec<(&str, Severity)> =
            lines.iter().flat_map(|l| &l.pieces).filter_map(|p| p.mark.map(|m| (p.span.slice(text), m))).collect();
        assert_eq!(marked, [("R", Severity::Info), ("B", Severity::Error), ("AD", Severity::Error)]);
    }

    /// The highlighter and the parser must agree on where instructions start
    /// and where heredoc bodies are: every keyword the parser found is
    /// coloured as one, and every heredoc body as a body, on every file of
    /// the core's corpus (continuations, escapes, heredocs, CJK comments).
    #[test]
    fn colours_agree_with_the_parser_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/core/tests/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        assert!(files.len() >= 30);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let toks = tokens(&text);
            let class_at = |offset: usize| toks.iter().find(|t| t.span.contains(offset)).map(|t| t.class);
            let (file, _) = dockerplay_core::syntax::parse(&text);
            let name = path.file_name().unwrap().to_string_lossy();
            for ins in &file.instructions {
                assert_eq!(class_at(ins.keyword_span.start), Some(Class::Keyword), "{name}:{} keyword", ins.line);
                for h in &ins.heredocs {
                    if !h.content.is_empty() {
                        assert_eq!(
                            class_at(h.span.start),
                            Some(Class::Heredoc),
                            "{name}:{} heredoc {}",
                            ins.line,
                            h.name
                        );
                    }
                }
            }
        }
    }

    /// Random texts built from the pieces that steer the scanner: tokens are
    /// sorted, disjoint, non-empty and on char boundaries, and the layout
    /// covers every byte but the line breaks.
    #[test]
    fn random_texts_keep_the_token_invariants() {
        const PIECES: [&str; 28] = [
            "RUN ",
            "FROM ",
            "COPY ",
            "env ",
            "AS ",
            "--m=x ",
            "\\",
            "\n",
            "\r\n",
            "\"",
            "'",
            "$",
            "${",
            "}",
            "<<",
            "<<-",
            "EOF",
            "\tEOF",
            "#",
            "# escape=`",
            "`",
            "=",
            " ",
            "\t",
            "中",
            "🐳",
            "[",
            "]",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..3000 {
            let len = next(40);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let toks = tokens(&text);
            for pair in toks.windows(2) {
                assert!(pair[0].span.end <= pair[1].span.start, "{text:?}: {pair:?}");
            }
            for t in &toks {
                assert!(!t.span.is_empty() && t.span.end <= text.len(), "{text:?}: {t:?}");
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end), "{text:?}: {t:?}");
            }
            let caret = next(text.len() + 1);
            let marks = [Mark { span: Span::new(caret, caret + next(5)), severity: Severity::Warning }];
            let covered: usize =
                layout(&text, &toks, &marks).iter().flat_map(|l| &l.pieces).map(|p| p.span.len()).sum();
            assert_eq!(covered, text.len() - text.matches('\n').count() - text.matches("\r\n").count(), "{text:?}");
            let _ = crate::editing::newline_with_indent(&text, caret, '\\');
        }
    }

    #[test]
    fn every_input_is_covered_without_panicking() {
        for text in ["", "\n", "RUN \"unclosed", "RUN ${", "FROM\\", "COPY <<", "🐳\u{0}\u{feff}RUN $", "RUN a\\\r\n"]
        {
            let lines = layout(text, &tokens(text), &[Mark { span: Span::new(0, 99), severity: Severity::Error }]);
            let covered: usize = lines.iter().flat_map(|l| &l.pieces).map(|p| p.span.len()).sum();
            let newlines = text.matches('\n').count() + text.matches("\r\n").count();
            assert_eq!(covered, text.len() - newlines, "{text:?}");
        }
    }
}
