use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// The image should have a HEALTHCHECK.
    ///
    /// ## What it does
    /// Flags the `FROM` of the stage the build produces when neither that
    /// stage nor a stage it is built `FROM` has a `HEALTHCHECK`: one in a
    /// base stage is inherited, and counts. `HEALTHCHECK NONE` counts too,
    /// as a decision to have none. A `HEALTHCHECK` inside `ONBUILD` does not.
    ///
    /// Off by default, as in hadolint (where its severity is "ignore"):
    /// turn it on with `--enable DL3057`.
    ///
    /// hadolint 2.15 applies this test to every stage, builder stages
    /// included, and flags each one without a `HEALTHCHECK` of its own or
    /// from its base stage. Here only the image counts, even with all stages
    /// in scope: the image is the target stage on top of the stages it is
    /// built `FROM`, as BuildKit builds it, and a builder stage never runs
    /// as a container, so nothing checks its health (DL3002 reads the
    /// image's `USER` the same way). Stage names match case-insensitively,
    /// as in BuildKit; hadolint matches them exactly.
    ///
    /// ## Why
    /// Without a `HEALTHCHECK`, Docker only knows whether the container's
    /// process is running, not whether it still does its work: a hung
    /// server stays "running". With one, `docker ps` shows it `unhealthy`,
    /// and Compose (`condition: service_healthy`) and Swarm act on it.
    /// Kubernetes ignores `HEALTHCHECK` and uses its own probes, so an
    /// image meant only for it does not need one.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// HEALTHCHECK --interval=30s CMD ["curl", "-fs", "http://localhost/"]
    /// ```
    pub static RULE = Rule {
        code: "DP357",
        name: "missing-healthcheck",
        also: Some("DL3057"),
        severity: Severity::Info,
        category: Category::Maintainability,
        messages: &[&HEALTHCHECK],
        check,
    };
}

static HEALTHCHECK: Message = Message::new(
    "DP357.no_healthcheck",
    "The image has no HEALTHCHECK, so Docker cannot tell a hung container from a working one",
    "镜像没有 HEALTHCHECK，Docker 无法分辨容器是卡住了还是在正常工作",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(target) = ctx.target.and_then(|i| ctx.dockerfile.stages.get(i)) else { return };
    // The image's configuration is its own stage's on top of those it is
    // built FROM, so a HEALTHCHECK anywhere along that chain reaches it.
    let image = util::image_stages(ctx);
    let chain = ctx.dockerfile.stages.iter().filter(|s| image.get(s.index).copied().unwrap_or(false));
    let mut has = false;
    for stage in chain {
        has |= ctx.stage_instructions(stage).any(|i| i.keyword == Keyword::Healthcheck);
    }
    if has {
        return;
    }
    let Some(from) = ctx.stage_from(target) else { return };
    out.push(RULE.finding(ctx.first_line(from), HEALTHCHECK.msg()));
}
