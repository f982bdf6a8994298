//! Running the rules: parse, build the context, run every rule that is on
//! (those off by default only when enabled) over every stage, mark the
//! findings in stages the target does not build, apply suppressions and
//! severity overrides, sort.
//!
//! Every stage is linted, as hadolint and `docker build --check` do. A
//! finding in a stage the target does not build has `stage_built: false`.
//! BuildKit runs some of its checks only while dispatching a built stage
//! (`registry::built_only`); those stay quiet in the other stages unless
//! `CheckOptions::all_stages` asks for them, as `--check` does.

use super::context::Context;
use super::registry::{self, OffByDefault};
use super::suppress::Suppressions;
use super::{Finding, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::inputs::BuildInput;
use crate::syntax::{self, Dockerfile};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Run BuildKit's dispatch-time checks on every stage, not only on
    /// those the target builds, as `docker build --check` does (other rules
    /// always see every stage).
    pub all_stages: bool,
    /// Run BuildKit's experimental checks even when the file does not ask
    /// for them with `# check=experimental=...`.
    pub experimental: bool,
    /// Rules that are off by default to run anyway, each by any of its
    /// names (`DP357`, `DL3057`, `CopyIgnoredFile`, `missing-healthcheck`),
    /// or `all` for every one. Naming a rule that is on anyway does nothing.
    pub enable: Vec<String>,
    /// What hadolint's configuration says about the file's contents:
    /// trusted registries and the label schema (DL3026, DL3049–DL3058).
    /// Empty by default, and those rules then find nothing, as in hadolint.
    pub settings: RuleSettings,
    /// Ignore the file's `# hadolint ignore=` and `# dockerplay ignore=`
    /// pragmas (hadolint's `disable-ignore-pragma`). BuildKit's `# check=`
    /// directive still applies: it is part of the build, not a comment.
    pub disable_ignore_pragma: bool,
}

/// Settings of the rules that need configuration, in the shape of
/// hadolint's `.hadolint.yaml` (hadolint: src/Hadolint/Config/Configuration.hs).
/// Plain data: the CLI reads the files, `core` only sees the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSettings {
    /// `trustedRegistries`: registries images may come from; `*` matches
    /// any, `*.example.com` a suffix and `example.*` a prefix (DL3026).
    pub trusted_registries: Vec<String>,
    /// `label-schema`: labels every stage must set, with the type of their
    /// value (DL3049, DL3051–DL3056, DL3058), sorted by name.
    pub label_schema: Vec<(String, LabelType)>,
    /// `strict-labels`: labels outside the schema are flagged (DL3050).
    pub strict_labels: bool,
}

/// The value types of hadolint's label schema (hadolint: src/Hadolint/Rule.hs
/// `readEitherLabelType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelType {
    Email,
    /// A git commit hash, short (7) or full (40).
    Hash,
    Text,
    Rfc3339,
    Semver,
    Spdx,
    Url,
}

impl LabelType {
    /// The schema's spelling (`hash`, `url`...); the empty string is `text`.
    pub fn parse(name: &str) -> Option<LabelType> {
        Some(match name {
            "email" => LabelType::Email,
            "hash" => LabelType::Hash,
            "text" | "" => LabelType::Text,
            "rfc3339" => LabelType::Rfc3339,
            "semver" => LabelType::Semver,
            "spdx" => LabelType::Spdx,
            "url" => LabelType::Url,
            _ => return None,
        })
    }
}

impl CheckOptions {
    /// Does `enable` name this rule?
    pub fn enables(&self, rule: &Rule) -> bool {
        self.enable.iter().any(|n| n.trim().eq_ignore_ascii_case("all") || registry::names(rule, n))
    }

    /// Does this rule run, given these options and what the file asks for?
    fn runs(&self, rule: &Rule, suppressions: &Suppressions) -> bool {
        match registry::off_by_default(rule) {
            None => true,
            Some(_) if self.enables(rule) => true,
            Some(OffByDefault::Experimental) => self.experimental || suppressions.enables(rule),
            Some(OffByDefault::Ignored) => false,
        }
    }

    /// Is this finding of an experimental rule on? The options turn on the
    /// rule everywhere, the file's `# check=experimental=` too, and a
    /// `# check=` comment for its own instruction.
    fn keeps(&self, rule: &Rule, finding: &Finding, suppressions: &Suppressions) -> bool {
        match registry::off_by_default(rule) {
            Some(OffByDefault::Experimental) => {
                self.experimental || self.enables(rule) || suppressions.enables_at(rule, finding)
            }
            _ => true,
        }
    }
}

/// Checks a build: the Dockerfile with its context, build args and target.
/// Returns the findings in file order and the parser's diagnostics (plus
/// any about malformed suppressions).
pub fn check(input: &BuildInput, opts: &CheckOptions) -> (Vec<Finding>, Vec<Diagnostic>) {
    let (dockerfile, mut diagnostics) = syntax::parse(&input.dockerfile);
    let (findings, more) = check_parsed(input, &dockerfile, opts);
    diagnostics.extend(more);
    (findings, diagnostics)
}

/// Like [`check`], for a caller that has parsed `input.dockerfile` already.
pub fn check_parsed(
    input: &BuildInput,
    dockerfile: &Dockerfile,
    opts: &CheckOptions,
) -> (Vec<Finding>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut ctx = Context::new(&input.dockerfile, dockerfile, input, opts.all_stages);
    ctx.settings = opts.settings.clone();
    let mut suppressions = Suppressions::parse(dockerfile, &input.build_args, &mut diagnostics);
    if opts.disable_ignore_pragma {
        suppressions.global.clear();
        suppressions.local.clear();
    }
    let mut findings = Vec::new();
    for rule in registry::rules() {
        if !opts.runs(rule, &suppressions) {
            continue;
        }
        let mut found = Vec::new();
        (rule.check)(&ctx, &mut found);
        for mut f in found {
            if !opts.keeps(rule, &f, &suppressions) || suppressions.suppresses(rule, &f) {
                continue;
            }
            f.stage_built =
                stage_of(dockerfile, f.span.start).is_none_or(|s| ctx.built.get(s).copied().unwrap_or(true));
            if !f.stage_built && registry::built_only(rule) && !opts.all_stages {
                continue;
            }
            if suppressions.error && rule.buildkit_name().is_some() {
                f.severity = Severity::Error;
            }
            findings.push(f);
        }
    }
    findings.sort_by(|a, b| (a.span.start, a.code, a.span.end).cmp(&(b.span.start, b.code, b.span.end)));
    findings.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    (findings, diagnostics)
}

/// The stage of the instruction at `offset` (`None`: a global ARG or no
/// instruction).
fn stage_of(dockerfile: &Dockerfile, offset: usize) -> Option<usize> {
    let instructions = &dockerfile.instructions;
    let k = instructions.partition_point(|i| i.span.start <= offset).checked_sub(1)?;
    let instr = &instructions[k];
    // A finding on a comment before an instruction belongs to that one.
    match instr.span.end >= offset {
        true => instr.stage,
        false => instructions.get(k + 1).and_then(|i| i.stage).or(instr.stage),
    }
}
