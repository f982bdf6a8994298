use crate::lint::prelude::*;
use crate::lint::util::{suggest, var_refs};
use std::collections::BTreeSet;

declare_rule! {
    /// Variables should be defined before they are used.
    ///
    /// ## What it does
    /// Flags a `$NAME` in an instruction BuildKit expands (`ENV`, `ARG`,
    /// `LABEL`, `COPY`, `ADD`, `WORKDIR`, `USER`, `EXPOSE`, `VOLUME`,
    /// `STOPSIGNAL`) that no `ARG` or `ENV` before it in the stage defines.
    /// References with a default, like `${NAME:-x}`, are fine.
    ///
    /// ## Why
    /// An undefined variable silently expands to an empty string:
    /// `COPY app $APP_HOME/` copies to `/`. A global `ARG` (before the first
    /// `FROM`) is not visible inside a stage until the stage repeats
    /// `ARG NAME`, and `ENV A=1 B=$A` cannot see `A` yet; both are common
    /// surprises.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG VERSION=1.0
    /// FROM alpine
    /// LABEL version=$VERSION
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ARG VERSION=1.0
    /// FROM alpine
    /// ARG VERSION
    /// LABEL version=$VERSION
    /// ```
    ///
    /// Environment variables of a base image are not known here; for
    /// images from a registry, the common ones of official images (`PATH`,
    /// `JAVA_HOME`, `NODE_VERSION`, ...) count as defined.
    pub static RULE = Rule {
        code: "DP011",
        name: "UndefinedVar",
        also: Some("BuildKit:UndefinedVar"),
        severity: Severity::Warning,
        category: Category::Correctness,
        check,
    };
}

/// Variables official images commonly set in their configuration, which
/// BuildKit would know from the pulled image (and we cannot).
const IMAGE_ENV: &[&str] = &[
    "PATH", "HOME", "HOSTNAME", "LANG", "LANGUAGE", "LC_ALL", "TZ", "DEBIAN_FRONTEND", "GPG_KEY", "PYTHON_VERSION", "PYTHON_SHA256",
    "PYTHON_PIP_VERSION", "PIP_VERSION", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "NODE_VERSION", "YARN_VERSION", "NODE_ENV",
    "GOLANG_VERSION", "GOPATH", "GOTOOLCHAIN", "GOROOT", "JAVA_HOME", "JAVA_VERSION", "JAVA_OPTS", "JDK_VERSION", "MAVEN_HOME", "MAVEN_CONFIG",
    "GRADLE_HOME", "GRADLE_VERSION", "RUBY_VERSION", "RUBY_DOWNLOAD_SHA256", "GEM_HOME", "BUNDLE_SILENCE_ROOT_WARNING", "BUNDLE_APP_CONFIG",
    "RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION", "PHP_VERSION", "PHP_INI_DIR", "PHP_CFLAGS", "PHP_LDFLAGS", "PHPIZE_DEPS", "NGINX_VERSION",
    "NJS_VERSION", "PKG_RELEASE", "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_HTTP_PORTS", "APP_UID", "DOTNET_RUNNING_IN_CONTAINER",
    "CATALINA_HOME", "TOMCAT_VERSION", "ELIXIR_VERSION", "ERLANG_VERSION", "OTP_VERSION", "HTTPD_PREFIX", "HTTPD_VERSION", "REDIS_VERSION",
    "PG_MAJOR", "PG_VERSION", "PGDATA", "MYSQL_MAJOR", "MYSQL_VERSION", "MARIADB_VERSION", "MONGO_VERSION", "SHELL", "USER", "PWD",
];

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go reportUnmatchedVariables,
// run for each expanded instruction against the stage's environment.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let escape = ctx.dockerfile.escape;
    for stage in ctx.stages() {
        let mut env = inherited_env(ctx, stage, 0);
        for instr in ctx.stage_instructions(stage) {
            match &instr.args {
                Args::Arg(decls) => {
                    // Each ARG sees the ones before it.
                    for d in decls {
                        if let Some(default) = &d.default {
                            let at = ctx.find_in(d.span, default).start;
                            report(out, &env, default, at, escape);
                        }
                        env.insert(d.name.clone());
                    }
                }
                Args::Env { pairs, .. } => {
                    // All values of one ENV see the environment before it.
                    for p in pairs {
                        let span = if p.span.is_empty() { instr.span } else { p.span };
                        let value_at = ctx.find_in(span, &p.value).start;
                        report(out, &env, &p.value, value_at, escape);
                    }
                    env.extend(pairs.iter().map(|p| p.key.clone()));
                }
                Args::Label { .. }
                | Args::Copy(_)
                | Args::Add(_)
                | Args::Workdir(_)
                | Args::User(_)
                | Args::Expose(_)
                | Args::Volume(_)
                | Args::Stopsignal(_) => {
                    let line = args_text_span(instr);
                    report(out, &env, line.slice(ctx.text), line.start, escape);
                }
                _ => {}
            }
        }
    }
}

/// From after the keyword to the end of the first line, heredoc bodies
/// excluded (COPY's heredoc bodies are expanded only when unquoted, and
/// then by the same rules; keep the check to the instruction line).
fn args_text_span(instr: &Instruction) -> Span {
    let end = instr.heredocs.iter().map(|h| h.span.start).min().unwrap_or(instr.span.end);
    Span::new(instr.keyword_span.end, end.max(instr.keyword_span.end))
}

fn report(out: &mut Vec<Finding>, env: &BTreeSet<String>, text: &str, offset: usize, escape: char) {
    for r in var_refs(text, escape) {
        // Like BuildKit (shell/lex.go getEnv records every look-up that
        // misses), a default does not excuse an undeclared name: without a
        // declaration the variable can never be set.
        if env.contains(&r.name) {
            continue;
        }
        let mut msg = format!("Usage of undefined variable '${}'", r.name);
        if let Some(s) = suggest(&r.name, env.iter().map(String::as_str)) {
            msg.push_str(&format!(" (did you mean ${s}?)"));
        }
        out.push(RULE.finding(Span::new(offset + r.start, offset + r.end), msg));
    }
}

/// ENV names a stage starts with: its base stage's (recursively), or the
/// common image variables for a registry image, or none for `scratch`.
fn inherited_env(ctx: &Context, stage: &Stage, depth: usize) -> BTreeSet<String> {
    match stage.base_stage {
        Some(b) if depth < ctx.dockerfile.stages.len() => {
            let Some(base) = ctx.dockerfile.stages.get(b) else { return BTreeSet::new() };
            let mut env = inherited_env(ctx, base, depth + 1);
            for i in ctx.stage_instructions(base) {
                if let Args::Env { pairs, .. } = &i.args {
                    env.extend(pairs.iter().map(|p| p.key.clone()));
                }
            }
            env
        }
        Some(_) => BTreeSet::new(),
        None if stage.base_expanded.eq_ignore_ascii_case("scratch") => BTreeSet::new(),
        None => IMAGE_ENV.iter().map(|s| s.to_string()).collect(),
    }
}
