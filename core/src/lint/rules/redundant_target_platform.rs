use crate::lint::prelude::*;

declare_rule! {
    /// `FROM --platform=$TARGETPLATFORM` is the default and can go.
    ///
    /// ## What it does
    /// Flags a `FROM` whose `--platform` is exactly `$TARGETPLATFORM`.
    ///
    /// ## Why
    /// Every stage is built for the target platform unless told otherwise,
    /// so the flag says nothing; it also hides the stages that really do
    /// pick a platform, such as `--platform=$BUILDPLATFORM` for
    /// cross-compiling.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=$TARGETPLATFORM alpine
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM alpine
    /// ```
    pub static RULE = Rule {
        code: "DP014",
        name: "RedundantTargetPlatform",
        also: Some("BuildKit:RedundantTargetPlatform"),
        severity: Severity::Warning,
        category: Category::Style,
        messages: &[&REDUNDANT, &REMOVE],
        check,
    };
}

static REDUNDANT: Message = Message::new(
    "DP014.redundant",
    "Setting platform to predefined {value} in FROM is redundant as this is the default behavior",
    "FROM 中把平台设为预定义的 {value} 是多余的，这本来就是默认行为",
);
static REMOVE: Message = Message::new("DP014.remove", "Remove the flag", "删除该参数");

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go reportRedundantTargetPlatform
// (only when TARGETPLATFORM is the one variable and the whole value).
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::From) {
        let Some(flag) = instr.flag("platform") else { continue };
        let Some(value) = flag.value.as_deref() else { continue };
        if value != "$TARGETPLATFORM" && value != "${TARGETPLATFORM}" {
            continue;
        }
        // Delete the flag and the blanks after it.
        let rest = &ctx.text[flag.span.end.min(ctx.text.len())..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let span = Span::new(flag.span.start, flag.span.end + blanks);
        out.push(
            RULE.finding(flag.span, REDUNDANT.msg().arg("value", value))
                .with_fix(Fix::safe(REMOVE.msg(), vec![Edit::delete(span)])),
        );
    }
}
