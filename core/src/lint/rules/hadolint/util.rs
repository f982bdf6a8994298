//! What hadolint's rules share: RUN commands (ONBUILD ones included),
//! hadolint's reading of command-line options, stage bookkeeping, and the
//! package-manager facts several rules check.

use crate::lint::prelude::*;
use crate::lint::shell;

/// A RUN to check: the RUN itself (the inner one for `ONBUILD RUN`) and the
/// instruction in the file that holds it.
pub struct RunRef<'a> {
    pub run: &'a Instruction,
    pub outer: &'a Instruction,
}

/// Every RUN in scope, in file order, with those inside `ONBUILD`: hadolint
/// checks the RUN an ONBUILD will run as if it were written out.
pub fn runs<'a>(ctx: &Context<'a>) -> Vec<RunRef<'a>> {
    ctx.instructions()
        .filter_map(|i| match &i.args {
            Args::Run(_) => Some(RunRef { run: i, outer: i }),
            Args::Onbuild(inner) if matches!(inner.args, Args::Run(_)) => Some(RunRef { run: inner, outer: i }),
            _ => None,
        })
        .collect()
}

/// The commands of a RUN, with `sudo`/`env`/... wrappers removed so that
/// `sudo apt-get install` is checked as `apt-get install`.
pub fn commands(ctx: &Context, run: &Instruction) -> Vec<ShellCommand> {
    let mut cmds = ctx.run_commands(run);
    cmds.extend(heredoc_script(ctx, run, &cmds));
    let mut out = Vec::with_capacity(cmds.len());
    for cmd in cmds {
        let inner = substituted(&cmd, 0);
        out.push(cmd.unwrapped());
        out.extend(inner.iter().map(ShellCommand::unwrapped));
    }
    out
}

/// The commands inside `$(...)` and backquotes of a command's words, which
/// run too (`echo $(curl -s $URL)` runs curl). Their spans are the word's.
fn substituted(cmd: &ShellCommand, depth: usize) -> Vec<ShellCommand> {
    let mut out = Vec::new();
    if depth > 3 {
        return out;
    }
    for word in cmd.words.iter().chain(&cmd.assignments) {
        for script in crate::shell::lex::substitutions(&word.value) {
            for mut inner in shell::split_script(script) {
                inner.span = word.span;
                for w in inner.words.iter_mut().chain(inner.assignments.iter_mut()) {
                    w.span = word.span;
                }
                inner.in_heredoc = cmd.in_heredoc;
                let nested = substituted(&inner, depth + 1);
                out.push(inner);
                out.extend(nested);
            }
        }
    }
    out
}

/// `RUN <<EOF bash`: the heredoc comes before the shell that reads it, a
/// form the shared splitter does not take for a script yet. BuildKit runs
/// the line with the body on the shell's standard input, so the body's
/// commands run (BuildKit: dockerfile2llb/convert.go dispatchRun).
fn heredoc_script(ctx: &Context, run: &Instruction, line: &[ShellCommand]) -> Vec<ShellCommand> {
    let shell = |c: &ShellCommand| {
        matches!(c.program(), Some("sh" | "bash" | "ash" | "dash" | "zsh")) && !c.has_option(Some('c'), None)
    };
    let [only] = line else { return Vec::new() };
    let Some(heredoc) = run.heredocs.first() else { return Vec::new() };
    if only.in_heredoc || !shell(only) {
        return Vec::new();
    }
    // The body without the terminator line.
    let text = heredoc.span.slice(ctx.text).trim_end_matches(['\n', '\r']);
    let body = match text.rfind('\n') {
        Some(i) => &text[..i + 1],
        None => return Vec::new(),
    };
    if body.starts_with("#!")
        && !body.lines().next().is_some_and(|l| ["sh", "bash", "ash", "dash", "zsh"].iter().any(|s| l.ends_with(s)))
    {
        return Vec::new();
    }
    let at = heredoc.span.start;
    let shift = |s: Span| Span::new(s.start + at, s.end + at);
    shell::split_script(body)
        .into_iter()
        .map(|mut c| {
            c.span = shift(c.span);
            for w in c.words.iter_mut().chain(c.assignments.iter_mut()) {
                w.span = shift(w.span);
            }
            c.in_heredoc = true;
            c
        })
        .collect()
}

/// Is this the program `name` (by file name, so `/usr/bin/apt-get` counts)?
pub fn is(cmd: &ShellCommand, name: &str) -> bool {
    cmd.program() == Some(name)
}

/// Is `word` among the arguments? hadolint's `cmdHasArgs`: anywhere, not
/// only as the subcommand.
pub fn has_any_arg(cmd: &ShellCommand, words: &[&str]) -> bool {
    cmd.arg_values().any(|a| words.contains(&a))
}

/// The option names in an argument, as hadolint reads them: `--name=value`
/// gives `name`, `-abc` gives `a`, `b` and `c`; `-` and `--` give none.
pub fn option_names(arg: &str) -> Vec<&str> {
    if arg == "-" || arg == "--" {
        Vec::new()
    } else if let Some(long) = arg.strip_prefix("--") {
        vec![long.split('=').next().unwrap_or(long)]
    } else if let Some(short) = arg.strip_prefix('-') {
        short.char_indices().map(|(i, c)| &short[i..i + c.len_utf8()]).collect()
    } else {
        Vec::new()
    }
}

/// Is any of these options (long names or single letters, without dashes)
/// given?
pub fn has_option(cmd: &ShellCommand, names: &[&str]) -> bool {
    cmd.arg_values().take_while(|a| *a != "--").any(|a| option_names(a).iter().any(|n| names.contains(n)))
}

/// The value of an option: the word after `-u`/`--uid`, or what follows
/// `--uid=` or `-u` in the same word.
pub fn option_value<'c>(cmd: &'c ShellCommand, short: &str, long: &str) -> Option<&'c str> {
    let args = cmd.args();
    for (k, w) in args.iter().enumerate() {
        let a = w.value.as_str();
        if a == format!("-{short}") || a == format!("--{long}") {
            return args.get(k + 1).map(|w| w.value.as_str());
        }
        if let Some(v) = a.strip_prefix(&format!("--{long}=")) {
            return Some(v);
        }
        if let Some(v) = a.strip_prefix(&format!("-{short}")) {
            if !a.starts_with("--") && !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

/// The arguments that are not options, skipping the value word after each
/// option named in `with_value` (such as `-t` in `apt-get -t bookworm`).
pub fn operands<'c>(cmd: &'c ShellCommand, with_value: &[&str]) -> Vec<&'c ShellWord> {
    let mut out = Vec::new();
    let mut skip = false;
    for w in cmd.args() {
        if skip {
            skip = false;
            continue;
        }
        let a = w.value.as_str();
        if a.starts_with('-') && a != "-" && a != "--" {
            let names = option_names(a);
            // A value in the same word (`--target=x`) needs no skipping.
            skip = !a.contains('=') && names.last().is_some_and(|n| with_value.contains(n));
            continue;
        }
        out.push(w);
    }
    out
}

/// The packages of `<program> <subcommand> pkg...`: the operands after the
/// first one equal to a subcommand, when the program has that subcommand.
pub fn packages<'c>(
    cmd: &'c ShellCommand,
    program: &[&str],
    subcommands: &[&str],
    with_value: &[&str],
) -> Vec<&'c ShellWord> {
    if !program.iter().any(|p| is(cmd, p)) || !has_any_arg(cmd, subcommands) {
        return Vec::new();
    }
    let ops = operands(cmd, with_value);
    match ops.iter().position(|w| subcommands.contains(&w.value.as_str())) {
        Some(k) => ops[k + 1..].iter().copied().filter(|w| !subcommands.contains(&w.value.as_str())).collect(),
        None => Vec::new(),
    }
}

/// An RPM package name with a version: after the first dash, parts made of
/// version characters, one of them starting with a digit (`gcc-13.2.1`,
/// not `php-mysql`), or an `.rpm` file (hadolint: DL3041.hs).
pub fn rpm_versioned(p: &str) -> bool {
    if p.ends_with(".rpm") {
        return true;
    }
    let parts: Vec<&str> = p.split('-').skip(1).collect();
    !parts.is_empty()
        && parts.iter().all(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || ".~^_:+".contains(c)))
        && parts.iter().any(|s| s.starts_with(|c: char| c.is_ascii_digit()))
}

/// The instructions before the first FROM, when any of them is not a
/// global ARG: a file BuildKit rejects (no build stage), which hadolint
/// still checks as one stage. Empty otherwise.
pub fn before_first_from<'a>(ctx: &Context<'a>) -> Vec<&'a Instruction> {
    let pre: Vec<&'a Instruction> =
        ctx.dockerfile.instructions.iter().map(|i| &**i).filter(|i| i.stage.is_none()).collect();
    if pre.iter().any(|i| i.keyword != Keyword::Arg) {
        pre
    } else {
        Vec::new()
    }
}

/// The bodies hadolint reads as stages: the instructions before the first
/// FROM (see [`before_first_from`]), then each stage in scope after its FROM.
pub fn stage_bodies<'a>(ctx: &Context<'a>) -> Vec<Vec<&'a Instruction>> {
    let pre = before_first_from(ctx);
    let stages = ctx.stages().map(|s| ctx.stage_instructions(s).collect());
    (!pre.is_empty()).then_some(pre).into_iter().chain(stages).collect()
}

/// A package whose version comes from a variable the Dockerfile defines
/// before the RUN (`git-core-${version}`): any earlier ARG, or an ENV of the
/// RUN's stage or of the stages it is built on, as hadolint reads it
/// (src/Hadolint/Rule/DL3033.hs envDefined). Pinning tools such as Renovate
/// write versions this way.
pub fn version_in_variable(ctx: &Context, run: &RunRef, package: &str) -> bool {
    // hadolint reads a version only after a dash (`name-${version}`).
    if !package.contains('$') || !package.contains('-') {
        return false;
    }
    let names_var = |name: &str| package.contains(&format!("${{{name}}}")) || package.contains(&format!("${name}"));
    let before = |i: &Instruction| i.span.start < run.outer.span.start;
    let arg = ctx.dockerfile.instructions.iter().filter(|i| before(i)).any(|i| match &i.args {
        Args::Arg(decls) => decls.iter().any(|d| names_var(&d.name)),
        _ => false,
    });
    let env_in =
        |i: &Instruction| matches!(&i.args, Args::Env { pairs, .. } if pairs.iter().any(|p| names_var(&p.key)));
    let mut stage = run.outer.stage;
    let mut env =
        run.outer.stage.is_none() && ctx.dockerfile.instructions.iter().filter(|i| before(i)).any(|i| env_in(i));
    let mut hops = 0;
    while let (Some(s), false) = (stage.and_then(|i| ctx.dockerfile.stages.get(i)), env) {
        env = ctx.stage_instructions(s).filter(|i| before(i)).any(env_in);
        stage = s.base_stage;
        hops += 1;
        if hops > ctx.dockerfile.stages.len() {
            break;
        }
    }
    arg || env
}

/// `pip install`, `pip3.12 install`, `python -m pip install`.
pub fn is_pip_install(cmd: &ShellCommand) -> bool {
    let Some(program) = cmd.program() else { return false };
    let pip = program.starts_with("pip") && !program.starts_with("pipx") && !program.starts_with("pipenv");
    let module = program.starts_with("python") && {
        let args: Vec<&str> = cmd.arg_values().collect();
        args.windows(2).any(|w| w == ["-m", "pip"])
    };
    (pip || module) && cmd.has_arg("install")
}

/// A `--mount=type=cache` or `--mount=type=tmpfs` of this RUN covers `dir`
/// (its target is `dir` or a parent of it), so what the command leaves there
/// stays out of the layer (hadolint 2.15 takes both kinds, e.g.
/// test/Hadolint/Rule/DL3009Spec.hs "tmpfs mount to apt cache").
pub fn cache_mount_covers(run: &Instruction, dir: &str) -> bool {
    let Args::Run(r) = &run.args else { return false };
    r.mounts.iter().any(|m| {
        matches!(m.kind, MountType::Cache | MountType::Tmpfs)
            && m.target.as_deref().is_some_and(|t| {
                let t = t.trim_end_matches('/');
                !t.is_empty() && (dir == t || dir.starts_with(&format!("{t}/")))
            })
    })
}

/// The file extensions hadolint takes for archives that ADD unpacks
/// (hadolint: src/Hadolint/Rule.hs archiveFileFormatExtensions).
pub const ARCHIVE_EXTENSIONS: [&str; 15] = [
    ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz",
];

pub fn drop_quotes(s: &str) -> &str {
    s.trim_matches(|c| c == '"' || c == '\'')
}

pub fn is_archive(path: &str) -> bool {
    let p = drop_quotes(path);
    ARCHIVE_EXTENSIONS.iter().any(|e| p.ends_with(e))
}

pub fn is_url(path: &str) -> bool {
    let p = drop_quotes(path);
    p.starts_with("http://") || p.starts_with("https://")
}

/// Stages whose filesystem ends up in the image: the target and the stages
/// it is built `FROM`, transitively. Files left behind in a stage that is
/// only copied from do not reach the image.
pub fn image_stages(ctx: &Context) -> Vec<bool> {
    let stages = &ctx.dockerfile.stages;
    let mut out = vec![false; stages.len()];
    let mut at = ctx.target;
    while let Some(i) = at {
        if i >= out.len() || out[i] {
            break;
        }
        out[i] = true;
        at = stages[i].base_stage;
    }
    out
}

/// Where a BuildKit check says the same as a hadolint rule: the spans of the
/// instructions it reports. The hadolint mirror stays quiet there, so that a
/// problem is shown once, and skipping the BuildKit check by name
/// (`# check=skip=JSONArgsRecommended`) quiets both.
pub struct Twin {
    reported: Vec<Span>,
}

impl Twin {
    pub fn new(ctx: &Context, rule: &'static Rule) -> Twin {
        let mut found = Vec::new();
        (rule.check)(ctx, &mut found);
        // Only what the build reports: a dispatch-time check is quiet in a
        // stage the target does not build, and the mirror then speaks.
        let reported = found
            .iter()
            .filter_map(|f| {
                ctx.dockerfile
                    .instructions
                    .iter()
                    .find(|i| i.span.contains(f.span.start) || i.span.start == f.span.start)
            })
            .filter(|i| ctx.reports(rule, i.stage))
            .map(|i| i.span)
            .collect();
        Twin { reported }
    }

    /// Does the twin report the instruction at `span` (or holding it)?
    pub fn covers(&self, span: Span) -> bool {
        self.reported.iter().any(|r| r.contains(span.start) || r.start == span.start)
    }
}

/// Attaches `fix` when the command's words have their own spans in the
/// text. Commands found inside `$(...)` share the span of the word holding
/// them, so an edit computed from their words would land in the wrong place.
pub fn with_fix(cmd: &ShellCommand, finding: Finding, fix: Fix) -> Finding {
    let exact = cmd.words.len() >= 2 && cmd.words.windows(2).all(|w| w[0].span.end <= w[1].span.start);
    if exact {
        finding.with_fix(fix)
    } else {
        finding
    }
}

/// The span of a command's first word, for underlining the program.
pub fn program_span(cmd: &ShellCommand) -> Span {
    cmd.words.first().map_or(cmd.span, |w| w.span)
}

/// An image reference as hadolint reads it (language-docker:
/// src/Language/Docker/Parser/From.hs `parseRegistry` and `parseBaseImage`):
/// a registry only when the text before the first `/` holds a `.` after a
/// non-empty part, so `localhost:5000/app` has none; the name ends at `:`
/// or `@`. hadolint compares stage names and registries with these parts.
pub fn hadolint_from_image(text: &str) -> (Option<&str>, &str) {
    let (registry, rest) = match text.find('.') {
        Some(dot) if dot > 0 => match text[dot + 1..].find('/') {
            Some(slash) if slash > 0 => (Some(&text[..dot + 1 + slash]), &text[dot + 2 + slash..]),
            _ => (None, text),
        },
        _ => (None, text),
    };
    let name = &rest[..rest.find([':', '@']).unwrap_or(rest.len())];
    (registry, name)
}

/// A `COPY --from` value as hadolint turns it into an image
/// (language-docker: src/Language/Docker/Syntax.hs, `IsString Image`): with
/// a `/`, a first part holding a `.` is the registry; the name keeps any tag.
pub fn hadolint_copy_image(text: &str) -> (Option<&str>, &str) {
    match text.split_once('/') {
        Some((first, rest)) if first.contains('.') => (Some(first), rest.trim_end_matches('/')),
        _ => (None, text),
    }
}

/// One `LABEL` pair with its key and value unquoted, as hadolint compares
/// them (language-docker removes quotes and does not expand variables).
pub struct LabelPair<'a> {
    pub instruction: &'a Instruction,
    pub span: Span,
    pub key: String,
    pub value: String,
}

/// The LABEL pairs of the stages in scope, in file order.
pub fn label_pairs<'a>(ctx: &Context<'a>) -> Vec<LabelPair<'a>> {
    let escape = ctx.dockerfile.escape;
    let mut out = Vec::new();
    for instr in ctx.with_keyword(Keyword::Label) {
        let Args::Label { pairs, .. } = &instr.args else { continue };
        for p in pairs {
            out.push(LabelPair {
                instruction: instr,
                span: p.span,
                key: crate::shell::expand::unquote(&p.key, escape),
                value: crate::shell::expand::unquote(&p.value, escape),
            });
        }
    }
    out
}

/// The shape of the label-schema rules that check one type of value
/// (DL3052–DL3056, DL3058): for every label of the schema with that type,
/// each LABEL instruction that sets it to a value `valid` rejects.
pub fn check_label_values(
    ctx: &Context,
    out: &mut Vec<Finding>,
    rule: &'static Rule,
    ty: LabelType,
    valid: fn(&str) -> bool,
    message: &'static Message,
) {
    let labels: Vec<&str> =
        ctx.settings.label_schema.iter().filter(|(_, t)| *t == ty).map(|(n, _)| n.as_str()).collect();
    if labels.is_empty() {
        return;
    }
    for pair in label_pairs(ctx) {
        if labels.contains(&pair.key.as_str()) && !valid(&pair.value) {
            out.push(rule.finding(pair.span, message.msg().arg("label", &pair.key)));
        }
    }
}
