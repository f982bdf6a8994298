use crate::lint::prelude::*;

declare_rule! {
    /// Stage names should be lowercase.
    ///
    /// ## What it does
    /// Flags a stage name after `FROM ... AS` that has upper-case letters.
    ///
    /// ## Why
    /// BuildKit compares stage names case-insensitively and shows them in
    /// lower case, and image references are lower case. A mixed-case name
    /// reads as if `COPY --from=Builder` and `--from=builder` were
    /// different stages.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.23 AS Builder
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM golang:1.23 AS builder
    /// ```
    pub static RULE = Rule {
        code: "DP001",
        name: "StageNameCasing",
        also: Some("BuildKit:StageNameCasing"),
        severity: Severity::Warning,
        category: Category::Style,
        messages: &[&LOWERCASE, &RENAME],
        check,
    };
}

static LOWERCASE: Message =
    Message::new("DP001.lowercase", "Stage name '{name}' should be lowercase", "构建阶段名“{name}”应使用小写");
static RENAME: Message = Message::new("DP001.rename", "Rename to `{name}`", "改名为 `{name}`");

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go (validateStageNames
// is not it; the check runs in parseStages via linter.RuleStageNameCasing).
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let Some(Instruction { args: Args::From(from), .. }) = ctx.stage_from(stage) else { continue };
        let Some(name) = &from.name else { continue };
        let lower = name.text.to_lowercase();
        if lower != name.text {
            out.push(
                RULE.finding(name.span, LOWERCASE.msg().arg("name", &name.text))
                    .with_fix(Fix::safe(RENAME.msg().arg("name", &lower), vec![Edit::new(name.span, lower)])),
            );
        }
    }
}
