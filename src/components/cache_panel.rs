//! The Cache panel (issue 3): record builds, see for the current text which
//! steps a rebuild would take from the layer cache and why the others run,
//! try one-click what-ifs, and edit the build context, build args and target.
//!
//! Times the user edits and the what-if on show are view choices, kept in
//! the component; the builds, files, args and target are inputs, kept in
//! the reducer.

use std::collections::BTreeMap;
use std::rc::Rc;

use dockerplay_core::cache::{self, BuildReport, Options};
use dockerplay_core::Span;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::components::build_inputs::BuildInputs;
use crate::components::ci_view::CiView;
use crate::components::context_panel::ContextPanel;
use crate::components::steps_table::{times, with_code, StepsTable};
use crate::i18n::{texts, Lang, Texts};
use crate::live_cache::{duration, read_paths, LiveCacheRef};
use crate::state::{Action, Playground, ShareState};

#[derive(Properties, PartialEq)]
pub struct CachePanelProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    /// The inputs as they were when typing last paused (the page's
    /// `settled` state): the panel never works per keystroke.
    pub share: Rc<ShareState>,
    pub dispatch: UseReducerDispatcher<Playground>,
    /// The live view; `None` only before the app has computed it.
    pub live: Option<LiveCacheRef>,
    pub on_reveal: Callback<Span>,
    /// Opens "Record a lesson", which turns recorded builds into steps.
    pub on_record_lesson: Callback<()>,
}

fn counts(t: &Texts, report: &BuildReport) -> String {
    t.cache_counts.replace("{hit}", &report.hits.to_string()).replace("{miss}", &report.misses.to_string())
}

#[component]
pub fn CachePanel(props: &CachePanelProps) -> Html {
    let t = texts(props.lang);
    let seconds = use_state(|| Rc::new(BTreeMap::<String, f64>::new()));
    // The what-if on show in the table: `Some(path)` of the edited file.
    let showing = use_state_eq(|| None::<String>);
    let source = use_state_eq(|| None::<String>);
    let manifest = use_state_eq(|| None::<String>);

    let options = Options { seconds: (**seconds).clone() };
    let report = use_memo((props.live.clone(), (*seconds).clone()), |(live, secs)| {
        live.as_ref().map(|l| Rc::new(l.report_with(&Options { seconds: (**secs).clone() })))
    });
    let files = use_memo(props.share.files.clone(), |f| Rc::new(f.clone()));
    let builds = use_memo(props.share.clone(), |s| Rc::new(s.builds()));
    let reads = use_memo((*report).clone(), |r| Rc::new(r.as_ref().map(|r| read_paths(r)).unwrap_or_default()));
    let (sources, manifests) = match &props.live {
        Some(l) => (cache::source_files(&l.current), cache::dependency_manifests(&l.current)),
        None => (Vec::new(), Vec::new()),
    };
    // A choice that no longer exists (the file was renamed) falls back to the first file.
    let pick = |choice: &Option<String>, list: &[String]| {
        choice.clone().filter(|c| list.contains(c)).or_else(|| list.first().cloned())
    };
    let (source_path, manifest_path) = (pick(&source, &sources), pick(&manifest, &manifests));
    let what_ifs = use_memo(
        (props.live.clone(), (*seconds).clone(), source_path.clone(), manifest_path.clone()),
        |(live, secs, source, manifest)| {
            let options = Options { seconds: (**secs).clone() };
            let run = |path: &Option<String>| {
                live.as_ref().zip(path.as_ref()).map(|(l, p)| (p.clone(), Rc::new(l.after_editing(p, &options))))
            };
            (run(source), run(manifest))
        },
    );

    let Some(report) = (*report).clone() else { return html! {} };
    let share = &props.share;
    let dispatch = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |a: Action| dispatch.dispatch(a))
    };
    let on_build = dispatch.reform(|_: MouseEvent| Action::RecordBuild);
    let on_clear = dispatch.reform(|_: MouseEvent| Action::ClearHistory);
    let on_seconds = {
        let seconds = seconds.clone();
        Callback::from(move |(text, value): (String, Option<f64>)| {
            let mut next = (**seconds).clone();
            match value {
                Some(v) => next.insert(text, v),
                None => next.remove(&text),
            };
            seconds.set(Rc::new(next));
        })
    };
    let on_reset_times = {
        let seconds = seconds.clone();
        Callback::from(move |_: MouseEvent| seconds.set(Rc::new(BTreeMap::new())))
    };
    let recorded = props.live.as_ref().map(|l| l.recorded.reports.clone()).unwrap_or_default();

    // The table shows the live view, or a what-if the user asked for.
    let shown_what_if = showing.as_ref().and_then(|p| {
        let (s, m) = &*what_ifs;
        [s, m].into_iter().flatten().find(|(path, _)| path == p).cloned()
    });
    let table_report = shown_what_if.as_ref().map_or(report.clone(), |(_, r)| r.clone());

    let what_if_row = |label: &'static str,
                       list: &[String],
                       chosen: &Option<String>,
                       result: &Option<(String, Rc<BuildReport>)>,
                       set: UseStateHandle<Option<String>>| {
        if list.is_empty() {
            return html! {};
        }
        let on_pick = {
            let (set, showing) = (set.clone(), showing.clone());
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                // A what-if on show follows the new choice.
                if showing.is_some() {
                    showing.set(Some(value.clone()));
                }
                set.set(Some(value));
            })
        };
        let summary = result.as_ref().map(|(path, r)| {
            let on_show = {
                let (showing, path) = (showing.clone(), path.clone());
                Callback::from(move |_: MouseEvent| showing.set(Some(path.clone())))
            };
            let active = showing.as_deref() == Some(path.as_str());
            html! {
                <>
                    <span class={classes!("whatif-result", (r.warm_seconds > r.cold_seconds / 2.0).then_some("costly"))}>
                        {
                            t.whatif_result
                                .replace("{n}", &r.misses.to_string())
                                .replace("{total}", &(r.hits + r.misses).to_string())
                                .replace("{time}", &duration(t, r.warm_seconds))
                        }
                    </span>
                    <button type="button" class={classes!("btn", "small", active.then_some("active"))} aria-pressed={active.to_string()} onclick={on_show}>
                        { t.whatif_show }
                    </button>
                </>
            }
        });
        html! {
            <li class="whatif-row">
                <span class="whatif-label">{ label }</span>
                <select class="whatif-file" aria-label={label} onchange={on_pick}>
                    { for list.iter().map(|p| html! { <option value={p.clone()} selected={Some(p) == chosen.as_ref()}>{ p }</option> }) }
                </select>
                { summary.unwrap_or_default() }
            </li>
        }
    };

    html! {
        <div class="cache">
            <div class="cache-head">
                <button type="button" class="btn primary cache-build" title={t.cache_build_title} onclick={on_build}>
                    { build_icon() }{ t.cache_build }
                </button>
                <div class="cache-summary" aria-live="polite">
                    <div class="cache-live-title">
                        <strong>{ t.cache_live_title }</strong>
                        <span class="counts">{ counts(t, &report) }</span>
                    </div>
                    <div class="cache-times">
                        { times(t, &report) }
                        <span class="sep">{ " · " }</span>
                        <span class={classes!("image", report.image.changed.then_some("changed"))}>
                            { if report.image.changed { t.cache_image_new } else { t.cache_image_same } }
                        </span>
                    </div>
                </div>
            </div>

            if recorded.is_empty() {
                <p class="cache-intro">{ t.cache_nothing_built }</p>
            } else {
                <div class="timeline-wrap">
                    <ol class="timeline" aria-label={t.cache_builds}>
                        { for recorded.iter().enumerate().map(|(i, r)| html! {
                            <li class="tl-build">
                                <span class="tl-name">{ t.cache_build_n.replace("{n}", &(i + 1).to_string()) }</span>
                                <span class="tl-counts">{ counts(t, r) }</span>
                                <span class="tl-time">{ duration(t, r.warm_seconds) }</span>
                            </li>
                        }) }
                        <li class="tl-build tl-now">
                            <span class="tl-name">{ t.cache_now }</span>
                            <span class="tl-counts">{ counts(t, &report) }</span>
                            <span class="tl-time">{ duration(t, report.warm_seconds) }</span>
                        </li>
                    </ol>
                    <button type="button" class="btn small" onclick={on_clear}>{ t.cache_clear }</button>
                    <button type="button" class="btn small" id="record-lesson"
                        onclick={props.on_record_lesson.reform(|_: MouseEvent| ())}>{ t.record_lesson }</button>
                </div>
            }

            <section class="whatif">
                <h3>{ t.whatif_title }</h3>
                if sources.is_empty() && manifests.is_empty() {
                    <p class="note">{ t.whatif_none }</p>
                } else {
                    <ul class="whatifs">
                        { what_if_row(t.whatif_source, &sources, &source_path, &what_ifs.0, source.clone()) }
                        { what_if_row(t.whatif_manifest, &manifests, &manifest_path, &what_ifs.1, manifest.clone()) }
                    </ul>
                    <p class="note">{ t.whatif_hint }</p>
                }
            </section>

            if let Some((path, r)) = &shown_what_if {
                <div class="showing" role="status">
                    <span>{ with_code(&t.whatif_showing.replace("{path}", path)) }{ ": " }{ times(t, r) }</span>
                    <button type="button" class="btn small" onclick={let showing = showing.clone(); move |_: MouseEvent| showing.set(None)}>
                        { t.whatif_back }
                    </button>
                </div>
            }
            <StepsTable lang={props.lang} report={table_report} analysis={props.analysis.clone()}
                seconds={(*seconds).clone()} on_seconds={on_seconds} on_reveal={props.on_reveal.clone()} />
            if !options.seconds.is_empty() {
                <button type="button" class="btn small reset-times" onclick={on_reset_times}>{ t.cache_time_reset }</button>
            }

            <CiView lang={props.lang} builds={(*builds).clone()} />

            <details class="cache-section" open=true>
                <summary>
                    { t.ctx_title }
                    <span class="count">{ t.ctx_files.replace("{n}", &share.files.iter().filter(|f| !f.is_dir()).count().to_string()) }</span>
                </summary>
                <ContextPanel lang={props.lang} files={(*files).clone()} reads={(*reads).clone()} on_action={dispatch.clone()} />
            </details>
            <details class="cache-section" open=true>
                <summary>{ t.args_title }</summary>
                <BuildInputs lang={props.lang} analysis={props.analysis.clone()} build_args={Rc::new(share.build_args.clone())}
                    target={share.target.clone()} on_action={dispatch.clone()} />
            </details>
        </div>
    }
}

/// Stacked layers with an arrow: "build".
fn build_icon() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
             fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M12 3l9 5-9 5-9-5z" /><path d="M3 13l9 5 9-5" />
        </svg>
    }
}
