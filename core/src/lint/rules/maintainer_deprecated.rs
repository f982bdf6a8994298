use crate::lint::prelude::*;

declare_rule! {
    /// The MAINTAINER instruction is deprecated; use a label instead.
    ///
    /// ## What it does
    /// Flags every `MAINTAINER` instruction.
    ///
    /// ## Why
    /// `MAINTAINER` only sets a field that tools no longer read. The OCI
    /// label `org.opencontainers.image.authors` carries the same
    /// information where registries and scanners look for it.
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
        code: "DP008",
        name: "MaintainerDeprecated",
        also: Some("BuildKit:MaintainerDeprecated"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&DEPRECATED, &LABEL],
        check,
    };
}

static DEPRECATED: Message = Message::new(
    "DP008.deprecated",
    "Maintainer instruction is deprecated in favor of using label",
    "MAINTAINER 指令已弃用，请改用 LABEL",
);
static LABEL: Message = Message::new("DP008.label", "Use the authors label", "改用 authors 标签");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Maintainer) {
        let mut f = RULE.finding(instr.span, DEPRECATED.msg());
        if let Args::Maintainer(who) = &instr.args {
            let who = who.trim();
            // Only a plain value can be quoted without changing it.
            if !who.is_empty() && !who.contains(['"', '\\', '$', '\n']) {
                let label = format!("LABEL org.opencontainers.image.authors=\"{who}\"");
                f = f.with_fix(Fix::safe(LABEL.msg(), vec![Edit::new(instr.span, label)]));
            }
        }
        out.push(f);
    }
}
