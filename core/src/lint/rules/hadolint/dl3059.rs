use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Consolidate consecutive RUN instructions.
    ///
    /// ## What it does
    /// Flags a `RUN` that directly follows another `RUN` (comments between
    /// them do not count) with the same flags, when both are short (a
    /// single command each, as hadolint 2.15 counts). RUNs that already chain
    /// commands are taken as a deliberate split.
    ///
    /// ## Why
    /// Every RUN makes a layer and a cache step. Short steps that belong
    /// together are cheaper as one, and a cleanup only shrinks the image
    /// in the RUN that made the mess.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update
    /// RUN apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    pub static RULE = Rule {
        code: "DP359",
        name: "consecutive-runs",
        also: Some("DL3059"),
        severity: Severity::Info,
        category: Category::Cache,
        messages: &[&CONSECUTIVE],
        check,
    };
}

static CONSECUTIVE: Message = Message::new(
    "DP359.consecutive",
    "Consecutive RUNs: consider joining them into one",
    "连续的 RUN 指令：可以考虑合并成一条",
);

/// A RUN's flags, sorted, so that `--network=none --mount=...` equals the
/// same flags in another order.
type Flags<'a> = Vec<(&'a str, Option<&'a str>)>;

fn flags(instr: &Instruction) -> Flags<'_> {
    let mut f: Vec<_> = instr.flags.iter().map(|f| (f.name.as_str(), f.value.as_deref())).collect();
    f.sort();
    f
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for body in util::stage_bodies(ctx) {
        // The previous instruction, if it was a RUN: its flags and command count.
        let mut prev: Option<(Flags, usize)> = None;
        for instr in body {
            if instr.keyword != Keyword::Run {
                prev = None;
                continue;
            }
            let count = util::commands(ctx, instr).len();
            let here = flags(instr);
            if let Some((pflags, pcount)) = &prev {
                if *pflags == here && count <= 1 && *pcount <= 1 {
                    out.push(RULE.finding(ctx.first_line(instr), CONSECUTIVE.msg()));
                }
            }
            prev = Some((here, count));
        }
    }
}
