use crate::lint::prelude::*;
use crate::lint::util::split_image;

declare_rule! {
    /// Always give the base image a tag.
    ///
    /// ## What it does
    /// Flags `FROM image` with neither a tag nor a digest (`scratch` and
    /// references to earlier stages are fine).
    ///
    /// ## Why
    /// No tag means `latest`, which moves: the same Dockerfile builds a
    /// different image next month, the layer cache breaks whenever the
    /// registry's `latest` changes, and a major version bump can arrive
    /// unannounced.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ```
    pub static RULE = Rule {
        code: "DP205",
        name: "untagged-base",
        also: Some("DL3006"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&UNTAGGED],
        check,
    };
}

static UNTAGGED: Message = Message::new(
    "DP205.untagged",
    "Always tag the version of an image explicitly: `{image}` means `{image}:latest`, which changes under you",
    "请始终显式指定镜像的版本标签：`{image}` 就是 `{image}:latest`，它随时可能变化",
);

pub(crate) fn external_base<'a>(ctx: &Context, stage: &'a Stage) -> Option<&'a str> {
    let image = stage.base.trim();
    if image.eq_ignore_ascii_case("scratch") || stage.base_stage.is_some() || image.contains('$') {
        return None;
    }
    if ctx.dockerfile.stage_ref(image, stage.index).is_some() {
        return None;
    }
    Some(image)
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let Some(image) = external_base(ctx, stage) else { continue };
        let (_, tag, digest) = split_image(image);
        if tag.is_none() && digest.is_none() {
            let span = match ctx.stage_from(stage).map(|f| &f.args) {
                Some(Args::From(from)) => from.image.span,
                _ => stage.span,
            };
            out.push(RULE.finding(span, UNTAGGED.msg().arg("image", image)));
        }
    }
}
