//! The Findings panel (issue 7): best-practice findings for every stage,
//! filtered by severity; a finding in a stage the target does not build is
//! muted and labelled so ("All stages" also runs BuildKit's build-time
//! checks there). Each finding shows its code and every equivalent
//! hadolint or BuildKit rule, selects its span
//! in the editor when clicked, opens its rule's documentation, and offers
//! its fix in one click where the fix is safe. "Fix all safe" applies every
//! safe fix at once. A switch also runs the rules that are off by default
//! (BuildKit's experimental checks, hadolint's DL1001 and DL3057).
//!
//! The findings are computed once per input change by the page (`Lint`),
//! because the editor underlines them too.

use std::ops::Deref;
use std::rc::Rc;

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions, Finding};
use dockerplay_core::{Severity, Span};
use yew::prelude::*;

use crate::analysis::{Analysis, AnalysisRef};
use crate::components::findings_marks::{self, LintMark};
use crate::components::rule_doc::{also_label, inline_html, RuleDoc};
use crate::i18n::{texts, Lang, Texts};

/// The findings of one build input.
pub struct Lint {
    pub input: BuildInput,
    pub all_stages: bool,
    /// Run the rules that are off by default too.
    pub off_by_default: bool,
    /// In file order.
    pub findings: Vec<Finding>,
    /// The findings as the editor underlines them.
    pub marks: Rc<Vec<LintMark>>,
    /// The file has more than one stage, so "all stages" can differ from
    /// the stages the target builds.
    pub multi_stage: bool,
}

impl Lint {
    /// Checks `input`, whose Dockerfile is the one `analysis` parsed.
    pub fn new(analysis: &Analysis, input: BuildInput, all_stages: bool, off_by_default: bool) -> Lint {
        let opts = options(all_stages, off_by_default);
        let (findings, _) = lint::check_parsed(&input, &analysis.file, &opts);
        let marks = Rc::new(findings_marks::marks(&input.dockerfile, &findings));
        Lint { multi_stage: analysis.file.stages.len() > 1, input, all_stages, off_by_default, findings, marks }
    }

    fn options(&self) -> CheckOptions {
        options(self.all_stages, self.off_by_default)
    }

    /// How many findings have a fix that "fix all safe" applies.
    pub fn safe_fixes(&self) -> usize {
        self.findings.iter().filter(|f| f.fix.as_ref().is_some_and(|x| x.safe)).count()
    }
}

fn options(all_stages: bool, off_by_default: bool) -> CheckOptions {
    let enable = if off_by_default { vec!["all".to_string()] } else { Vec::new() };
    CheckOptions { all_stages, enable, ..CheckOptions::default() }
}

/// A shared `Lint` for props: equal when it is the same computation.
#[derive(Clone)]
pub struct LintRef(pub Rc<Lint>);

impl PartialEq for LintRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for LintRef {
    type Target = Lint;
    fn deref(&self) -> &Lint {
        &self.0
    }
}

/// The severities in the filter's order, most severe first.
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn slot(s: Severity) -> usize {
    SEVERITIES.iter().position(|x| *x == s).unwrap_or(0)
}

fn severity_name(t: &Texts, s: Severity) -> &'static str {
    match s {
        Severity::Error => t.severity_error,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

/// Where a finding's fix puts its first edit in the fixed text: the text
/// before that edit is unchanged, so its start stays where it was.
pub(crate) fn changed(f: &Finding) -> Option<Span> {
    let first = f.fix.as_ref()?.edits.iter().min_by_key(|e| e.span.start)?;
    Some(Span::new(first.span.start, first.span.start + first.replacement.len()))
}

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    pub lint: LintRef,
    /// The "all stages" switch; the page keeps the choice because the
    /// editor's underlines follow it too.
    pub on_all_stages: Callback<bool>,
    /// The "off by default" switch, kept by the page like "all stages".
    pub on_off_by_default: Callback<bool>,
    /// Replaces the Dockerfile with a fixed text, and selects a span of the
    /// new text (what a single fix changed) once the editor has it.
    pub on_replace: Callback<(String, Option<Span>)>,
    /// Moves the editor's selection to a span.
    pub on_reveal: Callback<Span>,
}

#[component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let t = texts(props.lang);
    let lint = &props.lint;
    let a = &props.analysis;
    // View choices, never shared: hidden severities and the open rule doc
    // (by code and span start, which stay put while the list re-renders).
    let hidden = use_state_eq(|| [false; 3]);
    let open = use_state_eq(|| None::<(&'static str, usize)>);

    let mut counts = [0usize; 3];
    for f in &lint.findings {
        counts[slot(f.severity)] += 1;
    }
    let filter = |s: Severity| {
        let i = slot(s);
        let pressed = !hidden[i];
        let onclick = {
            let hidden = hidden.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = *hidden;
                next[i] = !next[i];
                hidden.set(next);
            })
        };
        html! {
            <button type="button" class={classes!("fd-filter", format!("sev-{}", s.as_str()))}
                aria-pressed={pressed.to_string()} {onclick}>
                <span class="sev-dot"></span>
                { severity_name(t, s) }
                <span class="fd-count">{ counts[i] }</span>
            </button>
        }
    };
    let on_switch = {
        let (on_all, all) = (props.on_all_stages.clone(), lint.all_stages);
        Callback::from(move |_: Event| on_all.emit(!all))
    };
    let on_off_switch = {
        let (on_off, off) = (props.on_off_by_default.clone(), lint.off_by_default);
        Callback::from(move |_: Event| on_off.emit(!off))
    };
    let safe = lint.safe_fixes();
    let on_fix_all = {
        let (lint, on_replace) = (lint.clone(), props.on_replace.clone());
        Callback::from(move |_: MouseEvent| on_replace.emit((lint::fix_all_safe(&lint.input, &lint.options()), None)))
    };

    let item = |(index, f): (usize, &Finding)| {
        let rule = lint::rule(f.code);
        let (line, _) = a.lines.line_col(&a.text, f.span.start.min(a.text.len()));
        let span = f.span;
        let reveal = props.on_reveal.reform(move |_: MouseEvent| span);
        let key = (f.code, f.span.start);
        let is_open = *open == Some(key);
        let toggle = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(if is_open { None } else { Some(key) }))
        };
        // The finding's own message, in the page's language.
        let title = f.message.render(props.lang.core());
        let fix = f.fix.as_ref().map(|fix| {
            if fix.safe {
                // The fixed text is made on click, not for every finding shown.
                let (lint, on_replace) = (lint.clone(), props.on_replace.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    let f = std::slice::from_ref(&lint.findings[index]);
                    on_replace.emit((lint::apply_fixes(&lint.input.dockerfile, f), changed(&lint.findings[index])));
                });
                html! {
                    <button type="button" class="btn fd-fix" {onclick}>
                        <span class="fd-fix-label">{ t.findings_fix }</span>
                        <span class="fd-fix-title">{ inline_html(&fix.title.render(props.lang.core())) }</span>
                    </button>
                }
            } else {
                html! {
                    <span class="fd-suggest" title={t.findings_suggested_hint}>
                        { t.findings_suggested }{ ": " }{ inline_html(&fix.title.render(props.lang.core())) }
                    </span>
                }
            }
        });
        html! {
            <li class={classes!("fd-item", format!("sev-{}", f.severity.as_str()), (!f.stage_built).then_some("fd-unbuilt"))} data-code={f.code}>
                <button type="button" class="fd-main" onclick={reveal}>
                    // The severity is the dot's name, which the button's
                    // name begins with (no hidden text: a clipped element
                    // per finding costs every frame of the page).
                    <span class="sev-dot" role="img" aria-label={severity_name(t, f.severity)} title={severity_name(t, f.severity)}></span>
                    <span class="fd-text">
                        <span class="fd-title">{ inline_html(&title) }</span>
                    </span>
                    <span class="where">{ format!("{} {line}", t.line_short) }</span>
                </button>
                <div class="fd-meta">
                    <code class="fd-code">{ f.code }</code>
                    { for rule.map(|r| r.aliases()).unwrap_or_default().into_iter().map(|also| html! {
                        <span class="fd-also">{ also_label(also) }</span>
                    }) }
                    if !f.stage_built {
                        <span class="fd-unbuilt-label" title={t.findings_unbuilt_hint}>{ t.findings_unbuilt }</span>
                    }
                    <button type="button" class="fd-rule" aria-expanded={is_open.to_string()} onclick={toggle}>
                        { if is_open { t.findings_rule_hide } else { t.findings_rule } }
                    </button>
                    { fix.unwrap_or_default() }
                </div>
                if is_open {
                    <RuleDoc lang={props.lang} code={f.code} />
                }
            </li>
        }
    };

    let shown: Vec<(usize, &Finding)> =
        lint.findings.iter().enumerate().filter(|(_, f)| !hidden[slot(f.severity)]).collect();
    html! {
        <div class="findings">
            <div class="fd-toolbar">
                <div class="fd-filters" role="group" aria-label={t.findings_filters}>
                    { for SEVERITIES.into_iter().map(filter) }
                </div>
                <div class="fd-actions">
                    if lint.multi_stage {
                        <label class="fd-switch" title={t.findings_all_stages_hint}>
                            <input type="checkbox" checked={lint.all_stages} onchange={on_switch} />
                            { t.findings_all_stages }
                        </label>
                    }
                    <label class="fd-switch fd-off-by-default" title={t.findings_off_by_default_hint}>
                        <input type="checkbox" checked={lint.off_by_default} onchange={on_off_switch} />
                        { t.findings_off_by_default }
                    </label>
                    <button type="button" class="btn fd-fix-all" title={t.findings_fix_all_hint}
                        disabled={safe == 0} onclick={on_fix_all}>
                        { t.findings_fix_all }
                        <span class="fd-count">{ safe }</span>
                    </button>
                </div>
            </div>
            if lint.findings.is_empty() {
                <p class="empty">{ t.findings_none }</p>
            } else if shown.is_empty() {
                <p class="empty">{ t.findings_all_hidden }</p>
            } else {
                <ul class="fd-list">
                    { for shown.into_iter().map(item) }
                </ul>
            }
        </div>
    }
}
