use crate::lint::prelude::*;

declare_rule! {
    /// The `AS` keyword should match the case of the `FROM` keyword.
    ///
    /// ## What it does
    /// Flags `FROM image as name` when `FROM` is upper case (or `from image
    /// AS name` when it is lower case). Mixed-case `FROM` keywords are left
    /// to ConsistentInstructionCasing.
    ///
    /// ## Why
    /// A file reads more easily when keywords share one casing; BuildKit
    /// warns about this mismatch during every build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.23 as build
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// ```
    pub static RULE = Rule {
        code: "DP002",
        name: "FromAsCasing",
        also: Some("BuildKit:FromAsCasing"),
        severity: Severity::Warning,
        category: Category::Style,
        check,
    };
}

// BuildKit: frontend/dockerfile/instructions/parse.go doesFromCaseMatchAsCase.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::From) {
        let Args::From(from) = &instr.args else { continue };
        let Some(as_kw) = &from.as_keyword else { continue };
        let kw: &str = &instr.keyword_text;
        let want = if *kw == kw.to_lowercase() {
            as_kw.text.to_lowercase()
        } else if *kw == kw.to_uppercase() {
            as_kw.text.to_uppercase()
        } else {
            continue;
        };
        if want != as_kw.text {
            out.push(
                RULE.finding(as_kw.span, format!("'{}' and '{}' keywords' casing do not match", as_kw.text, kw))
                    .with_fix(Fix::safe(format!("Write `{want}`"), vec![Edit::new(as_kw.span, want)])),
            );
        }
    }
}
