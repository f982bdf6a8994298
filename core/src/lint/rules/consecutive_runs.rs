use crate::lint::pkg::{self, Tool};
use crate::lint::prelude::*;

declare_rule! {
    /// Consecutive RUNs that drive the same package manager belong together.
    ///
    /// ## What it does
    /// Flags a run of back-to-back RUN instructions where each one updates
    /// or installs with the same system package manager (`apt-get update`
    /// then `apt-get install`, several `apk add`s).
    ///
    /// ## Why
    /// Each RUN is a layer and a cache entry. `RUN apt-get update` on its own
    /// is cached forever, so a later edit to the install line reuses a
    /// stale package index and fails or installs old versions. Separate
    /// installs also keep one copy of the package index per layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update
    /// RUN apt-get install -y curl
    /// RUN apt-get install -y git
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && \
    ///     apt-get install -y curl && \
    ///     apt-get install -y git
    /// ```
    pub static RULE = Rule {
        code: "DP203",
        name: "consecutive-package-runs",
        also: None,
        severity: Severity::Info,
        category: Category::Cache,
        messages: &[&CONSECUTIVE, &JOIN],
        check,
    };
}

static CONSECUTIVE: Message = Message::new("DP203.consecutive", "{count} consecutive RUNs (lines {first}-{last}) all use {tool}: join them into one RUN so the package index and the installs are cached together", "连续 {count} 条 RUN（第 {first}-{last} 行）都在用 {tool}：请合并成一条 RUN，让软件包索引和安装结果一起缓存");
static JOIN: Message = Message::new("DP203.join", "Join into one RUN", "合并成一条 RUN");

/// The system package manager a RUN drives, if every command is one of its
/// updates or installs (or a clean-up).
fn package_run(ctx: &Context, instr: &Instruction) -> Option<Tool> {
    let Args::Run(run) = &instr.args else { return None };
    if !matches!(run.command, CommandForm::Shell(_)) || !instr.heredocs.is_empty() {
        return None;
    }
    let cmds = ctx.commands(instr);
    let mut tool = None;
    for c in cmds {
        let t = pkg::install(c).map(|i| i.tool).or_else(|| pkg::index_update(c)).or_else(|| pkg::cache_cleanup(c));
        match (t, tool) {
            (Some(t), None) if t.is_system() => tool = Some(t),
            (Some(t), Some(prev)) if t == prev => {}
            _ => return None,
        }
    }
    tool
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let instrs: Vec<&Instruction> = ctx.stage_instructions(stage).collect();
        let mut i = 0;
        while i < instrs.len() {
            let Some(tool) = package_run(ctx, instrs[i]) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            // RUNs with flags (mounts, network) cannot simply be merged.
            while j < instrs.len()
                && instrs[i].flags.is_empty()
                && instrs[j].flags.is_empty()
                && package_run(ctx, instrs[j]) == Some(tool)
            {
                j += 1;
            }
            if j - i >= 2 {
                let group = &instrs[i..j];
                let first = group[0];
                let last = group[group.len() - 1];
                let span = Span::new(first.span.start, last.span.end);
                // Joining keeps each command and the order; `&&` stops at
                // the first failure, as separate RUNs do.
                let joined: Vec<&str> = group.iter().map(|r| r.command.trim()).collect();
                let separator = format!(" && {}\n    ", ctx.dockerfile.escape);
                let text = format!("{} {}", first.keyword_text, joined.join(&separator));
                out.push(
                    RULE.finding(
                        span,
                        CONSECUTIVE
                            .msg()
                            .arg("count", group.len())
                            .arg("first", first.line)
                            .arg("last", last.end_line)
                            .arg("tool", tool.as_str()),
                    )
                    .with_fix(Fix::safe(JOIN.msg(), vec![Edit::new(span, text)])),
                );
            }
            i = j.max(i + 1);
        }
    }
}
