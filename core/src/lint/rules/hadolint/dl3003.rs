use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use WORKDIR to switch to a directory.
    ///
    /// ## What it does
    /// Flags `cd` in a RUN command.
    ///
    /// ## Why
    /// A `cd` lasts only until the end of its RUN, so the next instruction
    /// runs somewhere else; the reader has to track where each command
    /// runs. `WORKDIR` states it once and holds for every later
    /// instruction, and creates the directory if needed.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN cd /usr/src/app && make
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// WORKDIR /usr/src/app
    /// RUN make
    /// ```
    pub static RULE = Rule {
        code: "DP303",
        name: "cd-instead-of-workdir",
        also: Some("DL3003"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&CD],
        check,
    };
}

static CD: Message = Message::new(
    "DP303.cd",
    "Use WORKDIR to switch to a directory instead of `cd`",
    "请用 WORKDIR 切换目录，而不是 `cd`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        if let Some(cmd) = util::commands(ctx, r.run).into_iter().find(|c| util::is(c, "cd")) {
            out.push(RULE.finding(cmd.span, CD.msg()));
        }
    }
}
