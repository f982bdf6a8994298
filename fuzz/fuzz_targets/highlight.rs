//! The editor's colouring (`syntax::highlight::tokens`) against the parser
//! on any text: tokens are sorted, disjoint, non-empty and on character
//! boundaries, and in a file the parser reads without an error, every
//! instruction has its keyword coloured as a keyword and its heredoc bodies
//! as heredoc text (from their first character that is not a line break), so the colours never tell a reader something the parser
//! does not. (Where BuildKit stops with an error, such as an unterminated
//! heredoc, the parser recovers to report more, and the colours show what
//! BuildKit had read; the two may then differ.)
#![no_main]

use dockerplay_core::syntax::{self, highlight};
use dockerplay_core::Severity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tokens = highlight::tokens(&text);
    for pair in tokens.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{text:?}: {pair:?}");
    }
    for t in &tokens {
        assert!(!t.span.is_empty() && t.span.end <= text.len(), "{text:?}: {t:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end), "{text:?}: {t:?}");
    }
    let class_at = |offset: usize| tokens.iter().find(|t| t.span.contains(offset)).map(|t| t.class);
    let (file, diagnostics) = syntax::parse(&text);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return;
    }
    for ins in &file.instructions {
        assert_eq!(class_at(ins.keyword_span.start), Some(highlight::Class::Keyword), "{text:?}: line {}", ins.line);
        for h in ins.heredocs.iter().filter(|h| !h.content.is_empty()) {
            // A blank line has nothing to colour: the body's first
            // character that is not a line break is heredoc text.
            let body = &text[h.span.start..h.span.end];
            let first = h.span.start + body.find(|c| c != '\n' && c != '\r').unwrap_or(0);
            assert_eq!(class_at(first), Some(highlight::Class::Heredoc), "{text:?}: heredoc {}", h.name);
        }
    }
});
