use crate::lint::prelude::*;
use crate::lint::util::split_image;

declare_rule! {
    /// Do not build on the `latest` tag.
    ///
    /// ## What it does
    /// Flags `FROM image:latest` (unless a digest pins it).
    ///
    /// ## Why
    /// `latest` is whatever was pushed last. Builds are not reproducible,
    /// the cached layers are thrown away whenever it moves, and upgrades
    /// happen without anyone choosing them.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:latest
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22-slim
    /// ```
    pub static RULE = Rule {
        code: "DP206",
        name: "latest-base",
        also: Some("DL3007"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&LATEST],
        check,
    };
}

static LATEST: Message = Message::new(
    "DP206.latest",
    "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
    "使用 latest 标签容易出错，镜像一旦更新构建结果就会变。请明确固定到某个发布版本的标签",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let Some(image) = super::untagged_base::external_base(ctx, stage) else { continue };
        let (_, tag, digest) = split_image(image);
        if tag == Some("latest") && digest.is_none() {
            let span = match ctx.stage_from(stage).map(|f| &f.args) {
                Some(Args::From(from)) => ctx.find_in(from.image.span, ":latest"),
                _ => stage.span,
            };
            out.push(RULE.finding(span, LATEST.msg()));
        }
    }
}
