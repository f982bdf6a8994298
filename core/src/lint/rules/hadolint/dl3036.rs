use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Run `zypper clean` after `zypper install`.
    ///
    /// ## What it does
    /// Flags a RUN with `zypper install` that is not followed by `zypper
    /// clean` in the same RUN, unless a cache or tmpfs mount holds zypper's cache
    /// (`--mount=type=cache,target=/var/cache/zypp`).
    ///
    /// ## Why
    /// zypper keeps repository metadata and packages in `/var/cache/zypp`;
    /// left in the layer they waste space, and cleaning in a later RUN does
    /// not shrink the earlier layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN zypper install -y curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN zypper install -y curl && zypper clean --all
    /// ```
    pub static RULE = Rule {
        code: "DP336",
        name: "zypper-clean",
        also: Some("DL3036"),
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&CLEAN],
        check,
    };
}

static CLEAN: Message = Message::new(
    "DP336.clean",
    "Run `zypper clean` in the same RUN, after `zypper install`",
    "请在同一条 RUN 中，在 `zypper install` 之后运行 `zypper clean`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        if util::cache_mount_covers(r.run, "/var/cache/zypp") {
            continue;
        }
        let cmds = util::commands(ctx, r.run);
        let Some(at) = cmds.iter().position(|c| util::is(c, "zypper") && util::has_any_arg(c, &["install", "in"]))
        else {
            continue;
        };
        let cleaned = cmds[at..].iter().any(|c| util::is(c, "zypper") && util::has_any_arg(c, &["clean", "cc"]));
        if !cleaned {
            out.push(RULE.finding(cmds[at].span, CLEAN.msg()));
        }
    }
}
