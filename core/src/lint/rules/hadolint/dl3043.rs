use crate::lint::prelude::*;

declare_rule! {
    /// ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.
    ///
    /// ## What it does
    /// Flags `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`.
    ///
    /// ## Why
    /// The builder rejects these triggers: chaining ONBUILD is not allowed,
    /// and FROM and MAINTAINER make no sense as a step of a child image.
    ///
    /// ## Example
    /// ```dockerfile
    /// ONBUILD ONBUILD RUN make
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ONBUILD RUN make
    /// ```
    pub static RULE = Rule {
        code: "DP343",
        name: "onbuild-forbidden-trigger",
        also: Some("DL3043"),
        severity: Severity::Error,
        category: Category::Correctness,
        check,
    };
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Onbuild) {
        let Args::Onbuild(inner) = &instr.args else { continue };
        if matches!(inner.keyword, Keyword::Onbuild | Keyword::From | Keyword::Maintainer) {
            out.push(RULE.finding(inner.keyword_span, format!("`ONBUILD {}` is not allowed", inner.keyword.as_str())));
        }
    }
}
