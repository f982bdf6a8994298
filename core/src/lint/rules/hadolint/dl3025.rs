use crate::lint::prelude::*;

declare_rule! {
    /// Use the JSON form for CMD, ENTRYPOINT and HEALTHCHECK commands.
    ///
    /// ## What it does
    /// Flags `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written in shell
    /// form (`CMD npm start`) rather than as a JSON array.
    /// Where BuildKit's `JSONArgsRecommended` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// The shell form runs the command under `/bin/sh -c`, so the shell,
    /// not the program, is PID 1: `docker stop`'s SIGTERM never reaches the
    /// program, which is killed after the timeout. An `ENTRYPOINT` in shell
    /// form also ignores the `CMD` arguments.
    ///
    /// ## Example
    /// ```dockerfile
    /// CMD npm start
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// CMD ["npm", "start"]
    /// ```
    pub static RULE = Rule {
        code: "DP325",
        name: "json-args",
        also: Some("DL3025"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&HEALTHCHECK, &SIGNALS, &JSON],
        check,
    };
}

static HEALTHCHECK: Message = Message::new(
    "DP325.healthcheck",
    "Use the JSON form for HEALTHCHECK CMD: it runs without a shell in between",
    "HEALTHCHECK CMD 请使用 JSON 格式：这样它不经过 shell 直接运行",
);
static SIGNALS: Message = Message::new(
    "DP325.signals",
    "Use the JSON form for {keyword} so that signals reach the program",
    "{keyword} 请使用 JSON 格式，让信号能直接送达程序",
);
static JSON: Message = Message::new("DP325.json", "Rewrite as a JSON array", "改写为 JSON 数组");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::json_args_recommended::RULE);
    for instr in ctx.instructions() {
        let instr = match &instr.args {
            Args::Onbuild(inner) => inner.as_ref(),
            _ => instr,
        };
        let shell = match &instr.args {
            Args::Cmd(CommandForm::Shell(s)) | Args::Entrypoint(CommandForm::Shell(s)) => s,
            Args::Healthcheck(HealthcheckArgs { command: Some(CommandForm::Shell(s)), .. }) => s,
            _ => continue,
        };
        let message = match instr.keyword {
            Keyword::Healthcheck => HEALTHCHECK.msg(),
            k => SIGNALS.msg().arg("keyword", k.as_str()),
        };
        let mut finding = RULE.finding(ctx.first_line(instr), message);
        if let Some(fix) = json_fix(ctx, instr, shell) {
            finding = finding.with_fix(fix);
        }
        if !twin.covers(instr.span) {
            out.push(finding);
        }
    }
}

/// `CMD a b` becomes `CMD ["a", "b"]` when the words are plain: no
/// variables, quotes, operators or globs that the shell would have handled.
/// Not for `HEALTHCHECK`, whose options precede the command.
fn json_fix(ctx: &Context, instr: &Instruction, shell: &str) -> Option<Fix> {
    if instr.keyword == Keyword::Healthcheck || shell.contains('\n') {
        return None;
    }
    let special = |c: char| "$`\"'\\|&;<>()*?[]{}~#=!".contains(c);
    if shell.chars().any(special) {
        return None;
    }
    let words: Vec<String> = shell.split_whitespace().map(|w| format!("\"{w}\"")).collect();
    if words.is_empty() {
        return None;
    }
    let text = instr.span.slice(ctx.text);
    let at = text.find(shell)?;
    let span = Span::new(instr.span.start + at, instr.span.start + at + shell.len());
    Some(Fix::unsafe_(JSON.msg(), vec![Edit::new(span, format!("[{}]", words.join(", ")))]))
}
