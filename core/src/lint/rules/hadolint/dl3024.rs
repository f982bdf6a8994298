use crate::lint::prelude::*;

declare_rule! {
    /// Stage names must be unique.
    ///
    /// ## What it does
    /// Flags a `FROM ... AS NAME` whose name an earlier stage already has
    /// (compared case-insensitively, as BuildKit does).
    /// Where BuildKit's `DuplicateStageName` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// BuildKit refuses a Dockerfile with two stages of the same name:
    /// `--from=NAME` and `--target NAME` would be ambiguous.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22 AS build
    /// FROM golang:1.22 AS build
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22 AS web
    /// FROM golang:1.22 AS server
    /// ```
    pub static RULE = Rule {
        code: "DP324",
        name: "duplicate-stage-name",
        also: Some("DL3024"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&DUPLICATE],
        check,
    };
}

static DUPLICATE: Message = Message::new(
    "DP324.duplicate",
    "Stage name `{name}` is already used by an earlier stage",
    "构建阶段名 `{name}` 已被前面的阶段使用",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::duplicate_stage_name::RULE);
    let stages = &ctx.dockerfile.stages;
    for stage in ctx.stages() {
        let Some(name) = stage.name.as_deref() else { continue };
        let earlier =
            stages[..stage.index].iter().any(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)));
        if earlier {
            let span = match ctx.stage_from(stage).map(|i| &i.args) {
                Some(Args::From(f)) => f.name.as_ref().map_or(stage.span, |n| n.span),
                _ => stage.span,
            };
            if !twin.covers(span) {
                out.push(RULE.finding(span, DUPLICATE.msg().arg("name", name)));
            }
        }
    }
}
