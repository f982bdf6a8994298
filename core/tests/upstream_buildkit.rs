//! BuildKit's own test suites, run against our parser and checks.
//!
//! The cases are BuildKit's (moby/buildkit, the commit pinned in
//! `scripts/upstream-buildkit.sh` and in `upstream/buildkit.manifest`),
//! vendored under BuildKit's licence in `upstream/buildkit`: `bash
//! scripts/upstream-buildkit.sh MIRROR core/tests/upstream/buildkit`
//! extracts them again from a git mirror. `$DOCKERPLAY_UPSTREAM/buildkit`
//! (or `$DOCKERPLAY_UPSTREAM` itself), when set, is read instead, to try
//! another extraction.
//!
//! A check case agrees when we report the same checks with the same text,
//! on the same lines for a build (BuildKit's checkProgressStream compares
//! all three; its checkUnmarshal, the `--check` side, compares no lines).
//!
//! Every case must agree with BuildKit, except those in
//! `upstream/exclusions.txt`, each with the reason and BuildKit's source
//! line. An excluded case that agrees is an error too, so the list only
//! shrinks.

#[path = "support/translated.rs"]
mod translated;

use dockerplay_core::inputs::{BuildInput, ContextFile};
use dockerplay_core::lint::{self, CheckOptions};
use dockerplay_core::syntax::{self, Args, CommandForm, Instruction};
use dockerplay_core::{LineIndex, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the extracted suite is, if it is anywhere.
fn data_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(root) = std::env::var_os("DOCKERPLAY_UPSTREAM") {
        let root = PathBuf::from(root);
        candidates.push(root.join("buildkit"));
        candidates.push(root);
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/upstream/buildkit"));
    candidates.into_iter().find(|d| d.join("COMMIT").is_file())
}

fn data() -> PathBuf {
    match data_dir() {
        Some(d) => d,
        None => panic!(
            "the upstream BuildKit suite is absent from core/tests/upstream/buildkit: \
             run `bash scripts/upstream-buildkit.sh MIRROR_GIT_DIR core/tests/upstream/buildkit`"
        ),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The cases we knowingly do not follow: `id | BuildKit source | reason`.
fn exclusions() -> BTreeMap<String, String> {
    let text = include_str!("upstream/exclusions.txt");
    let mut out = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut parts = line.splitn(3, '|').map(str::trim);
        let (id, source, reason) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        assert!(!source.is_empty() && !reason.is_empty(), "exclusion `{id}` needs a BuildKit source line and a reason");
        out.insert(id.to_string(), reason.to_string());
    }
    out
}

/// Runs `compare` over every case of a suite: the mismatches of cases not
/// excluded fail the test, and so do excluded cases that now agree.
/// A named case that passes or says why not.
type Case = (String, Box<dyn FnOnce() -> Result<(), String>>);

fn check(suite: &str, cases: Vec<Case>) {
    let excluded = exclusions();
    let mut failures = Vec::new();
    let total = cases.len();
    let mut skipped = 0;
    for (id, compare) in cases {
        let result = compare();
        match (excluded.contains_key(&id), result) {
            (false, Ok(())) => {}
            (false, Err(why)) => failures.push(format!("{id}: {why}")),
            (true, Ok(())) => {
                failures.push(format!("{id}: agrees with BuildKit now; remove it from upstream/exclusions.txt"))
            }
            (true, Err(_)) => skipped += 1,
        }
    }
    eprintln!("{suite}: {} of {total} cases agree, {skipped} excluded", total - skipped - failures.len());
    assert!(total > 0, "{suite}: no cases found");
    assert!(
        failures.is_empty(),
        "{suite}: {} of {total} cases disagree with BuildKit:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn manifest_names_the_pinned_commit() {
    let dir = data();
    let manifest = include_str!("upstream/buildkit.manifest");
    let pinned = manifest.lines().find_map(|l| l.strip_prefix("commit ")).unwrap_or_default().trim();
    assert_eq!(
        read(&dir.join("COMMIT")).trim(),
        pinned,
        "the data was extracted at another commit than the manifest names"
    );
    let script = include_str!("../../scripts/upstream-buildkit.sh");
    assert!(script.contains(&format!("BUILDKIT_COMMIT={pinned}")), "scripts/upstream-buildkit.sh pins another commit");
}

// ------------------------------------------------------------ the parser

/// Go's `strconv.Quote`: what BuildKit's `Node.Dump` prints for a value.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn form(f: &CommandForm) -> Vec<String> {
    match f {
        CommandForm::Shell(s) => vec![s.clone()],
        CommandForm::Exec(v) => v.clone(),
    }
}

/// One instruction as BuildKit's `Node.Dump` prints it, from our typed
/// reading of it: the lower-case keyword, the flags as written, then the
/// arguments as BuildKit's line parsers split them.
fn dump(i: &Instruction) -> String {
    let mut out = i.keyword_text.to_ascii_lowercase();
    if !i.flags.is_empty() {
        let flags: Vec<String> = i
            .flags
            .iter()
            .map(|f| {
                go_quote(&format!("--{}{}", f.name, f.value.as_ref().map(|v| format!("={v}")).unwrap_or_default()))
            })
            .collect();
        out.push_str(&format!(" [{}]", flags.join(" ")));
    }
    let words: Vec<String> = match &i.args {
        Args::From(f) => {
            std::iter::once(&f.image).chain(&f.as_keyword).chain(&f.name).map(|w| w.text.clone()).collect()
        }
        Args::Run(r) => form(&r.command),
        Args::Cmd(f) | Args::Entrypoint(f) => form(f),
        Args::Shell(v) => v.clone(),
        Args::Copy(c) | Args::Add(c) => {
            c.sources.iter().chain(std::iter::once(&c.dest)).map(|w| w.text.clone()).collect()
        }
        Args::Env { pairs, legacy } | Args::Label { pairs, legacy } => pairs
            .iter()
            .flat_map(|p| [p.key.clone(), p.value.clone(), if *legacy { String::new() } else { "=".into() }])
            .collect(),
        Args::Arg(decls) => {
            decls.iter().map(|d| d.default.as_ref().map_or(d.name.clone(), |v| format!("{}={v}", d.name))).collect()
        }
        Args::Expose(w) | Args::Volume(w) => w.iter().map(|w| w.text.clone()).collect(),
        Args::User(w) | Args::Workdir(w) | Args::Stopsignal(w) => vec![w.text.clone()],
        Args::Maintainer(s) => vec![s.clone()],
        Args::Healthcheck(h) => {
            let typ = i.command.split_whitespace().next().unwrap_or("").to_string();
            match &h.command {
                None => vec![typ],
                Some(f) => std::iter::once(typ).chain(form(f)).collect(),
            }
        }
        Args::Onbuild(inner) => return format!("{out} ({})", dump(inner)),
        Args::Invalid => vec![format!("<invalid: {}>", i.command)],
    };
    for w in words {
        out.push(' ');
        out.push_str(&go_quote(&w));
    }
    out
}

fn dump_file(text: &str) -> String {
    let (df, _) = syntax::parse(text);
    df.instructions.iter().map(|i| format!("({})\n", dump(i))).collect()
}

fn dirs(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn parser_testfiles() {
    let root = data().join("parser");
    let cases = dirs(&root)
        .into_iter()
        .map(|name| {
            let dir = root.join(&name);
            let compare: Box<dyn FnOnce() -> Result<(), String>> = Box::new(move || {
                let got = dump_file(&read(&dir.join("Dockerfile")));
                let want = read(&dir.join("result"));
                if got.trim_end() == want.trim_end() {
                    return Ok(());
                }
                let diff: Vec<String> = want
                    .lines()
                    .zip(got.lines().chain(std::iter::repeat("<missing>")))
                    .filter(|(w, g)| w != g)
                    .take(3)
                    .map(|(w, g)| format!("  BuildKit: {w}\n  ours:     {g}"))
                    .collect();
                Err(format!(
                    "dump differs ({} vs {} lines)\n{}",
                    want.lines().count(),
                    got.lines().count(),
                    diff.join("\n")
                ))
            });
            (format!("parser/{name}"), compare)
        })
        .collect();
    check("parser testfiles", cases);
}

#[test]
fn parser_rejects_negative_testfiles() {
    let root = data().join("negative");
    let cases = dirs(&root)
        .into_iter()
        .map(|name| {
            let path = root.join(&name).join("Dockerfile");
            let compare: Box<dyn FnOnce() -> Result<(), String>> = Box::new(move || {
                let (_, diags) = syntax::parse(&read(&path));
                match diags.iter().any(|d| d.severity == Severity::Error) {
                    true => Ok(()),
                    false => Err("BuildKit's parser rejects this file; ours reports no error".into()),
                }
            });
            (format!("negative/{name}"), compare)
        })
        .collect();
    check("negative testfiles", cases);
}

#[test]
fn parser_line_numbers() {
    let dir = data();
    let case = json(&dir.join("line.json"));
    let empty = json(&dir.join("empty_continuation.json"));
    let cases: Vec<Case> = vec![
        (
            "line".into(),
            Box::new(move || {
                let (df, _) = syntax::parse(case["dockerfile"].as_str().unwrap_or_default());
                let got: Vec<(u64, u64)> = df.instructions.iter().map(|i| (i.line as u64, i.end_line as u64)).collect();
                let want: Vec<(u64, u64)> = case["children"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| (p[0].as_u64().unwrap_or(0), p[1].as_u64().unwrap_or(0)))
                    .collect();
                let span = (got.first().map(|g| g.0), got.last().map(|g| g.1));
                match got == want && span == (case["start"].as_u64(), case["end"].as_u64()) {
                    true => Ok(()),
                    false => Err(format!(
                        "lines {got:?} (file {span:?}), BuildKit {want:?} ({} to {})",
                        case["start"], case["end"]
                    )),
                }
            }),
        ),
        (
            "empty_continuation".into(),
            Box::new(move || {
                let (df, _) = syntax::parse(empty["dockerfile"].as_str().unwrap_or_default());
                let got = df.instructions.iter().filter(|i| i.empty_continuation).count() as u64;
                match Some(got) == empty["warnings"].as_u64() {
                    true => Ok(()),
                    false => {
                        Err(format!("{got} instructions with empty continuation lines, BuildKit {}", empty["warnings"]))
                    }
                }
            }),
        ),
    ];
    check("line numbers", cases);
}

#[test]
fn heredocs() {
    let suite = json(&data().join("heredoc.json"));
    let mut cases: Vec<Case> = Vec::new();
    for case in suite["parse"].as_array().cloned().unwrap_or_default() {
        let (df, diags) = syntax::parse(case["dockerfile"].as_str().unwrap_or_default());
        // BuildKit's AST has a child for every logical line, unknown
        // keywords included; ours drops those with a diagnostic.
        let mut nodes: Vec<(usize, Option<usize>)> =
            df.instructions.iter().enumerate().map(|(k, i)| (i.span.start, Some(k))).collect();
        nodes.extend(
            diags
                .iter()
                .filter(|d| d.message.id().starts_with("parse.unknown-instruction"))
                .map(|d| (d.span.start, None)),
        );
        nodes.sort();
        let df = std::sync::Arc::new(df);
        let id = case["id"].as_str().unwrap_or_default().to_string();
        for (index, want) in case["children"].as_object().cloned().unwrap_or_default() {
            let df = df.clone();
            let case_id = format!("{id}/{index}");
            let node = index.parse::<usize>().ok().and_then(|i| nodes.get(i).copied());
            let compare: Box<dyn FnOnce() -> Result<(), String>> = Box::new(move || {
                let Some((_, instr)) = node else { return Err(format!("no child {index}")) };
                let instr = instr.and_then(|k| df.instructions.get(k));
                let got: Vec<Value> = instr
                    .map(|i| i.heredocs.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .map(|h| serde_json::json!({"Name": h.name, "Content": h.content, "Expand": h.expand, "Chomp": h.chomp}))
                    .collect();
                let want: Vec<Value> = want
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|h| serde_json::json!({"Name": h["Name"], "Content": h["Content"], "Expand": h["Expand"], "Chomp": h["Chomp"]}))
                    .collect();
                match got == want {
                    true => Ok(()),
                    false => Err(format!("line {:?}: heredocs {got:?}, BuildKit {want:?}", instr.map(|i| i.line))),
                }
            });
            cases.push((case_id, compare));
        }
    }
    for case in suite["from_line"].as_array().cloned().unwrap_or_default() {
        let id = case["id"].as_str().unwrap_or_default().to_string();
        let compare: Box<dyn FnOnce() -> Result<(), String>> = Box::new(move || {
            let names: Vec<String> =
                case["names"].as_array().into_iter().flatten().filter_map(|n| n.as_str().map(String::from)).collect();
            // The line, then a terminator for each heredoc it opens.
            let text = format!(
                "FROM scratch\n{}\n{}",
                case["line"].as_str().unwrap_or_default(),
                names.iter().map(|n| format!("{n}\n")).collect::<String>()
            );
            let (df, _) = syntax::parse(&text);
            let got: Vec<String> =
                df.instructions.get(1).map(|i| i.heredocs.iter().map(|h| h.name.clone()).collect()).unwrap_or_default();
            // BuildKit's TestHeredocsFromLine checks each heredoc found
            // against the name at its place, and no more: what it asserts
            // is that ours are a prefix of its list.
            match names.starts_with(&got) {
                true => Ok(()),
                false => Err(format!("{:?}: heredocs {got:?}, BuildKit {names:?}", case["line"])),
            }
        });
        cases.push((id, compare));
    }
    check("heredocs", cases);
}

// ------------------------------------------------------------ the checks

/// A warning: check name, line and text.
type Warning = (String, u64, String);

/// What BuildKit reports, sorted.
fn expected(list: &Value) -> Vec<Warning> {
    let mut out: Vec<Warning> = list
        .as_array()
        .into_iter()
        .flatten()
        .map(|w| {
            let text = w["detail"].as_str().unwrap_or_default().to_string();
            (w["rule"].as_str().unwrap_or_default().to_string(), w["line"].as_u64().unwrap_or(0), text)
        })
        .collect();
    out.sort();
    out
}

/// What we report under BuildKit's check names, sorted.
fn ours(input: &BuildInput, all_stages: bool) -> Vec<Warning> {
    let opts = CheckOptions { all_stages, ..Default::default() };
    let (findings, _) = lint::check(input, &opts);
    findings.iter().for_each(translated::assert_translated);
    let index = LineIndex::new(&input.dockerfile);
    let mut out: Vec<Warning> = findings
        .iter()
        .filter_map(|f| {
            let name = lint::rule(f.code)?.buildkit_name()?;
            Some((name.to_string(), index.line_col(&input.dockerfile, f.span.start).0 as u64, f.message.to_string()))
        })
        .collect();
    out.sort();
    out
}

fn build_input(case: &Value) -> BuildInput {
    let mut input =
        BuildInput { dockerfile: case["dockerfile"].as_str().unwrap_or_default().to_string(), ..Default::default() };
    if let Some(ignore) = case["dockerignore"].as_str() {
        input.files.push(ContextFile::text(".dockerignore", ignore));
    }
    for (key, value) in case["frontend_attrs"].as_object().cloned().unwrap_or_default() {
        let value = value.as_str().unwrap_or_default().to_string();
        if let Some(arg) = key.strip_prefix("build-arg:") {
            input.build_args.insert(arg.to_string(), value);
        } else if key == "target" {
            input.target = Some(value);
        }
    }
    input
}

fn compare_warnings(want: Vec<Warning>, got: Vec<Warning>) -> Result<(), String> {
    if want == got {
        return Ok(());
    }
    let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
    let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
    Err(format!("BuildKit {want:?}, ours {got:?} (missing {missing:?}, extra {extra:?})"))
}

fn checks_suite(all_stages: bool) {
    let suite = json(&data().join("checks.json"));
    let key = if all_stages { "check" } else { "build" };
    let cases = suite
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|case| {
            let id = format!("{key}/{}", case["id"].as_str().unwrap_or_default());
            let compare: Box<dyn FnOnce() -> Result<(), String>> = Box::new(move || {
                if let Some(why) = case["unresolved"].as_array().filter(|u| !u.is_empty()) {
                    return Err(format!("the case has values only BuildKit's run computes: {why:?}"));
                }
                let input = build_input(&case);
                let (mut want, mut got) = (expected(&case[key]), ours(&input, all_stages));
                // A case that gives no text for a check compares its name
                // and line only.
                let untexted: Vec<String> = want.iter().filter(|w| w.2.is_empty()).map(|w| w.0.clone()).collect();
                for w in got.iter_mut().filter(|w| untexted.contains(&w.0)) {
                    w.2.clear();
                }
                if all_stages {
                    // BuildKit's checkUnmarshal compares each warning's rule
                    // and text but not its line (checkLintWarning), and some
                    // cases expect lines no build reports: compare those.
                    for w in want.iter_mut().chain(got.iter_mut()) {
                        w.1 = 0;
                    }
                }
                want.sort();
                got.sort();
                compare_warnings(want, got)
                    .map_err(|e| format!("{}\n{}", case["source"].as_str().unwrap_or_default(), e))
            });
            (id, compare)
        })
        .collect();
    check(if all_stages { "checks, all stages (--check)" } else { "checks, default target (build)" }, cases);
}

#[test]
fn checks_for_the_default_target() {
    checks_suite(false);
}

#[test]
fn checks_for_all_stages() {
    checks_suite(true);
}
