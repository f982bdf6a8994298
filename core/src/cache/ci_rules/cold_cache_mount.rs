use super::{ci_fix, duration, finding, with_option, CiContext, CiFinding, SLOW_SECONDS};
use crate::cache::ci::{Kind, Mode};
use crate::lint::prelude::*;

declare_rule! {
    /// A cache mount is the only cache of a slow step on a fresh runner.
    ///
    /// ## What it does
    /// Flags a `RUN --mount=type=cache` step of 10 seconds or more (by the
    /// cache model's step estimates) in a CI build on a fresh runner, when
    /// no `--cache-to` of the build keeps the step's result: there is no
    /// export, or it is `mode=min` (or inline) and the step is not a layer
    /// of the final image.
    ///
    /// ## Why
    /// A cache mount belongs to the builder that ran it: no cache exporter
    /// writes it (BuildKit exports cache records and layers, never mount
    /// snapshots), so a fresh runner starts with it empty. When nothing
    /// else keeps the step's result either, the step runs on every build
    /// with a cold mount, downloading and compiling everything: the mount
    /// that saves minutes on a laptop saves nothing in CI.
    ///
    /// ## Example
    /// ```dockerfile
    /// # runner: fresh, no cache_to
    /// FROM node:20 AS deps
    /// COPY package.json package-lock.json ./
    /// RUN --mount=type=cache,target=/root/.npm npm ci
    /// ```
    ///
    /// ## Fix
    /// Export the step's result with `mode=max` (`--cache-to
    /// type=gha,mode=max` or a registry cache), so that builds whose
    /// dependencies did not change skip the step. When they do change, the
    /// mount is still cold on a fresh runner: keep it on a persistent
    /// runner, or move the mount's directory in and out of the CI cache
    /// with an action made for it (such as
    /// `reproducible-containers/buildkit-cache-dance`).
    pub static RULE = Rule {
        code: "DP502",
        name: "cache-mount-cold-in-ci",
        also: None,
        severity: Severity::Warning,
        category: Category::Cache,
        messages: &[&COLD, &NO_EXPORT, &MIN_LEAVES, &FIX_MAX, &FIX_EXPORT],
        check: super::needs_ci,
    };
}

static COLD: Message = Message::new("DP502.cold", "on a fresh runner the cache mount at {targets} starts empty (cache mounts never travel with an exported cache), and {why}, so this step ({duration}) runs in full on every build", "在全新的 runner 上，{targets} 处的缓存挂载是空的（缓存挂载不会随导出的缓存一起带走），而且{why}，所以这一步（{duration}）每次构建都要完整运行");
static NO_EXPORT: Message = Message::new("DP502.no_export", "no cache is exported", "没有导出任何缓存");
static MIN_LEAVES: Message = Message::new(
    "DP502.min_leaves_stage",
    "mode=min leaves stage `{stage}` out of the exported cache",
    "mode=min 导出的缓存不包含构建阶段 `{stage}`",
);
static FIX_MAX: Message = Message::new(
    "DP502.fix_mode_max",
    "export with mode=max, which keeps this step's result",
    "改用 mode=max 导出，保留这一步的结果",
);
static FIX_EXPORT: Message = Message::new(
    "DP502.fix_export",
    "export a cache with mode=max, which keeps this step's result (and import it)",
    "用 mode=max 导出缓存以保留这一步的结果（并导入它）",
);

pub fn check_ci(cx: &CiContext, out: &mut Vec<CiFinding>) {
    for b in cx.builds.iter().filter(|b| b.fresh()) {
        for stage in (0..b.df.stages.len()).filter(|&s| b.built[s]) {
            if b.exports_stage(stage) {
                continue;
            }
            for instr in b.work_steps(stage) {
                let Args::Run(run) = &instr.args else { continue };
                let targets: Vec<&str> = run
                    .mounts
                    .iter()
                    .filter(|m| m.kind == MountType::Cache)
                    .map(|m| m.target.as_deref().unwrap_or("?"))
                    .collect();
                let seconds = b.seconds(instr);
                if targets.is_empty() || seconds < SLOW_SECONDS {
                    continue;
                }
                let why = if b.exports.is_empty() {
                    NO_EXPORT.msg()
                } else {
                    MIN_LEAVES.msg().arg("stage", b.stage_name(stage))
                };
                let message = COLD
                    .msg()
                    .arg("targets", targets.join(", "))
                    .arg_msg("why", why)
                    .arg_msg("duration", duration(seconds));
                let fix = match b.exports.first() {
                    Some((j, spec)) if spec.kind != Kind::Inline && spec.mode == Mode::Min => ci_fix(
                        FIX_MAX.msg(),
                        b.index,
                        format!("cache_to[{j}]"),
                        with_option(b.ci.cache_to.get(*j).map_or("", String::as_str), "mode", "max"),
                    ),
                    _ => ci_fix(
                        FIX_EXPORT.msg(),
                        b.index,
                        "cache_to",
                        format!("type=registry,ref={}:buildcache,mode=max", b.repository()),
                    ),
                };
                let mut f = finding(&RULE, b.index, b.first_line(instr), message);
                f.ci_fix = Some(fix);
                out.push(f);
            }
        }
    }
}
