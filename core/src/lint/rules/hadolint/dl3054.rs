use super::util::check_label_values;
use crate::lint::prelude::*;

declare_rule! {
    /// A label the schema types `spdx` should hold an SPDX license identifier.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets a label of
    /// type `spdx` to anything but one SPDX license identifier (`MIT`,
    /// `Apache-2.0`); an expression such as `MIT OR Apache-2.0` is not one
    /// (hadolint 2.15.1: src/Hadolint/Rule/DL3054.hs, which parses a
    /// single Cabal `LicenseId`).
    ///
    /// ## Why
    /// `org.opencontainers.image.licenses` is read by license scanners;
    /// `Apache 2` or `BSD` names no license they know.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL org.opencontainers.image.licenses="Apache 2"
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.licenses="Apache-2.0"
    /// ```
    pub static RULE = Rule {
        code: "DP354",
        name: "label-not-spdx",
        also: Some("DL3054"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message = Message::new(
    "DP354.invalid_spdx",
    "Label `{label}` is not a valid SPDX identifier.",
    "标签 `{label}` 不是有效的 SPDX 许可证标识符。",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_label_values(ctx, out, &RULE, LabelType::Spdx, valid, &INVALID);
}

/// The SPDX license identifiers, one a line after a comment line; generated
/// by scripts/gen-spdx.py.
const IDS: &str = include_str!("../../../../data/spdx-license-ids.txt");

/// One identifier of the list, exactly: Cabal's `LicenseId` parser, which
/// hadolint uses, takes a single identifier, so `MIT OR Apache-2.0` and
/// `GPL-2.0+` are not one.
fn valid(value: &str) -> bool {
    // Cabal reads an identifier as letters, digits, `-` and `.`; the list's
    // deprecated `GPL-2.0+` spellings are expressions to it.
    let word = value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    !value.is_empty() && word && IDS.lines().skip(1).any(|id| id == value)
}
