//! The steps of one simulated build: per instruction, whether the cache
//! holds it, why, and how long it takes (editable), with the totals cold and
//! with the cache.

use std::collections::BTreeMap;
use std::rc::Rc;

use dockerplay_core::cache::{BuildReport, Status, Step};
use dockerplay_core::Span;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::i18n::{texts, Lang, Texts};
use crate::live_cache::{duration, reason_words, status_word};

#[derive(Properties, PartialEq)]
pub struct StepsTableProps {
    pub lang: Lang,
    pub report: Rc<BuildReport>,
    pub analysis: AnalysisRef,
    /// The user's time estimates, by instruction text.
    pub seconds: Rc<BTreeMap<String, f64>>,
    /// A new estimate for an instruction text (`None` resets it).
    pub on_seconds: Callback<(String, Option<f64>)>,
    pub on_reveal: Callback<Span>,
}

/// Text with `backticked` parts shown as code, as reasons quote paths.
pub fn with_code(text: &str) -> Html {
    html! {
        { for text.split('`').enumerate().map(|(i, part)| if i % 2 == 1 {
            html! { <code>{ part }</code> }
        } else {
            html! { part }
        }) }
    }
}

fn stage_title(t: &Texts, step: &Step) -> String {
    if step.stage_index.is_none() {
        t.cache_global.to_string()
    } else {
        step.stage.to_string()
    }
}

#[component]
pub fn StepsTable(props: &StepsTableProps) -> Html {
    let t = texts(props.lang);
    let report = &props.report;
    let mut rows = Vec::with_capacity(report.steps.len() + 4);
    let mut stage: Option<Option<usize>> = None;
    for step in &report.steps {
        if stage != Some(step.stage_index) {
            stage = Some(step.stage_index);
            rows.push(html! {
                <tr class="stage-row"><th colspan="5" scope="rowgroup">{ stage_title(t, step) }</th></tr>
            });
        }
        rows.push(row(t, props, step));
    }
    html! {
        <div class="steps-wrap">
            <table class="steps">
                <thead>
                    <tr>
                        <th scope="col" class="c-line">{ t.cache_col_line }</th>
                        <th scope="col">{ t.cache_col_step }</th>
                        <th scope="col">{ t.cache_col_status }</th>
                        <th scope="col">{ t.cache_col_reason }</th>
                        <th scope="col" class="c-time">{ t.cache_col_time }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn row(t: &Texts, props: &StepsTableProps, step: &Step) -> Html {
    let span = props.analysis.file.instructions.get(step.instruction).map(|i| i.span);
    let reveal = {
        let on_reveal = props.on_reveal.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(span) = span {
                on_reveal.emit(span);
            }
        })
    };
    let first_line = step.text.lines().next().unwrap_or("").to_string();
    let more = step.text.contains('\n');
    let status = step.status.as_str();
    // Steps that run when the cache misses have a time; metadata has none.
    let timed = step.status != Status::NoStep;
    let time = if timed {
        let key = step.text.to_string();
        let on_seconds = props.on_seconds.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let parsed = value.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0);
            on_seconds.emit((key.clone(), parsed));
        });
        let value = props.seconds.get(&*step.text).copied().unwrap_or(step.est_seconds);
        html! {
            <input class="secs" type="number" min="0" step="0.5" inputmode="decimal"
                value={format!("{}", (value * 10.0).round() / 10.0)}
                aria-label={t.cache_time_label.replace("{line}", &step.line.to_string())} {onchange} />
        }
    } else {
        html! {}
    };
    html! {
        <tr class={classes!("step", format!("st-{status}"))} data-line={step.line.to_string()}>
            <td class="c-line"><button type="button" class="line-link" onclick={reveal}>{ step.line }</button></td>
            <td class="c-step"><code title={step.text.to_string()}>{ first_line }{ if more { " …" } else { "" } }</code></td>
            <td class="c-status"><span class={classes!("chip", format!("chip-{status}"))}>{ status_word(t, step.status) }</span></td>
            <td class="c-reason">
                <span class="reason">{ with_code(&reason_words(props.lang, &step.reason)) }</span>
                if step.config_changed {
                    <span class="tag tag-config">{ t.cache_config_changed }</span>
                }
                if step.warm_cache_mount {
                    <span class="tag tag-warm">{ t.cache_warm_mount }</span>
                }
                if step.linked {
                    <span class="tag tag-link">{ t.cache_linked }</span>
                }
            </td>
            <td class="c-time">{ time }</td>
        </tr>
    }
}

/// "12 s with cache · 1 min 40 s without cache".
pub fn times(t: &Texts, report: &BuildReport) -> Html {
    html! {
        <span class="times">
            <strong>{ duration(t, report.warm_seconds) }</strong>{ " " }{ t.cache_time_warm }
            <span class="sep">{ " · " }</span>
            { duration(t, report.cold_seconds) }{ " " }{ t.cache_time_cold }
        </span>
    }
}
