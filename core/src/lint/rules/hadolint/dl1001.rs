use crate::lint::prelude::*;
use crate::lint::suppress;

declare_rule! {
    /// Inline `# hadolint ignore=` pragmas should not be used.
    ///
    /// ## What it does
    /// Flags every inline ignore pragma: a `# hadolint ignore=...` comment
    /// (or our own `# dockerplay ignore=...`) that silences findings of the
    /// instruction after it. The file-wide `# hadolint global ignore=...`
    /// is not flagged, as in hadolint.
    ///
    /// Off by default, as in hadolint (where its severity is "ignore"):
    /// turn it on with `--enable DL1001`. A `global ignore=DL1001` silences
    /// it for the file.
    ///
    /// ## Why
    /// Each inline pragma hides a finding where a reviewer does not look for
    /// it, and they spread: one pragma copied with its instruction silences
    /// the rule there too. A team that wants exceptions made in one place,
    /// the top of the file or the linter's configuration, turns this rule
    /// on to keep them from creeping into the file.
    ///
    /// ## Example
    /// ```dockerfile
    /// # hadolint ignore=DL3008
    /// RUN apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix
    /// Fix what the pragma hides:
    /// ```dockerfile
    /// RUN apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6
    /// ```
    pub static RULE = Rule {
        code: "DP101",
        name: "inline-ignore-pragma",
        also: Some("DL1001"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PRAGMA, &REMOVE],
        check,
    };
}

static PRAGMA: Message = Message::new(
    "DP101.inline_pragma",
    "Avoid inline ignore pragmas: fix what this one hides, or ignore the rule for the whole file",
    "不要使用行内的忽略注释：请修复它掩盖的问题，或者对整个文件忽略该规则",
);
static REMOVE: Message = Message::new("DP101.remove", "Remove the pragma", "删除这条注释");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for comment in &ctx.dockerfile.comments {
        // hadolint reads no pragma from an empty list, and neither do we.
        let Some((false, list)) = suppress::pragma(&comment.text) else { continue };
        if list.is_empty() {
            continue;
        }
        // A pragma belongs to the stage it is written in; before the first
        // FROM it belongs to none and always counts.
        let stage = ctx.dockerfile.stages.iter().rev().find(|s| s.line <= comment.line).map(|s| s.index);
        if !ctx.in_scope(stage) {
            continue;
        }
        let finding = RULE.finding(comment.span, PRAGMA.msg());
        out.push(finding.with_fix(Fix::unsafe_(REMOVE.msg(), vec![Edit::delete(whole_line(ctx.text, comment.span))])));
    }
}

/// The comment's line with its indentation and line break, so that
/// removing it leaves no empty line behind.
fn whole_line(text: &str, comment: Span) -> Span {
    let start = text.get(..comment.start).and_then(|before| before.rfind('\n')).map_or(0, |i| i + 1);
    let rest = text.get(comment.end..).unwrap_or("");
    let end = comment.end + if rest.starts_with("\r\n") { 2 } else { usize::from(rest.starts_with('\n')) };
    Span::new(start.min(comment.start), end)
}
