use crate::lint::prelude::*;
use crate::lint::util::is_valid_image_ref;
use crate::shell::expand::expand;

declare_rule! {
    /// A global ARG's default should make a valid base image name.
    ///
    /// ## What it does
    /// Expands each `FROM` image with the global ARGs' default values (as if
    /// no `--build-arg` were given) and flags it when the result is empty or
    /// not a valid image reference.
    ///
    /// ## Why
    /// A Dockerfile that only builds when a build arg is passed fails for
    /// everyone who does not know about it, and a checker cannot resolve
    /// its base image.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG TAG
    /// FROM alpine:${TAG}
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ARG TAG=3.20
    /// FROM alpine:${TAG}
    /// ```
    pub static RULE = Rule {
        code: "DP016",
        name: "InvalidDefaultArgInFrom",
        also: Some("BuildKit:InvalidDefaultArgInFrom"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message = Message::new(
    "DP016.invalid",
    "Default value for ARG {base} results in empty or invalid base image name",
    "按 ARG 的默认值，{base} 得到的基础镜像名为空或无效",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/validations.go validateBaseImagesWithDefaultArgs.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let escape = ctx.dockerfile.escape;
    let mut defaults: Vec<(String, Option<String>)> = Vec::new();
    for decl in ctx.dockerfile.global_args() {
        // A default may use earlier global ARGs. BuildKit abandons the
        // check when one does not expand (buildMetaArgs fails).
        let lookup = |n: &str| defaults.iter().rev().find(|(k, _)| k == n).and_then(|(_, v)| v.clone());
        let value = match decl.default.as_deref().map(|d| expand(d, escape, &lookup)).transpose() {
            Ok(value) => value,
            Err(_) => return,
        };
        defaults.push((decl.name.clone(), value));
    }
    let lookup = |n: &str| defaults.iter().rev().find(|(k, _)| k == n).and_then(|(_, v)| v.clone());
    for stage in ctx.stages() {
        if !stage.base.contains('$') {
            continue;
        }
        // As in BuildKit, a base that does not expand ends the check.
        let Ok(expanded) = expand(&stage.base, escape, &lookup) else { return };
        let is_stage = ctx.dockerfile.stage_ref(&expanded, stage.index).is_some();
        if is_stage || is_valid_image_ref(&expanded) {
            continue;
        }
        let span = match ctx.stage_from(stage).map(|f| &f.args) {
            Some(Args::From(from)) => from.image.span,
            _ => stage.span,
        };
        out.push(RULE.finding(span, INVALID.msg().arg("base", &stage.base)));
    }
}
