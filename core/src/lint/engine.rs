//! Running the rules: parse, build the context, run every rule, apply
//! suppressions and severity overrides, sort.

use super::context::Context;
use super::registry;
use super::suppress::Suppressions;
use super::Finding;
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
}

/// BuildKit's checks that only run when enabled (BuildKit:
/// frontend/dockerfile/linter/ruleset.go, `Experimental: true`).
pub const EXPERIMENTAL: [&str; 2] = ["CopyIgnoredFile", "InvalidDefinitionDescription"];

fn is_experimental(rule: &super::Rule) -> bool {
    rule.buildkit_name().is_some_and(|n| EXPERIMENTAL.contains(&n))
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
    let ctx = Context::new(&input.dockerfile, dockerfile, input, opts.all_stages);
    let suppressions = Suppressions::parse(dockerfile, &input.build_args, &mut diagnostics);
    let mut findings = Vec::new();
    for rule in registry::rules() {
        if is_experimental(rule) && !opts.experimental && !suppressions.enables(rule) {
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
