use crate::lint::prelude::*;

declare_rule! {
    /// Use `ENV key=value`, not the legacy `ENV key value`.
    ///
    /// ## What it does
    /// Flags `ENV` and `LABEL` instructions in the space-separated form.
    ///
    /// ## Why
    /// In the legacy form everything after the key is the value, so
    /// `ENV A 1 B 2` sets `A` to `"1 B 2"`. The `key=value` form is
    /// unambiguous, can set several keys, and is the documented one.
    ///
    /// ## Example
    /// ```dockerfile
    /// ENV NODE_ENV production
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ENV NODE_ENV=production
    /// ```
    pub static RULE = Rule {
        code: "DP013",
        name: "LegacyKeyValueFormat",
        also: Some("BuildKit:LegacyKeyValueFormat"),
        severity: Severity::Warning,
        category: Category::Style,
        messages: &[&LEGACY, &WRITE],
        check,
    };
}

static LEGACY: Message = Message::new(
    "DP013.legacy",
    "\"{keyword} key=value\" should be used instead of legacy \"{keyword} key value\" format",
    "应使用“{keyword} key=value”格式，而不是旧式的“{keyword} key value”格式",
);
static WRITE: Message = Message::new("DP013.write", "Write `{text}`", "改为 `{text}`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions() {
        let (Args::Env { pairs, legacy: true } | Args::Label { pairs, legacy: true }) = &instr.args else { continue };
        let name = instr.keyword.as_str();
        let mut f = RULE.finding(ctx.first_line(instr), LEGACY.msg().arg("keyword", name));
        if let [pair] = pairs.as_slice() {
            let v = &pair.value;
            // Quote only values whose meaning quoting cannot change, after a
            // key that reads the same in `key=value` (no quote, escape or `=`
            // in it, which that form would read differently).
            let plain_key = !pair.key.is_empty() && !pair.key.contains(['"', '\'', '\\', '`', '=', '$']);
            if plain_key && !v.contains(['"', '\'', '\\', '\n']) && !pair.span.is_empty() {
                let value =
                    if v.contains(char::is_whitespace) || v.is_empty() { format!("\"{v}\"") } else { v.clone() };
                let text = format!("{}={}", pair.key, value);
                f = f.with_fix(Fix::safe(WRITE.msg().arg("text", &text), vec![Edit::new(pair.span, text)]));
            }
        }
        out.push(f);
    }
}
