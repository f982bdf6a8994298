use crate::lint::prelude::*;

declare_rule! {
    /// Stage names should be unique.
    ///
    /// ## What it does
    /// Flags a `FROM ... AS name` whose name (compared case-insensitively)
    /// an earlier stage already uses.
    ///
    /// ## Why
    /// `COPY --from=name`, `FROM name` and `--target name` can only mean one
    /// stage; with two, which one is used depends on where the reference
    /// stands, which is easy to get wrong when editing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22 AS build
    /// FROM golang:1.23 AS build
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22 AS build-web
    /// FROM golang:1.23 AS build-api
    /// ```
    pub static RULE = Rule {
        code: "DP005",
        name: "DuplicateStageName",
        also: Some("BuildKit:DuplicateStageName"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&DUPLICATE],
        check,
    };
}

static DUPLICATE: Message = Message::new(
    "DP005.duplicate",
    "Duplicate stage name \"{name}\", stage names should be unique",
    "构建阶段名“{name}”重复，阶段名必须唯一",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go validateStageNames.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let stages = &ctx.dockerfile.stages;
    for (i, stage) in stages.iter().enumerate() {
        let Some(name) = &stage.name else { continue };
        let earlier = stages[..i].iter().any(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)));
        if earlier && ctx.in_scope(Some(i)) {
            let span = match ctx.stage_from(stage).map(|f| &f.args) {
                Some(Args::From(FromArgs { name: Some(w), .. })) => w.span,
                _ => stage.span,
            };
            out.push(RULE.finding(span, DUPLICATE.msg().arg("name", name.to_lowercase())));
        }
    }
}
