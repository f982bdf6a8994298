use super::util::check_label_values;
use crate::lint::prelude::*;

declare_rule! {
    /// A label the schema types `semver` should hold a semantic version.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets a label of
    /// type `semver` to anything but a semantic version,
    /// `MAJOR.MINOR.PATCH` with an optional `-pre.release` and `+build`
    /// (hadolint 2.15.1: src/Hadolint/Rule/DL3056.hs, `Data.SemVer`, which
    /// is laxer than Semantic Versioning 2.0 about leading zeros).
    ///
    /// ## Why
    /// Release tooling compares versions; `v1.2` or `1.2` do not compare
    /// as semantic versions.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL org.opencontainers.image.version="v1.2"
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.version="1.2.0"
    /// ```
    pub static RULE = Rule {
        code: "DP356",
        name: "label-not-semver",
        also: Some("DL3056"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message = Message::new(
    "DP356.invalid_semver",
    "Label `{label}` does not conform to semantic versioning.",
    "标签 `{label}` 不符合语义化版本规范。",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_label_values(ctx, out, &RULE, LabelType::Semver, valid, &INVALID);
}

/// `MAJOR.MINOR.PATCH`, then optionally `-` and pre-release identifiers,
/// then optionally `+` and build identifiers. What hadolint 2.15.1 accepts,
/// measured on it: numbers may have leading zeros (`01.2.3`), the lists may
/// be empty (`1.2.3-`) or end in a dot, but an identifier is never empty
/// in the middle (`a..b`) and holds only letters, digits and `-`.
fn valid(value: &str) -> bool {
    let (rest, build) = match value.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (value, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ids = |s: &str| {
        let s = s.strip_suffix('.').unwrap_or(s);
        s.is_empty()
            || s.split('.').all(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| number(p)) && pre.is_none_or(ids) && build.is_none_or(ids)
}
