//! The right-hand side: a tab bar and the open panel.

use std::rc::Rc;

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::{Severity, Span};
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::browser;
use crate::components::cache_panel::CachePanel;
use crate::components::findings_panel::{FindingsPanel, LintRef};
use crate::components::graph_panel::GraphPanel;
use crate::components::outline::Outline;
use crate::components::problems::Problems;
use crate::components::size_panel::SizePanel;
use crate::i18n::{texts, Lang, Texts};
use crate::live_cache::LiveCacheRef;
use crate::state::{Action, Panel, Playground, ShareState, SizeData};

#[derive(Properties, PartialEq)]
pub struct PanelsProps {
    pub lang: Lang,
    pub panel: Panel,
    pub analysis: AnalysisRef,
    /// Byte offset of the editor's caret in `analysis`'s text (the settled one).
    pub caret: usize,
    pub on_panel: Callback<Panel>,
    /// Moves the editor's selection to a span.
    pub on_reveal: Callback<Span>,
    /// The current build: Dockerfile, context files, build args, target.
    pub build: Rc<BuildInput>,
    /// The inputs as they were when typing last paused (the page's
    /// `settled` state), and the reducer, for panels that change them.
    pub share: Rc<ShareState>,
    pub dispatch: UseReducerDispatcher<Playground>,
    /// Whether the size tables have arrived (`crate::size_data`).
    pub size_data: SizeData,
    /// The live layer cache view (`None` while the Cache panel is closed).
    pub cache: Option<LiveCacheRef>,
    // findings panel
    pub lint: LintRef,
    pub on_all_stages: Callback<bool>,
    pub on_off_by_default: Callback<bool>,
    pub on_replace: Callback<(String, Option<Span>)>,
    /// "Record a lesson" in the Cache panel.
    pub on_record_lesson: Callback<()>,
    /// The tabs an embed shows (`panels=`); `None` shows all.
    #[prop_or_default]
    pub only: Option<Vec<Panel>>,
}

fn title(t: &Texts, p: Panel) -> &'static str {
    match p {
        Panel::Outline => t.tab_outline,
        Panel::Problems => t.tab_problems,
        Panel::Cache => t.tab_cache,
        Panel::Size => t.tab_size,
        Panel::Graph => t.tab_graph,
        Panel::Findings => t.tab_findings,
    }
}

/// The tab a key moves to from `current`, as the WAI-ARIA tabs pattern has
/// it: arrows move (and wrap), Home and End jump to the ends.
pub fn tab_for_key(current: Panel, key: &str) -> Option<Panel> {
    let all = Panel::ALL;
    let i = all.iter().position(|p| *p == current).unwrap_or(0);
    match key {
        "ArrowRight" => Some(all[(i + 1) % all.len()]),
        "ArrowLeft" => Some(all[(i + all.len() - 1) % all.len()]),
        "Home" => Some(all[0]),
        "End" => Some(all[all.len() - 1]),
        _ => None,
    }
}

/// `p` if it shows, else the next shown tab in the direction `key` moves
/// (an embed's `panels=` hides some).
fn shown_from(p: Panel, key: &str, only: Option<&[Panel]>) -> Panel {
    let Some(only) = only.filter(|o| !o.is_empty()) else { return p };
    let step = if matches!(key, "ArrowLeft" | "End") { "ArrowLeft" } else { "ArrowRight" };
    let mut next = p;
    while !only.contains(&next) {
        next = tab_for_key(next, step).unwrap_or(next);
    }
    next
}

#[component]
pub fn Panels(props: &PanelsProps) -> Html {
    let t = texts(props.lang);
    let problems = props.analysis.diagnostics.len();
    let worst = props.analysis.diagnostics.iter().map(|d| d.severity).min().unwrap_or(Severity::Info);
    let lint_worst = props.lint.findings.iter().map(|f| f.severity).min().unwrap_or(Severity::Info);
    let tab = |p: Panel| {
        let selected = p == props.panel;
        let onclick = props.on_panel.reform(move |_: MouseEvent| p);
        html! {
            <button type="button" role="tab" id={format!("tab-{}", p.as_str())}
                class={classes!("tab", selected.then_some("selected"))}
                tabindex={if selected { "0" } else { "-1" }}
                aria-selected={selected.to_string()} aria-controls="panel-body" {onclick}>
                { title(t, p) }
                if p == Panel::Problems && problems > 0 {
                    <span class={classes!("badge", format!("sev-{}", worst.as_str()))}>{ problems }</span>
                }
                if p == Panel::Findings && !props.lint.findings.is_empty() {
                    <span class={classes!("badge", format!("sev-{}", lint_worst.as_str()))}>{ props.lint.findings.len() }</span>
                }
            </button>
        }
    };
    let onkeydown = {
        let (current, on_panel, only) = (props.panel, props.on_panel.clone(), props.only.clone());
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = tab_for_key(current, &e.key()).map(|p| shown_from(p, &e.key(), only.as_deref())) {
                e.prevent_default();
                on_panel.emit(next);
                browser::focus_id(&format!("tab-{}", next.as_str()));
            }
        })
    };
    let body = match props.panel {
        Panel::Outline => html! {
            <Outline lang={props.lang} analysis={props.analysis.clone()} active={props.analysis.instruction_at(props.caret)} on_reveal={props.on_reveal.clone()} />
        },
        Panel::Problems => html! {
            <Problems lang={props.lang} analysis={props.analysis.clone()} diagnostics={props.analysis.diagnostics.clone()} on_reveal={props.on_reveal.clone()} />
        },
        Panel::Cache => html! {
            <CachePanel lang={props.lang} analysis={props.analysis.clone()} share={props.share.clone()} dispatch={props.dispatch.clone()}
                live={props.cache.clone()} on_reveal={props.on_reveal.clone()} on_record_lesson={props.on_record_lesson.clone()} />
        },
        Panel::Size => html! {
            <SizePanel lang={props.lang} analysis={props.analysis.clone()} build={props.build.clone()} on_reveal={props.on_reveal.clone()}
                share={props.share.clone()} dispatch={props.dispatch.clone()} size_data={props.size_data} />
        },
        Panel::Graph => {
            let dispatch = props.dispatch.clone();
            html! {
                <GraphPanel lang={props.lang} analysis={props.analysis.clone()} share={props.share.clone()} size_data={props.size_data}
                    on_reveal={props.on_reveal.clone()}
                    on_target={Callback::from(move |t: Option<String>| dispatch.dispatch(Action::SetTarget(t)))} />
            }
        }
        Panel::Findings => html! {
            <FindingsPanel lang={props.lang} analysis={props.analysis.clone()} lint={props.lint.clone()}
                on_all_stages={props.on_all_stages.clone()} on_off_by_default={props.on_off_by_default.clone()} on_replace={props.on_replace.clone()} on_reveal={props.on_reveal.clone()} />
        },
    };
    html! {
        <section class="panels" aria-label={t.panels_label}>
            <div class="tabs" role="tablist" {onkeydown}>
                { for Panel::ALL.into_iter().filter(|p| props.only.as_ref().is_none_or(|o| o.contains(p))).map(tab) }
            </div>
            <div class="panel-body" id="panel-body" role="tabpanel" aria-labelledby={format!("tab-{}", props.panel.as_str())}>
                { body }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_move_between_tabs_and_wrap() {
        assert_eq!(tab_for_key(Panel::Outline, "ArrowRight"), Some(Panel::Problems));
        assert_eq!(tab_for_key(Panel::Outline, "ArrowLeft"), Some(Panel::Findings));
        assert_eq!(tab_for_key(Panel::Findings, "ArrowRight"), Some(Panel::Outline));
        assert_eq!(tab_for_key(Panel::Size, "Home"), Some(Panel::Outline));
        assert_eq!(tab_for_key(Panel::Size, "End"), Some(Panel::Findings));
        assert_eq!(tab_for_key(Panel::Size, "a"), None);
    }

    #[test]
    fn keys_skip_the_tabs_an_embed_hides() {
        let only = [Panel::Outline, Panel::Cache, Panel::Graph];
        let key = |from: Panel, key: &str| tab_for_key(from, key).map(|p| shown_from(p, key, Some(&only)));
        assert_eq!(key(Panel::Outline, "ArrowRight"), Some(Panel::Cache));
        assert_eq!(key(Panel::Cache, "ArrowLeft"), Some(Panel::Outline));
        assert_eq!(key(Panel::Outline, "ArrowLeft"), Some(Panel::Graph));
        assert_eq!(key(Panel::Graph, "ArrowRight"), Some(Panel::Outline));
        assert_eq!(key(Panel::Cache, "End"), Some(Panel::Graph));
        assert_eq!(shown_from(Panel::Size, "ArrowRight", None), Panel::Size);
    }
}
