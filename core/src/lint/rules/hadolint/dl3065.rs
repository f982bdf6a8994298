use crate::lint::prelude::*;

declare_rule! {
    /// `FROM --platform=$TARGETPLATFORM` is redundant.
    ///
    /// ## What it does
    /// Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).
    /// Where BuildKit's `RedundantTargetPlatform` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// A stage is built for the target platform by default; saying so adds
    /// noise and suggests, wrongly, that other stages are not.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=$TARGETPLATFORM alpine:3.20
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ```
    pub static RULE = Rule {
        code: "DP365",
        name: "redundant-target-platform",
        also: Some("DL3065"),
        severity: Severity::Warning,
        category: Category::Style,
        messages: &[&DEFAULT, &REMOVE],
        check,
    };
}

static DEFAULT: Message = Message::new(
    "DP365.default",
    "`--platform=$TARGETPLATFORM` is the default; remove it",
    "`--platform=$TARGETPLATFORM` 本来就是默认值，请删除",
);
static REMOVE: Message = Message::new("DP365.remove", "Remove `--platform`", "删除 `--platform`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::redundant_target_platform::RULE);
    for instr in ctx.with_keyword(Keyword::From) {
        let Some(flag) = instr.flag("platform") else { continue };
        if matches!(flag.value.as_deref(), Some("$TARGETPLATFORM" | "${TARGETPLATFORM}")) {
            // Remove the flag and the blank after it.
            let after =
                ctx.text.get(flag.span.end..).unwrap_or("").chars().take_while(|c| *c == ' ' || *c == '\t').count();
            let fix = Fix::safe(REMOVE.msg(), vec![Edit::delete(Span::new(flag.span.start, flag.span.end + after))]);
            if !twin.covers(instr.span) {
                out.push(RULE.finding(flag.span, DEFAULT.msg()).with_fix(fix));
            }
        }
    }
}
