//! Suppressions the file itself carries:
//!
//! - `# hadolint ignore=DL3008,DL3015` and `# dockerplay ignore=DP201,...`
//!   on the comment lines right before an instruction: that instruction only;
//! - `# hadolint global ignore=...` and `# dockerplay global ignore=...`:
//!   the whole file;
//! - BuildKit's `# check=skip=StageNameCasing,...` directive (or `skip=all`)
//!   and its `error=true` and `experimental=...`, also given as the `BUILDKIT_DOCKERFILE_CHECK`
//!   build arg (BuildKit: frontend/dockerfile/linter/linter.go ParseLintOptions).
//!
//! A suppression may name our code, the equivalent code (`DL3008`,
//! `StageNameCasing`) or the rule's name.

use super::registry;
use super::{Finding, Rule};
use crate::diag::Diagnostic;
use crate::span::Span;
use crate::syntax::Dockerfile;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Names suppressed everywhere.
    pub global: Vec<String>,
    /// Instruction span → names suppressed in it.
    pub local: Vec<(Span, Vec<String>)>,
    /// BuildKit check names `# check=skip=` lists.
    pub skip: Vec<String>,
    /// `# check=skip=all`: every BuildKit check is off.
    pub skip_all: bool,
    /// `# check=error=true`: BuildKit's checks are errors.
    pub error: bool,
    /// `# check=experimental=A,B` or `experimental=all`: BuildKit's
    /// experimental checks to run.
    pub experimental: Vec<String>,
    pub experimental_all: bool,
}

impl Suppressions {
    pub fn parse(df: &Dockerfile, build_args: &BTreeMap<String, String>, diagnostics: &mut Vec<Diagnostic>) -> Suppressions {
        let mut s = Suppressions::default();
        if let Some(d) = &df.directives.check {
            s.read_check(&d.value, d.span, diagnostics);
        }
        if let Some(v) = build_args.get("BUILDKIT_DOCKERFILE_CHECK") {
            s.read_check(v, Span::default(), diagnostics);
        }
        for c in &df.comments {
            let Some((global, list)) = pragma(&c.text) else { continue };
            let names = names(list, c.span, diagnostics);
            if global {
                s.global.extend(names);
                continue;
            }
            // The instruction right after the pragma; only comment lines may
            // stand between them, as hadolint requires.
            let next = df.instructions.iter().find(|i| i.line > c.line);
            if let Some(instr) = next {
                let between_are_comments =
                    (c.line + 1..instr.line).all(|l| df.comments.iter().any(|o| o.line == l));
                if between_are_comments {
                    s.local.push((instr.span, names));
                }
            }
        }
        s
    }

    /// `skip=A,B;error=true`.
    fn read_check(&mut self, value: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) {
        for part in value.split(';') {
            let Some((key, val)) = part.split_once('=') else { continue };
            match key.trim().to_ascii_lowercase().as_str() {
                "skip" => {
                    for name in val.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        if name.eq_ignore_ascii_case("all") {
                            self.skip_all = true;
                        } else {
                            self.skip.push(name.to_string());
                        }
                    }
                }
                "error" => self.error = val.trim().eq_ignore_ascii_case("true"),
                "experimental" => {
                    for name in val.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        if name.eq_ignore_ascii_case("all") {
                            self.experimental_all = true;
                        } else {
                            self.experimental.push(name.to_string());
                        }
                    }
                }
                other => diagnostics.push(Diagnostic::warning(span, format!("unknown check option `{other}`"))),
            }
        }
    }

    /// Does the file turn this experimental rule on (`# check=experimental=`)?
    pub fn enables(&self, rule: &Rule) -> bool {
        self.experimental_all || self.experimental.iter().any(|n| registry::names(rule, n))
    }

    /// Is this finding of this rule suppressed?
    pub fn suppresses(&self, rule: &Rule, finding: &Finding) -> bool {
        // `skip=all` is about BuildKit's checks; a named skip also reaches a
        // hadolint twin of the named check.
        if (rule.buildkit_name().is_some() && self.skip_all) || self.skip.iter().any(|n| registry::names(rule, n)) {
            return true;
        }
        if self.global.iter().any(|n| registry::names(rule, n)) {
            return true;
        }
        self.local.iter().any(|(span, names)| {
            (span.contains(finding.span.start) || span.start == finding.span.start) && names.iter().any(|n| registry::names(rule, n))
        })
    }
}

/// `hadolint ignore=...`, `hadolint global ignore=...`, `dockerplay ...`:
/// (is global, the list). DL1001 flags the inline ones this reads.
pub fn pragma(comment: &str) -> Option<(bool, &str)> {
    let comment = comment.trim_start_matches('#').trim();
    let rest = comment.strip_prefix("hadolint").or_else(|| comment.strip_prefix("dockerplay"))?;
    let rest = rest.trim_start();
    let (global, rest) = match rest.strip_prefix("global") {
        Some(r) => (true, r.trim_start()),
        None => (false, rest),
    };
    let list = rest.strip_prefix("ignore")?.trim_start().strip_prefix('=')?;
    Some((global, list.trim()))
}

fn names(list: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let names: Vec<String> =
        list.split([',', ' ']).map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect();
    for n in &names {
        // Our own codes must exist; other tools' codes may be ones we do not mirror.
        let ours = n.len() > 2 && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("DP")) && n.bytes().skip(2).all(|b| b.is_ascii_digit());
        if ours && registry::lookup(n).is_none() {
            diagnostics.push(Diagnostic::warning(span, format!("unknown rule `{n}` in ignore comment")));
        }
    }
    names
}
