use crate::lint::prelude::*;

declare_rule! {
    /// Only one ENTRYPOINT per stage.
    ///
    /// ## What it does
    /// Flags every `ENTRYPOINT` of a stage after the first.
    ///
    /// ## Why
    /// Only the last `ENTRYPOINT` takes effect; the others are dead text
    /// that a reader may take for the program that runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// ENTRYPOINT ["/docker-entrypoint.sh"]
    /// ENTRYPOINT ["nginx"]
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ENTRYPOINT ["/docker-entrypoint.sh"]
    /// CMD ["nginx"]
    /// ```
    pub static RULE = Rule {
        code: "DP404",
        name: "multiple-entrypoint",
        also: Some("DL4004"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&SEVERAL],
        check,
    };
}

static SEVERAL: Message = Message::new(
    "DP404.several",
    "Several ENTRYPOINTs in one stage: only the last takes effect",
    "一个构建阶段中有多个 ENTRYPOINT：只有最后一个生效",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        for instr in ctx.stage_instructions(stage).filter(|i| i.keyword == Keyword::Entrypoint).skip(1) {
            out.push(RULE.finding(ctx.first_line(instr), SEVERAL.msg()));
        }
    }
}
