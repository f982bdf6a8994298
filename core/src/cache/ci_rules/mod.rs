//! Findings for CI cache traps (issue 18): set-ups in which a CI build runs
//! again what a cache was meant to keep, each explained in CI minutes.
//!
//! These rules need what a Dockerfile alone does not say: where each build
//! runs, what it exports and imports, whether it pulls, and which target
//! it builds. So they read a scenario's CI builds ([`CiContext`]) instead
//! of the lint engine's per-file `Context`. They are still rules of the one
//! registry (`lint/registry.rs`, codes DP501–DP599), declared with
//! `declare_rule!` so their documentation is their doc comment and
//! `docs/rules.md` lists them; their Dockerfile check does nothing
//! ([`needs_ci`]), so `dockerplay check` never reports them.
//!
//! [`check`] runs them over a scenario. A trap that several builds share
//! (the same message) is one finding naming every build it affects; its
//! span is in the first of those builds' Dockerfile.

pub mod cold_cache_mount;
pub mod min_mode_skips_stages;
pub mod pulled_base_tag;
pub mod shared_cache_ref;

use super::ci::{CacheSpec, Kind, Mode};
use super::{estimate_seconds, Options};
use crate::inputs::{BuildInput, CiBuild, Scenario};
use crate::lint::context::{built_stages, target_stage};
use crate::lint::{Context, Finding, Rule};
use crate::message::{Message, Msg};
use crate::span::Span;
use crate::syntax::{parse, Dockerfile, Instruction, Keyword};
use serde::Serialize;

/// A step or a set of steps this slow (estimated seconds, as the cache
/// model estimates them) is worth a finding; below it, re-running costs
/// less than the finding's reader would spend on it.
pub const SLOW_SECONDS: f64 = 10.0;

/// A CI rule's Dockerfile check: a Dockerfile alone says nothing about CI,
/// so it reports nothing. The rule's real check is its file's `check_ci`.
pub fn needs_ci(_: &Context, _: &mut Vec<Finding>) {}

/// A CI rule's check over a scenario.
pub type CiCheck = fn(&CiContext, &mut Vec<CiFinding>);

/// Every CI rule with its check, in code order.
pub static RULES: &[(&Rule, CiCheck)] = &[
    (&min_mode_skips_stages::RULE, min_mode_skips_stages::check_ci),
    (&cold_cache_mount::RULE, cold_cache_mount::check_ci),
    (&pulled_base_tag::RULE, pulled_base_tag::check_ci),
    (&shared_cache_ref::RULE, shared_cache_ref::check_ci),
];

/// A change to the CI fields of some builds that resolves a finding:
/// `field` is a field of each of those builds (`cache_to[0]`, or
/// `cache_to` for a new entry) and `value` its new value (for a list, the
/// entry to add).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CiFix {
    pub title: Msg,
    /// 1-based build numbers.
    pub builds: Vec<usize>,
    pub field: String,
    pub value: String,
}

impl CiFix {
    /// Applies the fix to a scenario's CI fields (`ci[i]` for build `i + 1`).
    pub fn apply(&self, ci: &mut Vec<CiBuild>) {
        for &n in &self.builds {
            let Some(i) = n.checked_sub(1) else { continue };
            if ci.len() <= i {
                ci.resize(i + 1, CiBuild::default());
            }
            let list = &mut ci[i].cache_to;
            match self.field.strip_prefix("cache_to[").and_then(|r| r.strip_suffix(']')) {
                Some(j) => {
                    if let Some(e) = j.parse::<usize>().ok().and_then(|j| list.get_mut(j)) {
                        *e = self.value.clone();
                    }
                }
                None if self.field == "cache_to" => list.push(self.value.clone()),
                None => {}
            }
        }
    }
}

/// One CI trap: a finding of a rule (its span in the Dockerfile of the
/// first build it names), the builds it affects, and a fix of the CI
/// set-up where one exists (a Dockerfile edit, where that is the fix, is
/// the finding's own `fix`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CiFinding {
    /// 1-based build numbers, as `dockerplay simulate` counts them.
    pub builds: Vec<usize>,
    #[serde(flatten)]
    pub finding: Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_fix: Option<CiFix>,
}

/// One build of the scenario as the CI rules see it.
pub struct CiBuildView<'a> {
    /// 0-based index into the scenario's builds.
    pub index: usize,
    pub input: &'a BuildInput,
    pub ci: CiBuild,
    pub df: Dockerfile,
    /// The stage the build produces.
    pub target: Option<usize>,
    /// The stages building the target needs.
    pub built: Vec<bool>,
    /// The stages whose steps are layers of the target's image: the target
    /// and the stages it is built `FROM`.
    pub in_image: Vec<bool>,
    /// `--cache-to` entries that read, with their index in `cache_to`.
    pub exports: Vec<(usize, CacheSpec)>,
    options: &'a Options,
}

impl CiBuildView<'_> {
    /// A runner that starts empty for every build.
    pub fn fresh(&self) -> bool {
        self.ci.runner.as_deref() == Some("fresh")
    }

    /// The runner's name, as the CI model names it.
    pub fn runner(&self) -> &str {
        self.ci.runner.as_deref().unwrap_or("persistent")
    }

    /// The estimated seconds of a step: the user's override for its text,
    /// else the cache model's default (`estimate_seconds`).
    pub fn seconds(&self, instr: &Instruction) -> f64 {
        self.options.seconds.get(&*instr.text).copied().unwrap_or_else(|| estimate_seconds(instr))
    }

    /// The steps of a stage that do work (RUN, COPY, ADD), in order.
    pub fn work_steps(&self, stage: usize) -> impl Iterator<Item = &Instruction> {
        self.df
            .stages
            .get(stage)
            .map(|s| s.instructions.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.df.instructions.get(i).map(|x| &**x))
            .filter(|i| matches!(i.keyword, Keyword::Run | Keyword::Copy | Keyword::Add))
    }

    /// The estimated seconds of a stage's work steps.
    pub fn stage_seconds(&self, stage: usize) -> f64 {
        self.work_steps(stage).map(|i| self.seconds(i)).sum()
    }

    /// Does some export of this build keep `stage`'s results? `mode=max`
    /// keeps every step; `mode=min` and inline only the image's layers.
    pub fn exports_stage(&self, stage: usize) -> bool {
        self.exports.iter().any(|(_, spec)| {
            spec.kind != Kind::Inline && spec.mode == Mode::Max || self.in_image.get(stage).copied().unwrap_or(false)
        })
    }

    /// The first line of the FROM of `stage` (where a stage-wide finding
    /// points).
    pub fn from_line(&self, stage: usize) -> Span {
        let at = self.df.stages.get(stage).and_then(|s| self.df.instructions.get(s.from));
        at.map(|i| self.first_line(i)).unwrap_or_default()
    }

    /// The span of an instruction's first line.
    pub fn first_line(&self, instr: &Instruction) -> Span {
        let text = instr.span.slice(&self.input.dockerfile);
        let end = text.find('\n').map_or(instr.span.end, |n| instr.span.start + n);
        Span::new(instr.span.start, end)
    }

    /// The stage's name as BuildKit names it (`stage-N` if unnamed).
    pub fn stage_name(&self, stage: usize) -> String {
        self.df.stages.get(stage).map(|s| s.display_name()).unwrap_or_default()
    }

    /// The repository the build pushes to (without tag), for the cache
    /// references a fix proposes; a placeholder when it pushes nothing.
    pub fn repository(&self) -> String {
        match self.ci.push.as_deref().and_then(|p| crate::reference::parse(p).ok()) {
            Some(r) => r.name(),
            None => "REGISTRY/IMAGE".into(),
        }
    }
}

/// What every CI rule sees: each build of the scenario with its CI fields.
pub struct CiContext<'a> {
    pub builds: Vec<CiBuildView<'a>>,
}

impl CiContext<'_> {
    /// True when no build can miss another's local cache: every build runs
    /// on one and the same persistent runner, so imports never matter.
    pub fn one_persistent_runner(&self) -> bool {
        let mut runners = self.builds.iter().map(|b| b.runner());
        let first = runners.next().unwrap_or("persistent");
        first != "fresh" && runners.all(|r| r == first)
    }
}

/// Sets `key=value` in a `--cache-to`/`--cache-from` entry, replacing the
/// key's value if it is there, else appending it.
pub fn with_option(entry: &str, key: &str, value: &str) -> String {
    let mut parts: Vec<String> = entry.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let prefix = format!("{key}=");
    match parts.iter_mut().find(|p| p.starts_with(&prefix)) {
        Some(p) => *p = format!("{key}={value}"),
        None => parts.push(format!("{key}={value}")),
    }
    parts.join(",")
}

/// Runs every CI rule over a scenario with its CI fields (`ci[i]` for
/// `builds[i]`, missing entries being the defaults) and the step time
/// overrides of `options`. Findings that several builds share are merged.
pub fn check(scenario: &Scenario, ci: &[CiBuild], options: &Options) -> Vec<CiFinding> {
    let builds = scenario
        .builds
        .iter()
        .enumerate()
        .map(|(index, input)| {
            let ci = ci.get(index).cloned().unwrap_or_default();
            let (df, _) = parse(&input.dockerfile);
            let target = target_stage(&df, input.target.as_deref());
            let built = built_stages(&df, target);
            let mut in_image = vec![false; df.stages.len()];
            let mut at = target;
            while let Some(s) = at.filter(|&s| s < in_image.len() && !in_image[s]) {
                in_image[s] = true;
                at = df.stages[s].base_stage;
            }
            let exports = ci
                .cache_to
                .iter()
                .enumerate()
                .filter_map(|(j, t)| CacheSpec::parse(t, true).ok().map(|s| (j, s)))
                .collect();
            CiBuildView { index, input, ci, df, target, built, in_image, exports, options }
        })
        .collect();
    let cx = CiContext { builds };
    let mut out: Vec<CiFinding> = Vec::new();
    for (_, rule_check) in RULES {
        let mut found = Vec::new();
        rule_check(&cx, &mut found);
        for f in found {
            match out.iter_mut().find(|o| o.finding.code == f.finding.code && o.finding.message == f.finding.message) {
                Some(o) => {
                    union(&mut o.builds, &f.builds);
                    if let (Some(a), Some(b)) = (&mut o.ci_fix, &f.ci_fix) {
                        if (&a.title, &a.field, &a.value) == (&b.title, &b.field, &b.value) {
                            union(&mut a.builds, &b.builds);
                        }
                    }
                }
                None => out.push(f),
            }
        }
    }
    out
}

fn union(into: &mut Vec<usize>, more: &[usize]) {
    for b in more {
        if !into.contains(b) {
            into.push(*b);
        }
    }
    into.sort_unstable();
}

/// A fix of entry `field` of build `index` (0-based).
pub(crate) fn ci_fix(title: Msg, index: usize, field: impl Into<String>, value: String) -> CiFix {
    CiFix { title, builds: vec![index + 1], field: field.into(), value }
}

/// A finding of `rule` in build `index` (0-based) at `span`.
pub(crate) fn finding(rule: &'static Rule, index: usize, span: Span, message: Msg) -> CiFinding {
    CiFinding { builds: vec![index + 1], finding: rule.finding(span, message), ci_fix: None }
}

// The words the CI rules share: durations and lists. Each rule's own
// messages are in its file; the registry test walks these too.
static SECONDS: Message = Message::new("ci.seconds", "~{n} s", "约 {n} 秒");
static MINUTES: Message = Message::new("ci.minutes", "~{n} min", "约 {n} 分钟");
static ITEM: Message = Message::neutral("ci.item", "{item}");
// Only punctuation differs, which `Message::new` cannot tell from a missing
// translation, so this one is written out.
static COMMA: Message = Message { id: "ci.comma", en: "{first}, {rest}", zh: "{first}、{rest}" };
static AND: Message = Message::new("ci.and", "{rest} and {last}", "{rest} 和 {last}");

/// The messages [`duration`] and [`names`] use.
pub static SHARED_MESSAGES: &[&Message] = &[&SECONDS, &MINUTES, &ITEM, &COMMA, &AND];

/// Seconds as the findings word them (`~80 s`, `~2.5 min`).
pub(crate) fn duration(seconds: f64) -> Msg {
    if seconds >= 120.0 {
        MINUTES.msg().arg("n", format!("{:.1}", seconds / 60.0))
    } else {
        SECONDS.msg().arg("n", seconds.round())
    }
}

/// A list of names in backticks: "`a`, `b` and `c`".
pub(crate) fn names(items: &[String]) -> Msg {
    let quoted: Vec<Msg> = items.iter().map(|s| ITEM.msg().arg("item", format!("`{s}`"))).collect();
    match quoted.split_last() {
        None => ITEM.msg().arg("item", ""),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => {
            let mut rest = rest.to_vec();
            let mut list = rest.pop().unwrap_or_else(|| ITEM.msg().arg("item", ""));
            while let Some(first) = rest.pop() {
                list = COMMA.msg().arg_msg("first", first).arg_msg("rest", list);
            }
            AND.msg().arg_msg("rest", list).arg_msg("last", last.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_replaced_or_appended() {
        assert_eq!(with_option("type=gha,mode=min", "mode", "max"), "type=gha,mode=max");
        assert_eq!(with_option("type=gha", "scope", "app"), "type=gha,scope=app");
        assert_eq!(with_option(" type=registry, ref=r ", "mode", "max"), "type=registry,ref=r,mode=max");
        assert_eq!(duration(80.4).to_string(), "~80 s");
        assert_eq!(duration(150.0).to_string(), "~2.5 min");
        assert_eq!(duration(150.0).render(crate::Lang::Zh), "约 2.5 分钟");
        let list = names(&["a".into(), "b".into(), "c".into()]);
        assert_eq!(list.to_string(), "`a`, `b` and `c`");
        assert_eq!(list.render(crate::Lang::Zh), "`a`、`b` 和 `c`");
    }
}
