//! The top bar: title, sample gallery, language, theme, share.

use yew::prelude::*;

use crate::components::icons;
use crate::i18n::{texts, Lang};

/// The colour theme: the system's until the user picks one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn from_saved(saved: Option<&str>) -> Theme {
        match saved {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// Whether the dark theme is showing.
    pub dark: bool,
    pub on_lang: Callback<Lang>,
    /// Asks for the dark theme (true) or the light one.
    pub on_theme: Callback<bool>,
    pub on_samples: Callback<()>,
    pub on_share: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let t = texts(props.lang);
    let on_lang = {
        let cb = props.on_lang.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&value) {
                cb.emit(lang);
            }
        })
    };
    let dark = props.dark;
    let theme_label = if dark { t.theme_to_light } else { t.theme_to_dark };
    let on_theme = props.on_theme.reform(move |_: MouseEvent| !dark);
    let on_samples = props.on_samples.reform(|_: MouseEvent| ());
    let on_share = props.on_share.reform(|_: MouseEvent| ());

    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <h1>{ t.app_title }</h1>
                <span class="tagline">{ t.tagline }</span>
            </div>
            <nav class="actions">
                <button type="button" class="btn" id="samples-button" onclick={on_samples}>
                    { icons::book() }<span class="label">{ t.samples }</span>
                </button>
                <label class="select-wrap" title={t.language}>
                    { icons::globe() }
                    <span class="visually-hidden">{ t.language }</span>
                    <select class="lang-select" onchange={on_lang}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.code()} selected={*l == props.lang} title={l.name()}>{ l.short() }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="btn icon-only" onclick={on_theme} title={theme_label} aria-label={theme_label}>
                    { if dark { icons::sun() } else { icons::moon() } }
                </button>
                <button type="button" class="btn primary" id="share-button" onclick={on_share}>
                    { icons::share() }<span class="label">{ t.share }</span>
                </button>
            </nav>
        </header>
    }
}
