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
        messages: &[&ONBUILD],
        check,
    };
}

static ONBUILD: Message =
    Message::new("DP343.onbuild", "`ONBUILD {keyword}` is not allowed", "不允许使用 `ONBUILD {keyword}`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Onbuild) {
        // The parser rejects these triggers (its diagnostic says so too), so
        // the trigger is read from the text when the arguments are invalid.
        let (keyword, span) = match &instr.args {
            Args::Onbuild(inner) => (Some(inner.keyword), inner.keyword_span),
            _ => {
                let word = instr.command.split_whitespace().next().unwrap_or("");
                let after = Span::new(instr.keyword_span.end, instr.span.end);
                (Keyword::parse(word), ctx.find_in(after, word))
            }
        };
        if let Some(k) = keyword.filter(|k| matches!(k, Keyword::Onbuild | Keyword::From | Keyword::Maintainer)) {
            out.push(RULE.finding(span, ONBUILD.msg().arg("keyword", k.as_str())));
        }
    }
}
