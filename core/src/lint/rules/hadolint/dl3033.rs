use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `yum install`.
    ///
    /// ## What it does
    /// Flags packages in `yum install` without a version (`httpd` rather
    /// than `httpd-2.4.6`; a dash alone is not a version, as in
    /// `php-mysql`), unless they are `.rpm` files; and modules in
    /// `yum module install` without a stream (`nodejs:20`).
    ///
    /// ## Why
    /// An unpinned package installs whatever the repository has on the day
    /// of the build; rebuilds drift.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN yum install -y httpd && yum clean all
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN yum install -y httpd-2.4.6 && yum clean all
    /// ```
    pub static RULE = Rule {
        code: "DP333",
        name: "yum-pin-versions",
        also: Some("DL3033"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP333.pin",
    "Pin the version of `{package}`: `yum install {package}-<version>`",
    "请固定 `{package}` 的版本：`yum install {package}-<版本>`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            let module = cmd.has_arg("module");
            for p in util::packages(&cmd, &["yum"], &["install"], &[]) {
                let v = p.value.as_str();
                let pinned = if module {
                    v.contains(':')
                } else {
                    util::rpm_versioned(v) || util::version_in_variable(ctx, &r, v)
                };
                if v != "module" && !pinned {
                    out.push(RULE.finding(p.span, PIN.msg().arg("package", v)));
                }
            }
        }
    }
}
