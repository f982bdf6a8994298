use super::util::label_pairs;
use crate::lint::prelude::*;

declare_rule! {
    /// A label of the label schema should not be empty.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets one of the
    /// schema's labels to the empty string (hadolint 2.15.1:
    /// src/Hadolint/Rule/DL3051.hs). Without a schema it finds nothing.
    ///
    /// ## Why
    /// An empty label satisfies the letter of the schema (DL3049 is quiet)
    /// while telling the reader nothing; it usually means a build arg that
    /// CI forgot to pass.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG GIT_COMMIT
    /// LABEL org.opencontainers.image.revision=""
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.revision="4f3c2a1"
    /// ```
    pub static RULE = Rule {
        code: "DP351",
        name: "empty-schema-label",
        also: Some("DL3051"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&EMPTY],
        check,
    };
}

static EMPTY: Message = Message::new("DP351.empty", "label `{label}` is empty.", "标签 `{label}` 的值为空。");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let schema = &ctx.settings.label_schema;
    for pair in label_pairs(ctx) {
        if pair.value.is_empty() && schema.iter().any(|(n, _)| *n == pair.key) {
            out.push(RULE.finding(pair.span, EMPTY.msg().arg("label", &pair.key)));
        }
    }
}
