use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use the `-y` switch with `yum install`.
    ///
    /// ## What it does
    /// Flags `yum install`, `groupinstall` and `localinstall` without `-y`
    /// (`--assumeyes`).
    ///
    /// ## Why
    /// yum asks for confirmation; a build cannot answer, and the step
    /// fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN yum install httpd
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN yum install -y httpd
    /// ```
    pub static RULE = Rule {
        code: "DP330",
        name: "yum-yes",
        also: Some("DL3030"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&YES, &ADD_Y],
        check,
    };
}

static YES: Message = Message::new(
    "DP330.yes",
    "Use `yum install -y`: the build cannot answer yum's prompt",
    "请使用 `yum install -y`：构建过程无法回答 yum 的确认提示",
);
static ADD_Y: Message = Message::new("DP330.add_y", "Add `-y`", "加上 `-y`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if util::is(&cmd, "yum")
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
