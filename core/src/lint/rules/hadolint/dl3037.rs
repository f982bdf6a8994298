use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `zypper install`.
    ///
    /// ## What it does
    /// Flags packages in `zypper install` without a version constraint
    /// (`curl` rather than `curl=8.6.0` or `curl>=8`), unless they are
    /// `.rpm` files.
    ///
    /// ## Why
    /// An unpinned package installs whatever the repository has on the day
    /// of the build; rebuilds drift.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN zypper install -y curl && zypper clean
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN zypper install -y curl=8.6.0 && zypper clean
    /// ```
    pub static RULE = Rule {
        code: "DP337",
        name: "zypper-pin-versions",
        also: Some("DL3037"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP337.pin",
    "Pin the version of `{package}`: `zypper install {package}=<version>`",
    "请固定 `{package}` 的版本：`zypper install {package}=<版本>`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            for p in util::packages(&cmd, &["zypper"], &["install", "in"], &[]) {
                let v = p.value.as_str();
                if !(v.contains(['=', '>', '<']) || v.ends_with(".rpm")) {
                    out.push(RULE.finding(p.span, PIN.msg().arg("package", v)));
                }
            }
        }
    }
}
