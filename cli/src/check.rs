//! `dockerplay check FILE|DIR... [--format FORMAT] [--failure-threshold
//! error|warning|info|style|none] [--config FILE] [--target T]
//! [--all-stages] [--experimental] [--enable CODE[,CODE...]] [--context DIR]
//! [--fix [--dry-run]] [--no-fail] [hadolint's rule options]`:
//! best-practice findings. `--experimental` runs BuildKit's experimental
//! checks (which a file can also ask for with `# check=experimental=...`);
//! `--enable` runs rules that are off by default, named by any of their
//! names (`DL3057`, `DP101`, `CopyIgnoredFile`) or `all`, and may be
//! repeated. A DIR is searched for Dockerfiles (`discover.rs`); settings
//! come from `.hadolint.yaml`, `HADOLINT_*`, `dockerplay.toml` and the
//! command line (`config.rs`); `--fix` writes every safe fix back to the
//! files, `--fix --dry-run` prints them as a unified diff (`fix.rs`).
//!
//! hadolint's rule options, each repeatable: `--ignore CODE`, `--error
//! CODE`, `--warning CODE`, `--info CODE`, `--style CODE`,
//! `--trusted-registry REG`, `--require-label NAME:TYPE`, and the switches
//! `--strict-labels` and `--disable-ignore-pragma`.
//!
//! `--lang en|zh-CN` is the language of the messages and fix titles; without
//! it, `language` of `dockerplay.toml`, else the locale (`LANGUAGE`,
//! `LC_ALL`, `LC_MESSAGES`, `LANG`), else English. ShellCheck's own
//! messages stay in English.
//!
//! - `text`: one line per finding, `FILE:LINE:COL CODE severity: message`.
//! - `json`: an array of findings (hadolint's `-f json` shape, plus ours):
//!   `file, code, name, also, severity, category, line, column, end_line,
//!   end_column, message, message_id, message_args, stage_built, fix`.
//!   `message` is rendered in the reader's language; `message_id` names
//!   the message (`DP308.pin`) and `message_args` its arguments, so a tool
//!   can match findings whatever the language. `also` is the list of the
//!   other tools' codes the finding answers to (`["BuildKit:JSONArgsRecommended",
//!   "DL3025"]`); `stage_built` is false for a finding in a stage the target
//!   does not build; `fix` is `{title, safe, edits: [{line, column,
//!   end_line, end_column, replacement}]}` or null.
//! - `sarif`: a SARIF 2.1.0 log for code-scanning UIs; each rule carries
//!   its other codes as `properties.aliases`, each result `stageBuilt` in
//!   its property bag.
//! - `checkstyle`, `codeclimate`, `gitlab_codeclimate`, `gnu`, `github`:
//!   see `format/`.
//!
//! The exit code is 1 when a finding in any file is at least as severe as
//! the failure threshold (`info` by default, as hadolint), 0 otherwise or
//! with `--no-fail`, 2 on bad input or configuration. Parser diagnostics
//! go to standard error.

use crate::args::{read_input, scan};
use crate::config::{self, Level, Partial, Threshold};
use crate::discover;
use crate::format::{self, FileReport, Reported};
use dockerplay_core::inputs::{BuildInput, ContextFile, FileBody};
use dockerplay_core::lint::{self, Finding, LabelType};
use dockerplay_core::{Lang, LineIndex, Message, Msg, Severity};
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;

/// Options that take no value.
const SWITCHES: &[&str] = &[
    "--all-stages",
    "--experimental",
    "--fix",
    "--dry-run",
    "--no-fail",
    "--strict-labels",
    "--disable-ignore-pragma",
];

/// hadolint's repeatable options.
const LISTS: &[&str] = &["ignore", "error", "warning", "info", "style", "trusted-registry", "require-label"];

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    // Switches take no value; take them out before the scanner sees them.
    let on = |s: &str| argv.iter().any(|a| a == s);
    let (fix, dry_run) = (on("--fix"), on("--dry-run"));
    if dry_run && !fix {
        return Err("--dry-run goes with --fix".into());
    }
    let rest: Vec<String> = argv.iter().filter(|a| !SWITCHES.contains(&a.as_str())).cloned().collect();
    let (enable, rest) = take_enable(&rest)?;
    let mut lists = Vec::new();
    let mut rest = rest;
    for name in LISTS {
        let (values, r) = crate::args::take_repeated(&rest, name)?;
        lists.push(values);
        rest = r;
    }
    let args = scan(&rest, &["format", "failure-threshold", "target", "context", "config", "lang"])?;
    let command_line = command_line_settings(&args, &lists, enable, &on)?;
    let config =
        config::load(args.options.get("config").map(String::as_str), command_line, &config::Environment::real())?;
    for w in &config.warnings {
        eprintln!("dockerplay: {w}");
    }
    let format = config.settings.format.clone().unwrap_or_else(|| "text".into());
    if args.positional.is_empty() {
        return Err("missing FILE or DIR (use - for standard input)".into());
    }
    let inputs = discover::inputs(&args.positional)?;
    let files = match args.options.get("context") {
        Some(dir) => read_context(Path::new(dir))?,
        None => Vec::new(),
    };
    let opts = config.check_options();
    let mut build_args = std::collections::BTreeMap::new();
    if let Some(check) = &config.settings.buildkit_check {
        build_args.insert("BUILDKIT_DOCKERFILE_CHECK".to_string(), check.clone());
    }
    // `--lang` wins, then `language` in dockerplay.toml, then the locale.
    let lang = match (args.options.contains_key("lang"), config.settings.language.as_deref()) {
        (false, Some(code)) => Lang::from_code(code).unwrap_or_default(),
        _ => args.lang()?,
    };

    // Each file's name, input and rules' findings; ShellCheck's are added
    // for all the files at once below.
    let mut checked = Vec::new();
    // Whether standard output carries files or diffs rather than findings
    // (a dry run prints only its diff, empty when nothing is fixable).
    let mut prints_text = dry_run;
    for item in &inputs {
        let text = match &item.path {
            Some(p) => read_input(&p.to_string_lossy())?,
            None => read_input("-")?,
        };
        let name = if item.path.is_none() { "Dockerfile".to_string() } else { item.name.clone() };
        let mut input = BuildInput {
            dockerfile: text,
            files: files.clone(),
            target: args.options.get("target").cloned(),
            build_args: build_args.clone(),
            ..Default::default()
        };
        if fix {
            match crate::fix::fixed(&input, &opts) {
                Err(why) => eprintln!("dockerplay: {name}: {why}"),
                Ok(None) => {}
                Ok(Some(after)) if dry_run => print!("{}", crate::fix::unified_diff(&name, &input.dockerfile, &after)),
                Ok(Some(after)) => {
                    if let Some(path) = &item.path {
                        std::fs::write(path, &after).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                        eprintln!("dockerplay: fixed {name}");
                    }
                    input.dockerfile = after;
                }
            }
            if item.path.is_none() && !dry_run {
                // Standard input has nowhere to be written back: the fixed
                // file goes to standard output.
                print!("{}", input.dockerfile);
                prints_text = true;
            }
        }
        let (findings, diagnostics) = lint::check(&input, &opts);
        let index = LineIndex::new(&input.dockerfile);
        for d in &diagnostics {
            let (l, c) = index.line_col(&input.dockerfile, d.span.start);
            eprintln!("{name}:{l}:{c}: {}: {}", d.severity.as_str(), d.message.render(lang));
        }
        checked.push((name, input, findings));
    }

    let merged =
        crate::shellcheck::merge(checked.iter_mut().map(|(_, input, f)| (std::mem::take(f), &*input)).collect());
    let mut reports = Vec::new();
    for ((name, input, _), findings) in checked.into_iter().zip(merged) {
        let findings = findings
            .into_iter()
            .filter_map(|mut f| {
                let level = config.level(&f)?;
                f.severity = level.severity();
                let message = f.message.render(lang);
                Some(Reported { finding: f, level, message })
            })
            .collect();
        reports.push(FileReport { name, text: input.dockerfile, findings });
    }

    if !prints_text {
        print!("{}", render(&format, &reports, lang));
    }
    let threshold = config.threshold();
    let failed = reports.iter().flat_map(|r| &r.findings).any(|r| threshold.fails(r.level));
    Ok(if failed && config.settings.no_fail != Some(true) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What the command line says, as one more configuration source.
fn command_line_settings(
    args: &crate::args::Args,
    lists: &[Vec<String>],
    enable: Vec<String>,
    on: &dyn Fn(&str) -> bool,
) -> Result<Partial, String> {
    let flag = |name: &str| on(name).then_some(true);
    let mut p = Partial {
        enable,
        all_stages: flag("--all-stages"),
        experimental: flag("--experimental"),
        no_fail: flag("--no-fail"),
        strict_labels: flag("--strict-labels"),
        disable_ignore_pragma: flag("--disable-ignore-pragma"),
        ..Partial::default()
    };
    if let Some(f) = args.options.get("format") {
        let f = format::canonical(f);
        if !format::FORMATS.contains(&f) {
            return Err(format!("--format must be one of {}", format::FORMATS.join(", ")));
        }
        p.format = Some(f.to_string());
    }
    if let Some(t) = args.options.get("failure-threshold") {
        p.failure_threshold =
            Some(Threshold::parse(t).ok_or_else(|| {
                format!("--failure-threshold must be error, warning, info, style or none, not `{t}`")
            })?);
    }
    let [ignore, error, warning, info, style, trusted, labels] = lists else {
        return Err("internal: option lists".into());
    };
    p.ignored = ignore.clone();
    for (level, codes) in [(Level::Error, error), (Level::Warning, warning), (Level::Info, info), (Level::Style, style)]
    {
        p.overrides.extend(codes.iter().map(|c| (level, c.clone())));
    }
    p.trusted_registries = trusted.clone();
    for label in labels {
        let (name, ty) = label.split_once(':').unwrap_or((label, ""));
        let ty = LabelType::parse(ty).ok_or_else(|| {
            format!("--require-label {label}: the type must be text, url, email, hash, rfc3339, semver or spdx")
        })?;
        p.label_schema.push((name.to_string(), ty));
    }
    Ok(p)
}

/// The reports in a format: text, JSON and SARIF here, the others in
/// `format/`.
fn render(format: &str, reports: &[FileReport], lang: Lang) -> String {
    let findings = |r: &FileReport| r.findings.iter().map(|x| x.finding.clone()).collect::<Vec<Finding>>();
    match format {
        "text" => reports.iter().map(|r| render_text(&r.name, &r.text, &findings(r), lang)).collect(),
        "json" => {
            let mut all = Vec::new();
            for r in reports {
                let Value::Array(items) = findings_json(&r.name, &r.text, &findings(r), lang) else { continue };
                // The JSON shape has hadolint's four levels, "style" included.
                for (mut item, x) in items.into_iter().zip(&r.findings) {
                    item["severity"] = json!(x.level.as_str());
                    all.push(item);
                }
            }
            serde_json::to_string_pretty(&Value::Array(all)).unwrap_or_default() + "\n"
        }
        "sarif" => {
            let logs: Vec<Value> = reports.iter().map(|r| sarif(&r.name, &r.text, &findings(r), lang)).collect();
            serde_json::to_string_pretty(&format::merge_sarif(logs)).unwrap_or_default() + "\n"
        }
        other => format::render(other, reports),
    }
}

/// Takes out every `--enable A,B` (or `--enable=A,B`): the rule names, and
/// the other arguments. The scanner keeps one value per option, and this
/// one may be repeated. A name of no rule is an error, so that a typo does
/// not silently leave a rule off.
fn take_enable(argv: &[String]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut names = Vec::new();
    let mut rest = Vec::new();
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        let value = if arg == "--enable" {
            it.next().ok_or("--enable needs a value")?.as_str()
        } else if let Some(v) = arg.strip_prefix("--enable=") {
            v
        } else {
            rest.push(arg.clone());
            continue;
        };
        names.extend(value.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string));
    }
    if let Some(unknown) = names.iter().find(|n| !n.eq_ignore_ascii_case("all") && lint::registry::lookup(n).is_none())
    {
        return Err(format!("--enable: no rule is called `{unknown}`"));
    }
    Ok((names, rest))
}

/// The build context of a directory: `.dockerignore` with its text, every
/// other file by size only (its content does not matter to the checks).
fn read_context(dir: &Path) -> Result<Vec<ContextFile>, String> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("cannot read {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if rel == ".git" || files.len() > 100_000 {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                todo.push(path);
            } else if rel == ".dockerignore" {
                let content = std::fs::read_to_string(&path).unwrap_or_default();
                files.push(ContextFile::text(&rel, &content));
            } else {
                files.push(ContextFile {
                    path: rel,
                    body: FileBody::Blob { size: meta.len(), digest: String::new() },
                    mode: None,
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

// The text format's notes after a message, in the reader's language too.
static UNBUILT: Message =
    Message::new("cli.unbuilt", " (in a stage the target does not build)", "（所在的构建阶段不在目标的构建范围内）");
static FIXABLE: Message = Message::new("cli.fixable", " (fixable)", "（可自动修复）");

fn render_text(file: &str, text: &str, findings: &[Finding], lang: Lang) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for f in findings {
        let (l, c) = index.line_col(text, f.span.start);
        let aliases = lint::rule(f.code).map(|r| r.aliases()).unwrap_or_default();
        let also = if aliases.is_empty() { String::new() } else { format!(" [{}]", aliases.join(", ")) };
        let unbuilt = if f.stage_built { String::new() } else { UNBUILT.msg().render(lang) };
        let fix = match &f.fix {
            Some(fix) if fix.safe => FIXABLE.msg().render(lang),
            _ => String::new(),
        };
        out.push_str(&format!(
            "{file}:{l}:{c} {} {}: {}{also}{unbuilt}{fix}\n",
            f.code,
            f.severity.as_str(),
            f.message.render(lang)
        ));
    }
    out
}

/// A message's arguments by name, rendered in `lang`.
fn message_args(msg: &Msg, lang: Lang) -> Value {
    Value::Object(msg.args_in(lang).into_iter().map(|(k, v)| (k.to_string(), Value::String(v))).collect())
}

fn findings_json(file: &str, text: &str, findings: &[Finding], lang: Lang) -> Value {
    let index = LineIndex::new(text);
    let pos = |offset: usize| index.line_col(text, offset);
    Value::Array(
        findings
            .iter()
            .map(|f| {
                let rule = lint::rule(f.code);
                let (line, column) = pos(f.span.start);
                let (end_line, end_column) = pos(f.span.end);
                let fix = f.fix.as_ref().map(|fix| {
                    json!({
                        "title": fix.title.render(lang),
                        "safe": fix.safe,
                        "edits": fix.edits.iter().map(|e| {
                            let (l, c) = pos(e.span.start);
                            let (el, ec) = pos(e.span.end);
                            json!({"line": l, "column": c, "end_line": el, "end_column": ec, "replacement": e.replacement})
                        }).collect::<Vec<_>>(),
                    })
                });
                json!({
                    "file": file,
                    "code": f.code,
                    "name": rule.map(|r| r.name),
                    "also": rule.map(|r| r.aliases()).unwrap_or_default(),
                    "severity": f.severity.as_str(),
                    "category": rule.map(|r| r.category.as_str()),
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "message": f.message.render(lang),
                    "message_id": f.message.id(),
                    "message_args": message_args(&f.message, lang),
                    "stage_built": f.stage_built,
                    "fix": fix,
                })
            })
            .collect(),
    )
}

/// A rule's SARIF tags: its category and its aliases, each once.
fn tags(rule: &lint::Rule) -> Vec<&'static str> {
    let mut tags = vec![rule.category.as_str()];
    for a in rule.aliases() {
        if !tags.contains(&a) {
            tags.push(a);
        }
    }
    tags
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF 2.1.0 log: the tool with the rules that fired, and one result
/// per finding with its region. A rule's codes in other tools (BuildKit's
/// check name, hadolint's DL code) are aliases, not former names, so they
/// go in the rule's property bag (SARIF 2.1.0 §3.8, §3.49.17) rather than
/// `deprecatedIds` (§3.49.4, ids the rule was once known by); `tags` lists
/// them too, for viewers that only show tags.
fn sarif(file: &str, text: &str, findings: &[Finding], lang: Lang) -> Value {
    let index = LineIndex::new(text);
    let mut used: Vec<&'static str> = findings.iter().map(|f| f.code).collect();
    used.sort();
    used.dedup();
    // One rule per code used, in the order `ruleIndex` counts: ShellCheck's
    // codes (no rule of ours) get a rule that points at ShellCheck's wiki.
    let rules: Vec<Value> = used
        .iter()
        .map(|c| match lint::rule(c) {
            Some(r) => json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.title_in(lang)},
                "fullDescription": {"text": r.doc_in(lang)},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"category": r.category.as_str(), "aliases": r.aliases(), "tags": tags(r)},
            }),
            None => json!({
                "id": c,
                "name": c,
                "shortDescription": {"text": format!("ShellCheck {c}")},
                "helpUri": format!("https://www.shellcheck.net/wiki/{c}"),
                "properties": {"aliases": [], "tags": ["ShellCheck"]},
            }),
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let (line, column) = index.line_col(text, f.span.start);
            let (end_line, end_column) = index.line_col(text, f.span.end);
            json!({
                "ruleId": f.code,
                "ruleIndex": used.iter().position(|c| *c == f.code),
                "level": sarif_level(f.severity),
                "message": {"text": f.message.render(lang)},
                "properties": {"stageBuilt": f.stage_built},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": file},
                        "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column},
                    }
                }],
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "dockerplay",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::lint::CheckOptions;

    fn findings(text: &str) -> Vec<Finding> {
        let input = BuildInput { dockerfile: text.to_string(), ..Default::default() };
        lint::check(&input, &CheckOptions::default()).0
    }

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn enable_takes_lists_repeats_and_any_name_and_rejects_unknown_rules() {
        let (names, rest) = take_enable(&strings(&[
            "--enable",
            "DL3057, dp101",
            "Dockerfile",
            "--enable=CopyIgnoredFile",
            "--format",
            "json",
        ]))
        .unwrap_or_default();
        assert_eq!(names, ["DL3057", "dp101", "CopyIgnoredFile"]);
        assert_eq!(rest, ["Dockerfile", "--format", "json"]);
        assert_eq!(take_enable(&strings(&["--enable=all"])).map(|(n, _)| n), Ok(strings(&["all"])));
        assert_eq!(
            take_enable(&strings(&["--enable", "DL9999"])).map(|(n, _)| n),
            Err("--enable: no rule is called `DL9999`".to_string())
        );
        assert!(take_enable(&strings(&["Dockerfile", "--enable"])).is_err());
        // `--enabled` is another option, left for the scanner to reject.
        assert_eq!(take_enable(&strings(&["--enabled", "x"])).map(|(_, r)| r), Ok(strings(&["--enabled", "x"])));
    }

    #[test]
    fn json_carries_positions_and_equivalents() {
        let text = "FROM alpine:3.20 as Build\n";
        let v = findings_json("Dockerfile", text, &findings(text), Lang::En);
        let first = v.as_array().and_then(|a| a.iter().find(|f| f["code"] == "DP001")).cloned().unwrap_or_default();
        assert_eq!(first["also"], serde_json::json!(["BuildKit:StageNameCasing"]));
        assert_eq!(first["stage_built"], true);
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64(), first["end_column"].as_u64()),
            (Some(1), Some(21), Some(26))
        );
        assert_eq!(first["fix"]["safe"], true);
    }

    #[test]
    fn json_lists_every_name_of_a_twin_finding_and_marks_unbuilt_stages() {
        // JSONArgsRecommended is hadolint's DL3025 too; the first stage is
        // not built by the default target.
        let text = "FROM alpine:3.20 AS Tools\nFROM alpine:3.20\nCMD echo hi\n";
        let v = findings_json("Dockerfile", text, &findings(text), Lang::En);
        let all = v.as_array().cloned().unwrap_or_default();
        let cmd =
            all.iter().find(|f| f["line"] == 3 && f["name"] == "JSONArgsRecommended").cloned().unwrap_or_default();
        assert_eq!(cmd["also"], serde_json::json!(["BuildKit:JSONArgsRecommended", "DL3025"]));
        assert!(
            !all.iter().any(|f| f["line"] == 3 && f["also"] == serde_json::json!(["DL3025"])),
            "one finding, not one per tool: {all:?}"
        );
        let casing = all.iter().find(|f| f["name"] == "StageNameCasing").cloned().unwrap_or_default();
        assert_eq!((casing["line"].as_u64(), casing["stage_built"].as_bool()), (Some(1), Some(false)));
    }

    #[test]
    fn failure_threshold_counts_findings_at_least_as_severe() {
        // One warning (StageNameCasing) and one info (heavy base).
        let found = findings("FROM python:3.12 AS Build\n");
        let levels: Vec<Level> = found.iter().map(|f| Level::default_for(lint::rule(f.code), f.severity)).collect();
        assert!(levels.contains(&Level::Warning) && levels.contains(&Level::Info), "{levels:?}");
        let fails = |t: Threshold| levels.iter().any(|l| t.fails(*l));
        assert!(!fails(Threshold::At(Level::Error)));
        assert!(fails(Threshold::At(Level::Warning)));
        assert!(fails(Threshold::At(Level::Info)));
        assert!(!fails(Threshold::Never));
        // Style is below info: the default threshold lets it pass.
        assert!(!Threshold::At(Level::Info).fails(Level::Style) && Threshold::At(Level::Style).fails(Level::Style));
    }

    #[test]
    fn sarif_is_a_2_1_0_log_with_indexed_rules() {
        let text = "FROM alpine:3.20 as Build\nMAINTAINER me\n";
        let log = sarif("Dockerfile", text, &findings(text), Lang::En);
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
        for result in run["results"].as_array().cloned().unwrap_or_default() {
            let i = result["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
            assert_eq!(rules.get(i).map(|r| r["id"].clone()), Some(result["ruleId"].clone()));
            assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().is_some());
        }
        assert!(run["results"].as_array().is_some_and(|r| r.len() >= 2));
        let maintainer = rules.iter().find(|r| r["name"] == "MaintainerDeprecated").cloned().unwrap_or_default();
        assert_eq!(maintainer["properties"]["aliases"], serde_json::json!(["BuildKit:MaintainerDeprecated", "DL4000"]));
    }
}
