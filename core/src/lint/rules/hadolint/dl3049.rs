use super::util::{hadolint_from_image, label_pairs};
use crate::lint::prelude::*;

declare_rule! {
    /// Every stage should set the labels of the label schema.
    ///
    /// ## What it does
    /// With a label schema configured (`label-schema` in `.hadolint.yaml`,
    /// `HADOLINT_REQUIRE_LABELS`, or `[label-schema]` in `dockerplay.toml`),
    /// flags the `FROM` of each stage that does not set one of the schema's
    /// labels, once per missing label. Without a schema it finds nothing.
    ///
    /// As in hadolint 2.15.1 (src/Hadolint/Rule/DL3049.hs): a stage built
    /// `FROM` a stage that has the label inherits it; a stage used only as
    /// a `COPY --from` source is not flagged, since its labels never reach
    /// an image; a stage sets a label when any of its `LABEL` instructions
    /// names it. Stage names compare exactly, as in hadolint.
    ///
    /// ## Why
    /// A schema is how a team makes sure every image says who owns it,
    /// where its source is and which commit it was built from; registries,
    /// scanners and `docker inspect` read those labels.
    ///
    /// ## Example
    /// ```dockerfile
    /// # label-schema: {maintainer: text}
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL maintainer="platform team"
    /// RUN apk add --no-cache curl
    /// ```
    pub static RULE = Rule {
        code: "DP349",
        name: "missing-schema-label",
        also: Some("DL3049"),
        severity: Severity::Info,
        category: Category::Maintainability,
        messages: &[&MISSING],
        check,
    };
}

static MISSING: Message = Message::new("DP349.missing", "Label `{label}` is missing.", "缺少标签 `{label}`。");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let labels = label_pairs(ctx);
    for (label, _) in &ctx.settings.label_schema {
        for stage in missing(ctx, label, &labels) {
            if !ctx.in_scope(Some(stage)) {
                continue;
            }
            let Some(from) = ctx.dockerfile.stages.get(stage).and_then(|s| ctx.stage_from(s)) else { continue };
            out.push(RULE.finding(ctx.first_line(from), MISSING.msg().arg("label", label)));
        }
    }
}

/// The stages that lack `label`, by hadolint's walk: a stage starts good
/// when its base is a good stage's name and bad otherwise; a LABEL naming
/// the label makes it good, and `COPY --from=NAME` silences the bad stages
/// called NAME.
fn missing(ctx: &Context, label: &str, labels: &[super::util::LabelPair]) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Good,
        Bad,
        Silent,
    }
    let stages = &ctx.dockerfile.stages;
    let alias = |i: usize| stages[i].name.as_deref();
    let mut state: Vec<State> = Vec::with_capacity(stages.len());
    let mut current: Option<usize> = None;
    for instr in ctx.dockerfile.instructions.iter() {
        match &instr.args {
            Args::From(from) => {
                let i = state.len();
                let (_, name) = hadolint_from_image(&from.image.text);
                let inherits = (0..i).any(|j| state[j] == State::Good && alias(j) == Some(name));
                state.push(if inherits { State::Good } else { State::Bad });
                current = Some(i);
            }
            Args::Copy(copy) => {
                if let Some(src) = copy.from.as_deref() {
                    silence(&mut state, |j| alias(j) == Some(src));
                }
            }
            Args::Label { .. } => {
                let Some(c) = current else { continue };
                if labels.iter().any(|p| std::ptr::eq(p.instruction, &**instr) && p.key == label) {
                    // hadolint silences the bad stages called by the
                    // current stage's name (its alias, else its image).
                    let name = alias(c).map(str::to_string).unwrap_or_else(|| {
                        let text = ctx.stage_from(&stages[c]).and_then(|f| match &f.args {
                            Args::From(from) => Some(from.image.text.clone()),
                            _ => None,
                        });
                        text.map(|t| hadolint_from_image(&t).1.to_string()).unwrap_or_default()
                    });
                    silence(&mut state, |j| alias(j) == Some(name.as_str()));
                    state[c] = State::Good;
                }
            }
            _ => {}
        }
    }
    fn silence(state: &mut [State], named: impl Fn(usize) -> bool) {
        for (j, s) in state.iter_mut().enumerate() {
            if *s == State::Bad && named(j) {
                *s = State::Silent;
            }
        }
    }
    state.iter().enumerate().filter(|(_, s)| **s == State::Bad).map(|(i, _)| i).collect()
}
