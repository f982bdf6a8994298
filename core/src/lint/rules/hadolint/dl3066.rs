use crate::lint::prelude::*;

declare_rule! {
    /// Prefer a numeric user id in USER.
    ///
    /// ## What it does
    /// Flags `USER` with a user name rather than a numeric uid (`USER app`
    /// rather than `USER 10001`).
    ///
    /// ## Why
    /// A name is resolved through the image's `/etc/passwd` at run time;
    /// platforms that check "runs as non-root" (Kubernetes'
    /// `runAsNonRoot`) cannot tell from a name, and volume permissions are
    /// set by number.
    ///
    /// ## Example
    /// ```dockerfile
    /// USER app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// USER 10001
    /// ```
    pub static RULE = Rule {
        code: "DP366",
        name: "non-numeric-user",
        also: Some("DL3066"),
        severity: Severity::Info,
        category: Category::Security,
        check,
    };
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::User) {
        let Args::User(word) = &instr.args else { continue };
        let user = super::util::drop_quotes(&word.text);
        let uid = user.split(':').next().unwrap_or(user);
        // A variable may hold a uid; it is only known at build time.
        if !uid.starts_with('$') && !uid.chars().all(|c| c.is_ascii_digit()) {
            out.push(RULE.finding(word.span, format!("USER `{uid}` is a name; a numeric uid can be checked without the image's /etc/passwd")));
        }
    }
}
