use crate::lint::prelude::*;
use crate::lint::util::suggest;
use crate::shell::expand::var_refs;
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
    /// The variables a registry image sets are not known here, so on such
    /// a base only certain mistakes are reported: a name defined later in
    /// the stage, a global ARG not re-declared, or a near miss of a defined
    /// name. On `scratch` and on earlier stages every undefined name is.
    pub static RULE = Rule {
        code: "DP011",
        name: "UndefinedVar",
        also: Some("BuildKit:UndefinedVar"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&UNDEFINED, &UNDEFINED_SUGGEST],
        check,
    };
}

static UNDEFINED: Message =
    Message::new("DP011.undefined", "Usage of undefined variable '{var}'", "使用了未定义的变量“{var}”");
static UNDEFINED_SUGGEST: Message = Message::new(
    "DP011.undefined_suggest",
    "Usage of undefined variable '{var}' (did you mean {suggestion}?)",
    "使用了未定义的变量“{var}”（是不是想写 {suggestion}？）",
);

/// Variables official images commonly set in their configuration, which
/// BuildKit would know from the pulled image (and we cannot).
fn path() -> BTreeSet<String> {
    BTreeSet::from(["PATH".to_string()])
}

const IMAGE_ENV: &[&str] = &[
    "PATH",
    "HOME",
    "HOSTNAME",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "TZ",
    "DEBIAN_FRONTEND",
    "GPG_KEY",
    "PYTHON_VERSION",
    "PYTHON_SHA256",
    "PYTHON_PIP_VERSION",
    "PIP_VERSION",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONUNBUFFERED",
    "NODE_VERSION",
    "YARN_VERSION",
    "NODE_ENV",
    "GOLANG_VERSION",
    "GOPATH",
    "GOTOOLCHAIN",
    "GOROOT",
    "JAVA_HOME",
    "JAVA_VERSION",
    "JAVA_OPTS",
    "JDK_VERSION",
    "MAVEN_HOME",
    "MAVEN_CONFIG",
    "GRADLE_HOME",
    "GRADLE_VERSION",
    "RUBY_VERSION",
    "RUBY_DOWNLOAD_SHA256",
    "GEM_HOME",
    "BUNDLE_SILENCE_ROOT_WARNING",
    "BUNDLE_APP_CONFIG",
    "RUSTUP_HOME",
    "CARGO_HOME",
    "RUST_VERSION",
    "PHP_VERSION",
    "PHP_INI_DIR",
    "PHP_CFLAGS",
    "PHP_LDFLAGS",
    "PHPIZE_DEPS",
    "NGINX_VERSION",
    "NJS_VERSION",
    "PKG_RELEASE",
    "DOTNET_VERSION",
    "ASPNET_VERSION",
    "ASPNETCORE_HTTP_PORTS",
    "APP_UID",
    "DOTNET_RUNNING_IN_CONTAINER",
    "CATALINA_HOME",
    "TOMCAT_VERSION",
    "ELIXIR_VERSION",
    "ERLANG_VERSION",
    "OTP_VERSION",
    "HTTPD_PREFIX",
    "HTTPD_VERSION",
    "REDIS_VERSION",
    "PG_MAJOR",
    "PG_VERSION",
    "PGDATA",
    "MYSQL_MAJOR",
    "MYSQL_VERSION",
    "MARIADB_VERSION",
    "MONGO_VERSION",
    "SHELL",
    "USER",
    "PWD",
];

/// What the checker knows of a stage's environment.
struct Scope {
    /// Names defined so far (ARG, ENV, inherited).
    env: BTreeSet<String>,
    /// The part of `env` this file defines (not guessed image variables):
    /// the only names worth suggesting.
    own: BTreeSet<String>,
    /// The base image's variables are not all known (a registry image):
    /// then only certain mistakes are reported.
    open: bool,
    /// Names the stage defines later (use before definition).
    later: BTreeSet<String>,
    /// Global ARGs, visible only after `ARG NAME` inside the stage.
    globals: BTreeSet<String>,
}

impl Scope {
    /// Why a reference to `name` is a mistake, if it certainly is.
    fn undefined(&self, name: &str) -> Option<Option<String>> {
        if self.env.contains(name) {
            return None;
        }
        let suggestion =
            suggest(name, self.own.iter().map(String::as_str).chain(self.globals.iter().map(String::as_str)));
        let certain = !self.open || self.later.contains(name) || self.globals.contains(name) || suggestion.is_some();
        certain.then_some(suggestion)
    }
}

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go reportUnmatchedVariables,
// run for each expanded instruction against the stage's environment. BuildKit
// knows the base image's variables; we do not, so for a registry image a name
// is reported only when it is certainly wrong: defined later in the stage, a
// global ARG not re-declared, or a near miss of a defined name.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let escape = ctx.dockerfile.escape;
    let globals: BTreeSet<String> = ctx.dockerfile.global_args().map(|a| a.name.clone()).collect();
    for stage in ctx.stages() {
        let (env, own, open) = inherited_env(ctx, stage, 0);
        let later = ctx
            .stage_instructions(stage)
            .flat_map(|i| match &i.args {
                Args::Arg(decls) => decls.iter().map(|d| d.name.clone()).collect::<Vec<_>>(),
                Args::Env { pairs, .. } => pairs.iter().map(|p| p.key.clone()).collect(),
                _ => Vec::new(),
            })
            .collect();
        let mut scope = Scope { env, own, open, later, globals: globals.clone() };
        for instr in ctx.stage_instructions(stage) {
            match &instr.args {
                Args::Arg(decls) => {
                    // Each ARG sees the ones before it.
                    for d in decls {
                        if let Some(default) = &d.default {
                            let at = ctx.find_in(d.span, default).start;
                            report(out, &scope, default, at, escape);
                        }
                        scope.env.insert(d.name.clone());
                        scope.own.insert(d.name.clone());
                    }
                }
                Args::Env { pairs, .. } => {
                    // All values of one ENV see the environment before it.
                    for p in pairs {
                        let span = if p.span.is_empty() { instr.span } else { p.span };
                        let value_at = ctx.find_in(span, &p.value).start;
                        report(out, &scope, &p.value, value_at, escape);
                    }
                    scope.env.extend(pairs.iter().map(|p| p.key.clone()));
                    scope.own.extend(pairs.iter().map(|p| p.key.clone()));
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
                    report(out, &scope, line.slice(ctx.text), line.start, escape);
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

fn report(out: &mut Vec<Finding>, scope: &Scope, text: &str, offset: usize, escape: char) {
    // Like BuildKit (shell/lex.go getEnv records every look-up that
    // misses), a default does not excuse an undeclared name: without a
    // declaration the variable can never be set.
    for r in var_refs(text, escape) {
        let Some(suggestion) = scope.undefined(&r.name) else { continue };
        // `$` goes in the argument: a `${` in a template is Dockerfile syntax.
        let var = format!("${}", r.name);
        let msg = match suggestion {
            Some(s) => UNDEFINED_SUGGEST.msg().arg("var", var).arg("suggestion", format!("${s}")),
            None => UNDEFINED.msg().arg("var", var),
        };
        out.push(RULE.finding(Span::new(offset + r.start, offset + r.end), msg));
    }
}

/// ENV names a stage starts with, those of them the file defines, and
/// whether more may exist: a base
/// stage's (recursively), the common variables of a registry image (open:
/// the image may set others), or none for `scratch`.
fn inherited_env(ctx: &Context, stage: &Stage, depth: usize) -> (BTreeSet<String>, BTreeSet<String>, bool) {
    match stage.base_stage {
        Some(b) if depth < ctx.dockerfile.stages.len() => {
            let Some(base) = ctx.dockerfile.stages.get(b) else { return (BTreeSet::new(), BTreeSet::new(), true) };
            let (mut env, mut own, open) = inherited_env(ctx, base, depth + 1);
            for i in ctx.stage_instructions(base) {
                if let Args::Env { pairs, .. } = &i.args {
                    env.extend(pairs.iter().map(|p| p.key.clone()));
                    own.extend(pairs.iter().map(|p| p.key.clone()));
                }
            }
            (env, own, open)
        }
        Some(_) => (BTreeSet::new(), BTreeSet::new(), true),
        // BuildKit sets PATH in every stage whose image lacks it
        // (dockerfile2llb/convert.go, "make sure that PATH is always set"),
        // so it is known for certain, and a near miss of it is reported.
        None if stage.base_expanded.eq_ignore_ascii_case("scratch") => (path(), path(), false),
        None => (IMAGE_ENV.iter().map(|s| s.to_string()).collect(), path(), true),
    }
}
