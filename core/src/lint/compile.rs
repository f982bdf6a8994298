//! What the rules about shipped binaries need to know of a build stage:
//! which commands compile a program, whether the result is linked
//! statically, and whether it is stripped. Recognised by the usual flags of
//! gcc/clang, `make`, `go build` and `cargo build`; anything else is not a
//! compile (rules stay quiet rather than guess).

use super::prelude::*;

/// The toolchain a compile command uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    C,
    Make,
    Go,
    Rust,
}

/// One command that compiles and links a program.
pub struct Compile<'a> {
    pub command: &'a ShellCommand,
    pub lang: Lang,
    /// Linked statically: needs no C library at run time.
    pub static_: bool,
    /// The command strips the result itself.
    pub stripped: bool,
}

/// The values the stage's ENV instructions set (`CGO_ENABLED=0`,
/// `RUSTFLAGS=...`), as `NAME=value` strings, of the stage and the stages
/// it is based on.
pub fn stage_env(ctx: &Context, stage: &Stage) -> Vec<String> {
    let mut out = Vec::new();
    let mut s = Some(stage);
    let mut seen = Vec::new();
    while let Some(st) = s {
        if seen.contains(&st.index) {
            break;
        }
        seen.push(st.index);
        for i in ctx.stage_instructions(st) {
            if let Args::Env { pairs, .. } = &i.args {
                out.extend(pairs.iter().map(|p| format!("{}={}", p.key, p.value.trim_matches('"'))));
            }
        }
        s = st.base_stage.and_then(|b| ctx.dockerfile.stages.get(b));
    }
    out
}

fn words(c: &ShellCommand) -> impl Iterator<Item = &str> {
    c.assignments.iter().chain(c.args()).map(|w| w.value.as_str())
}

/// Does this word (or `NAME=value` assignment) ask for a static link?
fn static_word(w: &str) -> bool {
    w == "-static"
        || w.contains("-static ")
        || w.ends_with("-static")
        || w.contains("-static\"")
        || w.contains("crt-static")
        || w.contains("-musl")
        || w.contains("musl-gcc")
        || w == "CGO_ENABLED=0"
        || w.contains("extldflags=-static")
}

/// Does this word ask the linker or compiler to strip?
fn strip_word(w: &str) -> bool {
    let flags = w.split_once('=').map_or(w, |(_, v)| v);
    w == "-s"
        || (w.starts_with('-') && w.contains(' ') && w.split(' ').any(|f| f == "-s"))
        || w.contains("-Wl,-s")
        || w.contains("--strip-all")
        || w.contains("strip=symbols")
        || w.contains("strip=true")
        || w.contains("STRIP=true")
        || w.contains("STRIP=symbols")
        || w == "install-strip"
        || (w.contains("ldflags") || w.starts_with("LDFLAGS") || w.starts_with("GOFLAGS"))
            && flags.split([' ', '\'', '"', '=']).any(|f| f == "-s")
}

/// Recognises a compile, with the stage's environment.
pub fn compile<'a>(c: &'a ShellCommand, env: &[String]) -> Option<Compile<'a>> {
    let u = c.unwrapped();
    let prog = u.program()?;
    let env_words = || env.iter().map(String::as_str);
    let (lang, static_, stripped) = match prog {
        "gcc" | "cc" | "g++" | "c++" | "clang" | "clang++" | "musl-gcc" => {
            if u.has_arg("-c") || u.has_arg("-E") || u.has_arg("-S") || u.has_arg("--version") {
                return None;
            }
            (Lang::C, words(c).any(|w| w == "-static"), words(c).any(strip_word))
        }
        "make" | "gmake" => {
            // `make install`, `make clean` and friends build nothing new
            // worth a finding on their own; a plain `make` or target does.
            if u.subcommand().is_some_and(|s| matches!(s, "clean" | "distclean" | "check" | "test")) {
                return None;
            }
            (Lang::Make, words(c).any(static_word), words(c).any(strip_word))
        }
        "go" => {
            if !matches!(u.subcommand(), Some("build" | "install")) {
                return None;
            }
            let s = words(c).chain(env_words()).any(|w| w == "CGO_ENABLED=0" || w.contains("-static"));
            (Lang::Go, s, words(c).chain(env_words()).any(strip_word))
        }
        "cargo" => {
            if !matches!(u.subcommand(), Some("build" | "install")) {
                return None;
            }
            let s = words(c).chain(env_words()).any(|w| w.contains("-musl") || w.contains("crt-static"));
            (Lang::Rust, s, words(c).chain(env_words()).any(strip_word))
        }
        _ => return None,
    };
    Some(Compile { command: c, lang, static_, stripped })
}

/// Is this a command that strips binaries afterwards (`strip`, `upx`,
/// `install -s`)?
pub fn strips(c: &ShellCommand) -> bool {
    let u = c.unwrapped();
    match u.program() {
        Some(p) if p == "strip" || p.ends_with("-strip") || p == "upx" || p == "llvm-strip" => true,
        Some("install") => u.has_option(Some('s'), Some("strip")),
        Some("find") => u.arg_values().any(|a| a == "strip" || a.ends_with("-strip")),
        _ => false,
    }
}

/// The stages whose files end up in the image the build produces: the
/// target, the stages it is based on, and the stages they `COPY --from`
/// (by name or index; external images are not stages).
pub fn shipping_stages(ctx: &Context) -> Vec<usize> {
    let Some(target) = ctx.target else { return Vec::new() };
    let mut chain = vec![target];
    while let Some(b) = chain.last().and_then(|&s| ctx.dockerfile.stages.get(s)).and_then(|s| s.base_stage) {
        if chain.contains(&b) {
            break;
        }
        chain.push(b);
    }
    let mut out = chain.clone();
    for &s in &chain {
        let Some(stage) = ctx.dockerfile.stages.get(s) else { continue };
        for i in ctx.stage_instructions(stage) {
            if let Some(from) = i.args.copy().and_then(|c| c.from.as_deref()) {
                if let Some(src) = stage_by_ref(ctx, from, s) {
                    if !out.contains(&src) {
                        out.push(src);
                    }
                }
            }
        }
    }
    out
}

/// The stage a `--from` names (a name, or an index before `before`).
pub fn stage_by_ref(ctx: &Context, from: &str, before: usize) -> Option<usize> {
    if let Ok(n) = from.parse::<usize>() {
        return (n < before).then_some(n);
    }
    ctx.dockerfile
        .stages
        .iter()
        .take(before)
        .rev()
        .find(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(from)))
        .map(|s| s.index)
}

/// The compiles of a stage, each with whether a later command of the
/// stage strips (so the compile's output counts as stripped).
pub fn stage_compiles<'a>(ctx: &'a Context, stage: &'a Stage) -> Vec<Compile<'a>> {
    let env = stage_env(ctx, stage);
    let cmds: Vec<&ShellCommand> = ctx.stage_instructions(stage).flat_map(|i| ctx.commands(i)).collect();
    let mut out = Vec::new();
    for (k, c) in cmds.iter().enumerate() {
        if let Some(mut comp) = compile(c, &env) {
            comp.stripped |= cmds[k + 1..].iter().any(|c| strips(c));
            out.push(comp);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::shell::split_script;

    fn check(script: &str, env: &[&str], expect: Option<(Lang, bool, bool)>) {
        let cmds = split_script(script);
        let env: Vec<String> = env.iter().map(|s| s.to_string()).collect();
        let got = cmds.iter().find_map(|c| compile(c, &env)).map(|c| (c.lang, c.static_, c.stripped));
        assert_eq!(got, expect, "{script}");
    }

    #[test]
    fn compiles_are_recognised_with_their_linkage_and_stripping() {
        check("gcc -O2 -o hello hello.c", &[], Some((Lang::C, false, false)));
        check("musl-gcc -static -s -o hello hello.c", &[], Some((Lang::C, true, true)));
        check("gcc -c hello.c", &[], None);
        check("make CC=musl-gcc LDFLAGS=-static", &[], Some((Lang::Make, true, false)));
        check("make clean", &[], None);
        check("CGO_ENABLED=0 go build -o /app .", &[], Some((Lang::Go, true, false)));
        check("go build -ldflags=\"-s -w\" -o /app .", &["CGO_ENABLED=0"], Some((Lang::Go, true, true)));
        check("go mod download", &[], None);
        check("cargo build --release --target x86_64-unknown-linux-musl", &[], Some((Lang::Rust, true, false)));
        check("cargo build --release", &["CARGO_PROFILE_RELEASE_STRIP=true"], Some((Lang::Rust, false, true)));
        check("cargo test", &[], None);
    }
}
