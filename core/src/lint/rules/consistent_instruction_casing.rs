use crate::lint::prelude::*;

declare_rule! {
    /// All instructions should use the same casing, upper or lower.
    ///
    /// ## What it does
    /// Counts upper-case and lower-case instruction keywords in the file and
    /// flags each keyword that does not follow the majority, including
    /// mixed-case ones like `Run`.
    ///
    /// ## Why
    /// Keywords are case-insensitive, but a file that mixes `RUN` and `run`
    /// is harder to scan. Upper case is the common convention.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// run apk add curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM alpine
    /// RUN apk add curl
    /// ```
    pub static RULE = Rule {
        code: "DP004",
        name: "ConsistentInstructionCasing",
        also: Some("BuildKit:ConsistentInstructionCasing"),
        severity: Severity::Warning,
        category: Category::Style,
        check,
    };
}

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go validateCommandCasing
// counts the FROM and every command of every stage; ties go to upper case.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let staged = || ctx.dockerfile.instructions.iter().filter(|i| i.stage.is_some());
    let (mut lower, mut upper) = (0, 0);
    for i in staged() {
        let k: &str = &i.keyword_text;
        if *k == k.to_lowercase() {
            lower += 1;
        } else if *k == k.to_uppercase() {
            upper += 1;
        }
    }
    let majority_lower = lower > upper;
    for i in staged().filter(|i| ctx.in_scope(i.stage)) {
        let k: &str = &i.keyword_text;
        let (want, casing) =
            if majority_lower { (k.to_lowercase(), "lowercase") } else { (k.to_uppercase(), "uppercase") };
        if want != *k {
            let mut edits = vec![Edit::new(i.keyword_span, want.clone())];
            // Re-casing FROM re-cases its AS too, so FromAsCasing stays quiet.
            if let Args::From(FromArgs { as_keyword: Some(as_kw), .. }) = &i.args {
                let as_want = if majority_lower { as_kw.text.to_lowercase() } else { as_kw.text.to_uppercase() };
                if as_want != as_kw.text {
                    edits.push(Edit::new(as_kw.span, as_want));
                }
            }
            out.push(
                RULE.finding(
                    i.keyword_span,
                    format!("Command '{k}' should match the case of the command majority ({casing})"),
                )
                .with_fix(Fix::safe(format!("Write `{want}`"), edits)),
            );
        }
    }
}
