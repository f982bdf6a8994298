//! The share dialog: the permalink and its length, "copy link", "copy as
//! Markdown", and the iframe snippet for embedding.

use dockerplay_core::permalink::{self, LinkLength, ShareState};
use yew::prelude::*;

use crate::browser;
use crate::components::dialog::Dialog;
use crate::copy::{select_on_focus, use_copier};
use crate::embed;
use crate::i18n::{texts, Lang};
use crate::share::base_of;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub lang: Lang,
    pub share: ShareState,
    pub on_close: Callback<()>,
}

/// What was copied last, to say so on its button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Link,
    Markdown,
    Embed,
}

/// Groups digits in threes ("12,345"), which reads the same in both UI
/// languages.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    // The first group takes the remainder, so every later one has three.
    let head = match digits.len() % 3 {
        0 => 3.min(digits.len()),
        r => r,
    };
    let mut out = digits[..head].to_string();
    let mut rest = &digits[head..];
    while rest.len() >= 3 {
        out.push(',');
        out.push_str(&rest[..3]);
        rest = &rest[3..];
    }
    out
}

#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let t = texts(props.lang);
    let copier = use_copier::<Copied>();
    let links = use_memo(props.share.clone(), |share| {
        let href = browser::href();
        let fragment = permalink::encode(share);
        let link = format!("{}#{fragment}", base_of(&href));
        let markdown = permalink::markdown(&link, &share.dockerfile);
        let snippet = embed::snippet(&href, &fragment);
        (link, markdown, snippet)
    });
    let (link, markdown, snippet) = (*links).clone();
    let copy = |what: Copied, text: String| copier.copy(what, text);
    let label = |what: Copied, text: &'static str| copier.label(what, text, t.share_copied);
    let chars = link.chars().count();
    let warning = match permalink::link_length(chars) {
        LinkLength::Fine => None,
        LinkLength::TooLongForChat => Some(("warn-chat", t.share_warn_chat)),
        LinkLength::TooLongForHosts => Some(("warn-hosts", t.share_warn_hosts)),
    };
    let select_all = select_on_focus();
    html! {
        <Dialog lang={props.lang} title_id="share-title" title={t.share_title} intro={t.share_intro}
            class="share-dialog" on_close={props.on_close.clone()}>
            <div class="share-row">
                <label for="share-link">{ t.share_link }</label>
                <span class={classes!("share-length", warning.map(|w| w.0))} id="share-length">
                    { format!("{} {}", grouped(chars), t.share_chars) }
                </span>
            </div>
            <textarea id="share-link" class="share-text" readonly=true rows="3" value={link.clone()} onfocus={select_all.clone()} />
            if let Some((class, text)) = warning {
                <p class={classes!("share-warning", class)} role="status">{ text }</p>
            }
            <div class="share-actions">
                <button type="button" class="btn primary" id="copy-link" onclick={copy(Copied::Link, link)}>
                    { label(Copied::Link, t.share_copy_link) }
                </button>
                <button type="button" class="btn" id="copy-markdown" onclick={copy(Copied::Markdown, markdown)}>
                    { label(Copied::Markdown, t.share_copy_markdown) }
                </button>
            </div>
            <h3 class="share-subtitle">{ t.share_embed }</h3>
            <p class="share-hint">{ t.share_embed_intro }</p>
            <textarea id="share-embed" class="share-text" readonly=true rows="3" value={snippet.clone()} onfocus={select_all} />
            <div class="share-actions">
                <button type="button" class="btn" id="copy-embed" onclick={copy(Copied::Embed, snippet)}>
                    { label(Copied::Embed, t.share_copy_embed) }
                </button>
            </div>
        </Dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn lengths_are_grouped_in_threes() {
        for (n, s) in [(0, "0"), (999, "999"), (1000, "1,000"), (12345, "12,345"), (1234567, "1,234,567")] {
            assert_eq!(grouped(n), s);
        }
    }
}
