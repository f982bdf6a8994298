use crate::lint::prelude::*;

declare_rule! {
    /// Reserved words should not be used as stage names.
    ///
    /// ## What it does
    /// Flags a stage named `scratch` or `context`.
    ///
    /// ## Why
    /// `scratch` is the empty image and `context` is how a named build
    /// context is referred to; a stage with either name makes `FROM scratch`
    /// or `COPY --from=context` ambiguous.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine AS scratch
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM alpine AS base
    /// ```
    pub static RULE = Rule {
        code: "DP006",
        name: "ReservedStageName",
        also: Some("BuildKit:ReservedStageName"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&RESERVED_NAME],
        check,
    };
}

static RESERVED_NAME: Message = Message::new(
    "DP006.reserved",
    "Stage name should not use the same name as reserved stage \"{name}\"",
    "构建阶段不能使用保留名称“{name}”",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go reservedStageNames.
const RESERVED: [&str; 2] = ["context", "scratch"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let Some(Instruction { args: Args::From(FromArgs { name: Some(name), .. }), .. }) = ctx.stage_from(stage)
        else {
            continue;
        };
        let lower = name.text.to_lowercase();
        if RESERVED.contains(&lower.as_str()) {
            out.push(RULE.finding(name.span, RESERVED_NAME.msg().arg("name", &lower)));
        }
    }
}
