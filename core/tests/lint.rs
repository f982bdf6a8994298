//! The findings engine against fixtures: every rule has a file
//! `tests/lint/<code>.Dockerfile` of cases it must catch and cases it must
//! not, and a snapshot `tests/lint/<code>.snap` of what it reports
//! (update with `UPDATE_EXPECT=1 cargo test -p dockerplay-core --test lint`).
//!
//! A fixture file is a list of cases, each starting with a header line:
//!
//! ```text
//! ### catches: what the case shows     (the rule must report something)
//! ### passes: what the case shows      (the rule must report nothing)
//! #> file .dockerignore = node_modules\n*.md
//! #> arg NAME=value
//! #> target build
//! #> all-stages
//! #> experimental
//! FROM ...
//! ```
//!
//! `#>` lines set up the build (context files, build args, target, the
//! all-stages and experimental switches) and are not part of the Dockerfile.

mod support;
use support::Rng;
#[path = "support/translated.rs"]
mod translated;

use dockerplay_core::inputs::{BuildInput, ContextFile};
use dockerplay_core::lint::{self, apply_fixes, CheckOptions, Finding, LabelType};
use dockerplay_core::LineIndex;
use std::fmt::Write;
use std::path::{Path, PathBuf};

struct Case {
    header: String,
    catches: bool,
    input: BuildInput,
    opts: CheckOptions,
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(h) = line.strip_prefix("### ") {
            let h = h.trim_end().to_string();
            let catches = h.starts_with("catches");
            assert!(catches || h.starts_with("passes"), "case header must start with `catches` or `passes`: {h}");
            cases.push(Case { header: h, catches, input: BuildInput::default(), opts: CheckOptions::default() });
            continue;
        }
        let case = cases.last_mut().expect("fixture must start with a `### ` case header");
        if let Some(setup) = line.strip_prefix("#> ") {
            let setup = setup.trim_end();
            if let Some(f) = setup.strip_prefix("file ") {
                let (path, content) = f.split_once(" = ").unwrap_or((f, ""));
                case.input.files.push(ContextFile::text(path.trim(), &content.replace("\\n", "\n")));
            } else if let Some(a) = setup.strip_prefix("arg ") {
                let (k, v) = a.split_once('=').unwrap_or((a, ""));
                case.input.build_args.insert(k.to_string(), v.to_string());
            } else if let Some(t) = setup.strip_prefix("target ") {
                case.input.target = Some(t.trim().to_string());
            } else if setup == "all-stages" {
                case.opts.all_stages = true;
            } else if setup == "experimental" {
                case.opts.experimental = true;
            } else {
                panic!("unknown fixture setup line: {setup}");
            }
            continue;
        }
        case.input.dockerfile.push_str(line);
    }
    cases
}

/// Our own rules: BuildKit's checks and the lessons (hadolint's mirrors
/// are tested in tests/lint_hadolint.rs).
fn is_own(code: &str) -> bool {
    code.starts_with("DP0") || code.starts_with("DP2")
}

/// Runs the checks over every case of a fixture and renders the findings
/// of one rule (or of all our own, for `None`); checks that `catches` cases
/// report and `passes` cases do not.
fn check(code: Option<&str>, fixture: &str) -> String {
    let code_name = code.unwrap_or("our rules");
    let mut out = String::new();
    for case in parse_cases(fixture) {
        let (findings, diagnostics) = lint::check(&case.input, &case.opts);
        findings.iter().for_each(translated::assert_translated);
        let mine: Vec<&Finding> = findings.iter().filter(|f| code.map_or(is_own(f.code), |c| f.code == c)).collect();
        if case.catches {
            assert!(!mine.is_empty(), "{code_name}: `{}` should be reported", case.header);
        } else {
            assert!(mine.is_empty(), "{code_name}: `{}` should not be reported, got {:?}", case.header, mine);
        }
        writeln!(out, "### {}", case.header).unwrap();
        out.push_str(&render(&case.input.dockerfile, &mine));
        let lines = LineIndex::new(&case.input.dockerfile);
        for d in &diagnostics {
            let (l, c) = lines.line_col(&case.input.dockerfile, d.span.start);
            writeln!(out, "diagnostic {l}:{c} {}: {}", d.severity.as_str(), d.message).unwrap();
        }
    }
    out
}

fn render(text: &str, findings: &[&Finding]) -> String {
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for f in findings {
        let (l1, c1) = lines.line_col(text, f.span.start);
        let (l2, c2) = lines.line_col(text, f.span.end);
        let unbuilt = if f.stage_built { "" } else { " (stage not built)" };
        writeln!(out, "{l1}:{c1}-{l2}:{c2} {} {}: {}{unbuilt}", f.severity.as_str(), f.code, f.message).unwrap();
        writeln!(out, "    `{}`", f.span.slice(text).replace('\n', "\\n")).unwrap();
        if let Some(fix) = &f.fix {
            let mut safe = fix.clone();
            safe.safe = true;
            let one = Finding { fix: Some(safe), ..(*f).clone() };
            let fixed = apply_fixes(text, &[one]);
            let first = fix.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
            let line = lines.line(first) as usize;
            let shown: Vec<&str> = fixed.lines().skip(line - 1).take(2).collect();
            let kind = if fix.safe { "safe" } else { "unsafe" };
            writeln!(out, "    fix ({kind}) {}: {}", fix.title, shown.join("\\n")).unwrap();
        }
    }
    if findings.is_empty() {
        out.push_str("(none)\n");
    }
    out
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint")
}

#[test]
fn every_fixture_matches_its_snapshot() {
    for rule in lint::rules() {
        if !is_own(rule.code) {
            // hadolint mirrors have their own fixtures (tests/lint_hadolint).
            continue;
        }
        let path = fixture_dir().join(format!("{}.Dockerfile", rule.code));
        let fixture = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} ({}) has no fixture {}", rule.code, rule.name, path.display()));
        let cases = parse_cases(&fixture);
        assert!(cases.iter().any(|c| c.catches), "{}: the fixture needs a `catches` case", rule.code);
        assert!(cases.iter().any(|c| !c.catches), "{}: the fixture needs a `passes` case", rule.code);
        let actual = check(Some(rule.code), &fixture);
        expect_test::expect_file![fixture_dir().join(format!("{}.snap", rule.code))].assert_eq(&actual);
    }
}

#[test]
fn registry_codes_and_equivalents_are_unique_and_documented() {
    let rules = lint::rules();
    let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
    codes.dedup();
    assert_eq!(codes.len(), rules.len(), "duplicate rule codes");
    let mut also: Vec<&str> = rules.iter().filter_map(|r| r.also).collect();
    also.sort();
    let before = also.len();
    also.dedup();
    assert_eq!(also.len(), before, "two rules share an equivalent code");
    for r in rules {
        assert!(
            r.code.len() == 5 && r.code.starts_with("DP") && r.code[2..].bytes().all(|b| b.is_ascii_digit()),
            "bad code {}",
            r.code
        );
        for section in ["## What it does", "## Why", "## Example", "## Fix"] {
            assert!(r.doc.contains(section), "{} ({}) lacks `{section}` in its docs", r.code, r.name);
        }
        assert!(!r.summary().is_empty());
        assert_eq!(lint::rule(r.code).map(|x| x.name), Some(r.name));
    }
}

/// Every rule lists the messages its findings and fixes use (in its own
/// file); ids are unique and start with the rule's code, and the CI rules'
/// shared words with `ci.`. That each finding's messages are listed, and
/// render in Chinese, is checked wherever the tests run the rules
/// (`support/translated.rs`).
#[test]
fn rules_own_their_messages_with_unique_ids() {
    let mut ids = Vec::new();
    for r in lint::rules() {
        assert!(!r.messages.is_empty(), "{} lists no messages", r.code);
        for m in r.messages {
            assert!(
                m.id.starts_with(&format!("{}.", r.code)),
                "{}: message id `{}` lacks the rule's code",
                r.code,
                m.id
            );
            ids.push(m.id);
        }
    }
    for m in dockerplay_core::cache::ci_rules::SHARED_MESSAGES {
        assert!(m.id.starts_with("ci."), "shared CI message id `{}`", m.id);
        ids.push(m.id);
    }
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "message ids are not unique");
    assert!(count > lint::rules().len(), "most rules have a fix title as well as a message");
}

/// `docs/rules.md` is generated from the registry, so it cannot drift.
#[test]
fn rules_reference_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
    expect_test::expect_file![path].assert_eq(&lint::registry::reference_markdown());
}

/// Suppression comments and BuildKit's check directive, over our rules.
#[test]
fn suppressions() {
    let fixture = std::fs::read_to_string(fixture_dir().join("suppress.Dockerfile")).unwrap_or_default();
    expect_test::expect_file![fixture_dir().join("suppress.snap")].assert_eq(&check(None, &fixture));
}

/// "Fix all safe" never makes a file worse: the parser finds no new
/// problems in the result and fewer safe-fixable findings remain.
#[test]
fn safe_fixes_resolve_their_findings() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "Dockerfile")).collect())
        .unwrap_or_default();
    files.sort();
    let mut fixed_any = 0;
    for path in files {
        for case in parse_cases(&std::fs::read_to_string(&path).unwrap_or_default()) {
            let (before, diags_before) = lint::check(&case.input, &case.opts);
            let safe_before = before.iter().filter(|f| f.fix.as_ref().is_some_and(|x| x.safe)).count();
            if safe_before == 0 {
                continue;
            }
            let fixed = apply_fixes(&case.input.dockerfile, &before);
            let input = BuildInput { dockerfile: fixed.clone(), ..case.input.clone() };
            let (after, diags_after) = lint::check(&input, &case.opts);
            let safe_after = after.iter().filter(|f| f.fix.as_ref().is_some_and(|x| x.safe)).count();
            assert!(
                safe_after < safe_before,
                "{}: `{}` still has {safe_after} safe fixes:\n{fixed}",
                path.display(),
                case.header
            );
            assert!(
                diags_after.len() <= diags_before.len(),
                "{}: `{}` fixes introduced problems:\n{fixed}\n{diags_after:?}",
                path.display(),
                case.header
            );
            fixed_any += 1;
        }
    }
    assert!(fixed_any >= 10, "the fixtures should exercise the safe fixes");
}

/// The engine never panics, whatever the file: every fixture, mutated with
/// pieces that stress the grammar, gives findings whose spans and fixes
/// fit the text, and applying the safe fixes yields valid UTF-8 text.
#[test]
fn never_panics_and_spans_fit() {
    const PIECES: &[&str] = &[
        "\\",
        "\\\n",
        "`",
        "\n",
        "<<",
        "<<EOF\n",
        "EOF\n",
        "\"",
        "'",
        "${",
        "}",
        "[",
        "]",
        "--mount=type=cache,target=",
        "--from=",
        "&&",
        "|",
        ";",
        "#",
        "# hadolint ignore=DL3004\n",
        "# check=skip=all\n",
        "你好",
        "é",
        "\0",
        "=",
        "FROM ",
        "RUN ",
        "COPY . .\n",
        "sudo ",
        "apt-get install ",
        "AS ",
        "$",
        "(",
        ")",
        "# dockerplay ignore=你好,DP9\n",
        "# check=experimental=all;skip=é\n",
        "case x in a) y;; esac\n",
        "LABEL l1=\"",
        "LABEL l6=http://[::1]:8é/ l3=2024-02-29T",
        "x.y/",
        "@",
        "1.2.3-",
        "é@[",
        "LABEL maintainer=",
        "FROM gcr.io/a:b@",
        "l5=MIT ",
    ];
    let mut texts: Vec<String> = std::fs::read_dir(fixture_dir())
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "Dockerfile"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .iter()
        .flat_map(|p| {
            parse_cases(&std::fs::read_to_string(p).unwrap_or_default()).into_iter().map(|c| c.input.dockerfile)
        })
        .collect();
    // The realistic corpus too: longer files, more shapes.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    if let Ok(dir) = std::fs::read_dir(corpus) {
        texts.extend(dir.flatten().filter_map(|e| std::fs::read_to_string(e.path()).ok()));
    }
    texts.sort();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // The rules that read configuration run too, with a label of every type.
    let types = [
        LabelType::Email,
        LabelType::Hash,
        LabelType::Text,
        LabelType::Rfc3339,
        LabelType::Semver,
        LabelType::Spdx,
        LabelType::Url,
    ];
    let settings = lint::RuleSettings {
        trusted_registries: vec!["*.example.com".into(), "docker.io".into()],
        label_schema: types
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("l{i}"), *t))
            .chain([("maintainer".to_string(), LabelType::Email)])
            .collect(),
        strict_labels: true,
    };
    for base in &texts {
        for _ in 0..12 {
            let mut t = base.clone();
            for _ in 0..1 + rng.below(4) {
                let mut at = rng.below(t.len() + 1);
                while !t.is_char_boundary(at) {
                    at -= 1;
                }
                t.insert_str(at, PIECES[rng.below(PIECES.len())]);
            }
            let input = BuildInput {
                dockerfile: t.clone(),
                files: vec![ContextFile::text(".dockerignore", "*.pem\n")],
                ..Default::default()
            };
            let (findings, _) = lint::check(
                &input,
                &CheckOptions {
                    all_stages: rng.below(2) == 0,
                    experimental: true,
                    enable: vec!["all".into()],
                    settings: settings.clone(),
                    ..Default::default()
                },
            );
            for f in &findings {
                assert!(
                    f.span.end <= t.len() && t.is_char_boundary(f.span.start) && t.is_char_boundary(f.span.end),
                    "{f:?} in {t:?}"
                );
                for e in f.fix.iter().flat_map(|x| &x.edits) {
                    assert!(
                        e.span.end <= t.len() && t.is_char_boundary(e.span.start) && t.is_char_boundary(e.span.end),
                        "{e:?} in {t:?}"
                    );
                }
            }
            let _ = apply_fixes(&t, &findings);
        }
    }
}

/// Every rule of ours has a Chinese title for the page's Chinese UI.
#[test]
fn own_rules_have_chinese_titles() {
    for r in lint::rules().iter().filter(|r| is_own(r.code)) {
        let zh = lint::i18n::summary_zh(r.code).unwrap_or_else(|| panic!("{} has no Chinese title", r.code));
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {zh}", r.code);
    }
}

/// Our findings over the shared corpus of realistic Dockerfiles
/// (`tests/corpus`), as a snapshot: a change in what real files get is
/// visible in review. hadolint mirrors are compared with hadolint itself by
/// scripts/compare-hadolint.py instead.
#[test]
fn corpus_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "Dockerfile")).collect())
        .unwrap_or_default();
    files.sort();
    assert!(files.len() >= 20, "the corpus should have realistic files to check");
    let mut out = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let input = BuildInput { dockerfile: text.clone(), ..Default::default() };
        let (findings, _) = lint::check(&input, &CheckOptions::default());
        findings.iter().for_each(translated::assert_translated);
        let lines = LineIndex::new(&text);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for f in findings.iter().filter(|f| is_own(f.code)) {
            let (l, c) = lines.line_col(&text, f.span.start);
            writeln!(out, "{name}:{l}:{c} {} {}", f.code, f.message).unwrap();
        }
    }
    expect_test::expect_file![fixture_dir().join("corpus.snap")].assert_eq(&out);
}

/// BuildKit's experimental checks are one kind of rule that is off by
/// default: the experimental switch, the file's `# check=experimental=`
/// and `CheckOptions::enable` (by any of the rule's names) each turn them on.
#[test]
fn experimental_checks_run_only_when_enabled() {
    let input =
        BuildInput { dockerfile: "FROM alpine:3.20\n# the version\nARG version=1\n".into(), ..Default::default() };
    let reports =
        |input: &BuildInput, opts: CheckOptions| lint::check(input, &opts).0.iter().any(|f| f.code == "DP019");
    assert!(!reports(&input, CheckOptions::default()));
    assert!(reports(&input, CheckOptions { experimental: true, ..Default::default() }));
    for name in ["InvalidDefinitionDescription", "BuildKit:InvalidDefinitionDescription", "dp019", "all"] {
        assert!(reports(&input, CheckOptions { enable: vec![name.into()], ..Default::default() }), "{name}");
    }
    assert!(!reports(&input, CheckOptions { enable: vec!["CopyIgnoredFile".into()], ..Default::default() }));
    let asks = BuildInput {
        dockerfile: format!("# check=experimental=InvalidDefinitionDescription\n{}", input.dockerfile),
        ..input.clone()
    };
    assert!(reports(&asks, CheckOptions::default()));
    // A `# check=` comment right before the instruction turns it on there.
    let local = BuildInput { dockerfile: "FROM alpine:3.20\n# check=experimental=InvalidDefinitionDescription\n# the version\nARG version=1\n# the other\nARG other=1\n".into(), ..input.clone() };
    let lines: Vec<u32> = lint::check(&local, &CheckOptions::default())
        .0
        .iter()
        .filter(|f| f.code == "DP019")
        .map(|f| LineIndex::new(&local.dockerfile).line(f.span.start))
        .collect();
    assert_eq!(lines, [4]);
    // As in BuildKit's linter (linter/linter.go Run), `skip=` does not
    // reach an experimental check that is asked for.
    let skips = BuildInput {
        dockerfile: format!("# check=skip=InvalidDefinitionDescription\n{}", input.dockerfile),
        ..input.clone()
    };
    assert!(reports(&skips, CheckOptions { experimental: true, ..Default::default() }));
}

/// The rules that are off by default: BuildKit's experimental checks and
/// hadolint's rules of severity "ignore", no more (the page and docs mark
/// them, and a rule added here by mistake would silently stop running).
#[test]
fn off_by_default_rules() {
    use lint::OffByDefault::{Experimental, Ignored};
    let off: Vec<_> = lint::rules().iter().filter_map(|r| r.off_by_default().map(|why| (r.code, why))).collect();
    assert_eq!(off, vec![("DP019", Experimental), ("DP101", Ignored), ("DP357", Ignored)]);
    let reference = lint::registry::reference_markdown();
    for row in [
        "| InvalidDefinitionDescription | BuildKit:InvalidDefinitionDescription | info, *off by default* |",
        "| missing-healthcheck | DL3057 | info, *off by default* |",
    ] {
        assert!(reference.contains(row), "the reference marks them: {row}");
    }
}

/// Fixing to a fixed point leaves no safe fix behind.
#[test]
fn fix_all_safe_reaches_a_fixed_point() {
    let input = BuildInput {
        dockerfile: "from alpine:3.20 AS Build\nRUN apk add --no-cache curl=8.9.1-r2\nRUN apk add --no-cache git=2.45.2-r0\nexpose 80/TCP\nENV A 1\n".into(),
        ..Default::default()
    };
    let opts = CheckOptions::default();
    let fixed = lint::fix_all_safe(&input, &opts);
    expect_test::expect![[r#"
        FROM alpine:3.20 AS build
        RUN apk add --no-cache curl=8.9.1-r2 && \
            apk add --no-cache git=2.45.2-r0
        EXPOSE 80/tcp
        ENV A=1
    "#]]
    .assert_eq(&fixed);
    let (after, _) = lint::check(&BuildInput { dockerfile: fixed, ..input }, &opts);
    assert!(after.iter().all(|f| !f.fix.as_ref().is_some_and(|x| x.safe)), "{after:?}");
}
