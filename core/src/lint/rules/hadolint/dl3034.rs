use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use zypper's non-interactive switch.
    ///
    /// ## What it does
    /// Flags `zypper install`, `remove`, `source-install` and `patch` (and
    /// their short forms) without `-y` (`--no-confirm`) or the global
    /// `-n` (`--non-interactive`).
    ///
    /// ## Why
    /// zypper asks for confirmation; a build cannot answer, and the step
    /// fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN zypper install curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN zypper install -y curl
    /// ```
    pub static RULE = Rule {
        code: "DP334",
        name: "zypper-non-interactive",
        also: Some("DL3034"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&YES, &ADD_Y],
        check,
    };
}

static YES: Message = Message::new(
    "DP334.yes",
    "Use `zypper install -y`: the build cannot answer zypper's prompt",
    "请使用 `zypper install -y`：构建过程无法回答 zypper 的确认提示",
);
static ADD_Y: Message = Message::new("DP334.add_y", "Add `-y`", "加上 `-y`");

const SUBCOMMANDS: [&str; 7] = ["install", "in", "remove", "rm", "source-install", "si", "patch"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if !util::is(&cmd, "zypper") || !util::has_any_arg(&cmd, &SUBCOMMANDS) {
                continue;
            }
            // `-n`/`--non-interactive` before the subcommand is zypper's
            // global switch, and answers every prompt too.
            if util::has_option(&cmd, &["y", "no-confirm", "n", "non-interactive"]) {
                continue;
            }
            let sub = cmd.args().iter().find(|w| SUBCOMMANDS.contains(&w.value.as_str())).map_or(cmd.span, |w| w.span);
            let fix = Fix::safe(ADD_Y.msg(), vec![Edit::insert(sub.end, " -y")]);
            out.push(util::with_fix(&cmd, RULE.finding(cmd.span, YES.msg()), fix));
        }
    }
}
