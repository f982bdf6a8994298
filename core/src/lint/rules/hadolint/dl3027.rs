use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use `apt-get` or `apt-cache` rather than `apt`.
    ///
    /// ## What it does
    /// Flags RUN commands that call `apt`.
    ///
    /// ## Why
    /// `apt` is the interactive front end: its output and options may
    /// change between releases and it warns that it "does not have a
    /// stable CLI interface". `apt-get` and `apt-cache` are meant for
    /// scripts.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt update && apt install -y curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y curl
    /// ```
    pub static RULE = Rule {
        code: "DP327",
        name: "apt-instead-of-apt-get",
        also: Some("DL3027"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&APT, &REPLACE],
        check,
    };
}

static APT: Message = Message::new(
    "DP327.apt",
    "Use `apt-get` or `apt-cache` instead of `apt` in scripts",
    "脚本中请使用 `apt-get` 或 `apt-cache`，而不是 `apt`",
);
static REPLACE: Message = Message::new("DP327.replace", "Replace `apt` with `apt-get`", "把 `apt` 换成 `apt-get`");

/// Subcommands that `apt-get` has with the same meaning.
const SAME_IN_APT_GET: [&str; 9] =
    ["install", "remove", "purge", "update", "upgrade", "full-upgrade", "autoremove", "clean", "autoclean"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if cmd.program() != Some("apt") {
                continue;
            }
            let program = util::program_span(&cmd);
            let mut finding = RULE.finding(program, APT.msg());
            // The program is written `apt` (not a path) and the subcommand
            // means the same to apt-get: replace the word.
            if cmd.words[0].value == "apt" && program.slice(ctx.text) == "apt" {
                if let Some(sub) = cmd.subcommand().filter(|s| SAME_IN_APT_GET.contains(s)) {
                    let sub = if sub == "full-upgrade" { "dist-upgrade" } else { sub };
                    let mut edits = vec![Edit::new(program, "apt-get")];
                    if cmd.subcommand() == Some("full-upgrade") {
                        if let Some(w) = cmd.args().iter().find(|w| w.value == "full-upgrade") {
                            edits.push(Edit::new(w.span, sub));
                        }
                    }
                    finding = finding.with_fix(Fix::safe(REPLACE.msg(), edits));
                }
            }
            out.push(finding);
        }
    }
}
