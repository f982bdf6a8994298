use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Avoid additional packages with `--no-install-recommends`.
    ///
    /// ## What it does
    /// Flags `apt-get install` without `--no-install-recommends` (or
    /// `-o APT::Install-Recommends=false`).
    ///
    /// ## Why
    /// By default apt also installs every package the requested ones
    /// "recommend": documentation, extra tools, sometimes hundreds of
    /// megabytes the image never uses.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y git
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends git
    /// ```
    pub static RULE = Rule {
        code: "DP315",
        name: "apt-get-no-install-recommends",
        also: Some("DL3015"),
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&RECOMMENDS, &ADD_FLAG],
        check,
    };
}

static RECOMMENDS: Message = Message::new(
    "DP315.recommends",
    "Add `--no-install-recommends` to avoid installing recommended packages",
    "请加上 `--no-install-recommends`，避免安装推荐的软件包",
);
static ADD_FLAG: Message =
    Message::new("DP315.add_flag", "Add `--no-install-recommends`", "加上 `--no-install-recommends`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            let off = util::has_option(&cmd, &["no-install-recommends"])
                || cmd.arg_values().any(|a| a == "APT::Install-Recommends=false");
            if util::is(&cmd, "apt-get") && cmd.has_arg("install") && !off {
                // Adding the option changes what gets installed, so it is
                // offered but not applied by "fix all".
                let install = cmd.args().iter().find(|w| w.value == "install").map_or(cmd.span, |w| w.span);
                let fix = Fix::unsafe_(ADD_FLAG.msg(), vec![Edit::insert(install.end, " --no-install-recommends")]);
                out.push(util::with_fix(&cmd, RULE.finding(cmd.span, RECOMMENDS.msg()), fix));
            }
        }
    }
}
