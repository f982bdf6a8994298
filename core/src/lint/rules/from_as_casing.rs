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
        messages: &[&MISMATCH, &WRITE],
        check,
    };
}

static MISMATCH: Message = Message::new(
    "DP002.mismatch",
    "'{as_kw}' and '{from_kw}' keywords' casing do not match",
    "关键字“{as_kw}”与“{from_kw}”的大小写不一致",
);
static WRITE: Message = Message::new("DP002.write", "Write `{text}`", "改为 `{text}`");

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
                RULE.finding(as_kw.span, MISMATCH.msg().arg("as_kw", &as_kw.text).arg("from_kw", kw))
                    .with_fix(Fix::safe(WRITE.msg().arg("text", &want), vec![Edit::new(as_kw.span, want)])),
            );
        }
    }
}
