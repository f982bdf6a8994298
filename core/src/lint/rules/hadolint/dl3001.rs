use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Avoid interactive and system commands that make no sense in a build.
    ///
    /// ## What it does
    /// Flags RUN commands such as `ssh`, `vim`, `shutdown`, `service`, `ps`,
    /// `free`, `top`, `kill` and `mount`.
    ///
    /// ## Why
    /// A build step runs once, without a terminal or an init system, in a
    /// container that is thrown away: an editor waits for input forever, a
    /// service started in one RUN is gone in the next, and `ps` or `free`
    /// describe the build machine, not the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN service nginx start
    /// ```
    ///
    /// ## Fix
    /// Start the service from `CMD` or `ENTRYPOINT`; edit files with `sed`
    /// or `COPY` them in.
    /// ```dockerfile
    /// CMD ["nginx", "-g", "daemon off;"]
    /// ```
    pub static RULE = Rule {
        code: "DP301",
        name: "pointless-command",
        also: Some("DL3001"),
        severity: Severity::Info,
        category: Category::Correctness,
        messages: &[&POINTLESS_MSG],
        check,
    };
}

static POINTLESS_MSG: Message = Message::new(
    "DP301.pointless",
    "`{program}` makes no sense in a build step",
    "在构建步骤中运行 `{program}` 没有意义",
);

// hadolint: src/Hadolint/Rule/DL3001.hs lists these programs.
const POINTLESS: [&str; 9] = ["free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if let Some(p) = cmd.program().filter(|p| POINTLESS.contains(p)) {
                out.push(RULE.finding(util::program_span(&cmd), POINTLESS_MSG.msg().arg("program", p)));
            }
        }
    }
}
