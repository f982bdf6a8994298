use crate::lint::prelude::*;

declare_rule! {
    /// A credential written into an ENV, ARG or LABEL value.
    ///
    /// ## What it does
    /// Flags values that have the shape of a real credential, whatever the
    /// variable is called: AWS access keys (`AKIA...`), GitHub tokens
    /// (`ghp_...`, `github_pat_...`), Slack tokens (`xox...`), private key
    /// blocks, and passwords inside URLs (`https://user:pass@host`).
    ///
    /// ## Why
    /// The Dockerfile is usually committed, and ENV/LABEL values are stored
    /// in the image configuration, ARG values in its history. A credential
    /// there is published with the image and the repository.
    ///
    /// ## Example
    /// ```dockerfile
    /// ENV GITHUB=ghp_0123456789abcdefghijklmnopqrstuvwxyz
    /// ```
    ///
    /// ## Fix
    /// Revoke the credential, remove it from the file, and pass it at build
    /// time with `RUN --mount=type=secret` (or at run time).
    pub static RULE = Rule {
        code: "DP211",
        name: "secret-value-in-dockerfile",
        also: None,
        severity: Severity::Error,
        category: Category::Security,
        messages: &[&PUBLISHED, &AWS, &GITHUB, &SLACK, &STRIPE, &PRIVATE_KEY, &URL_PASSWORD],
        check,
    };
}

static PUBLISHED: Message = Message::new(
    "DP211.published",
    "the value of {keyword} `{key}` looks like {kind}; it is published with the image and the Dockerfile",
    "{keyword} `{key}` 的值看起来是{kind}，它会随镜像和 Dockerfile 一起公开",
);
static AWS: Message = Message::new("DP211.kind_aws", "an AWS access key", "AWS 访问密钥");
static GITHUB: Message = Message::new("DP211.kind_github", "a GitHub token", "GitHub 令牌");
static SLACK: Message = Message::new("DP211.kind_slack", "a Slack token", "Slack 令牌");
static STRIPE: Message = Message::new("DP211.kind_stripe", "a Stripe key", "Stripe 密钥");
static PRIVATE_KEY: Message = Message::new("DP211.kind_private_key", "a private key", "私钥");
static URL_PASSWORD: Message = Message::new("DP211.kind_url_password", "a password in a URL", "URL 中的密码");

/// What kind of credential the value looks like, if any.
pub fn credential_kind(value: &str) -> Option<&'static Message> {
    let v = value.trim_matches(['"', '\'']);
    let token_after = |prefix: &str, min: usize| {
        v.match_indices(prefix).any(|(i, _)| {
            let rest = &v[i + prefix.len()..];
            rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').count() >= min
        })
    };
    if v.match_indices("AKIA").any(|(i, _)| {
        let rest = &v[i + 4..];
        rest.len() >= 16 && rest.chars().take(16).all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    }) {
        return Some(&AWS);
    }
    if token_after("ghp_", 30) || token_after("gho_", 30) || token_after("ghs_", 30) || token_after("github_pat_", 30) {
        return Some(&GITHUB);
    }
    if ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"].iter().any(|p| token_after(p, 10)) {
        return Some(&SLACK);
    }
    if token_after("sk_live_", 16) {
        return Some(&STRIPE);
    }
    if v.contains("-----BEGIN") && v.contains("PRIVATE KEY") {
        return Some(&PRIVATE_KEY);
    }
    // scheme://user:password@host, with a literal password.
    if let Some(i) = v.find("://") {
        let rest = &v[i + 3..];
        let authority = rest.split('/').next().unwrap_or("");
        if let Some((userinfo, _)) = authority.rsplit_once('@') {
            if let Some((_, password)) = userinfo.split_once(':') {
                if !password.is_empty() && !password.starts_with('$') {
                    return Some(&URL_PASSWORD);
                }
            }
        }
    }
    None
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions() {
        let values: Vec<(&str, &str, Span)> = match &instr.args {
            Args::Env { pairs, .. } | Args::Label { pairs, .. } => {
                pairs.iter().map(|p| (p.key.as_str(), p.value.as_str(), p.span)).collect()
            }
            Args::Arg(decls) => {
                decls.iter().filter_map(|d| d.default.as_deref().map(|v| (d.name.as_str(), v, d.span))).collect()
            }
            _ => continue,
        };
        for (key, value, span) in values {
            if let Some(kind) = credential_kind(value) {
                let span = if span.is_empty() { instr.span } else { span };
                out.push(RULE.finding(
                    span,
                    PUBLISHED.msg().arg("keyword", instr.keyword.as_str()).arg("key", key).arg_msg("kind", kind.msg()),
                ));
            }
        }
    }
}
