use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `apt-get install`.
    ///
    /// ## What it does
    /// Flags packages in `apt-get install` given without a version
    /// (`curl` rather than `curl=7.88.1-10+deb12u8`), a release
    /// (`curl/bookworm-backports`) or a `.deb` file.
    ///
    /// ## Why
    /// An unpinned install takes whatever the archive has on the day of the
    /// build: two builds of the same Dockerfile can differ, and a rebuild
    /// for an unrelated change can pull in a breaking upgrade.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    /// ```
    pub static RULE = Rule {
        code: "DP308",
        name: "apt-get-pin-versions",
        also: Some("DL3008"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP308.pin",
    "Pin the version of `{package}`: `apt-get install {package}=<version>`",
    "请固定 `{package}` 的版本：`apt-get install {package}=<版本>`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            // `-t release` names a release, not a package (hadolint: DL3008.hs).
            for p in util::packages(&cmd, &["apt-get"], &["install"], &["t", "target-release", "o", "c"]) {
                let v = p.value.as_str();
                if !(v.contains('=') || v.contains('/') || v.ends_with(".deb")) {
                    out.push(RULE.finding(p.span, PIN.msg().arg("package", v)));
                }
            }
        }
    }
}
