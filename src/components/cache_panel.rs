//! The Cache panel: the layer cache simulation (issue 3). Not built yet; it says what is coming.

use yew::prelude::*;

use crate::components::coming::Coming;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct CachePanelProps {
    pub lang: Lang,
}

#[component]
pub fn CachePanel(props: &CachePanelProps) -> Html {
    html! { <Coming lang={props.lang} what={texts(props.lang).cache_coming} /> }
}
