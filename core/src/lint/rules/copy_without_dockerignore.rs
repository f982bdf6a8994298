use crate::lint::prelude::*;

declare_rule! {
    /// `COPY .` without a `.dockerignore` copies everything.
    ///
    /// ## What it does
    /// Flags `COPY .` / `ADD .` (the whole build context) when the build
    /// context is known and has no `.dockerignore`.
    ///
    /// ## Why
    /// Without a `.dockerignore`, `.git`, `node_modules`, build output,
    /// local `.env` files and editor settings are sent to the builder and
    /// land in the image. Any change to any of them (a commit, a test run)
    /// also invalidates this layer and every one after it.
    ///
    /// ## Example
    /// ```dockerfile
    /// COPY . .
    /// ```
    ///
    /// ## Fix
    /// Add a `.dockerignore` next to the Dockerfile, for example:
    /// ```text
    /// .git
    /// node_modules
    /// dist
    /// .env
    /// ```
    pub static RULE = Rule {
        code: "DP204",
        name: "copy-all-without-dockerignore",
        also: None,
        severity: Severity::Warning,
        category: Category::Cache,
        messages: &[&WHOLE_CONTEXT],
        check,
    };
}

static WHOLE_CONTEXT: Message = Message::new("DP204.whole_context", "`{keyword} {source}` sends the whole context and there is no .dockerignore: .git, dependencies and local files end up in the image and any change to them invalidates this layer", "`{keyword} {source}` 会发送整个构建上下文，而这里没有 .dockerignore：.git、依赖目录和本地文件都会进入镜像，其中任何改动都会让这一层的缓存失效");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if !ctx.has_context() || ctx.file(".dockerignore").is_some() {
        return;
    }
    for instr in ctx.instructions() {
        let Some(copy) = instr.args.copy() else { continue };
        if copy.from.is_some() {
            continue;
        }
        for src in &copy.sources {
            if matches!(src.text.trim_matches(['"', '\'']), "." | "./" | "*" | "./*") {
                out.push(RULE.finding(
                    src.span,
                    WHOLE_CONTEXT.msg().arg("keyword", instr.keyword.as_str()).arg("source", &src.text),
                ));
            }
        }
    }
}
