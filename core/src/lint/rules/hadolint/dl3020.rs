use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use COPY instead of ADD for files and folders.
    ///
    /// ## What it does
    /// Flags `ADD` whose sources include a local file or folder that is not
    /// an archive (URLs and local archives are what `ADD` is for).
    ///
    /// ## Why
    /// `ADD` does more than copy: it fetches URLs and unpacks archives. For
    /// a plain file that magic only surprises; `COPY` says what happens.
    ///
    /// ## Example
    /// ```dockerfile
    /// ADD nginx.conf /etc/nginx/nginx.conf
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// COPY nginx.conf /etc/nginx/nginx.conf
    /// ```
    pub static RULE = Rule {
        code: "DP320",
        name: "add-instead-of-copy",
        also: Some("DL3020"),
        severity: Severity::Error,
        category: Category::Maintainability,
        messages: &[&COPY, &REPLACE],
        check,
    };
}

static COPY: Message =
    Message::new("DP320.copy", "Use COPY instead of ADD for files and folders", "复制文件和目录请用 COPY，而不是 ADD");
static REPLACE: Message = Message::new("DP320.replace", "Replace ADD with COPY", "把 ADD 换成 COPY");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Add) {
        let Args::Add(add) = &instr.args else { continue };
        let plain = |s: &Word| {
            !s.text.starts_with("<<") && !util::is_archive(&s.text) && !util::is_url(&s.text) && !is_git(&s.text)
        };
        if !add.sources.iter().any(plain) {
            continue;
        }
        let mut finding = RULE.finding(instr.keyword_span, COPY.msg());
        // Only when every source is a plain file and no ADD-only option is
        // used does COPY do exactly the same thing.
        if add.sources.iter().all(plain) && add.checksum.is_none() && !add.keep_git_dir {
            let copy = if instr.keyword_text.chars().all(|c| c.is_ascii_lowercase()) { "copy" } else { "COPY" };
            finding = finding.with_fix(Fix::safe(REPLACE.msg(), vec![Edit::new(instr.keyword_span, copy)]));
        }
        out.push(finding);
    }
}

/// A git repository source (`git@host:repo`, `https://...git`) is ADD's too.
fn is_git(path: &str) -> bool {
    let p = util::drop_quotes(path);
    p.starts_with("git@") || p.starts_with("git://") || p.starts_with("ssh://")
}
