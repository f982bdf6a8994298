use crate::lint::prelude::*;

declare_rule! {
    /// Do not put secrets in ARG or ENV.
    ///
    /// ## What it does
    /// Flags `ARG` and `ENV` names that look like credentials: well-known
    /// names (`GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `NPM_TOKEN`...) and
    /// names containing `password`, `secret`, `token`, `api_key`,
    /// `client_key`, `private` or `username`.
    /// Where BuildKit's `SecretsUsedInArgOrEnv` check reports the same instruction, only
    /// its finding is shown.
    ///
    /// ## Why
    /// ARG and ENV values are stored in the image's metadata and history:
    /// anyone who can pull the image can read them with `docker history`.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG NPM_TOKEN
    /// RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \
    ///     echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
    /// ```
    pub static RULE = Rule {
        code: "DP364",
        name: "secret-in-arg-or-env",
        also: Some("DL3064"),
        severity: Severity::Warning,
        category: Category::Security,
        messages: &[&SECRET],
        check,
    };
}

static SECRET: Message = Message::new(
    "DP364.secret",
    "`{name}` looks like a secret: ARG and ENV values stay readable in the image; use a secret mount",
    "`{name}` 看起来是密钥：ARG 和 ENV 的值在镜像中始终可以读到，请改用 secret 挂载",
);

// hadolint: src/Hadolint/Rule/DL3064.hs lists these names and substrings.
const KNOWN: [&str; 48] = [
    "ACCESS_TOKEN",
    "APPLICATION_KEY",
    "APP_SECRET",
    "AUTH_TOKEN",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "BITTREX_API_KEY",
    "BITTREX_API_SECRET",
    "CF_PASSWORD",
    "CF_USERNAME",
    "CIRCLE_TOKEN",
    "CI_DEPLOY_PASSWORD",
    "CI_DEPLOY_USER",
    "DOCKERHUB_PASSWORD",
    "DOCKER_EMAIL",
    "DOCKER_PASSWORD",
    "DOCKER_USERNAME",
    "FACEBOOK_ACCESS_TOKEN",
    "FACEBOOK_APP_ID",
    "FACEBOOK_APP_SECRET",
    "FIREBASE_API_TOKEN",
    "FIREBASE_TOKEN",
    "FOSSA_API_KEY",
    "GH_ENTERPRISE_TOKEN",
    "GH_TOKEN",
    "GITHUB_ENTERPRISE_TOKEN",
    "GITHUB_TOKEN",
    "HEROKU_API_KEY",
    "HEROKU_API_USER",
    "NPM_AUTH_TOKEN",
    "NPM_TOKEN",
    "OKTA_AUTHN_GROUPID",
    "OKTA_CLIENT_ORGURL",
    "OKTA_CLIENT_TOKEN",
    "OKTA_OAUTH2_CLIENTID",
    "OKTA_OAUTH2_CLIENTSECRET",
    "OPENAI_API_KEY",
    "OS_PASSWORD",
    "OS_USERNAME",
    "POSTGRES_PASSWORD",
    "SLACK_TOKEN",
    "STRIPE_API_KEY",
    "STRIPE_DEVICE_NAME",
    "TRAVIS_OS_NAME",
    "TRAVIS_SECURE_ENV_VARS",
    "TRAVIS_SUDO",
    "VAULT_CLIENT_KEY",
    "VAULT_TOKEN",
];
const SUSPICIOUS: [&str; 7] = ["api_key", "client_key", "password", "private", "secret", "token", "username"];

fn sensitive(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    KNOWN.contains(&name.to_ascii_uppercase().as_str()) || SUSPICIOUS.iter().any(|s| lower.contains(s))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let twin = super::util::Twin::new(ctx, &crate::lint::rules::secrets_used_in_arg_or_env::RULE);
    for instr in ctx.instructions() {
        let names: Vec<(&str, Span)> = match &instr.args {
            Args::Arg(decls) => decls.iter().map(|d| (d.name.as_str(), d.span)).collect(),
            Args::Env { pairs, .. } => pairs.iter().map(|p| (p.key.as_str(), p.span)).collect(),
            _ => continue,
        };
        if let Some((name, span)) = names.into_iter().find(|(n, _)| sensitive(n)) {
            if !twin.covers(instr.span) {
                out.push(RULE.finding(span, SECRET.msg().arg("name", name)));
            }
        }
    }
}
