//! The one table of every rule.
//!
//! # Codes
//!
//! | Range         | What                                                          | `also`                |
//! |---------------|---------------------------------------------------------------|-----------------------|
//! | DP001–DP099   | BuildKit's build checks (`rules/*.rs`, helper "lint")          | `BuildKit:<Name>`     |
//! | DP101–DP199   | hadolint DL1xxx mirrors: DL1001 → DP101 (`rules/hadolint/`)    | `DL1xxx`              |
//! | DP200–DP299   | Dockerplay's optimisation lessons (`rules/*.rs`, "lint")       | a DL code if one fits |
//! | DP300–DP399   | hadolint DL3xxx mirrors: DL30nn → DP3nn (`rules/hadolint/`)    | `DL30nn`              |
//! | DP400–DP499   | hadolint DL4xxx mirrors: DL400n → DP40n (`rules/hadolint/`)    | `DL400n`              |
//! | DP501–DP599   | CI cache traps (`cache/ci_rules/`)                            |                       |
//!
//! Codes are unique and so are `also` values (a test checks both), so one
//! hadolint code maps to one rule of ours. Lessons that coincide with a
//! hadolint rule carry its code and the hadolint block leaves that number
//! out: DL3004 (`sudo`) is DP207, DL3006 (untagged base) is DP205 and
//! DL3007 (`latest` base) is DP206.
//!
//! A hadolint rule that says what a BuildKit check says lists the pair in
//! `rules::hadolint::TWINS`; suppressions naming either code then silence
//! both.
//!
//! CI cache traps need a scenario's CI builds (runners, cache exports,
//! `--pull`, targets), which a Dockerfile alone does not give: their
//! Dockerfile check reports nothing, and `cache::ci_rules::check` runs them
//! over a scenario (`dockerplay simulate`, the page's CI view). They are
//! here so that codes stay unique and `docs/rules.md` documents them.
//!
//! # Off by default
//!
//! Most rules always run. Those in [`OFF_BY_DEFAULT`] run only when asked
//! for, as in the tool they come from: BuildKit's experimental checks, and
//! hadolint's rules whose default severity is "ignore". `CheckOptions::enable`
//! names rules to run (by any of their names, or `all`); see [`OffByDefault`]
//! for what else turns each kind on.
//!
//! # Adding rules
//!
//! BuildKit checks and lessons: a file in `rules/`, a `pub mod` line in
//! `rules/mod.rs`, and a line in `OWN` below. hadolint mirrors: a file in
//! `rules/hadolint/`, listed in `rules::hadolint::RULES` (that module's
//! own slice); this file does not change for them, unless the rule is off
//! by default, which takes a line in `OFF_BY_DEFAULT`. CI cache traps: a
//! file in `cache/ci_rules/`, a line in that module's `RULES` and one in
//! `OWN`, and a fixture `core/tests/ci_rules/<code>.txt` (the format is at
//! the top of `tests/ci_rules.rs`).
//!
//! Then a fixture `core/tests/lint/<code>.Dockerfile` with `### catches:`
//! and `### passes:` cases (the format is at the top of `tests/lint.rs`),
//! a Chinese title in `lint/i18n.rs`, its Chinese documentation in
//! `lint/docs/zh/<code>.md` (and a line in `lint/docs_zh.rs`), and
//! `UPDATE_EXPECT=1 cargo test -p dockerplay-core --test lint` to write the
//! snapshot and `docs/rules.md`.

use super::rules as rule_files;
use super::Rule;
use crate::cache::ci_rules;
use std::sync::LazyLock;

/// BuildKit's checks and the lessons, in code order.
static OWN: &[&Rule] = &[
    // BuildKit's build checks.
    &rule_files::stage_name_casing::RULE,
    &rule_files::from_as_casing::RULE,
    &rule_files::no_empty_continuation::RULE,
    &rule_files::consistent_instruction_casing::RULE,
    &rule_files::duplicate_stage_name::RULE,
    &rule_files::reserved_stage_name::RULE,
    &rule_files::json_args_recommended::RULE,
    &rule_files::maintainer_deprecated::RULE,
    &rule_files::undefined_arg_in_from::RULE,
    &rule_files::workdir_relative_path::RULE,
    &rule_files::undefined_var::RULE,
    &rule_files::multiple_instructions_disallowed::RULE,
    &rule_files::legacy_key_value_format::RULE,
    &rule_files::redundant_target_platform::RULE,
    &rule_files::secrets_used_in_arg_or_env::RULE,
    &rule_files::invalid_default_arg_in_from::RULE,
    &rule_files::from_platform_flag_const_disallowed::RULE,
    &rule_files::copy_ignored_file::RULE,
    &rule_files::invalid_definition_description::RULE,
    &rule_files::expose_proto_casing::RULE,
    &rule_files::expose_invalid_format::RULE,
    // Dockerplay's optimisation lessons.
    &rule_files::manifest_after_source::RULE,
    &rule_files::cache_removed_later::RULE,
    &rule_files::consecutive_runs::RULE,
    &rule_files::copy_without_dockerignore::RULE,
    &rule_files::untagged_base::RULE,
    &rule_files::latest_base::RULE,
    &rule_files::sudo::RULE,
    &rule_files::build_tools_in_final::RULE,
    &rule_files::heavy_base::RULE,
    &rule_files::secret_files_copied::RULE,
    &rule_files::secret_value_in_env::RULE,
    &rule_files::cache_mount_for_install::RULE,
    &rule_files::unstripped_binary::RULE,
    &rule_files::minimal_runtime_base::RULE,
    // CI cache traps (run by `cache::ci_rules::check`, not by the file check).
    &ci_rules::min_mode_skips_stages::RULE,
    &ci_rules::cold_cache_mount::RULE,
    &ci_rules::pulled_base_tag::RULE,
    &ci_rules::shared_cache_ref::RULE,
];

/// Why a rule does not run unless asked for, which also says what turns it
/// on. Naming the rule in `CheckOptions::enable` turns on either kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OffByDefault {
    /// One of BuildKit's experimental checks (BuildKit:
    /// frontend/dockerfile/linter/ruleset.go, `Experimental: true`). The
    /// file turns it on with `# check=experimental=NAME` (or `all`), and
    /// `CheckOptions::experimental` turns on every one.
    Experimental,
    /// A hadolint rule whose default severity is "ignore": hadolint reports
    /// it only when the user raises it (`hadolint --warning DL3057`).
    Ignored,
}

/// The rules that run only when asked for, and why. (CopyIgnoredFile was
/// experimental until BuildKit made it a default check in January 2026,
/// commit 4187c344c "dockerfile: promote experimental linter rule".)
static OFF_BY_DEFAULT: &[(&Rule, OffByDefault)] = &[
    (&rule_files::invalid_definition_description::RULE, OffByDefault::Experimental),
    (&rule_files::hadolint::dl1001::RULE, OffByDefault::Ignored),
    (&rule_files::hadolint::dl3057::RULE, OffByDefault::Ignored),
];

/// BuildKit's checks that run while a stage is dispatched, so only on the
/// stages the target builds, unless all stages are asked for (`--check`).
/// The others run on every stage while the file is parsed. BuildKit:
/// frontend/dockerfile/dockerfile2llb/convert.go (dispatchEnv, dispatchLabel,
/// dispatchWorkdir, dispatchCmd, dispatchEntrypoint, dispatchExpose),
/// convert_copy.go and validations.go (validateCopySourcePath,
/// reportUnmatchedVariables, validateUsedOnce, validateNoSecretKey), all
/// reached from the dispatch loop that skips unreachable stages.
static BUILT_ONLY: &[&str] = &[
    "LegacyKeyValueFormat",
    "WorkdirRelativePath",
    "JSONArgsRecommended",
    "ExposeProtoCasing",
    "ExposeInvalidFormat",
    "CopyIgnoredFile",
    "UndefinedVar",
    "MultipleInstructionsDisallowed",
    "SecretsUsedInArgOrEnv",
];

/// Does BuildKit run this check only on the stages the target builds?
pub fn built_only(rule: &Rule) -> bool {
    rule.buildkit_name().is_some_and(|n| BUILT_ONLY.contains(&n))
}

/// BuildKit's checks that run with the file's configuration alone, never
/// merged with a `# check=` comment before the instruction: those run over
/// the whole file (dockerfile2llb/validations.go validateCommandCasing and
/// validateStageNames, convert.go's parser warnings and
/// validateBaseImagesWithDefaultArgs). The others see the comment
/// (instructions/parse.go ParseInstructionWithLinter, convert.go dispatch
/// and buildDispatchStates).
static FILE_SCOPED: &[&str] = &[
    "ConsistentInstructionCasing",
    "DuplicateStageName",
    "ReservedStageName",
    "NoEmptyContinuation",
    "InvalidDefaultArgInFrom",
];

/// Does a `# check=` comment before an instruction apply to this rule's
/// findings in it? BuildKit's checks other than [`FILE_SCOPED`] ones.
pub fn comment_scoped(rule: &Rule) -> bool {
    rule.buildkit_name().is_some_and(|n| !FILE_SCOPED.contains(&n))
}

/// Whether this rule is off unless asked for, and why.
pub fn off_by_default(rule: &Rule) -> Option<OffByDefault> {
    OFF_BY_DEFAULT.iter().find(|(r, _)| r.code == rule.code).map(|(_, why)| *why)
}

static ALL: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = OWN.iter().copied().chain(rule_files::hadolint::RULES.iter().copied()).collect();
    all.sort_by_key(|r| r.code);
    all
});

/// Every rule, sorted by code.
pub fn rules() -> &'static [&'static Rule] {
    &ALL
}

/// The rule with this `DPnnn` code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    rules().iter().copied().find(|r| r.code == code)
}

/// The rule a suppression or configuration names: our code, the
/// equivalent (`DL3008`, `BuildKit:StageNameCasing` or `StageNameCasing`)
/// or the rule's name, case-insensitively.
pub fn lookup(name: &str) -> Option<&'static Rule> {
    rules().iter().copied().find(|r| names(r, name))
}

/// Does `name` name this rule?
pub fn names(rule: &Rule, name: &str) -> bool {
    let name = name.trim();
    let direct = |n: &str| {
        rule.code.eq_ignore_ascii_case(n)
            || rule.name.eq_ignore_ascii_case(n)
            || rule.also.is_some_and(|a| a.eq_ignore_ascii_case(n))
            || rule.buildkit_name().is_some_and(|b| b.eq_ignore_ascii_case(n))
    };
    // A hadolint rule and its BuildKit twin answer to each other's names, so
    // `# hadolint ignore=DL3025` also silences JSONArgsRecommended.
    direct(name)
        || rule_files::hadolint::TWINS.iter().any(|(dl, bk)| {
            (dl.eq_ignore_ascii_case(name) && direct(bk)) || (bk.eq_ignore_ascii_case(name) && direct(dl))
        })
}

/// The rule reference as Markdown: a table of every rule, then each rule's
/// documentation. `docs/rules.md` is this text (a test keeps it in sync).
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from core/src/lint/registry.rs by `UPDATE_EXPECT=1 cargo test -p dockerplay-core --test lint`; do not edit. -->\n\n",
    );
    out.push_str(
        "Rules marked *off by default* run only when asked for: `dockerplay check --enable CODE` (any of the rule's \
         names, or `all`) or the page's \"Off-by-default rules\" switch, and for BuildKit's experimental checks \
         also `--experimental` or `# check=experimental=NAME` in the file.\n\n",
    );
    out.push_str("| Code | Name | Also | Severity | Category | Summary |\n|---|---|---|---|---|---|\n");
    for r in rules() {
        let off = if off_by_default(r).is_some() { ", *off by default*" } else { "" };
        out.push_str(&format!(
            "| [{code}](#{anchor}) | {name} | {also} | {sev}{off} | {cat} | {summary} |\n",
            code = r.code,
            anchor = r.code.to_lowercase(),
            name = r.name,
            also = r.aliases().join(", "),
            sev = r.severity.as_str(),
            cat = r.category.as_str(),
            summary = r.summary().replace('|', "\\|"),
        ));
    }
    for r in rules() {
        out.push_str(&format!("\n## {}\n\n", r.code));
        out.push_str(&format!("**{}**", r.name));
        let aliases = r.aliases();
        if !aliases.is_empty() {
            out.push_str(&format!(
                " · also {}",
                aliases.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
            ));
        }
        out.push_str(&format!(" · {} · {}", r.severity.as_str(), r.category.as_str()));
        match off_by_default(r) {
            Some(OffByDefault::Experimental) => out.push_str(&format!(
                " · *off by default* (experimental in BuildKit: `# check=experimental={}`, `--experimental` or `--enable {}`)",
                r.name, r.code
            )),
            Some(OffByDefault::Ignored) => out.push_str(&format!(
                " · *off by default* (as in hadolint: `--enable {}` or `--enable {}`)",
                r.code,
                r.also.unwrap_or(r.name)
            )),
            None => {}
        }
        if ci_rules::RULES.iter().any(|(c, _)| c.code == r.code) {
            out.push_str(
                " · *CI*: reported from a scenario's CI builds by `dockerplay simulate` and the page's CI view, \
                 not by `check`",
            );
        }
        out.push_str("\n\n");
        // The rule's own headings move one level down under its code.
        for line in r.doc_text().lines() {
            match line.strip_prefix("## ") {
                Some(h) => out.push_str(&format!("### {h}\n")),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}
