use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use `apk add --no-cache`.
    ///
    /// ## What it does
    /// Flags `apk add` without `--no-cache`, unless a cache or tmpfs mount of the
    /// RUN holds apk's cache (`--mount=type=cache,target=/var/cache/apk`).
    ///
    /// ## Why
    /// Without `--no-cache` apk keeps its index in `/var/cache/apk`, which
    /// then stays in the layer; `--no-cache` fetches the index and leaves
    /// nothing behind, with no `apk update` or `rm` needed.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apk update && apk add curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apk add --no-cache curl
    /// ```
    pub static RULE = Rule {
        code: "DP319",
        name: "apk-no-cache",
        also: Some("DL3019"),
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&NO_CACHE, &ADD_FLAG],
        check,
    };
}

static NO_CACHE: Message = Message::new(
    "DP319.no_cache",
    "Use `apk add --no-cache` so that apk's cache stays out of the layer",
    "请使用 `apk add --no-cache`，不让 apk 的缓存留在层里",
);
static ADD_FLAG: Message = Message::new("DP319.add_flag", "Add `--no-cache`", "加上 `--no-cache`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        if util::cache_mount_covers(r.run, "/var/cache/apk") || util::cache_mount_covers(r.run, "/etc/apk/cache") {
            continue;
        }
        for cmd in util::commands(ctx, r.run) {
            if util::is(&cmd, "apk") && cmd.has_arg("add") && !util::has_option(&cmd, &["no-cache"]) {
                let add = cmd.args().iter().find(|w| w.value == "add").map_or(cmd.span, |w| w.span);
                let fix = Fix::safe(ADD_FLAG.msg(), vec![Edit::insert(add.end, " --no-cache")]);
                out.push(util::with_fix(&cmd, RULE.finding(cmd.span, NO_CACHE.msg()), fix));
            }
        }
    }
}
