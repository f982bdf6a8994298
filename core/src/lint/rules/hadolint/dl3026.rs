use super::util::{hadolint_copy_image, hadolint_from_image};
use crate::lint::prelude::*;

declare_rule! {
    /// Use only images from a trusted registry.
    ///
    /// ## What it does
    /// With trusted registries configured (`trustedRegistries` in
    /// `.hadolint.yaml`, `HADOLINT_TRUSTED_REGISTRIES`, or
    /// `trusted-registries` in `dockerplay.toml`), flags a `FROM`, a
    /// `COPY --from` or a `RUN --mount=from=` that names an image from any
    /// other registry. Without that setting it finds nothing.
    ///
    /// An image without a registry is Docker Hub's, trusted when
    /// `docker.io` or `hub.docker.com` is; `scratch` and earlier stages
    /// are always fine. A pattern may be `*` (any registry), `*.corp.com`
    /// (a suffix) or `mirror.*` (a prefix).
    ///
    /// As hadolint 2.15.1 reads references (src/Hadolint/Rule/DL3026.hs and
    /// language-docker's image parser): a registry is the part before the
    /// first `/` only when it has a dot, so `localhost:5000/app` counts as
    /// a Docker Hub image; a `COPY --from` that is not a stage name is an
    /// image, so `--from=0` needs Docker Hub to be trusted.
    ///
    /// ## Why
    /// A base image runs as root in every build and ships in the result.
    /// Teams that mirror and scan their images want every build to pull
    /// from the mirror, not from wherever a tutorial pointed.
    ///
    /// ## Example
    /// ```dockerfile
    /// # trustedRegistries: [registry.corp.example]
    /// FROM quay.io/prometheus/busybox:latest
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM registry.corp.example/prometheus/busybox:1.36
    /// ```
    pub static RULE = Rule {
        code: "DP326",
        name: "untrusted-registry",
        also: Some("DL3026"),
        severity: Severity::Error,
        category: Category::Security,
        messages: &[&UNTRUSTED],
        check,
    };
}

static UNTRUSTED: Message = Message::new(
    "DP326.untrusted",
    "Use only an allowed registry in the FROM image",
    "FROM 中的镜像只能来自允许的镜像仓库",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let allowed = &ctx.settings.trusted_registries;
    if allowed.is_empty() {
        return;
    }
    // Stage names seen so far: hadolint lets an image that names one pass.
    let mut aliases: Vec<&str> = Vec::new();
    for instr in ctx.dockerfile.instructions.iter() {
        let ok = |registry: Option<&str>, name: &str, aliases: &[&str]| {
            aliases.contains(&name) || trusted(allowed, registry, name)
        };
        let bad = match &instr.args {
            Args::From(from) => {
                let (registry, name) = hadolint_from_image(&from.image.text);
                let bad = !ok(registry, name, &aliases);
                if let Some(alias) = &from.name {
                    aliases.push(&alias.text);
                }
                bad
            }
            Args::Copy(copy) => copy.from.as_deref().is_some_and(|src| {
                let (registry, name) = hadolint_copy_image(src);
                !ok(registry, name, &aliases)
            }),
            Args::Run(run) => run.mounts.iter().any(|m| {
                matches!(m.kind, MountType::Cache | MountType::Bind) && {
                    let (registry, name) = hadolint_copy_image(m.from.as_deref().unwrap_or("scratch"));
                    !ok(registry, name, &aliases)
                }
            }),
            _ => false,
        };
        if bad && ctx.in_scope(instr.stage) {
            out.push(RULE.finding(ctx.first_line(instr), UNTRUSTED.msg()));
        }
    }
}

/// Is an image from this registry (none: Docker Hub) trusted?
fn trusted(allowed: &[String], registry: Option<&str>, name: &str) -> bool {
    let allows = |registry: &str| allowed.iter().any(|pattern| matches(pattern, registry));
    match registry {
        Some(r) => allows(r),
        None => name == "scratch" || allows("docker.io") || allows("hub.docker.com"),
    }
}

/// hadolint's `matchRegistry`: `*` is any registry, a leading `*` a suffix,
/// a trailing `*` a prefix; otherwise the names must be equal.
fn matches(pattern: &str, registry: &str) -> bool {
    if pattern == "*" {
        true
    } else if let Some(suffix) = pattern.strip_prefix('*') {
        registry.ends_with(suffix)
    } else if let Some(prefix) = pattern.strip_suffix('*') {
        registry.starts_with(prefix)
    } else {
        registry == pattern
    }
}
