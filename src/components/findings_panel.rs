//! The Findings panel: best-practice findings (issue 7). Not built yet; it says what is coming.

use yew::prelude::*;

use crate::components::coming::Coming;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub lang: Lang,
}

#[component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    html! { <Coming lang={props.lang} what={texts(props.lang).findings_coming} /> }
}
