use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use SHELL to change the default shell.
    ///
    /// ## What it does
    /// Flags `ln` that replaces `/bin/sh` with a link.
    ///
    /// ## Why
    /// Relinking `/bin/sh` changes the shell of every script in the image,
    /// the distribution's own included, behind their back. The `SHELL`
    /// instruction changes only the shell of the Dockerfile's own
    /// instructions.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN ln -sf /bin/bash /bin/sh
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// SHELL ["/bin/bash", "-c"]
    /// ```
    pub static RULE = Rule {
        code: "DP405",
        name: "ln-bin-sh",
        also: Some("DL4005"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&SHELL],
        check,
    };
}

static SHELL: Message = Message::new(
    "DP405.shell",
    "Use the SHELL instruction instead of relinking /bin/sh",
    "请使用 SHELL 指令，而不是重新链接 /bin/sh",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if util::is(&cmd, "ln") && cmd.has_arg("/bin/sh") {
                out.push(RULE.finding(cmd.span, SHELL.msg()));
            }
        }
    }
}
