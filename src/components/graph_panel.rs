//! The Graph panel: the multi-stage build diagram (issue 5). Not built yet; it says what is coming.

use yew::prelude::*;

use crate::components::coming::Coming;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct GraphPanelProps {
    pub lang: Lang,
}

#[component]
pub fn GraphPanel(props: &GraphPanelProps) -> Html {
    html! { <Coming lang={props.lang} what={texts(props.lang).graph_coming} /> }
}
