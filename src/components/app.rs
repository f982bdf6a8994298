//! The page: header, editor, panels. Holds the one reducer of inputs and
//! derives everything else from it.

use std::rc::Rc;

use dockerplay_core::Span;
use yew::prelude::*;

use crate::analysis::{Analysis, AnalysisRef};
use crate::browser;
use crate::components::editor::{self, Editor};
use crate::components::findings_panel::{Lint, LintRef};
use crate::components::gallery::Gallery;
use crate::components::header::{Header, Theme};
use crate::components::panels::Panels;
use crate::i18n::{texts, Lang};
use crate::live_cache::use_cache_view;
use crate::samples::SampleId;
use crate::state::{Action, Panel, Playground, ShareState};

/// localStorage keys for the two preferences that are not part of the state.
const LANG_KEY: &str = "dockerplay.lang";
const THEME_KEY: &str = "dockerplay.theme";

/// The state a fresh visit starts from: the first sample's "before", in the
/// language of the `lang=` parameter or the saved choice (none: the
/// browser's).
fn initial_state() -> Playground {
    let explicit = browser::query_param("lang").or_else(|| browser::storage_get(LANG_KEY));
    let first = &SampleId::ALL[0].sample().before;
    Playground {
        share: ShareState {
            dockerfile: first.dockerfile.to_string(),
            files: first.context(),
            lang: explicit.as_deref().and_then(Lang::from_tag).map(|l| l.code().to_string()),
            ..ShareState::default()
        },
        loaded: 0,
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let browser_langs = use_memo((), |_| browser::languages());
    let lang = Lang::choose(state.share.lang.as_deref(), browser_langs.iter().map(String::as_str));
    let t = texts(lang);

    // UI-only state: not inputs, never shared.
    let caret = use_state_eq(|| 0usize);
    let gallery_open = use_state_eq(|| false);
    let theme = use_state_eq(|| Theme::from_saved(browser::storage_get(THEME_KEY).as_deref()));
    let system_dark = use_state_eq(browser::prefers_dark);
    let textarea = use_node_ref();

    let analysis = use_memo(state.share.dockerfile.clone(), |text| AnalysisRef(Rc::new(Analysis::new(text))));
    let analysis = (*analysis).clone();
    let cache = use_cache_view(&state.share, state.panel() == Panel::Cache, lang);
    // Findings: the panel lists them and the editor underlines them. Whether
    // stages the target skips are checked too is a view choice.
    let all_stages = use_state_eq(|| false);
    let lint = use_memo((analysis.clone(), state.share.current_build(), *all_stages), |(a, input, all)| {
        LintRef(Rc::new(Lint::new(a, input.clone(), *all)))
    });
    let lint = (*lint).clone();

    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_color_scheme_change(move || system_dark.set(browser::prefers_dark()));
            move || drop(listener)
        });
    }
    let dark = theme.is_dark(*system_dark);
    use_effect_with(dark, |dark| browser::set_root_attribute("data-theme", if *dark { "dark" } else { "light" }));
    use_effect_with(lang, move |lang| {
        browser::set_root_attribute("lang", lang.code());
        browser::set_title(&format!("{} · {}", texts(*lang).app_title, texts(*lang).tagline));
    });

    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    let on_caret = {
        let caret = caret.clone();
        Callback::from(move |offset: usize| caret.set(offset))
    };
    // Outline and problems move the editor's selection to a span.
    let on_reveal = {
        let textarea = textarea.clone();
        let caret = caret.clone();
        let analysis = analysis.clone();
        Callback::from(move |span: Span| {
            editor::select_span(&textarea, &analysis.text, span);
            caret.set(span.start);
        })
    };
    let on_panel = {
        let state = state.clone();
        Callback::from(move |p: Panel| state.dispatch(Action::SetPanel(p)))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |l: Lang| {
            browser::storage_set(LANG_KEY, l.code());
            state.dispatch(Action::SetLang(Some(l.code().to_string())));
        })
    };
    // Choosing the system's own scheme goes back to following the system.
    let on_theme = {
        let (theme, system_dark) = (theme.clone(), system_dark.clone());
        Callback::from(move |dark: bool| {
            let next = if dark == *system_dark {
                Theme::System
            } else if dark {
                Theme::Dark
            } else {
                Theme::Light
            };
            match next {
                Theme::System => browser::storage_remove(THEME_KEY),
                _ => browser::storage_set(THEME_KEY, next.as_str()),
            }
            theme.set(next);
        })
    };
    let on_gallery = {
        let gallery_open = gallery_open.clone();
        Callback::from(move |open: bool| {
            gallery_open.set(open);
            // Closing without a choice returns the focus where it was.
            if !open {
                browser::focus_id("samples-button");
            }
        })
    };
    let on_load = {
        let state = state.clone();
        let gallery_open = gallery_open.clone();
        let caret = caret.clone();
        Callback::from(move |(id, after): (SampleId, bool)| {
            let s = id.sample();
            let v = if after { &s.after } else { &s.before };
            state.dispatch(Action::Load { dockerfile: v.dockerfile.to_string(), files: v.context() });
            caret.set(0);
            gallery_open.set(false);
        })
    };

    let on_all_stages = {
        let all_stages = all_stages.clone();
        Callback::from(move |all: bool| all_stages.set(all))
    };
    // A fix replaces the text; what it changed is selected once the editor
    // holds the new text (the editor's effect runs before the page's).
    let pending_select = use_mut_ref(|| None::<Span>);
    let on_replace = {
        let (state, pending_select) = (state.clone(), pending_select.clone());
        Callback::from(move |(text, select): (String, Option<Span>)| {
            *pending_select.borrow_mut() = select;
            state.dispatch(Action::ReplaceText(text));
        })
    };
    {
        let (textarea, caret, text) = (textarea.clone(), caret.clone(), state.share.dockerfile.clone());
        use_effect_with(state.loaded, move |_| {
            if let Some(span) = pending_select.borrow_mut().take() {
                editor::select_span(&textarea, &text, span);
                caret.set(span.start);
            }
        });
    }

    html! {
        <div class="app">
            <Header {lang} {dark} on_lang={on_lang} on_theme={on_theme} on_samples={on_gallery.reform(|_| true)} />
            <main class="workspace">
                <section class="editor-pane" aria-label={t.editor_label}>
                    <Editor
                        {lang}
                        analysis={analysis.clone()}
                        diagnostics={analysis.diagnostics.clone()}
                        lint={lint.marks.clone()}
                        loaded={state.loaded}
                        caret={*caret}
                        textarea={textarea.clone()}
                        on_edit={on_edit}
                        on_caret={on_caret}
                        cache_marks={cache.marks.clone()}
                    />
                </section>
                <Panels {lang} panel={state.panel()} analysis={analysis.clone()} caret={*caret} on_panel={on_panel} on_reveal={on_reveal}
                    state={state.clone()} cache={cache.live.clone()}
                    lint={lint.clone()} {on_all_stages} {on_replace} />
            </main>
            if *gallery_open {
                <Gallery {lang} on_load={on_load} on_close={on_gallery.reform(|_| false)} />
            }
        </div>
    }
}
