use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `npm install`.
    ///
    /// ## What it does
    /// Flags `npm install <package>` without a version or tag
    /// (`express` rather than `express@4.19.2`). Installing from
    /// `package.json` (no package names), local folders, tarballs and git
    /// URLs with a commit are fine.
    ///
    /// ## Why
    /// An unpinned package resolves to the newest release at build time,
    /// so rebuilding the same Dockerfile can change the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN npm install -g typescript
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN npm install -g typescript@5.4.5
    /// ```
    pub static RULE = Rule {
        code: "DP316",
        name: "npm-pin-versions",
        also: Some("DL3016"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP316.pin",
    "Pin the version of `{package}`: `npm install {package}@<version>`",
    "请固定 `{package}` 的版本：`npm install {package}@<版本>`",
);

fn pinned(p: &str) -> bool {
    if ["git://", "git+ssh://", "git+http://", "git+https://"].iter().any(|g| p.starts_with(g)) {
        return p.contains('#');
    }
    if [".tar", ".tar.gz", ".tgz"].iter().any(|s| p.ends_with(s))
        || ["/", "./", "../", "~/"].iter().any(|s| p.starts_with(s))
    {
        return true;
    }
    // `@scope/name@1.2`: the version follows the scope's slash.
    let name = if p.starts_with('@') { p.split_once('/').map_or(p, |(_, rest)| rest) } else { p };
    name.contains('@')
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if !util::is(&cmd, "npm") {
                continue;
            }
            // Options whose value is the next word (hadolint: DL3016.hs ignoreFlags).
            let ops = util::operands(&cmd, &["loglevel", "registry"]);
            // hadolint only reads `npm install ...` with install first.
            if ops.first().map(|w| w.value.as_str()) != Some("install") {
                continue;
            }
            if let Some(p) = ops[1..].iter().find(|w| w.value != "install" && !pinned(&w.value)) {
                out.push(RULE.finding(p.span, PIN.msg().arg("package", &p.value)));
            }
        }
    }
}
