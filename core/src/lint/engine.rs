//! Running the rules: parse, build the context, run every rule that is on
//! (those off by default only when enabled), apply suppressions and
//! severity overrides, sort.

use super::context::Context;
use super::registry::{self, OffByDefault};
use super::suppress::Suppressions;
use super::{Finding, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::inputs::BuildInput;
use crate::syntax::{self, Dockerfile};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Check every stage, not only those the target builds.
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
pub fn check_parsed(input: &BuildInput, dockerfile: &Dockerfile, opts: &CheckOptions) -> (Vec<Finding>, Vec<Diagnostic>) {
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
            if suppressions.suppresses(rule, &f) {
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
