//! The banner above the page: a link that could not be opened, or a draft
//! that an opened link displaced and that one click brings back.

use dockerplay_core::permalink::DecodeError;
use yew::prelude::*;

use crate::components::icons;
use crate::i18n::{texts, Lang, Texts};
use crate::share::Notice;

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub lang: Lang,
    pub notice: Notice,
    /// "Restore my draft" was clicked.
    pub on_restore: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// Why a link failed, in the reader's language (core's `Display` is
/// English only).
pub fn reason(t: &Texts, e: &DecodeError) -> &'static str {
    match e {
        DecodeError::Empty => t.bad_link_empty,
        DecodeError::UnknownVersion { .. } => t.bad_link_version,
        DecodeError::BadBase64 { offset: Some(_) } => t.bad_link_base64,
        DecodeError::BadBase64 { offset: None } | DecodeError::BadDeflate { truncated: true } => t.bad_link_truncated,
        DecodeError::BadDeflate { truncated: false } => t.bad_link_deflate,
        DecodeError::DecompressionBomb { .. } => t.bad_link_bomb,
        DecodeError::InvalidState { .. } => t.bad_link_invalid,
        DecodeError::DockerfileTooLarge { .. } => t.bad_link_too_large,
        DecodeError::BadLesson(_) => t.bad_link_lesson,
    }
}

#[component]
pub fn Banner(props: &BannerProps) -> Html {
    let t = texts(props.lang);
    let dismiss = html! {
        <button type="button" class="btn icon-only banner-close" aria-label={t.dismiss} title={t.dismiss}
            onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>
            { icons::close() }
        </button>
    };
    match &props.notice {
        Notice::BadLink(e) => html! {
            <div class="banner banner-error" role="alert" data-error={format!("{e:?}")}>
                <p>
                    <strong>{ t.bad_link }</strong>{ " " }{ reason(t, e) }{ " " }
                    <span class="banner-after">{ t.bad_link_after }</span>
                </p>
                { dismiss }
            </div>
        },
        Notice::DraftKept(_) => html! {
            <div class="banner banner-info" role="status">
                <p>{ t.draft_kept }</p>
                <button type="button" class="btn primary" id="restore-draft" onclick={props.on_restore.reform(|_: MouseEvent| ())}>
                    { t.restore_draft }
                </button>
                { dismiss }
            </div>
        },
    }
}
