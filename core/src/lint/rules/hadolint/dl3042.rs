use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use `pip install --no-cache-dir`.
    ///
    /// ## What it does
    /// Flags `pip install` without `--no-cache-dir`, unless the stage sets
    /// `PIP_NO_CACHE_DIR` to a true value, or a cache or tmpfs mount of the RUN holds
    /// pip's cache (`--mount=type=cache,target=/root/.cache/pip`), in which
    /// case the cache is wanted and never reaches the layer.
    ///
    /// ## Why
    /// pip keeps every downloaded wheel in `~/.cache/pip`; in an image that
    /// is dead weight, often as large as the installed packages.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN pip install -r requirements.txt
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    /// or, to keep the cache between builds:
    /// ```dockerfile
    /// RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
    /// ```
    pub static RULE = Rule {
        code: "DP342",
        name: "pip-no-cache-dir",
        also: Some("DL3042"),
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&NO_CACHE],
        check,
    };
}

static NO_CACHE: Message = Message::new(
    "DP342.no_cache_dir",
    "Use `pip install --no-cache-dir`, or a cache mount, to keep pip's cache out of the layer",
    "请使用 `pip install --no-cache-dir` 或缓存挂载，不让 pip 的缓存留在层里",
);

const TRUTHY: [&str; 10] = ["1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"];

/// Does an `ENV PIP_NO_CACHE_DIR=<true>` before `run` in its stage (or a
/// stage it is built from) turn the cache off?
fn env_disables_cache(ctx: &Context, run: &Instruction) -> bool {
    let truthy = |instr: &Instruction| match &instr.args {
        Args::Env { pairs, .. } => {
            pairs.iter().any(|p| p.key == "PIP_NO_CACHE_DIR" && TRUTHY.contains(&util::drop_quotes(&p.value)))
        }
        _ => false,
    };
    // A file without FROM (which BuildKit rejects) still reads in order.
    if run.stage.is_none() {
        return ctx.dockerfile.instructions.iter().take_while(|i| i.span.start < run.span.start).any(|i| truthy(i));
    }
    let mut stage = run.stage;
    while let Some(s) = stage.and_then(|i| ctx.dockerfile.stages.get(i)) {
        for instr in ctx.stage_instructions(s) {
            if instr.span.start >= run.span.start {
                break;
            }
            if let Args::Env { pairs, .. } = &instr.args {
                if pairs.iter().any(|p| p.key == "PIP_NO_CACHE_DIR" && TRUTHY.contains(&util::drop_quotes(&p.value))) {
                    return true;
                }
            }
        }
        stage = s.base_stage;
    }
    false
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        let cached = ["/root/.cache/pip", "/root/.cache"].iter().any(|d| util::cache_mount_covers(r.run, d))
            || matches!(&r.run.args, Args::Run(a) if a.mounts.iter().any(|m| matches!(m.kind, MountType::Cache | MountType::Tmpfs) && m.target.as_deref().is_some_and(|t| t.contains(".cache/pip"))));
        if cached || env_disables_cache(ctx, r.run) {
            continue;
        }
        // `PIP_NO_CACHE_DIR=1 pip install` or `export PIP_NO_CACHE_DIR=on`:
        // a truthy value turns the cache off, a falsy one does not
        // (hadolint: src/Hadolint/Rule/DL3042.hs, the text after `=`).
        let inline_env = r.run.command.split("PIP_NO_CACHE_DIR=").skip(1).any(|rest| {
            let value = rest.split(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|')).next().unwrap_or("");
            TRUTHY.contains(&util::drop_quotes(value))
        });
        for cmd in util::commands(ctx, r.run) {
            if util::is_pip_install(&cmd) && !util::has_option(&cmd, &["no-cache-dir"]) && !inline_env {
                out.push(RULE.finding(cmd.span, NO_CACHE.msg()));
            }
        }
    }
}
