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
        check,
    };
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Copy) {
        let (Args::Copy(copy), Some(stage)) = (&instr.args, instr.stage) else { continue };
        let Some(from) = copy.from.as_deref() else { continue };
        // Stage names and indexes resolve like BuildKit: earlier stages only.
        // Its own name is DL3023's business.
        let own = ctx.dockerfile.stages.get(stage).and_then(|s| s.name.as_deref()).is_some_and(|n| n.eq_ignore_ascii_case(from));
        if own || ctx.dockerfile.stage_ref(from, stage).is_some() || from.contains(['$', ':', '/', '@']) {
            continue;
        }
        let span = instr.flag("from").map_or(instr.keyword_span, |f| f.span);
        out.push(RULE.finding(span, format!("`--from={from}` names no earlier stage; it will be pulled as an image")));
    }
}
