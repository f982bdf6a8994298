use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Do not use `zypper dist-upgrade`.
    ///
    /// ## What it does
    /// Flags `zypper dist-upgrade` (`zypper dup`).
    ///
    /// ## Why
    /// A distribution upgrade inside an image swaps the base's packages
    /// for newer, possibly incompatible ones, and makes the image differ
    /// from the base it names. Use a newer base image instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.5
    /// RUN zypper dist-upgrade -y
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// ```
    pub static RULE = Rule {
        code: "DP335",
        name: "zypper-dist-upgrade",
        also: Some("DL3035"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&DIST_UPGRADE],
        check,
    };
}

static DIST_UPGRADE: Message = Message::new(
    "DP335.dist_upgrade",
    "Do not run `zypper dist-upgrade` in an image; use a newer base",
    "不要在镜像中运行 `zypper dist-upgrade`，请改用更新的基础镜像",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if util::is(&cmd, "zypper") && util::has_any_arg(&cmd, &["dist-upgrade", "dup"]) {
                out.push(RULE.finding(cmd.span, DIST_UPGRADE.msg()));
            }
        }
    }
}
