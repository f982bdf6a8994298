//! "Record a lesson" (issue 16): recorded builds become the steps of a
//! lesson, each with a note in Markdown; the author orders, edits and
//! removes steps, and gets the lesson's permalink and embed snippet. The
//! steps and notes are reducer inputs (`Playground::recording`); the link
//! is derived from them. Notes are written in the page's language: a
//! second language is written by switching the page to it.

use std::rc::Rc;
use std::sync::Arc;

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lesson::{Change, Lesson, Text};
use dockerplay_core::permalink::{self, LinkLength, ShareState};
use yew::prelude::*;

use crate::browser;
use crate::components::banner::reason;
use crate::components::dialog::Dialog;
use crate::copy::{select_on_focus, use_copier};
use crate::embed;
use crate::i18n::{texts, Lang};
use crate::share::base_of;
use crate::state::{Action, Playground};

#[derive(Properties, PartialEq)]
pub struct LessonRecorderProps {
    pub lang: Lang,
    /// The recorded builds, oldest first.
    pub history: Arc<Vec<BuildInput>>,
    /// The inputs as they are now, which can be a step too.
    pub current: Rc<BuildInput>,
    pub recording: Lesson,
    pub dispatch: UseReducerDispatcher<Playground>,
    pub on_close: Callback<()>,
}

/// What a build changed against the one before it, in one line: its first
/// Dockerfile line the other lacks, else its first changed file, else
/// `same` when nothing differs, else its first instruction.
pub fn summary(before: Option<&BuildInput>, build: &BuildInput, same: &str) -> String {
    let instructions = |b: &BuildInput| {
        b.dockerfile
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let lines = instructions(build);
    let Some(before) = before else { return lines.first().cloned().unwrap_or_default() };
    let old = instructions(before);
    if let Some(new) = lines.iter().find(|l| !old.contains(l)) {
        return format!("+ {new}");
    }
    if let Some(file) = build.files.iter().find(|f| !before.files.contains(f)) {
        return format!("~ {}", file.path);
    }
    if before == build {
        return format!("= {same}");
    }
    lines.first().cloned().unwrap_or_default()
}

fn text_in(text: &Text, lang: Lang) -> &str {
    match lang {
        Lang::En => &text.en,
        Lang::Zh => &text.zh,
    }
}

fn state_of(step: &dockerplay_core::lesson::Step) -> Option<&BuildInput> {
    match &step.change {
        Change::State(b) => Some(b),
        Change::Edit(_) => None,
    }
}

/// What was copied last, to say so on its button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Link,
    Embed,
}

#[component]
pub fn LessonRecorder(props: &LessonRecorderProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let copier = use_copier::<Copied>();
    // The lesson's link opens its first step; refused as opening it would be.
    let links = use_memo(props.recording.clone(), |recording| {
        if recording.steps.is_empty() {
            return None;
        }
        let state = ShareState::at_lesson_step(Arc::new(recording.clone()), 0);
        Some(permalink::validate(&state).map(|_| {
            let href = browser::href();
            let fragment = permalink::encode(&state);
            (format!("{}#{fragment}", base_of(&href)), embed::snippet(&href, &fragment))
        }))
    });
    let dispatch = props.dispatch.clone();
    let act = move |a: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(a.clone()))
    };
    let on_title = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            dispatch.dispatch(Action::SetRecordedTitle { lang, text });
        })
    };
    let note = |step: usize| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            dispatch.dispatch(Action::SetRecordedNote { step, lang, text });
        })
    };
    let copy = |what: Copied, text: String| copier.copy(what, text);
    let label = |what: Copied, text: &'static str| copier.label(what, text, t.share_copied);
    let select_all = select_on_focus();
    let builds: Vec<(String, &BuildInput)> = props
        .history
        .iter()
        .enumerate()
        .map(|(i, b)| (t.cache_build_n.replace("{n}", &(i + 1).to_string()), b))
        .chain(std::iter::once((t.cache_now.to_string(), &*props.current)))
        .collect();
    let steps = &props.recording.steps;
    let last = steps.len().saturating_sub(1);
    let other = |text: &Text| text_in(text, if lang == Lang::En { Lang::Zh } else { Lang::En }).to_string();

    html! {
        <Dialog lang={props.lang} title_id="record-title" title={t.record_lesson} intro={t.record_intro}
            class="share-dialog record-dialog" on_close={props.on_close.clone()}>
            <p class="share-hint record-lang">{ t.record_lang_hint }</p>
            <label class="record-field">
                <span>{ t.record_title_label }</span>
                <input type="text" id="record-title-input" value={text_in(&props.recording.title, lang).to_string()}
                    placeholder={other(&props.recording.title)} oninput={on_title} />
            </label>

            <h3 class="share-subtitle">{ t.record_builds }</h3>
            if props.history.is_empty() {
                <p class="share-hint">{ t.record_no_builds }</p>
            }
            <ol class="record-builds" aria-label={t.record_builds}>
                { for builds.iter().enumerate().map(|(i, (name, b))| {
                    let before = i.checked_sub(1).map(|j| builds[j].1);
                    html! {
                        <li class="record-build" data-build={(i + 1).to_string()}>
                            <span class="record-name">{ name.clone() }</span>
                            <code class="record-summary">{ summary(before, b, t.record_same) }</code>
                            <span class="record-lines">{ t.record_lines.replace("{n}", &b.dockerfile.lines().count().to_string()) }</span>
                            <button type="button" class="btn small record-add" onclick={act(Action::RecordStep((*b).clone()))}>
                                { "+ " }{ t.record_add }
                            </button>
                        </li>
                    }
                }) }
            </ol>

            <h3 class="share-subtitle">{ t.record_steps }</h3>
            if steps.is_empty() {
                <p class="share-hint record-empty">{ t.record_no_steps }</p>
            }
            <ol class="record-steps" aria-label={t.record_steps}>
                { for steps.iter().enumerate().map(|(i, step)| {
                    let before = i.checked_sub(1).and_then(|j| state_of(&steps[j]));
                    let title = t.record_step_n.replace("{n}", &(i + 1).to_string());
                    let note_id = format!("record-note-{}", i + 1);
                    html! {
                        <li class="record-step" data-step={(i + 1).to_string()}>
                            <div class="record-step-head">
                                <label class="record-name" for={note_id.clone()}>{ title }</label>
                                <code class="record-summary">{ state_of(step).map(|b| summary(before, b, t.record_same)).unwrap_or_default() }</code>
                                <span class="record-tools">
                                    <button type="button" class="btn small icon-only record-up" disabled={i == 0}
                                        title={t.record_up} aria-label={t.record_up}
                                        onclick={act(Action::MoveRecordedStep { from: i, to: i.saturating_sub(1) })}>{ "↑" }</button>
                                    <button type="button" class="btn small icon-only record-down" disabled={i == last}
                                        title={t.record_down} aria-label={t.record_down}
                                        onclick={act(Action::MoveRecordedStep { from: i, to: i + 1 })}>{ "↓" }</button>
                                    <button type="button" class="btn small icon-only record-remove"
                                        title={t.record_remove} aria-label={t.record_remove}
                                        onclick={act(Action::RemoveRecordedStep(i))}>{ "×" }</button>
                                </span>
                            </div>
                            <textarea id={note_id} class="record-note" rows="3" aria-label={t.record_note}
                                placeholder={Some(other(&step.text)).filter(|o| !o.is_empty()).unwrap_or_else(|| t.record_note.to_string())}
                                value={text_in(&step.text, lang).to_string()} oninput={note(i)} />
                        </li>
                    }
                }) }
            </ol>

            if let Some(result) = (*links).clone() {
                { match result {
                    Err(e) => html! { <p class="share-warning warn-hosts" role="status">{ t.bad_link }{ " " }{ reason(t, &e) }</p> },
                    Ok((link, snippet)) => {
                        let chars = link.chars().count();
                        let warning = match permalink::link_length(chars) {
                            LinkLength::Fine => None,
                            LinkLength::TooLongForChat => Some(("warn-chat", t.share_warn_chat)),
                            LinkLength::TooLongForHosts => Some(("warn-hosts", t.share_warn_hosts)),
                        };
                        html! {
                            <>
                                <div class="share-row record-link-row">
                                    <label for="record-link">{ t.record_link }</label>
                                    <span class={classes!("share-length", warning.map(|w| w.0))} id="record-length">
                                        { format!("{} {}", chars, t.share_chars) }
                                    </span>
                                </div>
                                <textarea id="record-link" class="share-text" readonly=true rows="3" value={link.clone()}
                                    onfocus={select_all.clone()} />
                                if let Some((class, text)) = warning {
                                    <p class={classes!("share-warning", class)} role="status">{ text }</p>
                                }
                                <div class="share-actions">
                                    <button type="button" class="btn primary" id="record-copy-link" onclick={copy(Copied::Link, link.clone())}>
                                        { label(Copied::Link, t.share_copy_link) }
                                    </button>
                                    <a class="btn" id="record-open" href={link} target="_blank" rel="noopener">{ t.record_open }</a>
                                </div>
                                <h3 class="share-subtitle">{ t.share_embed }</h3>
                                <p class="share-hint">{ t.record_embed_intro }</p>
                                <textarea id="record-embed" class="share-text" readonly=true rows="3" value={snippet.clone()}
                                    aria-label={t.share_embed}
                                    onfocus={select_all} />
                                <div class="share-actions">
                                    <button type="button" class="btn" id="record-copy-embed" onclick={copy(Copied::Embed, snippet)}>
                                        { label(Copied::Embed, t.share_copy_embed) }
                                    </button>
                                </div>
                            </>
                        }
                    }
                } }
            }
        </Dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::summary;
    use dockerplay_core::inputs::{BuildInput, ContextFile};

    fn check(before: Option<(&str, &[(&str, &str)])>, build: (&str, &[(&str, &str)]), expect: &str) {
        let input = |(d, f): (&str, &[(&str, &str)])| BuildInput {
            dockerfile: d.into(),
            files: f.iter().map(|(p, c)| ContextFile::text(p, c)).collect(),
            ..BuildInput::default()
        };
        assert_eq!(summary(before.map(input).as_ref(), &input(build), "same"), expect);
    }

    #[test]
    fn a_build_is_summed_up_by_what_it_changed() {
        check(None, ("# syntax\nFROM a\nRUN b\n", &[]), "FROM a");
        check(Some(("FROM a\n", &[])), ("FROM a\n  RUN b\n", &[]), "+ RUN b");
        check(Some(("FROM a\n", &[("x", "1")])), ("FROM a\n", &[("x", "2")]), "~ x");
        check(Some(("FROM a\nRUN b\n", &[])), ("FROM a\n", &[]), "FROM a");
        check(Some(("FROM a\n", &[("x", "1")])), ("FROM a\n", &[("x", "1")]), "= same");
    }
}
