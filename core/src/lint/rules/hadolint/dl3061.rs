use crate::lint::prelude::*;

declare_rule! {
    /// A Dockerfile must begin with FROM or ARG.
    ///
    /// ## What it does
    /// Flags instructions other than `ARG` before the first `FROM`.
    ///
    /// ## Why
    /// Only `ARG` (and parser directives and comments) may come before the
    /// first `FROM`; anything else has no stage to run in and the build
    /// fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL org.opencontainers.image.title=web
    /// FROM nginx:1.27
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM nginx:1.27
    /// LABEL org.opencontainers.image.title=web
    /// ```
    pub static RULE = Rule {
        code: "DP361",
        name: "instruction-before-from",
        also: Some("DL3061"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&BEFORE_FROM],
        check,
    };
}

static BEFORE_FROM: Message = Message::new(
    "DP361.before_from",
    "{keyword} before the first FROM: only ARG may come first",
    "{keyword} 出现在第一个 FROM 之前：只有 ARG 可以写在最前面",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.dockerfile.instructions.iter().take_while(|i| i.keyword != Keyword::From) {
        if instr.keyword != Keyword::Arg {
            out.push(RULE.finding(instr.keyword_span, BEFORE_FROM.msg().arg("keyword", instr.keyword.as_str())));
        }
    }
}
