//! A modal dialog shell shared by the sample gallery and the share dialog:
//! backdrop, title, close button, intro line; Escape or a click outside
//! closes it, and focus starts on the close button.

use yew::prelude::*;

use crate::browser;
use crate::components::icons;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub lang: Lang,
    /// The title's element id, which labels the dialog.
    pub title_id: AttrValue,
    pub title: AttrValue,
    pub intro: AttrValue,
    /// Extra classes for the dialog box.
    #[prop_or_default]
    pub class: Classes,
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    let t = texts(props.lang);
    let first = use_node_ref();
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
    let close = props.on_close.reform(|_: MouseEvent| ());
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    html! {
        <div class="backdrop" onclick={close.clone()}>
            <div class={classes!("dialog", props.class.clone())} role="dialog" aria-modal="true"
                aria-labelledby={props.title_id.clone()} onclick={stop}>
                <div class="dialog-head">
                    <h2 id={props.title_id.clone()}>{ props.title.clone() }</h2>
                    <button type="button" class="btn icon-only" ref={first} aria-label={t.close} title={t.close}
                        onclick={close}>
                        { icons::close() }
                    </button>
                </div>
                <p class="dialog-intro">{ props.intro.clone() }</p>
                { props.children.clone() }
            </div>
        </div>
    }
}
