use crate::lint::prelude::*;

declare_rule! {
    /// COPY or ADD names a file that `.dockerignore` leaves out.
    ///
    /// ## What it does
    /// Flags a `COPY`/`ADD` source from the build context that the context's
    /// `.dockerignore` excludes. Like BuildKit, it stays quiet when the
    /// `.dockerignore` has `!` exceptions, which cannot be judged statically.
    /// Experimental in BuildKit: it runs when the file says
    /// `# check=experimental=CopyIgnoredFile` (or `all`), or with the
    /// experimental switch.
    ///
    /// ## Why
    /// An excluded file is never sent to the builder, so the instruction
    /// fails with "not found", or a wildcard silently copies less than
    /// intended.
    ///
    /// ## Example
    /// With `.dockerignore` containing `*.md`:
    /// ```dockerfile
    /// COPY README.md /app/
    /// ```
    ///
    /// ## Fix
    /// Remove the file from `.dockerignore` (or add `!README.md`), or stop
    /// copying it.
    pub static RULE = Rule {
        code: "DP018",
        name: "CopyIgnoredFile",
        also: Some("BuildKit:CopyIgnoredFile"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&COPY_EXCLUDED, &ADD_EXCLUDED],
        check,
    };
}

static COPY_EXCLUDED: Message = Message::new(
    "DP018.copy_excluded",
    "Attempting to Copy file \"{path}\" that is excluded by .dockerignore",
    "COPY 的文件“{path}”已被 .dockerignore 排除",
);
static ADD_EXCLUDED: Message = Message::new(
    "DP018.add_excluded",
    "Attempting to Add file \"{path}\" that is excluded by .dockerignore",
    "ADD 的文件“{path}”已被 .dockerignore 排除",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go validateCopySourcePath
// (an experimental check there; see registry::OFF_BY_DEFAULT).
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(ignore) = &ctx.dockerignore else { return };
    if ignore.has_exclusions() {
        return;
    }
    for instr in ctx.instructions() {
        let Some(copy) = instr.args.copy() else { continue };
        if copy.from.is_some() {
            continue;
        }
        let excluded = if instr.keyword == Keyword::Add { &ADD_EXCLUDED } else { &COPY_EXCLUDED };
        for src in &copy.sources {
            let s = src.text.trim_matches(['"', '\'']);
            if s.starts_with("<<") || s.contains("://") || s.starts_with("git@") || s.contains('$') {
                continue;
            }
            let cleaned = clean(s);
            if cleaned.is_empty() || cleaned == "." {
                // The context root is reported only when a pattern ignores
                // every entry of it (BuildKit: dockerfile2llb/validations.go
                // validateCopySourcePath and copySourceRootIgnored).
                if root_ignored(ctx) {
                    out.push(RULE.finding(src.span, excluded.msg().arg("path", ".")));
                }
                continue;
            }
            if ignore.matches_or_parent_matches(&cleaned) {
                out.push(RULE.finding(src.span, excluded.msg().arg("path", &cleaned)));
            }
        }
    }
}

/// Does a `.dockerignore` pattern (not an exception) exclude every entry
/// of the context: `*`, `**` or `**/*`?
fn root_ignored(ctx: &Context) -> bool {
    let Some(file) = ctx.file(".dockerignore") else { return false };
    let crate::inputs::FileBody::Text { content } = &file.body else { return false };
    crate::context::parse_dockerignore(content).iter().any(|p| matches!(p.as_str(), "*" | "**" | "**/*"))
}

/// filepath.Clean for context paths, without the leading `/` or `./`.
fn clean(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}
