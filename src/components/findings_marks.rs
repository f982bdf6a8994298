//! Findings drawn in the editor: a dotted underline under each finding's
//! span, distinct from the wavy one of parse diagnostics, with the
//! finding's message on hover and in the status bar when the caret is on
//! it.

use dockerplay_core::lint::Finding;
use dockerplay_core::{Msg, Severity, Span};

use crate::highlight::Piece;
use crate::textpos;

/// A finding as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintMark {
    /// Never empty where the text has a character to underline.
    pub span: Span,
    pub severity: Severity,
    pub code: &'static str,
    /// The finding's message, rendered in the page's language when shown.
    pub message: Msg,
}

impl LintMark {
    /// `DP327 · message`, for the status bar and the editor's tooltip.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        format!("{} · {}", self.code, self.message.render(lang.core()))
    }
}

/// The marks of a list of findings, in their order. An empty span (a
/// finding at a point) underlines the character after it, or the one
/// before it at the end of a line, so every finding can be seen.
pub fn marks(text: &str, findings: &[Finding]) -> Vec<LintMark> {
    findings
        .iter()
        .map(|f| LintMark {
            span: visible(text, f.span),
            severity: f.severity,
            code: f.code,
            message: f.message.clone(),
        })
        .collect()
}

/// An empty span is widened to the character after it (or before it at the
/// end of a line), so that every mark and diagnostic can be seen.
pub fn visible(text: &str, span: Span) -> Span {
    let start = textpos::floor_boundary(text, span.start);
    let end = textpos::floor_boundary(text, span.end).max(start);
    if end > start {
        return Span::new(start, end);
    }
    if let Some(c) = text[start..].chars().next().filter(|c| *c != '\n') {
        return Span::new(start, start + c.len_utf8());
    }
    match text[..start].chars().next_back().filter(|c| *c != '\n') {
        Some(c) => Span::new(start - c.len_utf8(), start),
        None => Span::new(start, start),
    }
}

/// Cuts an overlay piece where findings start and end; each part carries
/// the most severe finding over it (the first of equals).
pub fn split<'a>(piece: &Piece, marks: &'a [LintMark]) -> Vec<(Piece, Option<&'a LintMark>)> {
    let over: Vec<&LintMark> =
        marks.iter().filter(|m| m.span.start < piece.span.end && m.span.end > piece.span.start).collect();
    if over.is_empty() {
        return vec![(*piece, None)];
    }
    let mut cuts = vec![piece.span.start, piece.span.end];
    for m in &over {
        cuts.extend([m.span.start, m.span.end].map(|c| c.clamp(piece.span.start, piece.span.end)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let part = Piece { span: Span::new(w[0], w[1]), ..*piece };
            (part, over.iter().copied().filter(|m| m.span.contains(w[0])).min_by_key(|m| m.severity))
        })
        .collect()
}

/// The marks that reach a byte range (a line), for `split`.
pub fn within(marks: &[LintMark], start: usize, end: usize) -> Vec<LintMark> {
    marks.iter().filter(|m| m.span.start < end && m.span.end > start).cloned().collect()
}

/// The message to show for the caret: the most severe finding whose span
/// holds it (its end included, so a caret just after a word still counts).
pub fn at_caret(marks: &[LintMark], caret: usize) -> Option<&LintMark> {
    marks.iter().filter(|m| m.span.start <= caret && caret <= m.span.end).min_by_key(|m| m.severity)
}

#[cfg(test)]
mod tests {
    use super::*;

    static M: dockerplay_core::Message = dockerplay_core::Message::new("test.m", "m", "信息");

    fn mark(start: usize, end: usize, severity: Severity) -> LintMark {
        LintMark { span: Span::new(start, end), severity, code: "", message: M.msg() }
    }

    #[test]
    fn a_piece_is_cut_where_findings_begin_and_end_and_takes_the_worst() {
        let piece = Piece { span: Span::new(10, 20), class: None, mark: None };
        let marks = [mark(12, 15, Severity::Info), mark(14, 30, Severity::Error), mark(0, 5, Severity::Error)];
        let parts: Vec<(usize, usize, Option<Severity>)> =
            split(&piece, &marks).into_iter().map(|(p, m)| (p.span.start, p.span.end, m.map(|m| m.severity))).collect();
        assert_eq!(
            parts,
            [
                (10, 12, None),
                (12, 14, Some(Severity::Info)),
                (14, 15, Some(Severity::Error)),
                (15, 20, Some(Severity::Error)),
            ]
        );
        let untouched = Piece { span: Span::new(5, 10), class: None, mark: None };
        assert_eq!(split(&untouched, &marks), [(untouched, None)]);
        // Equals: the first mark wins, so its message is the one shown.
        let (first, second) = (
            LintMark { code: "a", ..mark(0, 20, Severity::Info) },
            LintMark { code: "b", ..mark(0, 20, Severity::Info) },
        );
        assert_eq!(split(&piece, &[first, second])[0].1.map(|m| m.code), Some("a"));
    }

    #[test]
    fn findings_at_a_point_underline_a_neighbouring_character() {
        let text = "FROM a\nRUN 中\n";
        let f = |at: usize| Finding {
            code: "DP000",
            span: Span::new(at, at),
            message: M.msg(),
            severity: Severity::Info,
            fix: None,
            stage_built: true,
        };
        let spans: Vec<&str> = marks(text, &[f(0), f(6), f(11)]).iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(spans, ["F", "a", "中"]);
        assert_eq!(marks(text, &[f(0)])[0].label(crate::i18n::Lang::En), "DP000 · m");
        assert_eq!(marks(text, &[f(0)])[0].label(crate::i18n::Lang::Zh), "DP000 · 信息");
    }

    #[test]
    fn the_caret_shows_the_worst_finding_it_is_in() {
        let marks = [mark(0, 10, Severity::Info), mark(4, 6, Severity::Warning)];
        assert_eq!(at_caret(&marks, 5).map(|m| m.severity), Some(Severity::Warning));
        assert_eq!(at_caret(&marks, 10).map(|m| m.severity), Some(Severity::Info));
        assert!(at_caret(&marks, 11).is_none());
    }
}
