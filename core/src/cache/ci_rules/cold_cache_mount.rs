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
        check: super::needs_ci,
    };
}

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
                    "no cache is exported".to_string()
                } else {
                    format!("mode=min leaves stage `{}` out of the exported cache", b.stage_name(stage))
                };
                let message = format!(
                    "on a fresh runner the cache mount at {} starts empty (cache mounts never travel with an exported \
                     cache), and {why}, so this step ({}) runs in full on every build",
                    targets.join(", "),
                    duration(seconds),
                );
                let fix = match b.exports.first() {
                    Some((j, spec)) if spec.kind != Kind::Inline && spec.mode == Mode::Min => ci_fix(
                        "export with mode=max, which keeps this step's result",
                        b.index,
                        format!("cache_to[{j}]"),
                        with_option(b.ci.cache_to.get(*j).map_or("", String::as_str), "mode", "max"),
                    ),
                    _ => ci_fix(
                        "export a cache with mode=max, which keeps this step's result (and import it)",
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
