use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `gem install`.
    ///
    /// ## What it does
    /// Flags `gem install <gem>` without a version (`rails:7.1.3`, or
    /// `-v`/`--version`).
    ///
    /// ## Why
    /// An unpinned gem resolves to the newest release at build time, so
    /// rebuilding the same Dockerfile can change, or break, the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN gem install bundler
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN gem install bundler:2.5.11
    /// ```
    pub static RULE = Rule {
        code: "DP328",
        name: "gem-pin-versions",
        also: Some("DL3028"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP328.pin",
    "Pin the version of `{package}`: `gem install {package}:<version>`",
    "请固定 `{package}` 的版本：`gem install {package}:<版本>`",
);

/// The gems of `gem install`: the words up to `--` (after it come the
/// build options), where every option takes the next word as its value
/// (hadolint: src/Hadolint/Rule/DL3028.hs removeOptions).
fn gems(cmd: &ShellCommand) -> Vec<&ShellWord> {
    if !util::has_any_arg(cmd, &["install", "i"]) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut words = cmd.args().iter().take_while(|w| w.value != "--");
    while let Some(w) = words.next() {
        if w.value.starts_with('-') {
            words.next();
        } else if !["install", "i"].contains(&w.value.as_str()) {
            out.push(w);
        }
    }
    out
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if !util::is(&cmd, "gem") || util::has_option(&cmd, &["version"]) || cmd.has_arg("-v") {
                continue;
            }
            for g in gems(&cmd) {
                if !g.value.contains(':') {
                    out.push(RULE.finding(g.span, PIN.msg().arg("package", &g.value)));
                }
            }
        }
    }
}
