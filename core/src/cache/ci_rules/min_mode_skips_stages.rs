use super::{ci_fix, duration, finding, names, with_option, CiContext, CiFinding, SLOW_SECONDS};
use crate::cache::ci::{Kind, Mode};
use crate::lint::prelude::*;

declare_rule! {
    /// A `mode=min` cache export leaves out the expensive earlier stages.
    ///
    /// ## What it does
    /// Flags a CI build that exports its cache only in `mode=min` (the
    /// default of `type=registry`, `type=gha`, `type=local` and the others)
    /// or as an inline cache (which is always min), when the stages the
    /// target needs but is not built `FROM` take 10 seconds or more by the
    /// cache model's step estimates. It stays quiet when every build runs
    /// on one persistent runner, whose own cache keeps those stages.
    ///
    /// ## Why
    /// `mode=min` exports the results of the final image's layers only
    /// (BuildKit, solver/exporter.go: once a record has layers, the rest of
    /// the walk keeps keys without results). The builder stages of a
    /// multi-stage build, where dependencies are installed and code is
    /// compiled, are not layers of the image, so a fresh CI runner that
    /// imports the cache finds their keys but not their results and runs
    /// them again on every build: the cache saves the cheap final stage and
    /// none of the expensive ones.
    ///
    /// ## Example
    /// ```dockerfile
    /// # cache_to: type=registry,ref=ghcr.io/o/app:cache (mode=min)
    /// FROM golang:1.22 AS build
    /// COPY go.mod go.sum ./
    /// RUN go mod download
    /// COPY . .
    /// RUN go build -o /app
    /// FROM gcr.io/distroless/static
    /// COPY --from=build /app /app
    /// ```
    ///
    /// ## Fix
    /// Export with `mode=max`, which keeps every step of every stage:
    /// `--cache-to type=registry,ref=ghcr.io/o/app:cache,mode=max`. For an
    /// inline cache, export a registry cache with `mode=max` instead (and
    /// import it with `--cache-from`). A max cache is bigger and slower to
    /// upload; it pays off when the earlier stages take longer than that.
    pub static RULE = Rule {
        code: "DP501",
        name: "cache-min-skips-stages",
        also: None,
        severity: Severity::Warning,
        category: Category::Cache,
        messages: &[&ONE, &MANY, &INLINE, &MIN_TO, &FIX_REGISTRY, &FIX_MAX],
        check: super::needs_ci,
    };
}

static ONE: Message = Message::new("DP501.one_stage", "{how} exports only the final image's layers: stage {stages} ({duration} of RUN, COPY and ADD by the step estimates) is not in it, so a runner without this build's local cache runs it again on every build", "{how}只导出最终镜像的层：构建阶段 {stages}（按步骤估算，RUN、COPY 和 ADD 共{duration}）不在其中，所以没有这次构建本地缓存的 runner 每次构建都要重跑它");
static MANY: Message = Message::new("DP501.many_stages", "{how} exports only the final image's layers: stages {stages} ({duration} of RUN, COPY and ADD by the step estimates) are not in it, so a runner without this build's local cache runs them again on every build", "{how}只导出最终镜像的层：构建阶段 {stages}（按步骤估算，RUN、COPY 和 ADD 共{duration}）不在其中，所以没有这次构建本地缓存的 runner 每次构建都要重跑它们");
static INLINE: Message =
    Message::new("DP501.inline", "the inline cache (always mode=min)", "内联缓存（总是 mode=min）");
static MIN_TO: Message = Message::new("DP501.min_to", "mode=min (to {location})", "mode=min（导出到 {location}）");
static FIX_REGISTRY: Message = Message::new(
    "DP501.fix_registry",
    "export a registry cache with mode=max instead (and import it with cache_from)",
    "改为用 mode=max 导出到镜像仓库缓存（并用 cache_from 导入）",
);
static FIX_MAX: Message = Message::new("DP501.fix_mode_max", "export with mode=max", "改用 mode=max 导出");

pub fn check_ci(cx: &CiContext, out: &mut Vec<CiFinding>) {
    if cx.one_persistent_runner() {
        return;
    }
    for b in &cx.builds {
        let min_only = !b.exports.is_empty()
            && b.exports.iter().all(|(_, spec)| spec.kind == Kind::Inline || spec.mode == Mode::Min);
        if !min_only {
            continue;
        }
        let left_out: Vec<usize> =
            (0..b.df.stages.len()).filter(|&s| b.built[s] && !b.in_image[s] && b.stage_seconds(s) > 0.0).collect();
        let seconds: f64 = left_out.iter().map(|&s| b.stage_seconds(s)).sum();
        if left_out.is_empty() || seconds < SLOW_SECONDS {
            continue;
        }
        let stages: Vec<String> = left_out.iter().map(|&s| b.stage_name(s)).collect();
        let Some(&(j, ref spec)) = b.exports.first() else { continue };
        let how = match spec.kind {
            Kind::Inline => INLINE.msg(),
            _ => MIN_TO.msg().arg("location", &spec.location),
        };
        let message = if stages.len() == 1 { &ONE } else { &MANY }
            .msg()
            .arg_msg("how", how)
            .arg_msg("stages", names(&stages))
            .arg_msg("duration", duration(seconds));
        let entry = b.ci.cache_to.get(j).cloned().unwrap_or_default();
        let fix = match spec.kind {
            Kind::Inline => ci_fix(
                FIX_REGISTRY.msg(),
                b.index,
                format!("cache_to[{j}]"),
                format!("type=registry,ref={}:buildcache,mode=max", b.repository()),
            ),
            _ => ci_fix(FIX_MAX.msg(), b.index, format!("cache_to[{j}]"), with_option(&entry, "mode", "max")),
        };
        let mut f = finding(&RULE, b.index, b.from_line(left_out[0]), message);
        f.ci_fix = Some(fix);
        out.push(f);
    }
}
