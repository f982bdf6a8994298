//! Applying fixes: "fix all safe" in the page and `--fix` style callers.

use super::{Edit, Finding};

/// Applies the safe fixes of `findings` to `text`. A fix whose edits
/// overlap an edit already taken (in file order) is left out, as is any
/// edit that does not fit the text, so the result is always well formed;
/// running the check again shows what is left.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> String {
    let mut fixes: Vec<&[Edit]> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|f| f.safe && !f.edits.is_empty())
        .map(|f| f.edits.as_slice())
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.span.start).min());
    let mut taken: Vec<&Edit> = Vec::new();
    for edits in fixes {
        let fits = edits.iter().all(|e| {
            e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)
        });
        let clashes = edits
            .iter()
            .enumerate()
            .any(|(i, e)| taken.iter().chain(edits[..i].iter().collect::<Vec<_>>().iter()).any(|t| overlaps(t, e)));
        if fits && !clashes {
            taken.extend(edits.iter());
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Two edits clash when their ranges overlap, or when both insert at the
/// same point (their order would be arbitrary).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.span.is_empty() || b.span.is_empty() {
        return a.span.start == b.span.start
            || (a.span.start > b.span.start && a.span.start < b.span.end)
            || (b.span.start > a.span.start && b.span.start < a.span.end);
    }
    a.span.start < b.span.end && b.span.start < a.span.end
}

/// "Fix all safe" to a fixed point: applies the safe fixes, checks again
/// and repeats (one fix can make another possible, as re-casing `from`
/// lets `as` follow), at most a few rounds. Returns the final text.
pub fn fix_all_safe(input: &crate::inputs::BuildInput, opts: &super::CheckOptions) -> String {
    let mut current = input.clone();
    for _ in 0..4 {
        let (findings, _) = super::check(&current, opts);
        let fixed = apply_fixes(&current.dockerfile, &findings);
        if fixed == current.dockerfile {
            break;
        }
        current.dockerfile = fixed;
    }
    current.dockerfile
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Fix;
    use crate::{Severity, Span};

    static NOTHING: crate::Message = crate::Message::neutral("test.nothing", "");

    fn finding(edits: Vec<Edit>, safe: bool) -> Finding {
        Finding {
            code: "DP000",
            span: Span::default(),
            message: NOTHING.msg(),
            severity: Severity::Info,
            fix: Some(Fix { title: NOTHING.msg(), edits, safe }),
            stage_built: true,
        }
    }

    #[test]
    fn applies_safe_non_overlapping_fixes_only() {
        let text = "from alpine as Build\nrun echo hi\n";
        let findings = vec![
            finding(vec![Edit::new(Span::new(0, 4), "FROM")], true),
            finding(vec![Edit::new(Span::new(12, 14), "AS"), Edit::new(Span::new(15, 20), "build")], true),
            // Overlaps the fix above: left for a second pass.
            finding(vec![Edit::new(Span::new(15, 20), "BUILD")], true),
            finding(vec![Edit::new(Span::new(21, 24), "RUN")], false),
        ];
        assert_eq!(apply_fixes(text, &findings), "FROM alpine AS build\nrun echo hi\n");
    }
}
