use super::util::check_label_values;
use crate::lint::prelude::*;

declare_rule! {
    /// A label the schema types `email` should hold an email address.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets a label of
    /// type `email` to anything but an RFC 5322 address, `local@domain`
    /// with a dot-atom or quoted local part and a dot-atom or bracketed
    /// domain (hadolint 2.15.1: src/Hadolint/Rule/DL3058.hs, which uses
    /// `Text.Email.Validate`).
    ///
    /// ## Why
    /// A maintainer label that is not an address cannot be written to.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL maintainer="platform team"
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL maintainer="platform@example.com"
    /// ```
    pub static RULE = Rule {
        code: "DP358",
        name: "label-not-email",
        also: Some("DL3058"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message = Message::new(
    "DP358.invalid_email",
    "Label `{label}` is not a valid email format - must conform to RFC5322.",
    "标签 `{label}` 不是有效的电子邮件地址，必须符合 RFC 5322。",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_label_values(ctx, out, &RULE, LabelType::Email, valid, &INVALID);
}

/// An RFC 5322 `addr-spec`: a dot-atom or quoted-string local part, `@`,
/// and a dot-atom or `[domain literal]` domain.
fn valid(value: &str) -> bool {
    let Some(at) = value.rfind('@') else { return false };
    let (local, domain) = (&value[..at], &value[at + 1..]);
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let dot_atom = |s: &str| !s.is_empty() && s.split('.').all(|a| !a.is_empty() && a.chars().all(atext));
    let quoted = |s: &str| {
        s.len() >= 2 && s.starts_with('"') && s.ends_with('"') && {
            let inner = &s[1..s.len() - 1];
            let mut escaped = false;
            inner.chars().all(|c| {
                let ok = escaped || (c != '"' && (c == ' ' || c == '\t' || c == '\\' || c.is_ascii_graphic()));
                escaped = !escaped && c == '\\';
                ok
            }) && !escaped
        }
    };
    let literal = |s: &str| {
        s.len() >= 2
            && s.starts_with('[')
            && s.ends_with(']')
            && s[1..s.len() - 1].chars().all(|c| c.is_ascii_graphic() && !"[]\\".contains(c))
    };
    (dot_atom(local) || quoted(local)) && (dot_atom(domain) || literal(domain))
}
