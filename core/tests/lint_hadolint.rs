//! hadolint's rules: every rule has a fixture of cases it must catch and
//! cases it must not, `core/tests/lint_hadolint/fixtures/dlNNNN.Dockerfile`,
//! and a snapshot of its findings next to it (`dlNNNN.snap`; update with
//! `UPDATE_EXPECT=1`). A case with no line in the snapshot is a case the
//! rule must not flag.
//!
//! Where a BuildKit check says the same as a hadolint rule (JSONArgsRecommended
//! and DL3025...), the mirror defers to it and the snapshot shows the
//! BuildKit check's finding, under its own code.
//!
//! The rule under test is enabled, so the rules hadolint has off by
//! default (DL1001, DL3057) are checked like the others; other tests here
//! show they are silent unless enabled.
//!
//! A fixture's first line may hold options: `# test: all-stages` checks
//! every stage, `# test: target=NAME` builds that stage; the rules that
//! read hadolint's configuration get it as `trusted=REG,REG`,
//! `labels=NAME:TYPE,NAME:TYPE` and `strict-labels`.

#[path = "support/translated.rs"]
mod translated;

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use dockerplay_core::LineIndex;
use std::fmt::Write;

/// Runs every rule on the fixture of `code` (e.g. "DL3008") and renders the
/// findings of the rule that mirrors it: position, the flagged text,
/// message, and the fix if any.
fn check(code: &str) {
    check_fixture(&code.to_ascii_lowercase(), code);
}

/// Like [`check`], for a second fixture of the same rule.
fn check_fixture(name: &str, code: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lint_hadolint/fixtures");
    let text = std::fs::read_to_string(format!("{dir}/{name}.Dockerfile")).expect("fixture");
    let rule = lint::rules().iter().find(|r| r.also == Some(code)).unwrap_or_else(|| panic!("no rule mirrors {code}"));
    let first = text.lines().next().unwrap_or("");
    // The rule under test runs even where it is off by default (DL1001,
    // DL3057); for the others naming it changes nothing.
    let opts = CheckOptions {
        all_stages: first.contains("test: all-stages"),
        enable: vec![code.to_string()],
        settings: settings(first),
        ..Default::default()
    };
    let target = first.split_once("test: target=").map(|(_, t)| t.trim().to_string());
    let input = BuildInput { dockerfile: text.clone(), target, ..Default::default() };
    let (findings, _) = lint::check(&input, &opts);
    findings.iter().for_each(translated::assert_translated);
    let lines = LineIndex::new(&text);
    let mut out = String::new();
    // Where a BuildKit check says the same, the hadolint mirror defers to it.
    let twin = lint::rules::hadolint::TWINS.iter().find(|(dl, _)| *dl == code).map(|(_, bk)| format!("BuildKit:{bk}"));
    let reported = |f: &&lint::Finding| {
        f.code == rule.code || (twin.is_some() && lint::rule(f.code).and_then(|r| r.also) == twin.as_deref())
    };
    for f in findings.iter().filter(reported) {
        let (line, col) = lines.line_col(&text, f.span.start);
        let snippet = f.span.slice(&text).lines().next().unwrap_or("");
        writeln!(out, "{line}:{col} {} {} `{snippet}`: {}", f.code, f.severity.as_str(), f.message).unwrap();
        if let Some(fix) = &f.fix {
            let fixed = lint::apply_fixes(&text, std::slice::from_ref(&with_safe(f.clone())));
            let changed = changed_line(&text, &fixed, line);
            writeln!(out, "    fix ({}): {} => {changed}", if fix.safe { "safe" } else { "unsafe" }, fix.title)
                .unwrap();
        }
    }
    expect_test::expect_file![format!("{dir}/{name}.snap")].assert_eq(&out);
}

/// The configuration a fixture's first line gives (`trusted=`, `labels=`,
/// `strict-labels`).
fn settings(first: &str) -> lint::RuleSettings {
    let mut out = lint::RuleSettings::default();
    for token in first.split_once("test:").map_or("", |(_, t)| t).split_whitespace() {
        if let Some(list) = token.strip_prefix("trusted=") {
            out.trusted_registries = list.split(',').map(str::to_string).collect();
        } else if let Some(list) = token.strip_prefix("labels=") {
            for pair in list.split(',') {
                let (name, ty) = pair.split_once(':').expect("labels=NAME:TYPE");
                out.label_schema.push((name.to_string(), lint::LabelType::parse(ty).expect("a label type")));
            }
        } else if token == "strict-labels" {
            out.strict_labels = true;
        }
    }
    out
}

/// The fix marked safe, so that `apply_fixes` shows what it would do.
fn with_safe(mut f: lint::Finding) -> lint::Finding {
    if let Some(fix) = &mut f.fix {
        fix.safe = true;
    }
    f
}

/// The fixed text of the finding's line (fixes here change one line).
fn changed_line(before: &str, after: &str, line: u32) -> String {
    let _ = before;
    after.lines().nth(line.saturating_sub(1) as usize).unwrap_or("").trim().to_string()
}

macro_rules! rules {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(&stringify!($name).to_ascii_uppercase());
            }
        )*
    };
}

rules! {
    dl1001, dl3000, dl3001, dl3002, dl3003, dl3008, dl3009, dl3010, dl3011, dl3012, dl3013, dl3014, dl3015, dl3016, dl3018, dl3019, dl3020, dl3021, dl3022, dl3023, dl3024, dl3025, dl3026, dl3027, dl3028, dl3029, dl3030, dl3032, dl3033, dl3034, dl3035, dl3036, dl3037, dl3038, dl3040, dl3041, dl3042, dl3043, dl3044, dl3045, dl3046, dl3047, dl3048, dl3049, dl3050, dl3051, dl3052, dl3053, dl3054, dl3055, dl3056, dl3057, dl3058, dl3059, dl3060, dl3061, dl3062, dl3063, dl3064, dl3065, dl3066, dl3067, dl4000, dl4001, dl4003, dl4004, dl4005, dl4006,
}

#[test]
fn dl3002_dropped() {
    check_fixture("dl3002-dropped", "DL3002");
}

/// DL3057 looks at the whole image, so each case is a file of its own.
#[test]
fn dl3057_inherited() {
    check_fixture("dl3057-inherited", "DL3057");
}

#[test]
fn dl3057_none() {
    check_fixture("dl3057-none", "DL3057");
}

#[test]
fn dl3057_target() {
    check_fixture("dl3057-target", "DL3057");
}

/// Every hadolint mirror has a Chinese title for the page, in Chinese.
#[test]
fn mirrors_have_chinese_titles() {
    let mirrors: Vec<_> =
        lint::rules().iter().filter(|r| ["DP1", "DP3", "DP4"].iter().any(|p| r.code.starts_with(p))).collect();
    assert!(mirrors.iter().any(|r| r.code == "DP101"), "DL1001's mirror is missing");
    for r in mirrors {
        let zh = lint::rules::hadolint::summary_zh(r.code).unwrap_or_else(|| panic!("{} has no Chinese title", r.code));
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {zh}", r.code);
    }
}

/// Each twin named in `TWINS` is a BuildKit check in the registry, and the
/// mirror of its DL code exists.
#[test]
fn twins_exist() {
    for (dl, bk) in lint::rules::hadolint::TWINS {
        assert!(lint::rules().iter().any(|r| r.also == Some(dl)), "no mirror of {dl}");
        assert!(lint::rules().iter().any(|r| r.buildkit_name() == Some(bk)), "no BuildKit check {bk}");
    }
}

/// `# hadolint ignore=` pragmas silence the mirrors, and a DL code also
/// silences the BuildKit twin that reports in the mirror's place.
#[test]
fn hadolint_pragmas_silence_mirrors_and_twins() {
    let plain = "FROM debian:12\nRUN apt-get install -y curl\nCMD npm start\n";
    let ignored = "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n# hadolint ignore=DL3025\nCMD npm start\n";
    let equivalents = |text: &str| -> Vec<&'static str> {
        let (findings, _) =
            lint::check(&BuildInput { dockerfile: text.into(), ..Default::default() }, &CheckOptions::default());
        let mut also: Vec<&str> = findings.iter().filter_map(|f| lint::rule(f.code).and_then(|r| r.also)).collect();
        also.retain(|a| ["DL3008", "BuildKit:JSONArgsRecommended", "DL3025"].contains(a));
        also
    };
    assert_eq!(equivalents(plain), vec!["DL3008", "BuildKit:JSONArgsRecommended"]);
    assert_eq!(equivalents(ignored), Vec::<&str>::new());
}

/// Every rule here records a hadolint code, a `DP3nn`/`DP40n` code that
/// matches it, and documentation with the four sections the page shows.
#[test]
fn rules_are_documented_and_numbered() {
    let mut problems = Vec::new();
    for rule in lint::rules().iter().filter(|r| r.also.is_some_and(|a| a.starts_with("DL"))) {
        let also = rule.also.unwrap_or("");
        if ["DP1", "DP3", "DP4"].iter().any(|p| rule.code.starts_with(p)) {
            let expected = format!("DP{}{}", &also[2..3], &also[4..]);
            if rule.code != expected {
                problems.push(format!("{}: {also} should be {expected}", rule.code));
            }
            for section in ["## What it does", "## Why", "## Example", "## Fix"] {
                if !rule.doc.contains(section) {
                    problems.push(format!("{}: no `{section}`", rule.code));
                }
            }
        }
    }
    assert_eq!(problems, Vec::<String>::new());
}

/// The findings of DL1001 and DL3057 (their `also` codes) on a file.
fn off_by_default_findings(text: &str, opts: &CheckOptions) -> Vec<&'static str> {
    let (findings, _) = lint::check(&BuildInput { dockerfile: text.into(), ..Default::default() }, opts);
    findings
        .iter()
        .filter_map(|f| lint::rule(f.code).and_then(|r| r.also))
        .filter(|a| ["DL1001", "DL3057"].contains(a))
        .collect()
}

/// DL1001 and DL3057 are off by default, as in hadolint: silent unless
/// named in `CheckOptions::enable` (by our code, hadolint's, the rule's
/// name, or `all`), whatever else is switched on.
#[test]
fn ignored_by_default_mirrors_run_only_when_enabled() {
    let text = "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n";
    let with =
        |enable: &[&str]| CheckOptions { enable: enable.iter().map(|s| s.to_string()).collect(), ..Default::default() };
    for rule in ["DL1001", "DL3057"] {
        let r = lint::rules().iter().find(|r| r.also == Some(rule)).expect("mirror");
        assert_eq!(r.off_by_default(), Some(lint::OffByDefault::Ignored), "{rule}");
    }
    assert_eq!(off_by_default_findings(text, &CheckOptions::default()), Vec::<&str>::new());
    // The experimental switch, `--all-stages` and the file's own
    // `# check=experimental=all` are about BuildKit's checks, not these.
    let everything_else = CheckOptions { all_stages: true, experimental: true, ..Default::default() };
    assert_eq!(off_by_default_findings(text, &everything_else), Vec::<&str>::new());
    let asks = format!("# check=experimental=all\n{text}");
    assert_eq!(off_by_default_findings(&asks, &everything_else), Vec::<&str>::new());
    // Each by any of its names.
    assert_eq!(off_by_default_findings(text, &with(&["DL3057"])), vec!["DL3057"]);
    assert_eq!(off_by_default_findings(text, &with(&["dp101"])), vec!["DL1001"]);
    assert_eq!(off_by_default_findings(text, &with(&["missing-healthcheck", " DL1001 "])), vec!["DL3057", "DL1001"]);
    assert_eq!(off_by_default_findings(text, &with(&["all"])), vec!["DL3057", "DL1001"]);
    // A name of no rule, or of a rule that is on anyway, turns on nothing else.
    assert_eq!(off_by_default_findings(text, &with(&["DL9999", "DL3008"])), Vec::<&str>::new());
}

/// Enabled, they are suppressed like any rule: by a global pragma of
/// either tool, by an inline one on the instruction they report (DL3057's
/// FROM), and by BuildKit's `# check=skip=` naming them.
#[test]
fn enabled_ignored_by_default_mirrors_can_be_suppressed() {
    let on = CheckOptions { enable: vec!["DL1001".into(), "DL3057".into()], ..Default::default() };
    let body = "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n";
    assert_eq!(off_by_default_findings(body, &on), vec!["DL3057", "DL1001"]);
    let cases = [
        ("# hadolint global ignore=DL1001,DL3057\n", Vec::<&str>::new()),
        ("# dockerplay global ignore=DP101\n", vec!["DL3057"]),
        ("# hadolint ignore=DL3057\n", vec!["DL1001", "DL1001"]),
        ("# check=skip=missing-healthcheck\n", vec!["DL1001"]),
    ];
    for (head, expected) in cases {
        let text = format!("{head}{body}");
        assert_eq!(off_by_default_findings(&text, &on), expected, "{head}");
    }
}

/// No rule panics on a cut-off file: every fixture and real-world file,
/// cut in the middle of each line (leaving quotes, heredocs and
/// continuations open), checks cleanly with all stages in scope, and every
/// finding's span lies inside the text.
#[test]
fn truncated_files_never_panic() {
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lint_hadolint");
    let mut files = Vec::new();
    for dir in ["fixtures", "realworld"] {
        for entry in std::fs::read_dir(format!("{base}/{dir}")).expect("dir").flatten() {
            if entry.path().extension().is_some_and(|e| e == "Dockerfile") {
                files.push(std::fs::read_to_string(entry.path()).expect("file"));
            }
        }
    }
    assert!(files.len() > 80, "fixtures are missing");
    for text in &files {
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let mut cut = start + line.len() / 2;
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            start += line.len();
            let input = BuildInput { dockerfile: text[..cut].to_string(), ..Default::default() };
            let (findings, _) = lint::check(&input, &CheckOptions { all_stages: true, ..Default::default() });
            for f in &findings {
                assert!(f.span.end <= cut && f.span.start <= f.span.end, "{} span {:?} outside {cut}", f.code, f.span);
            }
        }
    }
}

/// "Fix all safe" resolves what it fixes: on every fixture, after applying
/// the safe fixes of the hadolint mirrors, no finding of those rules with a
/// safe fix is left, and the parser reports nothing new.
#[test]
fn safe_fixes_resolve_their_findings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lint_hadolint/fixtures");
    let mirror = |code: &str| code.starts_with("DP3") || code.starts_with("DP4");
    let mut fixed_any = 0;
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        if entry.path().extension().is_none_or(|e| e != "Dockerfile") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("file");
        let opts = CheckOptions { all_stages: true, ..Default::default() };
        let (before, diags_before) = lint::check(&BuildInput { dockerfile: text.clone(), ..Default::default() }, &opts);
        let safe: Vec<lint::Finding> =
            before.into_iter().filter(|f| mirror(f.code) && f.fix.as_ref().is_some_and(|x| x.safe)).collect();
        if safe.is_empty() {
            continue;
        }
        fixed_any += 1;
        let fixed = lint::apply_fixes(&text, &safe);
        let (after, diags_after) = lint::check(&BuildInput { dockerfile: fixed.clone(), ..Default::default() }, &opts);
        let left: Vec<String> = after
            .iter()
            .filter(|f| mirror(f.code) && f.fix.as_ref().is_some_and(|x| x.safe))
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        assert!(left.is_empty(), "{}: safe fixes left {left:?} in\n{fixed}", entry.path().display());
        assert!(
            diags_after.len() <= diags_before.len(),
            "{}: fixing added diagnostics {diags_after:?}",
            entry.path().display()
        );
    }
    assert!(fixed_any >= 10, "too few fixtures with safe fixes: {fixed_any}");
}
