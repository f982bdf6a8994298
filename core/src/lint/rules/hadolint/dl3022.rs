use crate::lint::prelude::*;

declare_rule! {
    /// `COPY --from` should name an earlier stage.
    ///
    /// ## What it does
    /// Flags `COPY --from=NAME` where `NAME` is neither an earlier stage's
    /// name nor index, nor an image reference (with a tag, digest, registry
    /// or path).
    ///
    /// ## Why
    /// An unknown name is taken as an image to pull: a typo in a stage name
    /// silently turns into a pull of an image by that name, which usually
    /// fails, or worse, exists.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS builder
    /// FROM alpine:3.20
    /// COPY --from=build /out/app /app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// COPY --from=builder /out/app /app
    /// ```
    pub static RULE = Rule {
        code: "DP322",
        name: "copy-from-unknown-stage",
        also: Some("DL3022"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&NO_STAGE],
        check,
    };
}

static NO_STAGE: Message = Message::new(
    "DP322.no_stage",
    "`--from={from}` names no earlier stage; it will be pulled as an image",
    "`--from={from}` 不是前面定义过的构建阶段，会被当作镜像拉取",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Copy) {
        let Args::Copy(copy) = &instr.args else { continue };
        let Some(from) = copy.from.as_deref() else { continue };
        // Stage names and indexes resolve like BuildKit: stages up to this
        // one (its own name is DL3023's business). A COPY before any FROM
        // has none to name, as in hadolint. An image reference passes with
        // a tag or digest (a `:`, as in hadolint's DL3022,
        // src/Hadolint/Rule/DL3022.hs) and, unlike hadolint, with a registry
        // or path (`ghcr.io/org/tools`), which no stage name has; one with
        // a variable is left alone.
        let resolves = instr.stage.is_some_and(|stage| ctx.dockerfile.stage_ref(from, stage + 1).is_some());
        if resolves || from.contains(['$', ':', '/']) {
            continue;
        }
        let span = instr.flag("from").map_or(instr.keyword_span, |f| f.span);
        out.push(RULE.finding(span, NO_STAGE.msg().arg("from", from)));
    }
}
