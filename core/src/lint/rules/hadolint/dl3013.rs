use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `pip install`.
    ///
    /// ## What it does
    /// Flags `pip install` of named packages without a version specifier
    /// (`flask` rather than `flask==3.0.3`). Requirements files (`-r`),
    /// constraints (`-c`), local paths, wheels, sdists and pinned VCS URLs
    /// are fine.
    ///
    /// ## Why
    /// Without a pin each build takes the newest release, so the image
    /// changes, and may break, without the Dockerfile changing.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN pip install --no-cache-dir flask
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    pub static RULE = Rule {
        code: "DP313",
        name: "pip-pin-versions",
        also: Some("DL3013"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP313.pin",
    "Pin the version of `{package}`: `pip install {package}==<version>`",
    "请固定 `{package}` 的版本：`pip install {package}==<版本>`",
);

// Options whose value is the next word (hadolint: DL3013.hs).
const WITH_VALUE: [&str; 26] = [
    "abi",
    "b",
    "build",
    "e",
    "editable",
    "extra-index-url",
    "f",
    "find-links",
    "i",
    "index-url",
    "implementation",
    "no-binary",
    "only-binary",
    "platform",
    "prefix",
    "progress-bar",
    "proxy",
    "python",
    "python-version",
    "root",
    "root-user-action",
    "src",
    "t",
    "target",
    "trusted-host",
    "upgrade-strategy",
];

const VCS: [&str; 5] = ["git+", "git:", "hg+", "svn+", "bzr+"];

fn pinned(p: &str) -> bool {
    let vcs = VCS.iter().any(|v| p.starts_with(v)) || p.starts_with("svn:");
    ["==", ">=", "<=", ">", "<", "!=", "~=", "==="].iter().any(|s| p.contains(s))
        || (vcs && p.contains('@'))
        || p.ends_with(".whl")
        || p.ends_with(".tar.gz")
        || (!vcs && p.contains('/'))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            // pipx installs applications from PyPI, which want pins as much.
            let pipx = util::is(&cmd, "pipx") && cmd.has_arg("install");
            if !(util::is_pip_install(&cmd) || pipx) {
                continue;
            }
            if util::has_option(&cmd, &["constraint", "c", "requirement", "r"]) || cmd.has_arg(".") {
                continue;
            }
            let ops = util::operands(&cmd, &WITH_VALUE);
            let after = ops.iter().position(|w| w.value == "install").map_or(0, |k| k + 1);
            if let Some(p) = ops[after..].iter().find(|w| w.value != "install" && !pinned(&w.value)) {
                out.push(RULE.finding(p.span, PIN.msg().arg("package", &p.value)));
            }
        }
    }
}
