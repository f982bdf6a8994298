use crate::lint::prelude::*;
use crate::lint::util::parse_platform;

declare_rule! {
    /// FROM --platform should not be a constant.
    ///
    /// ## What it does
    /// Flags `FROM --platform=linux/amd64 ...` with a fixed platform, unless
    /// the stage's name mentions that OS or architecture (a stage that is
    /// deliberately platform-specific, like `build-amd64`).
    ///
    /// ## Why
    /// A constant platform makes a multi-platform build produce the same
    /// architecture for every target, and on other machines the image runs
    /// under emulation, slowly. `$BUILDPLATFORM` (for tools that
    /// cross-compile) or `$TARGETPLATFORM` say what is meant.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=linux/amd64 golang:1.23 AS build
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM --platform=$BUILDPLATFORM golang:1.23 AS build
    /// ```
    pub static RULE = Rule {
        code: "DP017",
        name: "FromPlatformFlagConstDisallowed",
        also: Some("BuildKit:FromPlatformFlagConstDisallowed"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&CONSTANT],
        check,
    };
}

static CONSTANT: Message = Message::new(
    "DP017.constant",
    "FROM --platform flag should not use constant value \"{value}\"",
    "FROM 的 --platform 参数不应使用固定值“{value}”",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go reportConstPlatformDisallowed.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let Some(instr) = ctx.stage_from(stage) else { continue };
        let Some(flag) = instr.flag("platform") else { continue };
        let Some(value) = flag.value.as_deref() else { continue };
        if value.contains('$') {
            continue;
        }
        let Some((os, arch)) = parse_platform(value) else { continue };
        let name = stage.name.as_deref().unwrap_or("").to_lowercase();
        if name.contains(&os) || (!arch.is_empty() && name.contains(&arch)) {
            continue;
        }
        out.push(RULE.finding(flag.span, CONSTANT.msg().arg("value", value)));
    }
}
