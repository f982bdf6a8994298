use crate::lint::prelude::*;

declare_rule! {
    /// COPY with several sources needs a destination ending with `/`.
    ///
    /// ## What it does
    /// Flags `COPY` with more than one source whose destination does not
    /// end with `/`.
    ///
    /// ## Why
    /// With several sources the destination must be a directory, and
    /// BuildKit only treats it as one when it ends with `/`; otherwise the
    /// build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// COPY package.json package-lock.json /app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// COPY package.json package-lock.json /app/
    /// ```
    pub static RULE = Rule {
        code: "DP321",
        name: "copy-multiple-sources-dest",
        also: Some("DL3021"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&SLASH, &ADD_SLASH],
        check,
    };
}

static SLASH: Message = Message::new(
    "DP321.slash",
    "COPY with more than one source needs a destination ending with `/`",
    "COPY 有多个源文件时，目标路径必须以 `/` 结尾",
);
static ADD_SLASH: Message = Message::new("DP321.add_slash", "Add `/` to the destination", "在目标路径末尾加上 `/`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Copy) {
        let Args::Copy(copy) = &instr.args else { continue };
        let dest = super::util::drop_quotes(&copy.dest.text);
        if copy.sources.len() > 1 && !dest.ends_with('/') && !dest.is_empty() {
            let mut finding = RULE.finding(copy.dest.span, SLASH.msg());
            // `<<` starts a heredoc to BuildKit, so a `/` after it would
            // name one rather than mark a directory: no fix there.
            if !copy.json && !dest.starts_with("<<") {
                let fix = Fix::safe(ADD_SLASH.msg(), vec![Edit::insert(copy.dest.span.end, "/")]);
                finding = finding.with_fix(fix);
            }
            out.push(finding);
        }
    }
}
