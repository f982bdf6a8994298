use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// The image should not run as root.
    ///
    /// ## What it does
    /// Flags the last `USER` of the image when it switches to `root` (or
    /// uid 0). Only the stages the image is built from count: the `USER` of
    /// a builder stage that is only copied from does not reach the image.
    ///
    /// ## Why
    /// A process running as root in a container is root on the files it
    /// can reach; a compromise of the application becomes a compromise of
    /// everything mounted into it. Switching to root for a setup step is
    /// fine, as long as a later `USER` drops the privileges again.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// USER 10001
    /// ```
    pub static RULE = Rule {
        code: "DP302",
        name: "last-user-root",
        also: Some("DL3002"),
        severity: Severity::Warning,
        category: Category::Security,
        messages: &[&ROOT],
        check,
    };
}

static ROOT: Message = Message::new(
    "DP302.root",
    "The last USER of the image is root; switch to an unprivileged user",
    "镜像最后的 USER 是 root，请切换到非特权用户",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // The image's user is the last USER along the chain of stages it is
    // built FROM, the target's own instructions last.
    let image = util::image_stages(ctx);
    let mut last: Option<&Instruction> = None;
    for stage in ctx.dockerfile.stages.iter().filter(|s| image.get(s.index).copied().unwrap_or(false)) {
        for instr in ctx.stage_instructions(stage) {
            if instr.keyword == Keyword::User {
                last = Some(instr);
            }
        }
    }
    let Some(instr) = last else { return };
    let Args::User(word) = &instr.args else { return };
    if !ctx.in_scope(instr.stage) {
        return;
    }
    let user = util::drop_quotes(&word.text);
    let name = user.split(':').next().unwrap_or(user);
    if name == "root" || name == "0" {
        out.push(RULE.finding(word.span, ROOT.msg()));
    }
}
