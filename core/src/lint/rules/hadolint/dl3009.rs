use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Delete the apt lists after installing something.
    ///
    /// ## What it does
    /// Flags a RUN that runs `apt-get update` (or `apt update`) but does not remove
    /// `/var/lib/apt/lists` in the same RUN, in a stage whose files end up
    /// in the image. A RUN whose cache mount holds the lists
    /// (`--mount=type=cache,target=/var/lib/apt`) is fine: the lists never
    /// reach the layer. Stages that are only copied from are not flagged.
    ///
    /// ## Why
    /// The package lists take tens of megabytes and are useless once the
    /// packages are installed. Removing them in a later RUN does not help:
    /// the layer that wrote them keeps them.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl \
    ///     && rm -rf /var/lib/apt/lists/*
    /// ```
    pub static RULE = Rule {
        code: "DP309",
        name: "apt-lists-not-deleted",
        also: Some("DL3009"),
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&LISTS],
        check,
    };
}

static LISTS: Message = Message::new(
    "DP309.lists",
    "Delete the apt lists (`rm -rf /var/lib/apt/lists/*`) in the RUN that fetched them",
    "请在下载 apt 软件包列表的同一条 RUN 中删除它们（`rm -rf /var/lib/apt/lists/*`）",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let image = util::image_stages(ctx);
    for r in util::runs(ctx) {
        // ONBUILD RUNs run in the child image, which is an image.
        // A RUN before any FROM (BuildKit rejects the file) counts, as in hadolint.
        let in_image =
            r.outer.keyword == Keyword::Onbuild || r.run.stage.is_none_or(|s| image.get(s).copied().unwrap_or(true));
        // A cache or tmpfs mount on the lists or a parent keeps them out of the
        // layer (hadolint also wants `/var/cache/apt` mounted when the mount
        // is on `/var/lib/apt`; that directory holds no lists).
        if !in_image || util::cache_mount_covers(r.run, "/var/lib/apt/lists") {
            continue;
        }
        let cmds = util::commands(ctx, r.run);
        let Some(update) =
            cmds.iter().find(|c| ["apt-get", "apt", "aptitude"].iter().any(|p| util::is(c, p)) && c.has_arg("update"))
        else {
            continue;
        };
        let cleaned =
            cmds.iter().any(|c| util::is(c, "rm") && c.arg_values().any(|a| a.starts_with("/var/lib/apt/lists")));
        if !cleaned {
            out.push(RULE.finding(update.span, LISTS.msg()));
        }
    }
}
