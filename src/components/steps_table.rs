//! The steps of one simulated build: per instruction, whether the cache
//! holds it, why, and how long it takes (editable), with the totals cold and
//! with the cache.

use std::collections::BTreeMap;
use std::rc::Rc;

use dockerplay_core::cache::{BuildReport, Status, Step};
use dockerplay_core::Span;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::components::step_time::StepTime;
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

/// The longest a step's text is shown in its narrow column, in characters.
const STEP_CHARS: usize = 28;

/// A step as its row shows it: its first line, cut to `STEP_CHARS` with an
/// ellipsis, and " …" when more lines follow (the row's title has it all).
/// Cut here rather than by a CSS ellipsis, which clips every row: a clip is
/// a paint node, and each frame of the page pays for every one of them
/// while the user types beside a long table (issue 15).
fn step_text(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    if first.chars().count() > STEP_CHARS {
        return first.chars().take(STEP_CHARS - 1).collect::<String>() + "…";
    }
    if text.trim_end().contains('\n') {
        return format!("{first} …");
    }
    first.to_string()
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
    let shown = step_text(&step.text);
    let status = step.status.as_str();
    // Steps that run when the cache misses have a time; metadata has none.
    let timed = step.status != Status::NoStep;
    let time = if timed {
        let key = step.text.to_string();
        let on_seconds = props.on_seconds.clone();
        let on_change = Callback::from(move |seconds: Option<f64>| on_seconds.emit((key.clone(), seconds)));
        let seconds = props.seconds.get(&*step.text).copied().unwrap_or(step.est_seconds);
        html! { <StepTime lang={props.lang} line={step.line} {seconds} {on_change} /> }
    } else {
        html! {}
    };
    html! {
        <tr class={classes!("step", format!("st-{status}"))} data-line={step.line.to_string()}>
            <td class="c-line"><button type="button" class="line-link" onclick={reveal}>{ step.line }</button></td>
            <td class="c-step"><code title={step.text.to_string()}>{ shown }</code></td>
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

#[cfg(test)]
mod tests {
    use super::{step_text, STEP_CHARS};

    #[test]
    fn a_step_shows_its_first_line_cut_to_the_column() {
        assert_eq!(step_text("RUN make"), "RUN make");
        assert_eq!(step_text("RUN a \\\n    && b"), "RUN a \\ …");
        let long = format!("RUN {}", "x".repeat(60));
        assert_eq!(step_text(&long).chars().count(), STEP_CHARS);
        assert!(step_text(&long).ends_with('…'));
        // Characters, not bytes: wide text is cut at the same count.
        let wide = format!("RUN {}", "中".repeat(40));
        assert_eq!(step_text(&wide), format!("RUN {}…", "中".repeat(STEP_CHARS - 5)));
    }
}
