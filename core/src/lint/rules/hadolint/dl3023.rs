use crate::lint::prelude::*;

declare_rule! {
    /// `COPY --from` cannot name its own stage.
    ///
    /// ## What it does
    /// Flags `COPY --from=NAME` inside the stage called `NAME`.
    ///
    /// ## Why
    /// A stage cannot copy from itself: the build fails with a dependency
    /// cycle (or pulls an image of that name).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22 AS build
    /// COPY --from=build /app/dist /dist
    /// ```
    ///
    /// ## Fix
    /// Copy from the stage that produced the files, or use a plain `RUN cp`.
    pub static RULE = Rule {
        code: "DP323",
        name: "copy-from-own-stage",
        also: Some("DL3023"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&SELF],
        check,
    };
}

static SELF: Message = Message::new(
    "DP323.self_stage",
    "`COPY --from={from}` names its own stage",
    "`COPY --from={from}` 引用的是它所在的构建阶段本身",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Copy) {
        let (Args::Copy(copy), Some(stage)) = (&instr.args, instr.stage) else { continue };
        let (Some(from), Some(name)) =
            (copy.from.as_deref(), ctx.dockerfile.stages.get(stage).and_then(|s| s.name.as_deref()))
        else {
            continue;
        };
        if from.eq_ignore_ascii_case(name) {
            let span = instr.flag("from").map_or(instr.keyword_span, |f| f.span);
            out.push(RULE.finding(span, SELF.msg().arg("from", from)));
        }
    }
}
