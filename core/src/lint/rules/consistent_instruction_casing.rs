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
        messages: &[&LOWER, &UPPER, &WRITE],
        check,
    };
}

static LOWER: Message = Message::new(
    "DP004.lowercase",
    "Command '{keyword}' should match the case of the command majority (lowercase)",
    "指令“{keyword}”应与文件中多数指令的大小写一致（小写）",
);
static UPPER: Message = Message::new(
    "DP004.uppercase",
    "Command '{keyword}' should match the case of the command majority (uppercase)",
    "指令“{keyword}”应与文件中多数指令的大小写一致（大写）",
);
static WRITE: Message = Message::new("DP004.write", "Write `{text}`", "改为 `{text}`");

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
        let (want, message) = if majority_lower { (k.to_lowercase(), &LOWER) } else { (k.to_uppercase(), &UPPER) };
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
                RULE.finding(i.keyword_span, message.msg().arg("keyword", k))
                    .with_fix(Fix::safe(WRITE.msg().arg("text", &want), edits)),
            );
        }
    }
}
