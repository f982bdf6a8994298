use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Give `wget` a quieter progress display.
    ///
    /// ## What it does
    /// Flags `wget` without `--progress`, `-q` (`--quiet`), `-nv`
    /// (`--no-verbose`), or a log file (`-o`, `-a`).
    ///
    /// ## Why
    /// wget's default progress bar prints a line per update when there is
    /// no terminal, so a large download fills the build log with
    /// thousands of lines.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN wget https://example.com/tool.tar.gz
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN wget --progress=dot:giga https://example.com/tool.tar.gz
    /// ```
    pub static RULE = Rule {
        code: "DP347",
        name: "wget-progress",
        also: Some("DL3047"),
        severity: Severity::Info,
        category: Category::Maintainability,
        messages: &[&PROGRESS, &ADD_FLAG],
        check,
    };
}

static PROGRESS: Message = Message::new(
    "DP347.progress",
    "Use `wget --progress=dot:giga` (or `-q`) to keep the build log short",
    "请使用 `wget --progress=dot:giga`（或 `-q`），让构建日志保持简短",
);
static ADD_FLAG: Message = Message::new("DP347.add_flag", "Add `--progress=dot:giga`", "加上 `--progress=dot:giga`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if !util::is(&cmd, "wget") {
                continue;
            }
            let quiet = util::has_option(
                &cmd,
                &["progress", "q", "quiet", "o", "output-file", "a", "append-output", "no-verbose"],
            ) || cmd.has_arg("-nv");
            if !quiet {
                let program = util::program_span(&cmd);
                let fix = Fix::safe(ADD_FLAG.msg(), vec![Edit::insert(program.end, " --progress=dot:giga")]);
                out.push(util::with_fix(&cmd, RULE.finding(cmd.span, PROGRESS.msg()), fix));
            }
        }
    }
}
