use super::{duration, finding, CiContext, CiFinding, SLOW_SECONDS};
use crate::lint::prelude::*;
use crate::reference;

declare_rule! {
    /// A base image by tag is pulled in CI: when the tag moves, everything built on it runs again.
    ///
    /// ## What it does
    /// Flags a base image named by tag, not by digest, in a CI build that
    /// pulls (`--pull`) or for which the scenario records that the tag
    /// moved, when the steps built on it take 10 seconds or more by the
    /// cache model's step estimates.
    ///
    /// ## Why
    /// Every step's cache key starts from its base image's identity. A tag
    /// such as `node:20` moves whenever its publisher rebuilds it (security
    /// updates, often weekly), and with `--pull` (and on a fresh runner in
    /// any case, as BuildKit resolves the tag against its registry) the
    /// next build sees the new image: every step built on it misses, in
    /// every runner's cache and in every exported cache at once. The build
    /// after a base update costs as much as a build from nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// # pull: true
    /// FROM node:20
    /// RUN npm ci
    /// ```
    ///
    /// ## Fix
    /// Pin the base by digest (`FROM node:20@sha256:…`; `docker buildx
    /// imagetools inspect node:20` prints it) and let a bot such as
    /// Dependabot or Renovate propose the new digest, so the re-run happens
    /// once, in a reviewed commit. Or accept the re-runs knowingly: they
    /// are the price of getting base updates without a commit.
    pub static RULE = Rule {
        code: "DP503",
        name: "base-tag-pulled-in-ci",
        also: None,
        severity: Severity::Info,
        category: Category::Cache,
        messages: &[&ONE, &MANY, &MOVED, &PULLED],
        check: super::needs_ci,
    };
}

static ONE: Message = Message::new("DP503.one_step", "`{image}` is a tag and {how}: whenever it moves, the step built on it ({duration}) runs again, on every runner and from every imported cache", "`{image}` 是一个标签，而且{how}：标签一变，基于它的那一步（{duration}）就要重跑，在每个 runner 上、从每份导入的缓存都是如此");
static MANY: Message = Message::new("DP503.many_steps", "`{image}` is a tag and {how}: whenever it moves, the {steps} steps built on it ({duration}) run again, on every runner and from every imported cache", "`{image}` 是一个标签，而且{how}：标签一变，基于它的 {steps} 个步骤（{duration}）都要重跑，在每个 runner 上、从每份导入的缓存都是如此");
static MOVED: Message = Message::new("DP503.moved", "moved before this build", "在这次构建之前变动过");
static PULLED: Message = Message::new("DP503.pulled", "is pulled with --pull", "会用 --pull 拉取");

pub fn check_ci(cx: &CiContext, out: &mut Vec<CiFinding>) {
    for b in &cx.builds {
        for (s, stage) in b.df.stages.iter().enumerate() {
            if !b.built[s] || stage.base_stage.is_some() || stage.base_expanded.eq_ignore_ascii_case("scratch") {
                continue;
            }
            let Ok(image) = reference::parse(&stage.base_expanded) else { continue };
            if image.digest.is_some() {
                continue;
            }
            let norm = image.to_string();
            let moved = b.ci.images.keys().any(|r| reference::normalize(r) == norm);
            if !b.ci.pull && !moved {
                continue;
            }
            // The stage and every built stage that is built FROM it.
            let on_it: Vec<usize> = (0..b.df.stages.len())
                .filter(|&t| {
                    let mut at = Some(t);
                    while let Some(x) = at {
                        if x == s {
                            return b.built[t];
                        }
                        at = b.df.stages.get(x).and_then(|st| st.base_stage).filter(|&p| p < x);
                    }
                    false
                })
                .collect();
            let steps = on_it.iter().map(|&t| b.work_steps(t).count()).sum::<usize>();
            let seconds: f64 = on_it.iter().map(|&t| b.stage_seconds(t)).sum();
            if seconds < SLOW_SECONDS {
                continue;
            }
            let how = if moved { &MOVED } else { &PULLED };
            let message = if steps == 1 { &ONE } else { &MANY }
                .msg()
                .arg("image", image.familiar())
                .arg_msg("how", how.msg())
                .arg("steps", steps)
                .arg_msg("duration", duration(seconds));
            out.push(finding(&RULE, b.index, b.from_line(s), message));
        }
    }
}
