use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `dnf install`.
    ///
    /// ## What it does
    /// Flags packages in `dnf install` (or `microdnf install`) without a
    /// version (`gcc` rather than `gcc-13.2.1`), unless they are `.rpm`
    /// files; and modules in `dnf module install` without a stream
    /// (`nodejs:20`).
    ///
    /// ## Why
    /// An unpinned package installs whatever the repository has on the day
    /// of the build; rebuilds drift.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN dnf install -y gcc && dnf clean all
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN dnf install -y gcc-13.2.1 && dnf clean all
    /// ```
    pub static RULE = Rule {
        code: "DP341",
        name: "dnf-pin-versions",
        also: Some("DL3041"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP341.pin",
    "Pin the version of `{package}`: `dnf install {package}-<version>`",
    "请固定 `{package}` 的版本：`dnf install {package}-<版本>`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if cmd.has_arg("group") {
                continue;
            }
            let module = cmd.has_arg("module");
            for p in util::packages(&cmd, &["dnf", "microdnf"], &["install"], &[]) {
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
