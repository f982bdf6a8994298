use crate::lint::prelude::*;

declare_rule! {
    /// MAINTAINER is deprecated.
    ///
    /// ## What it does
    /// Flags `MAINTAINER`.
    /// Where BuildKit's `MaintainerDeprecated` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// `MAINTAINER` sets a field that images no longer use; a label is
    /// where tools look for the author.
    ///
    /// ## Example
    /// ```dockerfile
    /// MAINTAINER Jane Doe <jane@example.com>
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    /// ```
    pub static RULE = Rule {
        code: "DP400",
        name: "maintainer-deprecated",
        also: Some("DL4000"),
        severity: Severity::Error,
        category: Category::Style,
        messages: &[&DEPRECATED, &LABEL],
        check,
    };
}

static DEPRECATED: Message = Message::new(
    "DP400.deprecated",
    "MAINTAINER is deprecated; use `LABEL org.opencontainers.image.authors=...`",
    "MAINTAINER 已弃用，请使用 `LABEL org.opencontainers.image.authors=...`",
);
static LABEL: Message = Message::new("DP400.label", "Replace with a label", "替换为标签");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::maintainer_deprecated::RULE);
    for instr in ctx.with_keyword(Keyword::Maintainer) {
        let Args::Maintainer(who) = &instr.args else { continue };
        let mut finding = RULE.finding(instr.keyword_span, DEPRECATED.msg());
        // A single-line MAINTAINER becomes the label, quoted for JSON-safe text.
        if instr.line == instr.end_line && !who.contains(['"', '\\', '$']) {
            let label = format!("LABEL org.opencontainers.image.authors=\"{}\"", who.trim());
            finding = finding.with_fix(Fix::safe(LABEL.msg(), vec![Edit::new(instr.span, label)]));
        }
        if !twin.covers(instr.span) {
            out.push(finding);
        }
    }
}
