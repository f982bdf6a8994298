use crate::lint::prelude::*;
use crate::lint::util::{expand_simple, is_valid_image_ref};

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
        check,
    };
}

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go validateBaseImagesWithDefaultArgs.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut defaults: Vec<(String, Option<String>)> = Vec::new();
    for decl in ctx.dockerfile.global_args() {
        // A default may use earlier global ARGs.
        let value = decl.default.as_deref().map(|d| {
            let lookup = |n: &str| defaults.iter().rev().find(|(k, _)| k == n).and_then(|(_, v)| v.clone());
            expand_simple(d, &lookup).0
        });
        defaults.push((decl.name.clone(), value));
    }
    let lookup = |n: &str| defaults.iter().rev().find(|(k, _)| k == n).and_then(|(_, v)| v.clone());
    for stage in ctx.stages() {
        if !stage.base.contains('$') {
            continue;
        }
        let (expanded, _) = expand_simple(&stage.base, &lookup);
        let is_stage = ctx.dockerfile.stage_ref(&expanded, stage.index).is_some();
        if is_stage || is_valid_image_ref(&expanded) {
            continue;
        }
        let span = match ctx.stage_from(stage).map(|f| &f.args) {
            Some(Args::From(from)) => from.image.span,
            _ => stage.span,
        };
        out.push(RULE.finding(
            span,
            format!("Default value for ARG {} results in empty or invalid base image name", stage.base),
        ));
    }
}
