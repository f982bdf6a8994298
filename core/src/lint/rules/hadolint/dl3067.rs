use crate::lint::prelude::*;

declare_rule! {
    /// Do not copy a whole filesystem from another stage.
    ///
    /// ## What it does
    /// Flags `COPY --from=STAGE / /`.
    ///
    /// ## Why
    /// Copying `/` over `/` overwrites the base's whole filesystem,
    /// package database included, with another stage's: the image ends up
    /// as large as both, and nothing shows what it really needs.
    ///
    /// ## Example
    /// ```dockerfile
    /// COPY --from=build / /
    /// ```
    ///
    /// ## Fix
    /// Copy only what the image needs:
    /// ```dockerfile
    /// COPY --from=build /app/dist /usr/share/nginx/html
    /// ```
    pub static RULE = Rule {
        code: "DP367",
        name: "copy-whole-filesystem",
        also: Some("DL3067"),
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&WHOLE],
        check,
    };
}

static WHOLE: Message = Message::new(
    "DP367.whole_filesystem",
    "Do not copy a whole filesystem from another stage; copy what you need",
    "不要从其他构建阶段复制整个文件系统，只复制需要的内容",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Copy) {
        let Args::Copy(copy) = &instr.args else { continue };
        let root = |t: &str| super::util::drop_quotes(t) == "/";
        if copy.from.is_some() && root(&copy.dest.text) && copy.sources.iter().any(|s| root(&s.text)) {
            out.push(RULE.finding(ctx.first_line(instr), WHOLE.msg()));
        }
    }
}
