//! Suppressions the file itself carries:
//!
//! - `# hadolint ignore=DL3008,DL3015` and `# dockerplay ignore=DP201,...`
//!   on the comment lines right before an instruction: that instruction only;
//! - `# hadolint global ignore=...` and `# dockerplay global ignore=...`:
//!   the whole file;
//! - BuildKit's `# check=skip=StageNameCasing,...` directive (or `skip=all`)
//!   and its `error=true` and `experimental=...`, or instead the
//!   `BUILDKIT_DOCKERFILE_CHECK` build arg (BuildKit:
//!   frontend/dockerfile/linter/linter.go ParseLintOptions);
//! - the same `# check=...` as a comment right before an instruction, which
//!   BuildKit merges into the file's configuration for that instruction's
//!   checks.
//!
//! A suppression may name our code, the equivalent code (`DL3008`,
//! `StageNameCasing`) or the rule's name.

use super::registry;
use super::{Finding, Rule};
use crate::diag::Diagnostic;
use crate::message::Message;
use crate::span::Span;
use crate::syntax::{Comment, Dockerfile, Instruction};
use std::collections::BTreeMap;

/// Messages of the diagnostics on `check=` directives and ignore comments.
pub static UNKNOWN_CHECK_OPTION: Message =
    Message::new("suppress.unknown-check-option", "unknown check option `{option}`", "未知的 check 选项 `{option}`");
pub static UNKNOWN_RULE: Message = Message::new(
    "suppress.unknown-rule",
    "unknown rule `{rule}` in ignore comment",
    "忽略注释里的规则 `{rule}` 不存在",
);
pub static MESSAGES: &[&Message] = &[&UNKNOWN_CHECK_OPTION, &UNKNOWN_RULE];

/// A `check=` configuration: BuildKit's linter.Config.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    /// BuildKit check names `skip=` lists.
    pub skip: Vec<String>,
    /// `skip=all`: every BuildKit check is off.
    pub skip_all: bool,
    /// `error=true`: BuildKit's checks are errors.
    pub error: bool,
    /// `experimental=A,B` or `experimental=all`: BuildKit's experimental
    /// checks to run.
    pub experimental: Vec<String>,
    pub experimental_all: bool,
}

impl CheckConfig {
    /// `skip=A,B;error=true`.
    fn read(&mut self, value: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) {
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
                other => diagnostics.push(Diagnostic::warning(span, UNKNOWN_CHECK_OPTION.msg().arg("option", other))),
            }
        }
    }

    /// Does this configuration turn the experimental rule on?
    fn enables(&self, rule: &Rule) -> bool {
        self.experimental_all || self.experimental.iter().any(|n| registry::names(rule, n))
    }

    /// Does this configuration skip the rule? `skip=all` is about
    /// BuildKit's checks; a named skip also reaches a hadolint twin.
    fn skips(&self, rule: &Rule) -> bool {
        (rule.buildkit_name().is_some() && self.skip_all) || self.skip.iter().any(|n| registry::names(rule, n))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Names suppressed everywhere.
    pub global: Vec<String>,
    /// Instruction span → names suppressed in it.
    pub local: Vec<(Span, Vec<String>)>,
    /// The file's `# check=` directive, or the `BUILDKIT_DOCKERFILE_CHECK`
    /// build arg, which replaces it.
    pub check: CheckConfig,
    /// `# check=` comments right before an instruction: instruction span →
    /// the configuration merged into the file's for that instruction.
    pub instruction_checks: Vec<(Span, CheckConfig)>,
    /// `error=true` in the file's configuration: BuildKit's checks are errors.
    pub error: bool,
}

impl Suppressions {
    pub fn parse(
        df: &Dockerfile,
        build_args: &BTreeMap<String, String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Suppressions {
        let mut s = Suppressions::default();
        // The build arg is the client's configuration, which BuildKit uses
        // instead of the file's directive (dockerfile2llb/convert.go
        // newRuleLinter).
        match (build_args.get("BUILDKIT_DOCKERFILE_CHECK"), &df.directives.check) {
            (Some(v), _) => s.check.read(v, Span::default(), diagnostics),
            (None, Some(d)) => s.check.read(&d.value, d.span, diagnostics),
            (None, None) => {}
        }
        s.error = s.check.error;
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
                let between_are_comments = (c.line + 1..instr.line).all(|l| df.comments.iter().any(|o| o.line == l));
                if between_are_comments {
                    s.local.push((instr.span, names));
                }
            }
        }
        s.instruction_checks = instruction_checks(df, diagnostics);
        s
    }

    /// Does the file turn this experimental rule on anywhere (the
    /// directive, or a `# check=` comment before an instruction)?
    pub fn enables(&self, rule: &Rule) -> bool {
        self.check.enables(rule) || self.instruction_checks.iter().any(|(_, c)| c.enables(rule))
    }

    /// The `# check=` comment configuration of the instruction a finding is
    /// in, for rules BuildKit runs with it (see [`registry::comment_scoped`]).
    fn instruction_check(&self, rule: &Rule, finding: &Finding) -> Option<&CheckConfig> {
        if !registry::comment_scoped(rule) {
            return None;
        }
        self.instruction_checks
            .iter()
            .find(|(span, _)| span.contains(finding.span.start) || span.start == finding.span.start)
            .map(|(_, c)| c)
    }

    /// Is this experimental rule's finding on, by the file's configuration
    /// merged with the instruction's?
    pub fn enables_at(&self, rule: &Rule, finding: &Finding) -> bool {
        self.check.enables(rule) || self.instruction_check(rule, finding).is_some_and(|c| c.enables(rule))
    }

    /// Is this finding of this rule suppressed?
    pub fn suppresses(&self, rule: &Rule, finding: &Finding) -> bool {
        // BuildKit's linter never skips an experimental check; it runs when
        // asked for (linter/linter.go Run).
        let experimental = registry::off_by_default(rule) == Some(registry::OffByDefault::Experimental);
        if !experimental
            && (self.check.skips(rule) || self.instruction_check(rule, finding).is_some_and(|c| c.skips(rule)))
        {
            return true;
        }
        if self.global.iter().any(|n| registry::names(rule, n)) {
            return true;
        }
        self.local.iter().any(|(span, names)| {
            (span.contains(finding.span.start) || span.start == finding.span.start)
                && names.iter().any(|n| registry::names(rule, n))
        })
    }
}

/// The comments BuildKit's parser attaches to an instruction (a node's
/// PrevComment, parser/parser.go Parse): the comment lines since the
/// previous instruction, restarted by an empty `#` line. Directive lines
/// and comments inside a continued instruction are not among them.
pub fn comments_before<'a>(df: &'a Dockerfile, instr: &Instruction) -> Vec<&'a Comment> {
    // Both lists are in file order.
    let k = df.instructions.partition_point(|i| i.span.start < instr.span.start);
    let previous_end = k.checked_sub(1).and_then(|p| df.instructions.get(p)).map_or(0, |p| p.span.end);
    let from = df.comments.partition_point(|c| c.span.start < previous_end);
    let to = df.comments.partition_point(|c| c.span.start < instr.span.start);
    let mut mine = Vec::new();
    for c in df.comments.get(from..to).unwrap_or_default() {
        if c.text.is_empty() {
            mine.clear();
        } else {
            mine.push(c);
        }
    }
    mine
}

/// The `# check=` configuration each instruction's comments carry: the
/// first comment that reads as a `check=` directive counts, up to its first
/// space, so `# check=skip=all // why` works (linter/linter.go
/// WithMergedConfigFromComments).
fn instruction_checks(df: &Dockerfile, diagnostics: &mut Vec<Diagnostic>) -> Vec<(Span, CheckConfig)> {
    let mut out = Vec::new();
    for instr in &df.instructions {
        let directive = comments_before(df, instr).into_iter().find_map(|c| {
            let (name, value) = c.text.split_once('=')?;
            let name = name.trim();
            (name.eq_ignore_ascii_case("check") && !value.trim().is_empty()).then(|| (c.span, value.trim()))
        });
        if let Some((span, value)) = directive {
            let value = value.split(' ').next().unwrap_or("");
            let mut config = CheckConfig::default();
            config.read(value, span, diagnostics);
            out.push((instr.span, config));
        }
    }
    out
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
        let ours = n.len() > 2
            && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("DP"))
            && n.bytes().skip(2).all(|b| b.is_ascii_digit());
        if ours && registry::lookup(n).is_none() {
            diagnostics.push(Diagnostic::warning(span, UNKNOWN_RULE.msg().arg("rule", n)));
        }
    }
    names
}
