use crate::lint::prelude::*;

declare_rule! {
    /// Do not refer to a variable in the ENV that defines it.
    ///
    /// ## What it does
    /// Flags an `ENV` that sets several variables where one value refers to
    /// another variable set by the same `ENV` (and not defined before it).
    ///
    /// ## Why
    /// All values of one `ENV` are expanded before any is set, so
    /// `ENV A=/app B=$A/bin` gives `B` the old value of `A` (usually empty),
    /// not `/app`.
    ///
    /// ## Example
    /// ```dockerfile
    /// ENV APP_HOME=/app APP_BIN=$APP_HOME/bin
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ENV APP_HOME=/app
    /// ENV APP_BIN=$APP_HOME/bin
    /// ```
    pub static RULE = Rule {
        code: "DP344",
        name: "env-self-reference",
        also: Some("DL3044"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&SELF_REF],
        check,
    };
}

static SELF_REF: Message = Message::new(
    "DP344.self_reference",
    "`{key}` is set by this ENV, so its other values still see the old `{old}`",
    "`{key}` 正是由这条 ENV 设置的，所以同一条 ENV 中的其他值看到的仍是旧的 `{old}`",
);

/// Does `text` refer to `$name` or `${name...}`?
fn refers_to(text: &str, name: &str) -> bool {
    let braced = format!("${{{name}");
    let bare = format!("${name}");
    text.match_indices(&braced).any(|(i, _)| {
        matches!(text[i + braced.len()..].chars().next(), Some('}' | ':' | '-' | '+' | '?' | '#' | '%' | '/'))
    }) || text
        .match_indices(&bare)
        .any(|(i, _)| !text[i + bare.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // Names defined before, by ARG or ENV anywhere earlier in the file.
    let mut known: Vec<&str> = Vec::new();
    for instr in &ctx.dockerfile.instructions {
        match &instr.args {
            Args::Arg(decls) => known.extend(decls.iter().map(|d| d.name.as_str())),
            Args::Env { pairs, .. } => {
                let bad = pairs.iter().enumerate().find_map(|(k, p)| {
                    let by_other = pairs.iter().enumerate().any(|(j, q)| j != k && refers_to(&q.value, &p.key));
                    (by_other && !known.contains(&p.key.as_str())).then_some(p)
                });
                if let Some(p) = bad.filter(|_| ctx.in_scope(instr.stage)) {
                    out.push(RULE.finding(p.span, SELF_REF.msg().arg("key", &p.key).arg("old", format!("${}", p.key))));
                }
                known.extend(pairs.iter().map(|p| p.key.as_str()));
            }
            _ => {}
        }
    }
}
