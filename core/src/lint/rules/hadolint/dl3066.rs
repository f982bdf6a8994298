use crate::lint::prelude::*;

declare_rule! {
    /// Prefer a numeric user id in USER.
    ///
    /// ## What it does
    /// Flags `USER` with a user name rather than a numeric uid (`USER app`
    /// rather than `USER 10001`). A user given by a build argument
    /// (`ARG APP_UID` ... `USER $APP_UID`) is the builder's choice and not
    /// judged.
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
        messages: &[&NAME],
        check,
    };
}

static NAME: Message = Message::new(
    "DP366.name",
    "USER `{user}` is a name; a numeric uid can be checked without the image's /etc/passwd",
    "USER `{user}` 是用户名；数字形式的 UID 不必查镜像中的 /etc/passwd 就能检查",
);

/// Names declared by an ARG before `offset`: their value is the builder's
/// choice (`--build-arg`), so a USER that uses one is not judged.
fn args_before<'a>(ctx: &Context<'a>, offset: usize) -> Vec<&'a str> {
    ctx.dockerfile
        .instructions
        .iter()
        .take_while(|i| i.span.start < offset)
        .flat_map(|i| match &i.args {
            Args::Arg(decls) => decls.iter().map(|d| d.name.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect()
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::User) {
        let Args::User(word) = &instr.args else { continue };
        let user = super::util::drop_quotes(&word.text);
        let uid = user.split(':').next().unwrap_or(user);
        let var = uid.trim_start_matches('$').trim_start_matches('{');
        let var = var.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next().unwrap_or("");
        if uid.starts_with('$') && args_before(ctx, instr.span.start).contains(&var) {
            continue;
        }
        if !uid.chars().all(|c| c.is_ascii_digit()) {
            out.push(RULE.finding(word.span, NAME.msg().arg("user", uid)));
        }
    }
}
