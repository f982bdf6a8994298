//! The sample gallery: a dialog of before/after pairs, and the built-in
//! lessons.

use yew::prelude::*;

use crate::components::dialog::Dialog;
use crate::i18n::{texts, Lang};
use crate::samples::SampleId;
use dockerplay_core::lesson::builtin;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub lang: Lang,
    /// A sample and whether its "after" side was chosen.
    pub on_load: Callback<(SampleId, bool)>,
    /// A built-in lesson to start, by id.
    pub on_lesson: Callback<&'static str>,
    pub on_close: Callback<()>,
}

#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let t = texts(props.lang);
    html! {
        <Dialog lang={props.lang} title_id="gallery-title" title={t.gallery_title} intro={t.gallery_intro}
            on_close={props.on_close.clone()}>
            <ul class="cards">
                { for SampleId::ALL.into_iter().map(|id| {
                    let (title, lesson) = t.sample(id);
                    let s = id.sample();
                    let side = |after: bool| {
                        let v = if after { &s.after } else { &s.before };
                        let label = if after { t.after } else { t.before };
                        html! {
                            <button type="button" class={classes!("btn", after.then_some("primary"))}
                                onclick={props.on_load.reform(move |_: MouseEvent| (id, after))}>
                                { label }
                                <span class="files">{ format!("{} {}", v.files.len(), t.files_count) }</span>
                            </button>
                        }
                    };
                    html! {
                        <li class="card">
                            <h3>{ title }</h3>
                            <p>{ lesson }</p>
                            <div class="card-actions">{ side(false) }{ side(true) }</div>
                        </li>
                    }
                }) }
            </ul>
            <h3 class="gallery-section" id="lessons-title">{ t.lessons }</h3>
            <p class="muted">{ t.lessons_intro }</p>
            <ul class="cards lessons" aria-labelledby="lessons-title">
                { for builtin::IDS.into_iter().filter_map(|id| builtin::lesson(id).map(|l| (id, l))).map(|(id, l)| {
                    html! {
                        <li class="card" data-lesson={id}>
                            <h3>{ l.title.get(props.lang.code()) }</h3>
                            <p>{ format!("{} {}", l.steps.len(), t.lesson_steps) }</p>
                            <div class="card-actions">
                                <button type="button" class="btn primary"
                                    onclick={props.on_lesson.reform(move |_: MouseEvent| id)}>
                                    { t.lesson_start }
                                </button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </Dialog>
    }
}
