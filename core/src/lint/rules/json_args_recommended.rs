use crate::lint::prelude::*;

declare_rule! {
    /// Use the JSON (exec) form for CMD and ENTRYPOINT.
    ///
    /// ## What it does
    /// Flags `CMD` and `ENTRYPOINT` written in shell form, unless the stage
    /// (or a stage it builds on) sets its own `SHELL`.
    ///
    /// ## Why
    /// The shell form runs the program as a child of `/bin/sh -c`, and the
    /// shell does not pass on signals: `docker stop` sends SIGTERM to the
    /// shell, the program never sees it, and it is killed after the grace
    /// period instead of shutting down cleanly.
    ///
    /// ## Example
    /// ```dockerfile
    /// CMD node server.js
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// CMD ["node", "server.js"]
    /// ```
    /// If you need shell features, say so: `CMD ["sh", "-c", "exec node server.js"]`.
    pub static RULE = Rule {
        code: "DP007",
        name: "JSONArgsRecommended",
        also: Some("BuildKit:JSONArgsRecommended"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&RECOMMENDED, &EXEC],
        check,
    };
}

static RECOMMENDED: Message = Message::new(
    "DP007.json",
    "JSON arguments recommended for {keyword} to prevent unintended behavior related to OS signals",
    "{keyword} 建议使用 JSON 数组格式，以免系统信号的处理出现意外",
);
static EXEC: Message = Message::new("DP007.exec", "Use the exec form", "改用 exec 格式");

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go dispatchCmd and
// dispatchEntrypoint warn on the shell form unless the image config has a
// custom Shell (moby/buildkit#4889).
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let mut has_shell = inherits_shell(ctx, stage);
        for instr in ctx.stage_instructions(stage) {
            match (&instr.keyword, &instr.args) {
                (Keyword::Shell, _) => has_shell = true,
                (Keyword::Cmd, Args::Cmd(CommandForm::Shell(cmd)))
                | (Keyword::Entrypoint, Args::Entrypoint(CommandForm::Shell(cmd)))
                    if !has_shell =>
                {
                    let name = instr.keyword.as_str();
                    let mut f = RULE.finding(ctx.first_line(instr), RECOMMENDED.msg().arg("keyword", name));
                    if let Some(json) = exec_form(cmd) {
                        let args = Span::new(instr.keyword_span.end, instr.span.end);
                        let args = Span::new(
                            args.start + (args.slice(ctx.text).len() - args.slice(ctx.text).trim_start().len()),
                            args.end,
                        );
                        // A continuation right after the keyword (`CMD\`) is what
                        // separates it from its arguments; the JSON replacing
                        // both needs a blank of its own.
                        let json = if args.start == instr.keyword_span.end { format!(" {json}") } else { json };
                        // Unsafe: the program becomes PID 1 without a shell.
                        f = f.with_fix(Fix::unsafe_(EXEC.msg(), vec![Edit::new(args, json)]));
                    }
                    out.push(f);
                }
                _ => {}
            }
        }
    }
}

/// Does a stage this one builds on set SHELL?
fn inherits_shell(ctx: &Context, stage: &Stage) -> bool {
    let mut seen = 0;
    let mut base = stage.base_stage;
    while let Some(b) = base {
        seen += 1;
        let Some(s) = ctx.dockerfile.stages.get(b) else { break };
        if seen > ctx.dockerfile.stages.len() {
            break;
        }
        if ctx.stage_instructions(s).any(|i| i.keyword == Keyword::Shell) {
            return true;
        }
        base = s.base_stage;
    }
    false
}

/// `["a", "b"]` for a command of plain words, where the exec form runs the
/// same program with the same arguments.
fn exec_form(cmd: &str) -> Option<String> {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let plain = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c));
    if words.is_empty() || !words.iter().all(|w| plain(w)) {
        return None;
    }
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    Some(format!("[{}]", quoted.join(", ")))
}
