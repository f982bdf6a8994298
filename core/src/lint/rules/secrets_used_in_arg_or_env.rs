use crate::lint::prelude::*;

declare_rule! {
    /// Do not pass secrets through ARG or ENV.
    ///
    /// ## What it does
    /// Flags `ARG` and `ENV` names that look like secrets: a `_`-separated
    /// part of the name is `apikey`, `auth`, `credential(s)`, `key`,
    /// `password`, `passwd`, `pword`, `secret` or `token`, and no part is
    /// `public`, `file` or `version`.
    ///
    /// ## Why
    /// ENV values are stored in the image configuration and ARG values in
    /// the build history (`docker history` shows them), so anyone who can
    /// pull the image can read them.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG NPM_TOKEN
    /// RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
    /// ```
    ///
    /// ## Fix
    /// Use a secret mount, which is never stored in the image:
    /// ```dockerfile
    /// RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \
    ///     echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
    /// ```
    pub static RULE = Rule {
        code: "DP015",
        name: "SecretsUsedInArgOrEnv",
        also: Some("BuildKit:SecretsUsedInArgOrEnv"),
        severity: Severity::Warning,
        category: Category::Security,
        messages: &[&SENSITIVE],
        check,
    };
}

static SENSITIVE: Message = Message::new(
    "DP015.sensitive",
    "Do not use ARG or ENV instructions for sensitive data ({keyword} \"{name}\")",
    "不要用 ARG 或 ENV 指令传递敏感数据（{keyword} “{name}”）",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go getSecretsRegex
// and validateNoSecretKey.
const DENY: [&str; 10] =
    ["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"];
const ALLOW: [&str; 3] = ["public", "file", "version"];

/// Does this ARG/ENV name look like it holds a secret?
pub fn is_secret_name(key: &str) -> bool {
    let parts: Vec<String> = key.split('_').map(str::to_ascii_lowercase).collect();
    parts.iter().any(|p| DENY.contains(&p.as_str())) && !parts.iter().any(|p| ALLOW.contains(&p.as_str()))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions() {
        let names: Vec<(&str, Span)> = match &instr.args {
            Args::Arg(decls) => decls.iter().map(|d| (d.name.as_str(), d.span)).collect(),
            Args::Env { pairs, .. } => pairs.iter().map(|p| (p.key.as_str(), p.span)).collect(),
            _ => continue,
        };
        for (name, span) in names {
            if is_secret_name(name) {
                let span = if span.is_empty() { instr.span } else { ctx.find_in(span, name) };
                out.push(RULE.finding(span, SENSITIVE.msg().arg("keyword", instr.keyword.as_str()).arg("name", name)));
            }
        }
    }
}
