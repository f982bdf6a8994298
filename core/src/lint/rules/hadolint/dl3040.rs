use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Run `dnf clean all` after `dnf install`.
    ///
    /// ## What it does
    /// Flags a RUN with `dnf install` or `upgrade` (or `microdnf`) not followed
    /// by `dnf clean all` (or `rm -rf /var/cache/yum/*`) in the same RUN,
    /// unless a cache or tmpfs mount holds dnf's cache
    /// (`--mount=type=cache,target=/var/cache/dnf`).
    ///
    /// ## Why
    /// dnf keeps metadata and packages in its cache; left in the layer they
    /// add tens of megabytes, and cleaning in a later RUN is too late.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN dnf install -y python3
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN dnf install -y python3 && dnf clean all
    /// ```
    pub static RULE = Rule {
        code: "DP340",
        name: "dnf-clean-all",
        also: Some("DL3040"),
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&CLEAN],
        check,
    };
}

static CLEAN: Message = Message::new(
    "DP340.clean",
    "Run `{program} clean all` in the same RUN, after it installs packages",
    "请在同一条 RUN 中，在安装软件包之后运行 `{program} clean all`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        if ["/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"].iter().any(|d| util::cache_mount_covers(r.run, d))
        {
            continue;
        }
        let cmds = util::commands(ctx, r.run);
        for program in ["dnf", "microdnf"] {
            // Every verb that downloads packages, with dnf's short aliases
            // (hadolint 2.15: src/Hadolint/Rule/DL3040.hs installCmds).
            const INSTALLS: [&str; 8] =
                ["install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"];
            let Some(at) = cmds.iter().position(|c| util::is(c, program) && util::has_any_arg(c, &INSTALLS)) else {
                continue;
            };
            let cleaned = cmds[at..].iter().any(|c| {
                (util::is(c, program) && c.has_arg("clean"))
                    || (util::is(c, "rm")
                        && c.arg_values().any(|a| {
                            ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"].iter().any(|d| a.starts_with(d))
                        }))
            });
            if !cleaned {
                out.push(RULE.finding(cmds[at].span, CLEAN.msg().arg("program", program)));
            }
        }
    }
}
