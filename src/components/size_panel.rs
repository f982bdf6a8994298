//! The Size panel: image size estimates (issue 4). Not built yet; it says what is coming.

use yew::prelude::*;

use crate::components::coming::Coming;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct SizePanelProps {
    pub lang: Lang,
}

#[component]
pub fn SizePanel(props: &SizePanelProps) -> Html {
    html! { <Coming lang={props.lang} what={texts(props.lang).size_coming} /> }
}
