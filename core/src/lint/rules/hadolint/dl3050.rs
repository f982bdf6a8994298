use super::util::label_pairs;
use crate::lint::prelude::*;

declare_rule! {
    /// Only the labels of the label schema are allowed.
    ///
    /// ## What it does
    /// With `strict-labels` on (in `.hadolint.yaml`, `HADOLINT_STRICT_LABELS`
    /// or `dockerplay.toml`), flags each `LABEL` instruction that sets a
    /// label the schema does not list (hadolint 2.15.1:
    /// src/Hadolint/Rule/DL3050.hs). Off, it finds nothing.
    ///
    /// ## Why
    /// A strict schema keeps labels uniform across a fleet of images: a
    /// typo (`mantainer`) or a private spelling of a standard label is
    /// caught before it reaches the registry.
    ///
    /// ## Example
    /// ```dockerfile
    /// # label-schema: {maintainer: text}, strict-labels: true
    /// LABEL maintainer="platform team" team=web
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL maintainer="platform team"
    /// ```
    pub static RULE = Rule {
        code: "DP350",
        name: "superfluous-label",
        also: Some("DL3050"),
        severity: Severity::Info,
        category: Category::Maintainability,
        messages: &[&SUPERFLUOUS],
        check,
    };
}

static SUPERFLUOUS: Message = Message::new("DP350.superfluous", "Superfluous label(s) present.", "存在多余的标签。");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if !ctx.settings.strict_labels {
        return;
    }
    let known = |key: &str| ctx.settings.label_schema.iter().any(|(n, _)| n == key);
    let mut flagged: Vec<*const Instruction> = Vec::new();
    for pair in label_pairs(ctx) {
        let at = pair.instruction as *const Instruction;
        if !known(&pair.key) && !flagged.contains(&at) {
            flagged.push(at);
            out.push(RULE.finding(ctx.first_line(pair.instruction), SUPERFLUOUS.msg()));
        }
    }
}
