use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Set `-o pipefail` before a RUN with a pipe.
    ///
    /// ## What it does
    /// Flags a RUN with a pipe (`a | b`) in a stage whose `SHELL` does not
    /// set `-o pipefail` (and is not a non-POSIX shell such as PowerShell).
    ///
    /// ## Why
    /// A pipeline's status is that of its last command: in
    /// `curl -fsSL $URL | tar -xz` a failed download is hidden when `tar`
    /// succeeds on empty input, and the build goes on with a broken step.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN curl -fsSL https://example.com/install.sh | bash
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// RUN curl -fsSL https://example.com/install.sh | bash
    /// ```
    pub static RULE = Rule {
        code: "DP406",
        name: "pipefail",
        also: Some("DL4006"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&PIPEFAIL],
        check,
    };
}

static PIPEFAIL: Message = Message::new(
    "DP406.pipefail",
    "Set `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before a RUN with a pipe",
    "在含管道的 RUN 之前设置 `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`",
);

/// After this SHELL, are pipe failures caught (or is it not a POSIX shell)?
fn shell_is_safe(argv: &[String]) -> bool {
    let program =
        argv.first().map(|p| p.rsplit(['/', '\\']).next().unwrap_or(p).to_ascii_lowercase()).unwrap_or_default();
    if ["pwsh", "powershell", "cmd"].iter().any(|s| program.starts_with(s)) {
        return true;
    }
    let posix = ["bash", "zsh", "ash", "ksh", "mksh"].iter().any(|s| program == *s || program == format!("{s}.exe"));
    // `-o pipefail`, also with other options in the same word (`-eo pipefail`).
    let option_o = |a: &str| a.strip_prefix('-').is_some_and(|f| !f.starts_with('-') && f.ends_with('o'));
    posix && (argv.windows(2).any(|w| option_o(&w[0]) && w[1] == "pipefail") || argv.iter().any(|a| a == "-opipefail"))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let mut safe = false;
        for instr in ctx.stage_instructions(stage) {
            match &instr.args {
                Args::Shell(argv) => safe = shell_is_safe(argv),
                // The exec form only has pipes when it runs `sh -c "..."`.
                Args::Run(_) if !safe => {
                    let cmds = util::commands(ctx, instr);
                    if let Some(c) = cmds.iter().find(|c| c.next == Some(Connector::Pipe)) {
                        out.push(RULE.finding(c.span, PIPEFAIL.msg()));
                    }
                }
                _ => {}
            }
        }
    }
}
