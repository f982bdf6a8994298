//! "A new version is ready": shown when the service worker has installed a
//! newer build (static/sw-register.js says so), so that new code never
//! replaces the running page under the reader. Reload applies it.

use yew::prelude::*;

use crate::browser;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct UpdateBannerProps {
    pub lang: Lang,
}

#[component]
pub fn UpdateBanner(props: &UpdateBannerProps) -> Html {
    let ready = use_state_eq(|| browser::root_attribute("data-update").as_deref() == Some("ready"));
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_window_event("dockerplay-update", move || ready.set(true));
            move || drop(listener)
        });
    }
    if !*ready {
        return html! {};
    }
    let t = texts(props.lang);
    html! {
        <div class="banner banner-info" role="status" id="update-banner">
            <p>{ t.update_ready }</p>
            <button type="button" class="btn primary" id="update-reload"
                onclick={Callback::from(|_: MouseEvent| browser::fire_window_event("dockerplay-update-apply"))}>
                { t.update_reload }
            </button>
        </div>
    }
}
