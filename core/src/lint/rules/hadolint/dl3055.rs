use super::util::check_label_values;
use crate::lint::prelude::*;

declare_rule! {
    /// A label the schema types `hash` should hold a git commit hash.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets a label of
    /// type `hash` to anything but 7 or 40 lower-case hexadecimal digits
    /// (hadolint 2.15.1: src/Hadolint/Rule/DL3055.hs).
    ///
    /// ## Why
    /// The revision label ties an image to the commit it was built from; a
    /// branch name or an unexpanded variable does not.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL org.opencontainers.image.revision="main"
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.revision="4f3c2a1"
    /// ```
    pub static RULE = Rule {
        code: "DP355",
        name: "label-not-git-hash",
        also: Some("DL3055"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message = Message::new(
    "DP355.invalid_hash",
    "Label `{label}` is not a valid git hash.",
    "标签 `{label}` 不是有效的 git 提交哈希。",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_label_values(ctx, out, &RULE, LabelType::Hash, valid, &INVALID);
}

/// Seven or forty lower-case hex digits, as hadolint's `isBadHash` wants.
fn valid(value: &str) -> bool {
    (value.len() == 7 || value.len() == 40) && value.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
