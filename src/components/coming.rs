//! A placeholder for a panel that is not built yet.

use yew::prelude::*;

use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct ComingProps {
    pub lang: Lang,
    /// What the panel will show.
    pub what: &'static str,
}

#[component]
pub fn Coming(props: &ComingProps) -> Html {
    html! {
        <div class="coming">
            <p class="coming-title">{ texts(props.lang).coming_title }</p>
            <p>{ props.what }</p>
        </div>
    }
}
