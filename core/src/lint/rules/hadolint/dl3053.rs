use super::util::check_label_values;
use crate::lint::prelude::*;

declare_rule! {
    /// A label the schema types `rfc3339` should hold an RFC 3339 time.
    ///
    /// ## What it does
    /// With a label schema configured, flags a `LABEL` that sets a label of
    /// type `rfc3339` to anything but a full date and time with a zone,
    /// `2024-05-01T12:30:00Z` or `2024-05-01T12:30:00.5+02:00` (hadolint
    /// 2.15.1: src/Hadolint/Rule/DL3053.hs, `parseTimeRFC3339`).
    ///
    /// ## Why
    /// `org.opencontainers.image.created` is defined as RFC 3339; tools
    /// that sort or age images by it cannot read `May 1st` or a bare date.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL org.opencontainers.image.created="2024-05-01"
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// LABEL org.opencontainers.image.created="2024-05-01T00:00:00Z"
    /// ```
    pub static RULE = Rule {
        code: "DP353",
        name: "label-not-rfc3339",
        also: Some("DL3053"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&INVALID],
        check,
    };
}

static INVALID: Message = Message::new(
    "DP353.invalid_rfc3339",
    "Label `{label}` is not a valid time format - must conform to RFC3339.",
    "标签 `{label}` 的时间格式无效，必须符合 RFC 3339。",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_label_values(ctx, out, &RULE, LabelType::Rfc3339, valid, &INVALID);
}

/// `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`: the
/// two forms hadolint's `parseTimeRFC3339` tries. Letters match in either
/// case, as Haskell's time parser matches them.
fn valid(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = value.get(from..from + n)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten()
    };
    let at = |i: usize, c: u8| b.get(i).is_some_and(|x| x.eq_ignore_ascii_case(&c));
    let (Some(year), Some(month), Some(day)) = (digits(0, 4), digits(5, 2), digits(8, 2)) else { return false };
    let (Some(hour), Some(minute), Some(second)) = (digits(11, 2), digits(14, 2), digits(17, 2)) else { return false };
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month)
        || day == 0
        || day > days[month as usize - 1]
        || hour > 23
        || minute > 59
        || second > 60
    {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if at(i, b'Z') {
        return i + 1 == b.len();
    }
    (at(i, b'+') || at(i, b'-'))
        && i + 6 == b.len()
        && digits(i + 1, 2).is_some_and(|h| h < 24)
        && at(i + 3, b':')
        && digits(i + 4, 2).is_some_and(|m| m < 60)
}
