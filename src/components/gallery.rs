//! The sample gallery: a dialog of before/after pairs.

use yew::prelude::*;

use crate::browser;
use crate::components::icons;
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
    let first = use_node_ref();
    // Escape closes the dialog; focus starts on its first button.
    {
        let on_close = props.on_close.clone();
        let first = first.clone();
        use_effect_with((), move |_| {
            browser::focus(&first);
            let listener = browser::on_key(move |key| {
                if key == "Escape" {
                    on_close.emit(());
                }
            });
            move || drop(listener)
        });
    }
    let on_backdrop = props.on_close.reform(|_: MouseEvent| ());
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());

    html! {
        <div class="backdrop" onclick={on_backdrop}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="gallery-title" onclick={stop}>
                <div class="dialog-head">
                    <h2 id="gallery-title">{ t.gallery_title }</h2>
                    <button type="button" class="btn icon-only" ref={first} aria-label={t.close} title={t.close}
                        onclick={props.on_close.reform(|_: MouseEvent| ())}>
                        { icons::close() }
                    </button>
                </div>
                <p class="dialog-intro">{ t.gallery_intro }</p>
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
            </div>
        </div>
    }
}
