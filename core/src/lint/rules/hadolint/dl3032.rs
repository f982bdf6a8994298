use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Run `yum clean all` after `yum install`.
    ///
    /// ## What it does
    /// Flags a RUN with `yum install` and no `yum clean all` in the same
    /// RUN, unless a cache mount holds yum's cache
    /// (`--mount=type=cache,target=/var/cache/yum`).
    ///
    /// ## Why
    /// yum keeps downloaded packages and metadata in `/var/cache/yum`;
    /// left in the layer they add tens of megabytes. Cleaning in a later RUN
    /// is too late: the earlier layer keeps them.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN yum install -y httpd
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN yum install -y httpd && yum clean all
    /// ```
    pub static RULE = Rule {
        code: "DP332",
        name: "yum-clean-all",
        also: Some("DL3032"),
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&CLEAN],
        check,
    };
}

static CLEAN: Message = Message::new(
    "DP332.clean",
    "Run `yum clean all` in the same RUN as `yum install`",
    "请在执行 `yum install` 的同一条 RUN 中运行 `yum clean all`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        if util::cache_mount_covers(r.run, "/var/cache/yum") {
            continue;
        }
        let cmds = util::commands(ctx, r.run);
        let Some(at) = cmds.iter().position(|c| util::is(c, "yum") && c.has_arg("install")) else { continue };
        let install = &cmds[at];
        // The clean must come after the install (hadolint: DL3032Spec.hs "not ok with clean before install").
        let cleaned = cmds[at..].iter().any(|c| {
            (util::is(c, "yum") && c.has_arg("clean"))
                || (util::is(c, "rm") && c.arg_values().any(|a| a.starts_with("/var/cache/yum")))
        });
        if !cleaned {
            out.push(RULE.finding(install.span, CLEAN.msg()));
        }
    }
}
