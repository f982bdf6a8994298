use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Run `yarn cache clean` after `yarn install`.
    ///
    /// ## What it does
    /// Flags a RUN with `yarn install` and no `yarn cache clean` in the same
    /// RUN, unless a cache or tmpfs mount holds yarn's cache
    /// (`--mount=type=cache,target=/usr/local/share/.cache/yarn`), in a
    /// stage whose files end up in the image.
    ///
    /// ## Why
    /// yarn keeps a copy of every package it downloads in its global cache;
    /// in the image that duplicates `node_modules`.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN yarn install --frozen-lockfile
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN yarn install --frozen-lockfile && yarn cache clean
    /// ```
    pub static RULE = Rule {
        code: "DP360",
        name: "yarn-cache-clean",
        also: Some("DL3060"),
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&CLEAN],
        check,
    };
}

static CLEAN: Message = Message::new(
    "DP360.clean",
    "Run `yarn cache clean` in the same RUN as `yarn install`",
    "请在执行 `yarn install` 的同一条 RUN 中运行 `yarn cache clean`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let image = util::image_stages(ctx);
    for r in util::runs(ctx) {
        // A stage that is only copied from leaves its cache behind.
        // A RUN before any FROM (BuildKit rejects the file) counts, as in hadolint.
        let in_image =
            r.outer.keyword == Keyword::Onbuild || r.run.stage.is_none_or(|s| image.get(s).copied().unwrap_or(true));
        if !in_image {
            continue;
        }
        let cached = matches!(&r.run.args, Args::Run(a) if a.mounts.iter().any(|m| matches!(m.kind, MountType::Cache | MountType::Tmpfs) && m.target.as_deref().is_some_and(|t| t.contains("yarn"))));
        if cached {
            continue;
        }
        let cmds = util::commands(ctx, r.run);
        let Some(at) = cmds.iter().position(|c| util::is(c, "yarn") && c.has_arg("install")) else { continue };
        let install = &cmds[at];
        // The clean must come after the install (hadolint: DL3060Spec.hs "not ok with clean before install").
        let cleaned = cmds[at..].iter().any(|c| util::is(c, "yarn") && c.has_arg("cache") && c.has_arg("clean"));
        if !cleaned {
            out.push(RULE.finding(install.span, CLEAN.msg()));
        }
    }
}
