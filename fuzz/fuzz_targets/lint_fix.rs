//! Findings and fixes on any Dockerfile: every finding and every fix edit
//! lies inside the text on char boundaries, a fix's edits do not overlap,
//! and no fix (each one alone, and "fix all safe" to its fixed point)
//! produces a file that parses worse: no more parse errors and no more
//! instructions that could not be understood than before.
#![no_main]

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions, Finding};
use dockerplay_core::syntax::{self, Args};
use dockerplay_core::{Severity, Span};
use dockerplay_fuzz::{build_args, context_files, split};
use libfuzzer_sys::fuzz_target;

/// Parse errors and instructions read as `Args::Invalid`.
fn badness(text: &str) -> (usize, usize) {
    let (df, diags) = syntax::parse(text);
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let invalid = df.instructions.iter().filter(|i| matches!(i.args, Args::Invalid)).count();
    (errors, invalid)
}

fn fits(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fn no_worse(before: (usize, usize), text: &str, what: &str, original: &str) {
    let after = badness(text);
    assert!(
        after.0 <= before.0 && after.1 <= before.1,
        "{what} parses worse: (errors, invalid) {before:?} -> {after:?}\nbefore: {original:?}\nafter:  {text:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let (text, mut u) = split(data);
    let input = BuildInput {
        dockerfile: text,
        files: context_files(&mut u),
        build_args: build_args(&mut u),
        ..Default::default()
    };
    let opts = CheckOptions {
        all_stages: u.arbitrary().unwrap_or(true),
        experimental: true,
        enable: vec!["all".into()],
        ..CheckOptions::default()
    };
    let text = input.dockerfile.as_str();
    let (findings, _) = lint::check(&input, &opts);
    let before = badness(text);
    for f in &findings {
        assert!(fits(text, f.span), "{}: span {:?}", f.code, f.span);
        assert!(lint::rule(f.code).is_some(), "{} is in the registry", f.code);
        let Some(fix) = &f.fix else { continue };
        for (i, e) in fix.edits.iter().enumerate() {
            assert!(fits(text, e.span), "{} fix edit {:?} does not fit", f.code, e.span);
            for other in &fix.edits[..i] {
                let overlap = e.span.start < other.span.end && other.span.start < e.span.end;
                assert!(!overlap, "{} fix edits overlap: {:?} {:?}", f.code, other.span, e.span);
            }
        }
    }
    // Each fix alone, as a click on it applies it (safe or not).
    for f in findings.iter().filter(|f| f.fix.is_some()).take(16) {
        let mut alone: Finding = f.clone();
        if let Some(fix) = &mut alone.fix {
            fix.safe = true;
        }
        let fixed = lint::apply_fixes(text, std::slice::from_ref(&alone));
        no_worse(before, &fixed, &format!("the fix of {} ({})", f.code, f.message), text);
    }
    let all = lint::fix_all_safe(&input, &opts);
    no_worse(before, &all, "fix all safe", text);
});
