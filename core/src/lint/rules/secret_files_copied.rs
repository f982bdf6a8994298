use crate::lint::prelude::*;

declare_rule! {
    /// Secret files copied into the image.
    ///
    /// ## What it does
    /// Flags `COPY`/`ADD` of files that usually hold secrets (`.env`,
    /// `id_rsa` and other SSH keys, `*.pem`, `*.key`, `*.p12`, `.npmrc`,
    /// `.pypirc`, `.netrc`, `.git-credentials`, cloud credentials), named
    /// directly or swept in by `COPY .` from a context that has them and
    /// does not ignore them.
    ///
    /// ## Why
    /// A copied file is in a layer for good: anyone who can pull the image
    /// can extract it, even if a later RUN deletes it. Build-time secrets
    /// belong in secret mounts, run-time secrets in the runtime's secret
    /// store or environment.
    ///
    /// ## Example
    /// ```dockerfile
    /// COPY id_rsa /root/.ssh/id_rsa
    /// RUN git clone git@github.com:me/private.git
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN --mount=type=ssh git clone git@github.com:me/private.git
    /// ```
    /// and `docker build --ssh default .`; add the files to `.dockerignore`.
    pub static RULE = Rule {
        code: "DP210",
        name: "secret-file-copied",
        also: None,
        severity: Severity::Error,
        category: Category::Security,
        messages: &[&SECRET, &LEAKED],
        check,
    };
}

static SECRET: Message = Message::new("DP210.secret", "`{path}` looks like a secret: once copied it stays in the image layers even if deleted later; use a secret or ssh mount instead", "`{path}` 看起来是密钥文件：一旦复制进来，即使之后删除也会留在镜像的层里。请改用 secret 或 ssh 挂载");
static LEAKED: Message = Message::new(
    "DP210.leaked",
    "`{keyword} {source}` copies {files} into the image; add them to .dockerignore",
    "`{keyword} {source}` 会把 {files} 复制进镜像，请把它们加入 .dockerignore",
);

/// Does this path look like a file that holds a secret?
pub fn is_secret_path(path: &str) -> bool {
    let path = path.trim_matches(['"', '\'']).trim_end_matches('/');
    let base = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let harmless = [".example", ".sample", ".template", ".dist", ".pub"];
    if harmless.iter().any(|h| base.ends_with(h)) {
        return false;
    }
    let exact = [
        ".env",
        "id_rsa",
        "id_dsa",
        "id_ecdsa",
        "id_ed25519",
        ".npmrc",
        ".pypirc",
        ".netrc",
        ".git-credentials",
        ".htpasswd",
        "credentials.json",
        "service-account.json",
        "secrets.json",
        "secrets.yaml",
        "secrets.yml",
    ];
    let suffixes = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".kdbx", ".ppk"];
    exact.contains(&base.as_str())
        || (base.starts_with(".env.") && !base.ends_with(".local.example"))
        || suffixes.iter().any(|s| base.ends_with(s))
        || path.contains(".aws/credentials")
        || path.ends_with(".docker/config.json")
        || path.contains(".ssh/")
        || base == ".ssh"
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions() {
        let Some(copy) = instr.args.copy() else { continue };
        if copy.from.is_some() {
            continue;
        }
        for src in &copy.sources {
            let s = src.text.trim_matches(['"', '\'']);
            if s.starts_with("<<") || s.contains("://") {
                continue;
            }
            if is_secret_path(s) {
                out.push(RULE.finding(src.span, SECRET.msg().arg("path", s)));
                continue;
            }
            if matches!(s, "." | "./" | "*" | "./*") && ctx.has_context() {
                let leaked: Vec<&str> = ctx
                    .input
                    .files
                    .iter()
                    .filter(|f| !f.is_dir() && is_secret_path(&f.path))
                    .filter(|f| {
                        !ctx.dockerignore
                            .as_ref()
                            .is_some_and(|d| d.matches_or_parent_matches(&crate::context::clean_path(&f.path)))
                    })
                    .map(|f| f.path.as_str())
                    .collect();
                if !leaked.is_empty() {
                    out.push(
                        RULE.finding(
                            src.span,
                            LEAKED
                                .msg()
                                .arg("keyword", instr.keyword.as_str())
                                .arg("source", s)
                                .arg("files", leaked.join(", ")),
                        ),
                    );
                }
            }
        }
    }
}
