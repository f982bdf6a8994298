use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `apk add`.
    ///
    /// ## What it does
    /// Flags packages in `apk add` without a version constraint
    /// (`curl` rather than `curl=8.5.0-r0` or `curl~8.5`), unless they are
    /// `.apk` files.
    ///
    /// ## Why
    /// Alpine's repositories move on; an unpinned package installs a
    /// different version on every rebuild.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apk add --no-cache curl=8.5.0-r0
    /// ```
    pub static RULE = Rule {
        code: "DP318",
        name: "apk-pin-versions",
        also: Some("DL3018"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP318.pin",
    "Pin the version of `{package}`: `apk add {package}=<version>`",
    "请固定 `{package}` 的版本：`apk add {package}=<版本>`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            // `-t NAME` / `--virtual NAME` name a virtual package, `-X URL` a repository.
            for p in util::packages(&cmd, &["apk"], &["add"], &["t", "virtual", "repository", "X"]) {
                let v = p.value.as_str();
                // Any version constraint counts, `>=` and `<` too (hadolint: DL3018.hs versionFixed).
                if !(v.contains(['=', '~', '>', '<']) || v.ends_with(".apk")) {
                    out.push(RULE.finding(p.span, PIN.msg().arg("package", v)));
                }
            }
        }
    }
}
