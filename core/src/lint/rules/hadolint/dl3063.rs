use crate::lint::prelude::*;

declare_rule! {
    /// Do not name a stage `scratch` or `context`.
    ///
    /// ## What it does
    /// Flags a stage named `scratch` or `context`.
    /// Where BuildKit's `ReservedStageName` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// `scratch` is the empty image, and `context` is how build contexts
    /// are named; a stage with one of these names makes `FROM scratch` or
    /// `COPY --from=context` mean something else than the reader expects.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20 AS scratch
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM alpine:3.20 AS base
    /// ```
    pub static RULE = Rule {
        code: "DP363",
        name: "reserved-stage-name",
        also: Some("DL3063"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&RESERVED],
        check,
    };
}

static RESERVED: Message = Message::new(
    "DP363.reserved",
    "`{name}` is a reserved word; choose another stage name",
    "`{name}` 是保留字，请换一个构建阶段名",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::reserved_stage_name::RULE);
    for stage in ctx.stages() {
        let Some(Args::From(from)) = ctx.stage_from(stage).map(|i| &i.args) else { continue };
        let Some(name) = &from.name else { continue };
        let reserved = name.text.eq_ignore_ascii_case("scratch") || name.text.eq_ignore_ascii_case("context");
        if reserved && !twin.covers(name.span) {
            out.push(RULE.finding(name.span, RESERVED.msg().arg("name", &name.text)));
        }
    }
}
