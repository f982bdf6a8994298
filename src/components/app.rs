//! The page: header, editor, panels. Holds the one reducer of inputs and
//! derives everything else from it.

use std::rc::Rc;

use dockerplay_core::Span;
use yew::prelude::*;

use crate::analysis::{Analysis, AnalysisRef};
use crate::browser;
use crate::components::banner::Banner;
use crate::components::editor::{Editor, EditorHandle};
use crate::components::findings_panel::{Lint, LintRef};
use crate::components::gallery::Gallery;
use crate::components::header::{Header, Theme};
use crate::components::icons;
use crate::components::lesson_player::LessonPlayer;
use crate::components::lesson_recorder::LessonRecorder;
use crate::components::panels::Panels;
use crate::components::share_dialog::ShareDialog;
use crate::components::update_banner::UpdateBanner;
use crate::embed::{self, EmbedParams, Incoming, Outgoing};
use crate::i18n::{texts, Lang};
use crate::live_cache::use_cache_view;
use crate::samples::SampleId;
use crate::share::{self, Notice, Startup};
use crate::state::{Action, LessonAt, Panel, Playground, ShareState, SizeData};
use dockerplay_core::lesson::builtin as lessons;

/// localStorage keys for the two preferences that are not part of the state.
const LANG_KEY: &str = "dockerplay.lang";
const THEME_KEY: &str = "dockerplay.theme";

/// How long typing must pause before the panels and findings catch up.
const SETTLE_MS: u32 = 250;

/// The state a fresh visit starts from when there is neither a link nor a
/// draft: the first sample's "before".
fn default_state() -> ShareState {
    let first = &SampleId::ALL[0].sample().before;
    ShareState { dockerfile: first.dockerfile.to_string(), files: first.context(), ..ShareState::default() }
}

/// Where the page starts (see `share::startup`), in the language of the
/// `lang=` parameter, else the link's or draft's, else the saved choice
/// (none: the browser's), and on the embed's `target=`.
fn boot(params: &EmbedParams) -> Startup {
    let draft = browser::storage_get(share::DRAFT_KEY);
    let mut start = share::startup(&browser::fragment(), draft.as_deref(), default_state(), params.embed);
    let explicit =
        browser::query_param("lang").or_else(|| start.state.lang.clone()).or_else(|| browser::storage_get(LANG_KEY));
    start.state.lang = explicit.as_deref().and_then(Lang::from_tag).map(|l| l.code().to_string());
    if params.target.is_some() {
        start.state.target = params.target.clone();
    }
    start
}

/// The action that shows a built-in lesson's step (0-based, clamped), or
/// `None` for an unknown lesson.
fn lesson_step(id: &str, step: usize) -> Option<Action> {
    let lesson = lessons::lesson(id)?;
    let step = step.min(lesson.steps.len().saturating_sub(1));
    let mut earlier = lesson.inputs(step);
    let input = earlier.pop()?;
    Some(Action::OpenLessonStep { at: LessonAt { id: lesson.id.to_string(), step }, input, earlier })
}

#[component]
pub fn App() -> Html {
    let params = use_memo((), |_| EmbedParams::from_query(&browser::search()));
    let start = use_memo((), {
        let params = params.clone();
        move |_| boot(&params)
    });
    let state = use_reducer({
        let start = start.clone();
        let params = params.clone();
        move || {
            // An embed records nothing: the recording belongs to the full page.
            let recording = if params.embed {
                Default::default()
            } else {
                share::recording_from(browser::storage_get(share::RECORDING_KEY).as_deref())
            };
            let first = Playground {
                share: start.state.clone(),
                recording,
                size_data: crate::size_data::status(),
                ..Playground::default()
            };
            // `?lesson=ID&step=N` starts on that step (1-based in the URL).
            match params.lesson.as_deref().and_then(|id| lesson_step(id, params.step.saturating_sub(1))) {
                Some(open) => Playground { loaded: 0, ..(*Rc::new(first).reduce(open)).clone() },
                None => first,
            }
        }
    });
    // Before anything below can panic: the panic hook saves this state.
    crate::crash::watch(&state, params.embed);
    crate::crash::test_trigger(&start.state.dockerfile, &state.share.dockerfile);
    let notice = use_state_eq({
        let start = start.clone();
        move || start.notice.clone()
    });
    let share_open = use_state_eq(|| false);
    let recorder_open = use_state_eq(|| false);
    let browser_langs = use_memo((), |_| browser::languages());
    let lang = Lang::choose(state.share.lang.as_deref(), browser_langs.iter().map(String::as_str));
    let t = texts(lang);

    // UI-only state: not inputs, never shared.
    let caret = use_state_eq(|| 0usize);
    let gallery_open = use_state_eq(|| false);
    let theme = use_state_eq(|| Theme::from_saved(browser::storage_get(THEME_KEY).as_deref()));
    let system_dark = use_state_eq(browser::prefers_dark);
    let editor = use_memo((), |_| EditorHandle::default());
    let editor = (*editor).clone();

    // The editor's own analysis (colours, folds, the status bar) follows
    // every keystroke; the panels and the findings read `settled`, the
    // inputs as they were when typing last paused, so that a keystroke costs
    // a parse and never the cache, size or graph work (issue 15).
    // Each text is parsed as an edit of the one before (`Analysis::edit`:
    // only the lines a keystroke touched are parsed again).
    let last_analysis = use_mut_ref(|| None::<AnalysisRef>);
    let analysis = use_memo(state.share.dockerfile.clone(), {
        let last_analysis = last_analysis.clone();
        move |text| {
            let next = match &*last_analysis.borrow() {
                Some(prev) => prev.edit(text),
                None => Analysis::new(text),
            };
            AnalysisRef(Rc::new(next))
        }
    });
    let analysis = (*analysis).clone();
    *last_analysis.borrow_mut() = Some(analysis.clone());
    // The inputs as the panels see them, shared (`Rc`) so that handing them
    // down costs a pointer and comparing them usually a pointer comparison.
    let settled = use_state(|| Rc::new(state.share.clone()));
    {
        let settled = settled.clone();
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let seen_loaded = use_mut_ref(|| state.loaded);
        use_effect_with((state.share.clone(), state.loaded), move |(share, loaded)| {
            // A text replaced from outside the editor (a fix, a sample, a
            // draft) is no keystroke: it bumps `loaded`.
            let replaced = std::mem::replace(&mut *seen_loaded.borrow_mut(), *loaded) != *loaded;
            let only_text = share.dockerfile != settled.dockerfile
                && ShareState { dockerfile: String::new(), ..share.clone() }
                    == ShareState { dockerfile: String::new(), ..(**settled).clone() };
            if **settled == *share {
                *timer.borrow_mut() = None;
            } else if replaced || !only_text {
                // Anything but typing applies at once.
                *timer.borrow_mut() = None;
                settled.set(Rc::new(share.clone()));
            } else {
                // Typing: the panels catch up once it pauses, in a task of
                // its own after the keystroke's frame.
                let share = Rc::new(share.clone());
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || settled.set(share)));
            }
        });
    }
    // `<html data-settled="false">` while the panels lag behind typing: the
    // end-to-end tests wait for it to clear, never for a time.
    use_effect_with(**settled == state.share, |same| {
        browser::set_root_attribute("data-settled", if *same { "true" } else { "false" })
    });
    let panel_analysis = use_memo(settled.dockerfile.clone(), {
        let analysis = analysis.clone();
        move |text| if *text == analysis.text { analysis.clone() } else { AnalysisRef(Rc::new(analysis.edit(text))) }
    });
    let panel_analysis = (*panel_analysis).clone();
    // The build the panels analyse, memoised on the inputs it is made of.
    let settled_share: Rc<ShareState> = (*settled).clone();
    let build = use_memo(
        (settled.dockerfile.clone(), settled.files.clone(), settled.build_args.clone(), settled.target.clone()),
        |_| settled.current_build(),
    );
    let cache = use_cache_view(&settled_share, state.panel() == Panel::Cache, lang);
    // Findings: the panel lists them and the editor underlines them. Whether
    // stages the target skips are checked too, and rules that are off by
    // default run, are view choices.
    let all_stages = use_state_eq(|| false);
    let off_by_default = use_state_eq(|| false);
    // Some rules price base images: they run again once the size tables
    // arrive.
    let lint = use_memo(
        (panel_analysis.clone(), (*build).clone(), *all_stages, *off_by_default, state.size_data),
        |(a, input, all, off, _)| LintRef(Rc::new(Lint::new(a, input.clone(), *all, *off))),
    );
    let lint = (*lint).clone();
    // The size tables (`crate::size_data`): fetched once an analysis of a
    // render has asked for them (below, after `data-ready`).
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            crate::size_data::watch(Some(Callback::from(move |d| dispatch.dispatch(Action::SizeData(d)))));
            || crate::size_data::watch(None)
        });
    }

    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_color_scheme_change(move || system_dark.set(browser::prefers_dark()));
            move || drop(listener)
        });
    }
    let dark = params.dark.unwrap_or_else(|| theme.is_dark(*system_dark));
    use_effect_with(dark, |dark| browser::set_root_attribute("data-theme", if *dark { "dark" } else { "light" }));
    use_effect_with(lang, move |lang| {
        browser::set_root_attribute("lang", lang.code());
        browser::set_title(&format!("{} · {}", texts(*lang).app_title, texts(*lang).tagline));
    });

    // A link that displaced a draft: keep the draft where "Restore my draft"
    // (even after a reload) finds it.
    use_effect_with((), {
        let start = start.clone();
        move |_| {
            if let Some(backup) = &start.backup {
                browser::storage_set(share::BACKUP_KEY, backup);
            }
        }
    });
    // The URL and the autosave follow the state, at most once per
    // `DEBOUNCE_MS`. The first render writes nothing: the URL keeps the link
    // that was opened (even a damaged one) until the user changes something.
    {
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        // The change still waiting for the timer, saved at once if the page
        // is left before it fires.
        let pending = use_mut_ref(|| None::<ShareState>);
        let first = use_mut_ref(|| true);
        let embedded = params.embed;
        let save = move |share: &ShareState| {
            let fragment = dockerplay_core::permalink::encode(share);
            browser::replace_fragment(&fragment);
            if !embedded {
                browser::storage_set(share::DRAFT_KEY, &fragment);
            }
        };
        {
            let pending = pending.clone();
            use_effect_with((), move |_| {
                let listener = browser::on_page_hide(move || {
                    if let Some(share) = pending.borrow_mut().take() {
                        save(&share);
                    }
                });
                move || drop(listener)
            });
        }
        use_effect_with(state.share.clone(), move |share| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                *pending.borrow_mut() = Some(share.clone());
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(share::DEBOUNCE_MS, move || {
                    if let Some(share) = pending.borrow_mut().take() {
                        save(&share);
                    }
                }));
            }
        });
    }
    // The recording is kept across reloads; the first render writes nothing.
    {
        let first = use_mut_ref(|| true);
        let embedded = params.embed;
        use_effect_with(state.recording.clone(), move |recording| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) && !embedded {
                match share::recording_to(recording) {
                    Some(json) => browser::storage_set(share::RECORDING_KEY, &json),
                    None => browser::storage_remove(share::RECORDING_KEY),
                }
            }
        });
    }
    // A link pasted into the address bar of this tab changes only the
    // fragment: open it as a fresh visit would, keeping what was showing.
    {
        let latest = use_mut_ref(ShareState::default);
        *latest.borrow_mut() = state.share.clone();
        let (state, notice) = (state.clone(), notice.clone());
        let embedded = params.embed;
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move || {
                let current = latest.borrow().clone();
                let Some(next) = share::navigate(&browser::fragment(), &current) else { return };
                if let (Some(backup), false) = (&next.backup, embedded) {
                    browser::storage_set(share::BACKUP_KEY, backup);
                }
                if next.state != current {
                    state.dispatch(Action::Restore(next.state));
                }
                notice.set(next.notice);
            });
            move || drop(listener)
        });
    }
    // Embedded: tell the host the content's height and every edit, and
    // take a Dockerfile from it.
    {
        let first = use_mut_ref(|| true);
        let embedded = params.embed;
        use_effect_with(state.share.dockerfile.clone(), move |text| {
            if embedded && !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::post_to_parent(&Outgoing::Change { dockerfile: text.clone() }.to_json());
            }
        });
    }
    // Embedded in a lesson: tell the host every step the reader is on. A
    // lesson from the link has no id: `lesson` is empty.
    let linked_at = state.share.lesson.as_ref().map(|l| (l.steps.len(), state.share.lesson_step));
    use_effect_with((params.embed, state.lesson.clone(), linked_at), |(embedded, at, linked)| {
        let step = match (at, linked) {
            (Some(at), _) => {
                let steps = lessons::lesson(&at.id).map_or(0, |l| l.steps.len());
                Some(Outgoing::Step { lesson: at.id.clone(), step: at.step + 1, steps })
            }
            (None, Some((steps, step))) => {
                Some(Outgoing::Step { lesson: String::new(), step: step + 1, steps: *steps })
            }
            (None, None) => None,
        };
        if let (true, Some(step)) = (embedded, step) {
            browser::post_to_parent(&step.to_json());
        }
    });
    {
        let state = state.clone();
        let embedded = params.embed;
        let lesson = params.lesson.clone();
        use_effect_with((), move |_| {
            let watch = embedded.then(|| {
                browser::on_body_resize(|| {
                    browser::post_to_parent(&Outgoing::Height { height: browser::content_height() }.to_json())
                })
            });
            let listener = embedded.then(|| {
                browser::on_message(move |json| match Incoming::from_json(&json) {
                    Some(Incoming::Set { dockerfile }) => state.dispatch(Action::ReplaceText(dockerfile)),
                    // The embed's lesson is the one its URL names, else the
                    // one its link carries.
                    Some(Incoming::Step { step }) => match lesson.as_deref() {
                        Some(id) => {
                            if let Some(open) = lesson_step(id, step.saturating_sub(1)) {
                                state.dispatch(open);
                            }
                        }
                        None => state.dispatch(Action::OpenLinkedLessonStep(step.saturating_sub(1))),
                    },
                    None => {}
                })
            });
            move || drop((watch, listener))
        });
    }

    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    let on_caret = {
        let caret = caret.clone();
        Callback::from(move |offset: usize| caret.set(offset))
    };
    // Outline and problems move the editor's selection to a span.
    // The callbacks handed to the panels are made once (`use_callback` with
    // no dependencies, reading what changes through shared cells), so that a
    // keystroke, which re-renders the app, leaves the panels' props equal
    // and Yew skips re-rendering them (issue 15).
    let on_reveal = use_callback((), {
        let (editor, caret, last_analysis) = (editor.clone(), caret.clone(), last_analysis.clone());
        move |span: Span, _| {
            if let Some(a) = &*last_analysis.borrow() {
                editor.select_span(&a.text, span);
            }
            caret.set(span.start);
        }
    });
    let on_panel = use_callback((), {
        let dispatch = state.dispatcher();
        move |p: Panel, _| dispatch.dispatch(Action::SetPanel(p))
    });
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

    let on_all_stages = use_callback((), {
        let all_stages = all_stages.clone();
        move |all: bool, _| all_stages.set(all)
    });
    let on_off_by_default = use_callback((), {
        let off_by_default = off_by_default.clone();
        move |on: bool, _| off_by_default.set(on)
    });
    // A fix replaces the text; the editor selects what it changed in the
    // same transaction.
    let pending_select = use_memo((), |_| Rc::new(std::cell::RefCell::new(None::<Span>)));
    let pending_select = (*pending_select).clone();
    // A sample starts with the caret at its top (undo brings the old text
    // and caret back).
    let on_load = {
        let state = state.clone();
        let gallery_open = gallery_open.clone();
        let pending_select = pending_select.clone();
        Callback::from(move |(id, after): (SampleId, bool)| {
            let s = id.sample();
            let v = if after { &s.after } else { &s.before };
            *pending_select.borrow_mut() = Some(Span::new(0, 0));
            state.dispatch(Action::Load { dockerfile: v.dockerfile.to_string(), files: v.context() });
            gallery_open.set(false);
        })
    };
    // Lessons: a step's state replaces the inputs, with the caret at the top.
    let on_lesson_step = {
        let (state, pending_select) = (state.clone(), pending_select.clone());
        Callback::from(move |(id, step): (String, usize)| {
            if let Some(open) = lesson_step(&id, step) {
                *pending_select.borrow_mut() = Some(Span::new(0, 0));
                state.dispatch(open);
            }
        })
    };
    let on_lesson = {
        let (on_lesson_step, gallery_open) = (on_lesson_step.clone(), gallery_open.clone());
        Callback::from(move |id: &'static str| {
            on_lesson_step.emit((id.to_string(), 0));
            gallery_open.set(false);
        })
    };
    // The lesson shown: a built-in one by id, else the link's own.
    let lesson = use_memo(
        (state.lesson.as_ref().map(|at| at.id.clone()), state.share.lesson.clone()),
        |(id, linked)| match id {
            Some(id) => lessons::lesson(id).map(Rc::new),
            None => linked.as_ref().map(|l| Rc::new((**l).clone())),
        },
    );
    let lesson_at = match (&state.lesson, &state.share.lesson) {
        (Some(at), _) => Some(at.step),
        (None, Some(_)) => Some(state.share.lesson_step),
        (None, None) => None,
    };
    let on_player_step = {
        let (state, pending_select, on_lesson_step) = (state.clone(), pending_select.clone(), on_lesson_step.clone());
        Callback::from(move |step: usize| match &state.lesson {
            Some(at) => on_lesson_step.emit((at.id.clone(), step)),
            None => {
                *pending_select.borrow_mut() = Some(Span::new(0, 0));
                state.dispatch(Action::OpenLinkedLessonStep(step));
            }
        })
    };
    let on_recorder = {
        let recorder_open = recorder_open.clone();
        Callback::from(move |open: bool| {
            recorder_open.set(open);
            if !open {
                browser::focus_id("record-lesson");
            }
        })
    };
    let on_record_lesson = use_callback((), {
        let recorder_open = recorder_open.clone();
        move |_: (), _| recorder_open.set(true)
    });
    let on_replace = use_callback((), {
        let (dispatch, pending_select) = (state.dispatcher(), pending_select.clone());
        move |(text, select): (String, Option<Span>), _| {
            *pending_select.borrow_mut() = select;
            dispatch.dispatch(Action::ReplaceText(text));
        }
    });
    // `<html data-ready>` once the first render's effects have run (a
    // component's effects run after its children's, so the editor holds
    // its text by then). Tests wait for it, never for time: Yew may yield
    // to the browser between drawing the page and running these effects.
    use_effect_with((), |_| browser::set_root_attribute("data-ready", "true"));
    // Declared after `data-ready`, so that a fetch of the size tables the
    // first render asked for starts once the app runs, never before.
    {
        let data = state.size_data;
        use_effect(move || {
            if data == SizeData::Missing && dockerplay_core::size::data_wanted() {
                crate::size_data::request();
            }
        });
    }
    let on_restore = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |_| {
            let draft = match &*notice {
                Some(Notice::DraftKept(d)) => Some(d.clone()),
                _ => None,
            };
            let draft = draft.or_else(|| {
                browser::storage_get(share::BACKUP_KEY).and_then(|b| dockerplay_core::permalink::decode(&b).ok())
            });
            if let Some(d) = draft {
                state.dispatch(Action::Restore(d));
            }
            browser::storage_remove(share::BACKUP_KEY);
            notice.set(None);
        })
    };
    let on_dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    let on_share = {
        let share_open = share_open.clone();
        Callback::from(move |open: bool| {
            share_open.set(open);
            if !open {
                browser::focus_id("share-button");
            }
        })
    };
    // The caret as the panels see it: in the text they show (`settled`),
    // which lags behind typing. An offset in the typed text would point
    // elsewhere in it (after a typed letter, into the next line), so the
    // outline's current row would jump and scroll with every keystroke.
    let panel_caret = dockerplay_core::syntax::map_offset(&state.share.dockerfile, &settled.dockerfile, *caret);
    // The panel an embed shows when the state's is not among its `panels=`.
    let panel = match &params.panels {
        Some(only) if !only.contains(&state.panel()) => only[0],
        _ => state.panel(),
    };
    let full_link = use_memo((params.embed, state.share.clone()), |(embedded, share)| {
        embedded.then(|| {
            let fragment = dockerplay_core::permalink::encode(share);
            embed::full_playground_url(&browser::href(), &fragment, share.lang.as_deref())
        })
    });
    // An embed is as tall as its Dockerfile (within bounds), so the host can
    // size the iframe to it.
    let embed_lines = state.share.dockerfile.lines().count().clamp(8, 28);

    html! {
        <div class={classes!("app", params.embed.then_some("embed"))}
            style={params.embed.then(|| format!("--embed-lines: {embed_lines}"))}>
            if params.embed {
                <div class="embed-bar">
                    { icons::logo() }
                    <span class="embed-title">{ t.app_title }</span>
                    if params.readonly {
                        <span class="embed-readonly">{ t.embed_readonly }</span>
                    }
                    <a class="btn embed-open" id="open-full" target="_blank" rel="noopener"
                        href={(*full_link).clone().unwrap_or_default()}>
                        { t.embed_open_full }
                    </a>
                </div>
            } else {
                <Header {lang} {dark} on_lang={on_lang} on_theme={on_theme} on_samples={on_gallery.reform(|_| true)}
                    on_share={on_share.reform(|_| true)} />
            }
            if let Some(n) = (*notice).clone() {
                <Banner {lang} notice={n} on_restore={on_restore} on_dismiss={on_dismiss} />
            }
            <UpdateBanner {lang} />
            <main class={classes!("workspace", lesson.is_some().then_some("with-lesson"))}>
                if let (Some(l), Some(step)) = ((*lesson).clone(), lesson_at) {
                    <LessonPlayer {lang} lesson={l} {step} current={(*build).clone()} compact={params.embed} size_data={state.size_data}
                        on_step={on_player_step}
                        on_close={{ let state = state.clone(); Callback::from(move |_| state.dispatch(Action::CloseLesson)) }} />
                }
                <section class="editor-pane" aria-label={t.editor_label}>
                    <Editor
                        {lang}
                        analysis={analysis.clone()}
                        diagnostics={analysis.diagnostics.clone()}
                        lint={Some(lint.clone())}
                        loaded={state.loaded}
                        select_after_load={Some(pending_select.clone())}
                        caret={*caret}
                        handle={editor.clone()}
                        on_edit={on_edit}
                        on_caret={on_caret}
                        on_replace={on_replace.clone()}
                        readonly={params.readonly}
                        cache_marks={cache.marks.clone()}
                    />
                </section>
                <Panels {lang} {panel} analysis={panel_analysis.clone()} caret={panel_caret} on_panel={on_panel} on_reveal={on_reveal}
                    share={settled_share.clone()} dispatch={state.dispatcher()} size_data={state.size_data} cache={cache.live.clone()}
                    lint={lint.clone()} {on_all_stages} {on_off_by_default} {on_replace} build={build.clone()} only={params.panels.clone()}
                    on_record_lesson={on_record_lesson} />
            </main>
            if *gallery_open {
                <Gallery {lang} on_load={on_load} {on_lesson} on_close={on_gallery.reform(|_| false)} />
            }
            if *recorder_open {
                <LessonRecorder {lang} history={state.share.history.clone()} current={build.clone()}
                    recording={state.recording.clone()} dispatch={state.dispatcher()} on_close={on_recorder.reform(|_| false)} />
            }
            if *share_open {
                <ShareDialog {lang} share={state.share.clone()} on_close={on_share.reform(|_| false)} />
            }
        </div>
    }
}
