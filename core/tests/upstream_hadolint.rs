//! hadolint's own rule specs, run against our mirrors of its DL rules.
//!
//! The cases are hadolint's (`test/Hadolint/Rule/*Spec.hs` at the tag
//! pinned in `scripts/upstream-hadolint.sh`, v2.15.1), vendored under
//! hadolint's licence in `upstream/hadolint`: `bash
//! scripts/upstream-hadolint.sh MIRROR core/tests/upstream/hadolint`
//! extracts them again from a git mirror of hadolint/hadolint.
//! `$DOCKERPLAY_UPSTREAM/hadolint`, when set, is read instead.
//!
//! Each case is one assertion of hadolint's test helpers: `ruleCatches`
//! (at least one finding of the rule), `ruleCatchesNot` (none),
//! `onBuildRuleCatches` (exactly one, with every RUN wrapped in ONBUILD),
//! `assertChecks ... (failsWith N code)` (exactly N). Every stage is
//! checked, as hadolint does, and rules hadolint has off by default are
//! turned on. Cases of rules we do not mirror, and ShellCheck's cases (the
//! CLI runs ShellCheck: `cli/tests/shellcheck.rs`), are counted and named,
//! not run. Every other case must agree with hadolint, except those in
//! `upstream/hadolint.exclusions`, each with its reason and hadolint's
//! source line; an excluded case that agrees is an error too, so the list
//! only shrinks.

#[path = "support/translated.rs"]
mod translated;

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, registry, CheckOptions, LabelType, RuleSettings};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the extracted specs are, if they are anywhere.
fn data_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(root) = std::env::var_os("DOCKERPLAY_UPSTREAM") {
        candidates.push(PathBuf::from(root).join("hadolint"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/upstream/hadolint"));
    candidates.into_iter().find(|d| d.join("COMMIT").is_file())
}

/// One assertion of a hadolint spec, a row of `cases.tsv`.
struct Case {
    id: String,
    rule: String,
    expect: Expect,
    config: String,
    source: String,
    title: String,
}

#[derive(Clone, Copy)]
enum Expect {
    AtLeastOne,
    Exactly(usize),
}

impl Expect {
    fn parse(s: &str) -> Expect {
        match s {
            ">=1" => Expect::AtLeastOne,
            _ => Expect::Exactly(s.trim_start_matches('=').parse().unwrap_or_else(|_| panic!("bad expect {s:?}"))),
        }
    }

    fn holds(self, n: usize) -> bool {
        match self {
            Expect::AtLeastOne => n >= 1,
            Expect::Exactly(want) => n == want,
        }
    }

    fn describe(self) -> String {
        match self {
            Expect::AtLeastOne => "at least one finding".into(),
            Expect::Exactly(n) => format!("exactly {n} finding(s)"),
        }
    }
}

fn cases(dir: &Path) -> Vec<Case> {
    let tsv = std::fs::read_to_string(dir.join("cases.tsv")).expect("cases.tsv");
    tsv.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 7, "cases.tsv: {line}");
            Case {
                id: f[0].into(),
                rule: f[1].into(),
                expect: Expect::parse(f[2]),
                config: f[4].into(),
                source: f[5].into(),
                title: f[6].into(),
            }
        })
        .collect()
}

/// Excluded case ids and the reasons, from `upstream/hadolint.exclusions`
/// (`ID<TAB>reason, citing hadolint's source line`; `#` starts a comment).
fn exclusions() -> BTreeMap<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/upstream/hadolint.exclusions");
    let text = std::fs::read_to_string(path).expect("hadolint.exclusions");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (id, why) = l.split_once('\t').unwrap_or_else(|| panic!("exclusion without a reason: {l}"));
            assert!(why.contains("hadolint"), "exclusion {id} cites no hadolint source line");
            (id.to_string(), why.to_string())
        })
        .collect()
}

/// A spec's configuration, written as Haskell in hadolint's specs (`def {
/// allowedRegistries = [ "x.com" ] }`, `def { labelSchema = Map.fromList [
/// ( "n", Rule.Email ) ], strictLabels = True }`), as our rule settings;
/// `None` for a form this reader does not know.
fn settings(config: &str) -> Option<RuleSettings> {
    let mut out = RuleSettings::default();
    let config = config.trim();
    if config.is_empty() {
        return Some(out);
    }
    let body = config.strip_prefix("def {")?.strip_suffix('}')?;
    let quoted = |s: &str| -> Vec<String> { s.split('"').skip(1).step_by(2).map(str::to_string).collect() };
    if let Some(list) = body.trim().strip_prefix("allowedRegistries =") {
        out.trusted_registries = quoted(list);
        return Some(out);
    }
    let rest = body.trim().strip_prefix("labelSchema = Map.fromList [")?;
    let (pairs, tail) = rest.split_once(']')?;
    for pair in pairs.split(')').filter(|p| p.contains('"')) {
        let name = quoted(pair).into_iter().next()?;
        let ty = match pair.rsplit(',').next()?.trim().trim_start_matches("Rule.") {
            "RawText" => LabelType::Text,
            "Url" => LabelType::Url,
            "Email" => LabelType::Email,
            "GitHash" => LabelType::Hash,
            "Rfc3339" => LabelType::Rfc3339,
            "SemVer" => LabelType::Semver,
            "Spdx" => LabelType::Spdx,
            _ => return None,
        };
        out.label_schema.push((name, ty));
    }
    out.label_schema.sort();
    match tail.trim().trim_start_matches(',').trim() {
        "" => {}
        "strictLabels = True" => out.strict_labels = true,
        _ => return None,
    }
    Some(out)
}

/// How many findings name `code` (the mirror's own, or its BuildKit twin's).
fn count(dockerfile: &str, code: &str, settings: RuleSettings) -> usize {
    let opts = CheckOptions { all_stages: true, enable: vec![code.to_string()], settings, ..Default::default() };
    let input = BuildInput { dockerfile: dockerfile.to_string(), ..Default::default() };
    let (findings, _) = lint::check(&input, &opts);
    findings.iter().for_each(translated::assert_translated);
    findings.iter().filter(|f| lint::rule(f.code).is_some_and(|r| registry::names(r, code))).count()
}

fn mirrored(code: &str) -> bool {
    lint::rules().iter().any(|r| registry::names(r, code))
}

#[test]
fn hadolint_rule_specs() {
    let Some(dir) = data_dir() else {
        panic!(
            "hadolint's specs are absent from core/tests/upstream/hadolint: \
             run `bash scripts/upstream-hadolint.sh MIRROR_OF_hadolint core/tests/upstream/hadolint`"
        )
    };
    let excluded = exclusions();
    let mut failures = Vec::new();
    let mut not_mirrored: BTreeMap<String, usize> = BTreeMap::new();
    let (mut run, mut shellcheck) = (0, 0);
    for case in cases(&dir) {
        if case.rule == "SC" {
            shellcheck += 1;
            continue;
        }
        if !mirrored(&case.rule) {
            *not_mirrored.entry(case.rule.clone()).or_default() += 1;
            continue;
        }
        // Configured cases belong to rules that need hadolint's
        // configuration (trusted registries, label schemas): each runs with
        // its spec's configuration read into our settings.
        let settings = settings(&case.config).unwrap_or_else(|| {
            panic!("{}: {} needs configuration we cannot read: {}", case.id, case.rule, case.config)
        });
        let text =
            std::fs::read_to_string(dir.join("cases").join(format!("{}.Dockerfile", case.id))).expect("case file");
        let n = count(&text, &case.rule, settings);
        run += 1;
        let agrees = case.expect.holds(n);
        match (agrees, excluded.get(&case.id)) {
            (true, None) | (false, Some(_)) => {}
            (true, Some(_)) => {
                failures.push(format!("{}: agrees with hadolint now; remove it from hadolint.exclusions", case.id))
            }
            (false, None) => failures.push(format!(
                "{} ({}, {}: {}): hadolint expects {} of {}, we report {n}\n{}",
                case.id,
                case.source,
                case.rule,
                case.title,
                case.expect.describe(),
                case.rule,
                text.trim_end()
            )),
        }
    }
    for id in excluded.keys() {
        assert!(dir.join("cases").join(format!("{id}.Dockerfile")).is_file(), "excluded case {id} does not exist");
    }
    let skipped: Vec<String> = not_mirrored.iter().map(|(r, n)| format!("{r} ({n})")).collect();
    eprintln!(
        "hadolint specs: {run} cases run, {} excluded; not run: {shellcheck} ShellCheck cases (cli/tests/shellcheck.rs), \
         rules not mirrored: {}",
        excluded.len(),
        skipped.join(", ")
    );
    assert!(run > 0, "no case ran");
    assert!(
        failures.is_empty(),
        "{} of {run} cases disagree with hadolint:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
