use crate::lint::prelude::*;

declare_rule! {
    /// Use an absolute path in WORKDIR.
    ///
    /// ## What it does
    /// Flags a `WORKDIR` whose path is relative (neither starting with `/`,
    /// nor a variable, nor a Windows drive path).
    /// Where BuildKit's `WorkdirRelativePath` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// A relative `WORKDIR` is resolved against the previous one, which may
    /// come from the base image and change when the base does. An absolute
    /// path says where files land without reading the whole history.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22
    /// WORKDIR app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22
    /// WORKDIR /app
    /// ```
    pub static RULE = Rule {
        code: "DP300",
        name: "absolute-workdir",
        also: Some("DL3000"),
        severity: Severity::Error,
        category: Category::Maintainability,
        messages: &[&ABSOLUTE],
        check,
    };
}

static ABSOLUTE: Message = Message::new(
    "DP300.absolute",
    "Use an absolute WORKDIR instead of `{path}`",
    "WORKDIR 应使用绝对路径，而不是 `{path}`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::workdir_relative_path::RULE);
    for instr in ctx.with_keyword(Keyword::Workdir) {
        let Args::Workdir(word) = &instr.args else { continue };
        if !is_absolute(&word.text) && !twin.covers(instr.span) {
            out.push(RULE.finding(word.span, ABSOLUTE.msg().arg("path", &word.text)));
        }
    }
}

/// Absolute, a variable (unknown until build time), or a Windows path.
pub(super) fn is_absolute(path: &str) -> bool {
    let p = super::util::drop_quotes(path);
    let b = p.as_bytes();
    p.starts_with('/')
        || p.starts_with('$')
        || (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/'))
}
