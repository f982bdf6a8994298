//! The sample gallery: a dialog of before/after pairs.

use yew::prelude::*;

use crate::components::dialog::Dialog;
use crate::i18n::{texts, Lang};
use crate::samples::SampleId;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub lang: Lang,
    /// A sample and whether its "after" side was chosen.
    pub on_load: Callback<(SampleId, bool)>,
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
        </Dialog>
    }
}
