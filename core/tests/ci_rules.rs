//! The CI cache traps (`core::cache::ci_rules`, DP501–DP599) against
//! fixtures: every rule has a file `tests/ci_rules/<code>.txt` of cases it
//! must catch and cases it must leave alone, and a snapshot
//! `tests/ci_rules/<code>.snap` of what it reports (update with
//! `UPDATE_EXPECT=1 cargo test -p dockerplay-core --test ci_rules`).
//!
//! A fixture is a list of cases, each a list of builds in CI:
//!
//! ```text
//! ### catches: what the case shows     (the rule must report something)
//! ### passes: what the case shows      (the rule must report nothing)
//! #> build runner=fresh cache_to=type=registry,ref=r/app:c target=app
//! FROM ...                             (the build's Dockerfile)
//! #> build pull moved=node:20          (no Dockerfile: the one before)
//! ```
//!
//! A `#> build` line starts a build; its words are its CI fields:
//! `runner=NAME`, `cache_from=ENTRY` and `cache_to=ENTRY` (repeatable),
//! `pull`, `no_cache`, `push=REF`, `target=STAGE`, `moved=REF` (the tag
//! moved before this build) and `seconds=N` (every RUN takes N seconds,
//! as the page's edited step times would say).

#[path = "support/translated.rs"]
mod translated;

use dockerplay_core::cache::ci_rules::{self, CiFinding};
use dockerplay_core::cache::Options;
use dockerplay_core::inputs::{BuildInput, CiBuild, ImageInfo, Scenario};
use dockerplay_core::lint;
use dockerplay_core::LineIndex;
use std::fmt::Write;
use std::path::{Path, PathBuf};

struct Case {
    header: String,
    catches: bool,
    scenario: Scenario,
    ci: Vec<CiBuild>,
    options: Options,
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    // Whether the current build has its own Dockerfile text yet.
    let mut own_text = false;
    for line in text.split_inclusive('\n') {
        if let Some(h) = line.strip_prefix("### ") {
            let h = h.trim_end().to_string();
            let catches = h.starts_with("catches");
            assert!(catches || h.starts_with("passes"), "case header must start with `catches` or `passes`: {h}");
            cases.push(Case {
                header: h,
                catches,
                scenario: Scenario::default(),
                ci: Vec::new(),
                options: Options::default(),
            });
            continue;
        }
        let case = cases.last_mut().expect("a fixture starts with a `### ` case header");
        if let Some(words) = line.strip_prefix("#> build") {
            let previous = case.scenario.builds.last().map(|b| b.dockerfile.clone()).unwrap_or_default();
            let mut input = BuildInput { dockerfile: previous, ..Default::default() };
            let mut ci = CiBuild::default();
            for word in words.split_whitespace() {
                let (k, v) = word.split_once('=').unwrap_or((word, ""));
                match k {
                    "runner" => ci.runner = Some(v.into()),
                    "cache_from" => ci.cache_from.push(v.into()),
                    "cache_to" => ci.cache_to.push(v.into()),
                    "pull" => ci.pull = true,
                    "no_cache" => ci.no_cache = true,
                    "push" => ci.push = Some(v.into()),
                    "target" => input.target = Some(v.into()),
                    "moved" => {
                        ci.images.insert(v.into(), ImageInfo { id: format!("sha256:moved-{v}"), size: None });
                    }
                    "seconds" => {
                        let n: f64 = v.parse().expect("seconds=N");
                        case.options.seconds.insert(String::new(), n);
                    }
                    _ => panic!("unknown build word: {word}"),
                }
            }
            case.scenario.builds.push(input);
            case.ci.push(ci);
            own_text = false;
            continue;
        }
        if !own_text && line.trim().is_empty() {
            // A blank line between cases is not a Dockerfile.
            continue;
        }
        let build = case.scenario.builds.last_mut().expect("Dockerfile text comes after a `#> build` line");
        if !own_text {
            build.dockerfile.clear();
            own_text = true;
        }
        build.dockerfile.push_str(line);
    }
    // `seconds=N` applies to every RUN of the case.
    for case in &mut cases {
        if let Some(n) = case.options.seconds.remove("") {
            for b in &case.scenario.builds {
                let (df, _) = dockerplay_core::syntax::parse(&b.dockerfile);
                for i in df.instructions.iter().filter(|i| i.keyword == dockerplay_core::syntax::Keyword::Run) {
                    case.options.seconds.insert(i.text.to_string(), n);
                }
            }
        }
    }
    cases
}

/// The findings of one rule, as the snapshot shows them: the builds, the
/// place in the first build's Dockerfile, the message and the fix.
fn render(case: &Case, findings: &[&CiFinding]) -> String {
    let mut out = String::new();
    for f in findings {
        let text = case.scenario.builds.get(f.builds[0] - 1).map(|b| b.dockerfile.as_str()).unwrap_or_default();
        let lines = LineIndex::new(text);
        let (l1, c1) = lines.line_col(text, f.finding.span.start);
        let (l2, c2) = lines.line_col(text, f.finding.span.end);
        let builds: Vec<String> = f.builds.iter().map(usize::to_string).collect();
        writeln!(
            out,
            "builds {}: {l1}:{c1}-{l2}:{c2} {} {}: {}",
            builds.join(","),
            f.finding.severity.as_str(),
            f.finding.code,
            f.finding.message
        )
        .unwrap();
        writeln!(out, "    `{}`", f.finding.span.slice(text)).unwrap();
        if let Some(fix) = &f.ci_fix {
            let builds: Vec<String> = fix.builds.iter().map(usize::to_string).collect();
            writeln!(out, "    fix ({}): builds {} {} = {}", fix.title, builds.join(","), fix.field, fix.value)
                .unwrap();
        }
    }
    if findings.is_empty() {
        out.push_str("(none)\n");
    }
    out
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ci_rules")
}

/// Runs the CI rules over every case of `code`'s fixture: `catches` cases
/// must report, `passes` cases must not, and a CI fix, applied, must leave
/// the case without the finding it fixes.
fn check(code: &str, fixture: &str) -> String {
    let mut out = String::new();
    for case in parse_cases(fixture) {
        let findings = ci_rules::check(&case.scenario, &case.ci, &case.options);
        for f in &findings {
            translated::assert_translated(&f.finding);
            if let Some(fix) = &f.ci_fix {
                translated::assert_msg_translated(f.finding.code, &fix.title, "CI fix title");
            }
        }
        let mine: Vec<&CiFinding> = findings.iter().filter(|f| f.finding.code == code).collect();
        if case.catches {
            assert!(!mine.is_empty(), "{code}: `{}` should be reported", case.header);
        } else {
            assert!(mine.is_empty(), "{code}: `{}` should not be reported, got {mine:?}", case.header);
        }
        for f in &mine {
            let Some(fix) = &f.ci_fix else { continue };
            let mut ci = case.ci.clone();
            fix.apply(&mut ci);
            let after = ci_rules::check(&case.scenario, &ci, &case.options);
            assert!(
                !after.iter().any(|a| a.finding.code == code && a.finding.message == f.finding.message),
                "{code}: `{}`: the fix {fix:?} leaves {after:?}",
                case.header
            );
        }
        writeln!(out, "### {}", case.header).unwrap();
        out.push_str(&render(&case, &mine));
    }
    out
}

#[test]
fn every_ci_rule_matches_its_snapshot() {
    assert!(!ci_rules::RULES.is_empty());
    for (rule, _) in ci_rules::RULES {
        let path = fixture_dir().join(format!("{}.txt", rule.code));
        let fixture = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} ({}) has no fixture {}", rule.code, rule.name, path.display()));
        let cases = parse_cases(&fixture);
        assert!(cases.iter().any(|c| c.catches), "{}: the fixture needs a `catches` case", rule.code);
        assert!(cases.iter().any(|c| !c.catches), "{}: the fixture needs a `passes` case", rule.code);
        let actual = check(rule.code, &fixture);
        expect_test::expect_file![fixture_dir().join(format!("{}.snap", rule.code))].assert_eq(&actual);
    }
}

/// The CI rules are rules of the one registry, with a Chinese title, and
/// the Dockerfile check never reports them (it cannot see CI).
#[test]
fn ci_rules_are_in_the_registry_and_silent_in_the_file_check() {
    for (rule, _) in ci_rules::RULES {
        assert!(rule.code.starts_with("DP5"), "{}", rule.code);
        assert_eq!(lint::rule(rule.code).map(|r| r.name), Some(rule.name));
        assert!(lint::i18n::summary_zh(rule.code).is_some(), "{} has no Chinese title", rule.code);
    }
    for case in parse_cases(&std::fs::read_to_string(fixture_dir().join("DP501.txt")).unwrap_or_default()) {
        for b in &case.scenario.builds {
            let (findings, _) =
                lint::check(b, &lint::CheckOptions { enable: vec!["all".into()], ..Default::default() });
            assert!(findings.iter().all(|f| !f.code.starts_with("DP5")), "{findings:?}");
        }
    }
}

/// What the CI rules say about the scenarios recorded against a real
/// BuildKit (`tests/ci-oracle/scenarios/`, written to exercise the cache
/// model, not these rules): a change in what they get shows in review.
#[test]
fn oracle_scenarios_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ci-oracle/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect())
        .unwrap_or_default();
    files.sort();
    assert!(files.len() >= 30, "the recorded CI scenarios are in {}", dir.display());
    let mut out = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let scenario: Scenario = serde_json::from_value(value.clone()).unwrap_or_default();
        let ci = CiBuild::from_scenario_json(&value).unwrap_or_default();
        let name = path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for f in ci_rules::check(&scenario, &ci, &Options::default()) {
            let builds: Vec<String> = f.builds.iter().map(usize::to_string).collect();
            writeln!(out, "{name} (builds {}): {} {}", builds.join(","), f.finding.code, f.finding.message).unwrap();
        }
    }
    expect_test::expect_file![fixture_dir().join("oracle.snap")].assert_eq(&out);
}
