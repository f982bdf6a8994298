use super::util::check_label_values;
use crate::lint::prelude::*;

declare_rule! {
    /// A label the schema types `url` should hold a URL.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets a label of
    /// type `url` to something that is not an absolute URI: a scheme, a
    /// colon, and only the characters RFC 3986 allows (hadolint 2.15.1:
    /// src/Hadolint/Rule/DL3052.hs, which uses `Network.URI.parseURI`).
    ///
    /// ## Why
    /// Tools link `org.opencontainers.image.source` and friends; a value
    /// without a scheme (`github.com/org/repo`) is not a link.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL org.opencontainers.image.source="github.com/org/repo"
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.source="https://github.com/org/repo"
    /// ```
    pub static RULE = Rule {
        code: "DP352",
        name: "label-not-url",
        also: Some("DL3052"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message =
    Message::new("DP352.invalid_url", "Label `{label}` is not a valid URL.", "标签 `{label}` 不是有效的 URL。");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_label_values(ctx, out, &RULE, LabelType::Url, valid, &INVALID);
}

/// An absolute URI as RFC 3986 spells it (what `Network.URI.parseURI`
/// accepts): a scheme of a letter then letters, digits, `+`, `-` or `.`,
/// a colon, then only unreserved, reserved and `%XX`-escaped characters,
/// one `#` at most, and a numeric port after an authority's host.
fn valid(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once(':') else { return false };
    let mut chars = scheme.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        || !chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return false;
    }
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'%' {
            if !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            i += 3;
            continue;
        }
        if !(c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&c)) {
            return false;
        }
        i += 1;
    }
    if rest.matches('#').count() > 1 {
        return false;
    }
    if let Some(after) = rest.strip_prefix("//") {
        let authority = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let port = if host_port.starts_with('[') {
            match host_port.split_once(']') {
                Some((_, p)) if p.is_empty() || p.starts_with(':') => p.strip_prefix(':'),
                _ => return false,
            }
        } else {
            if host_port.contains(['[', ']']) {
                return false;
            }
            host_port.split_once(':').map(|(_, p)| p)
        };
        if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
            return false;
        }
    } else if rest.contains(['[', ']']) {
        return false;
    }
    true
}
