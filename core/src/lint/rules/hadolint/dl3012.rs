use crate::lint::prelude::*;

declare_rule! {
    /// Only one HEALTHCHECK per stage.
    ///
    /// ## What it does
    /// Flags every `HEALTHCHECK` of a stage after the first.
    ///
    /// ## Why
    /// Only the last `HEALTHCHECK` takes effect; the earlier ones are dead
    /// text that a reader may take for the check that runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// HEALTHCHECK CMD curl -f http://localhost/
    /// HEALTHCHECK --interval=30s CMD wget -qO- http://localhost/
    /// ```
    ///
    /// ## Fix
    /// Keep one:
    /// ```dockerfile
    /// HEALTHCHECK --interval=30s CMD wget -qO- http://localhost/
    /// ```
    pub static RULE = Rule {
        code: "DP312",
        name: "multiple-healthchecks",
        also: Some("DL3012"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&LAST],
        check,
    };
}

static LAST: Message = Message::new(
    "DP312.last",
    "Only the last HEALTHCHECK of a stage takes effect; remove the others",
    "一个构建阶段中只有最后一个 HEALTHCHECK 生效，请删除其余的",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let checks = ctx.stage_instructions(stage).filter(|i| i.keyword == Keyword::Healthcheck);
        for instr in checks.skip(1) {
            out.push(RULE.finding(ctx.first_line(instr), LAST.msg()));
        }
    }
}
