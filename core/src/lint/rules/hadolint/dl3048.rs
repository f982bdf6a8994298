use crate::lint::prelude::*;

declare_rule! {
    /// Use valid label keys.
    ///
    /// ## What it does
    /// Flags `LABEL` keys that do not follow Docker's key format: lower-case
    /// letters, digits, `.` and `-`, starting with a letter and ending with
    /// a letter or digit, no `..` or `--`, and not in the namespaces Docker
    /// reserves (`com.docker.`, `io.docker.`, `org.dockerproject.`).
    ///
    /// ## Why
    /// Tools that read labels (registries, scanners, orchestrators) expect
    /// reverse-DNS keys; odd keys are ignored or clash with Docker's own.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL Version=1.0 com.docker.team=web
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.version=1.0 com.example.team=web
    /// ```
    pub static RULE = Rule {
        code: "DP348",
        name: "invalid-label-key",
        also: Some("DL3048"),
        severity: Severity::Info,
        category: Category::Style,
        messages: &[&KEY],
        check,
    };
}

static KEY: Message = Message::new(
    "DP348.key",
    "Invalid label key `{key}`: use lower-case reverse-DNS notation",
    "标签键 `{key}` 无效：请使用小写的反向域名格式",
);

fn valid(key: &str) -> bool {
    let k = super::util::drop_quotes(key);
    let first_ok = k.starts_with(|c: char| c.is_ascii_lowercase());
    let last_ok = k.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
    let chars_ok = k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    let reserved = ["com.docker.", "io.docker.", "org.dockerproject."].iter().any(|p| k.starts_with(p));
    first_ok && last_ok && chars_ok && !reserved && !k.contains("..") && !k.contains("--")
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Label) {
        let Args::Label { pairs, .. } = &instr.args else { continue };
        for p in pairs.iter().filter(|p| !valid(&p.key)) {
            out.push(RULE.finding(p.span, KEY.msg().arg("key", &p.key)));
        }
    }
}
