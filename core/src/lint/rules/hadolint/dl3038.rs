use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use the `-y` switch with `dnf install`.
    ///
    /// ## What it does
    /// Flags `dnf` or `microdnf` `install`, `groupinstall` and
    /// `localinstall` without `-y` (`--assumeyes`).
    ///
    /// ## Why
    /// dnf asks for confirmation; a build cannot answer, and the step
    /// fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN dnf install python3
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN dnf install -y python3
    /// ```
    pub static RULE = Rule {
        code: "DP338",
        name: "dnf-yes",
        also: Some("DL3038"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&YES, &ADD_Y],
        check,
    };
}

static YES: Message = Message::new(
    "DP338.yes",
    "Use `dnf install -y`: the build cannot answer dnf's prompt",
    "请使用 `dnf install -y`：构建过程无法回答 dnf 的确认提示",
);
static ADD_Y: Message = Message::new("DP338.add_y", "Add `-y`", "加上 `-y`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            let dnf = util::is(&cmd, "dnf") || util::is(&cmd, "microdnf");
            if dnf
                && util::has_any_arg(&cmd, &["install", "groupinstall", "localinstall"])
                && !util::has_option(&cmd, &["y", "assumeyes"])
            {
                let sub = cmd.args().iter().find(|w| w.value.ends_with("install")).map_or(cmd.span, |w| w.span);
                let fix = Fix::safe(ADD_Y.msg(), vec![Edit::insert(sub.end, " -y")]);
                out.push(util::with_fix(&cmd, RULE.finding(cmd.span, YES.msg()), fix));
            }
        }
    }
}
