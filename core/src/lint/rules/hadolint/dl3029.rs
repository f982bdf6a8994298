use crate::lint::prelude::*;

declare_rule! {
    /// Do not hard-code the platform in FROM.
    ///
    /// ## What it does
    /// Flags `FROM --platform=` with a constant value such as
    /// `linux/amd64`. Variables (`$BUILDPLATFORM`) are fine.
    /// Where BuildKit's `FromPlatformFlagConstDisallowed` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// A fixed platform makes every build of the stage emulate that
    /// platform, and a multi-platform build produce the same architecture
    /// for every target. The platform is the builder's choice
    /// (`--platform` on the command line).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=linux/amd64 node:22
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22
    /// ```
    pub static RULE = Rule {
        code: "DP329",
        name: "from-platform-constant",
        also: Some("DL3029"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PLATFORM],
        check,
    };
}

static PLATFORM: Message = Message::new(
    "DP329.platform",
    "Do not hard-code `--platform={value}` in FROM",
    "不要在 FROM 中写死 `--platform={value}`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::from_platform_flag_const_disallowed::RULE);
    for instr in ctx.with_keyword(Keyword::From) {
        let Some(flag) = instr.flag("platform") else { continue };
        let value = flag.value.as_deref().unwrap_or("");
        if !value.contains('$') && !twin.covers(instr.span) {
            out.push(RULE.finding(flag.span, PLATFORM.msg().arg("value", value)));
        }
    }
}
