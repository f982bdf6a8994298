use crate::lint::prelude::*;

declare_rule! {
    /// Only one CMD per stage.
    ///
    /// ## What it does
    /// Flags every `CMD` of a stage after the first.
    ///
    /// ## Why
    /// Only the last `CMD` takes effect; the others are dead text that a
    /// reader may take for the command that runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// CMD ["nginx"]
    /// CMD ["nginx", "-g", "daemon off;"]
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// CMD ["nginx", "-g", "daemon off;"]
    /// ```
    pub static RULE = Rule {
        code: "DP403",
        name: "multiple-cmd",
        also: Some("DL4003"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&SEVERAL],
        check,
    };
}

static SEVERAL: Message = Message::new(
    "DP403.several",
    "Several CMDs in one stage: only the last takes effect",
    "一个构建阶段中有多个 CMD：只有最后一个生效",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        for instr in ctx.stage_instructions(stage).filter(|i| i.keyword == Keyword::Cmd).skip(1) {
            out.push(RULE.finding(ctx.first_line(instr), SEVERAL.msg()));
        }
    }
}
