use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use the `-y` switch with `apt-get install`.
    ///
    /// ## What it does
    /// Flags `apt-get install` without `-y` (`--yes`, `--assume-yes`) or
    /// quiet level 2 (`-qq`, `-q -q`, `--quiet --quiet`), which implies
    /// `-y`; one `-q` does not.
    ///
    /// ## Why
    /// A build has no one to answer "Do you want to continue? [Y/n]";
    /// without `-y` apt-get aborts as soon as it would ask.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update && apt-get install curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y curl
    /// ```
    pub static RULE = Rule {
        code: "DP314",
        name: "apt-get-yes",
        also: Some("DL3014"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&YES, &ADD_Y],
        check,
    };
}

static YES: Message = Message::new(
    "DP314.yes",
    "Use `apt-get install -y`: the build cannot answer apt-get's prompt",
    "请使用 `apt-get install -y`：构建过程无法回答 apt-get 的确认提示",
);
static ADD_Y: Message = Message::new("DP314.add_y", "Add `-y`", "加上 `-y`");

/// `-y`, `--yes`, `--assume-yes`, or quiet level 2 (`-qq`, `-q -q`,
/// `--quiet --quiet`, `-q=2`), which implies yes; one `-q` does not
/// (hadolint: src/Hadolint/Rule/DL3014.hs hasYesOption).
fn assumes_yes(cmd: &ShellCommand) -> bool {
    let count = |name: &str| {
        cmd.arg_values()
            .take_while(|a| *a != "--")
            .map(|a| util::option_names(a).iter().filter(|n| **n == name).count())
            .sum::<usize>()
    };
    util::has_option(cmd, &["y", "yes", "qq", "assume-yes"])
        || count("q") == 2
        || count("quiet") == 2
        || cmd.has_arg("-q=2")
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if util::is(&cmd, "apt-get") && cmd.has_arg("install") && !assumes_yes(&cmd) {
                let install = cmd.args().iter().find(|w| w.value == "install").map_or(cmd.span, |w| w.span);
                let fix = Fix::safe(ADD_Y.msg(), vec![Edit::insert(install.end, " -y")]);
                out.push(util::with_fix(&cmd, RULE.finding(cmd.span, YES.msg()), fix));
            }
        }
    }
}
