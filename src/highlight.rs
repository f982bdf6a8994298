//! The editor's colouring (`tokens`, core's lexical scan,
//! `dockerplay_core::syntax::highlight`) cut with diagnostics into
//! per-line pieces that carry a colour and a mark (`layout`).

pub use dockerplay_core::syntax::highlight::{tokens, Class, Token};
use dockerplay_core::{Severity, Span};

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
6| str:  b"
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
