use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use either wget or curl, not both.
    ///
    /// ## What it does
    /// Flags the RUN that brings the second of `wget` and `curl` into a
    /// stage that already used the other.
    ///
    /// ## Why
    /// Both download files; needing both means installing (and keeping up
    /// to date) two tools where one does.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN wget -q https://example.com/a.tar.gz
    /// RUN curl -fsSLO https://example.com/b.tar.gz
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN curl -fsSLO https://example.com/a.tar.gz
    /// RUN curl -fsSLO https://example.com/b.tar.gz
    /// ```
    pub static RULE = Rule {
        code: "DP401",
        name: "wget-and-curl",
        also: Some("DL4001"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&BOTH],
        check,
    };
}

static BOTH: Message = Message::new(
    "DP401.both",
    "This stage uses both wget and curl; pick one",
    "这个构建阶段同时用了 wget 和 curl，请只用其中一个",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let (mut curl, mut wget) = (false, false);
        for instr in ctx.stage_instructions(stage) {
            let run = match &instr.args {
                Args::Run(_) => instr,
                Args::Onbuild(inner) if matches!(inner.args, Args::Run(_)) => inner.as_ref(),
                _ => continue,
            };
            let cmds = util::commands(ctx, run);
            let here = cmds.iter().find(|c| util::is(c, "curl") || util::is(c, "wget"));
            curl |= cmds.iter().any(|c| util::is(c, "curl"));
            wget |= cmds.iter().any(|c| util::is(c, "wget"));
            // hadolint flags every RUN using one of them once both were seen.
            if let Some(cmd) = here.filter(|_| curl && wget) {
                out.push(RULE.finding(util::program_span(cmd), BOTH.msg()));
            }
        }
    }
}
