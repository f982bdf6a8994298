use crate::lint::prelude::*;

declare_rule! {
    /// Do not use `sudo` in RUN.
    ///
    /// ## What it does
    /// Flags `sudo` in RUN commands, heredoc scripts included.
    ///
    /// ## Why
    /// RUN already executes as the current `USER`; `sudo` adds a package, a
    /// setuid binary and TTY/password behaviour that differs between base
    /// images. To run something as root, switch with `USER root` for those
    /// steps and back afterwards (or use `gosu`/`su-exec` at run time).
    ///
    /// ## Example
    /// ```dockerfile
    /// USER app
    /// RUN sudo apt-get update
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// USER root
    /// RUN apt-get update
    /// USER app
    /// ```
    pub static RULE = Rule {
        code: "DP207",
        name: "sudo",
        also: Some("DL3004"),
        severity: Severity::Error,
        category: Category::Security,
        messages: &[&SUDO, &REMOVE],
        check,
    };
}

static SUDO: Message = Message::new(
    "DP207.sudo",
    "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root",
    "不要使用 sudo，它的行为难以预料。需要 root 权限时请用 gosu 之类的工具",
);
static REMOVE: Message = Message::new("DP207.remove", "Remove sudo", "删除 sudo");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // The RUNs of the file and those ONBUILD will run, as hadolint's DL3004.
    let runs = ctx.instructions().filter_map(|i| match &i.args {
        Args::Onbuild(inner) if inner.keyword == Keyword::Run => Some(&**inner),
        _ if i.keyword == Keyword::Run => Some(i),
        _ => None,
    });
    for instr in runs {
        for c in ctx.commands(instr) {
            if c.program() != Some("sudo") {
                continue;
            }
            let mut f = RULE.finding(c.words[0].span, SUDO.msg());
            // Removing `sudo` (and its options) keeps the command; whether
            // it then has the rights it needs depends on USER, so unsafe.
            let mut k = 1;
            while c.words.get(k).is_some_and(|w| w.value.starts_with('-')) {
                let takes_value =
                    matches!(c.words[k].value.as_str(), "-u" | "-g" | "-C" | "-D" | "-h" | "-p" | "-r" | "-t" | "-U");
                k += if takes_value { 2 } else { 1 };
            }
            if let Some(first) = c.words.get(k) {
                if !c.words[0].span.is_empty() && first.span.start > c.words[0].span.start {
                    f = f.with_fix(Fix::unsafe_(
                        REMOVE.msg(),
                        vec![Edit::delete(Span::new(c.words[0].span.start, first.span.start))],
                    ));
                }
            }
            out.push(f);
        }
    }
}
