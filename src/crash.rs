//! A panic in the page never loses work. Browsers run wasm32 with
//! `panic=abort` whatever the profile says, so after a panic Yew and every
//! Rust callback are dead. The panic hook runs first: it writes the newest
//! state to the autosaved draft and to the URL, so a reload brings it
//! back, then puts a banner on the page with plain DOM (the text, a copy
//! button, a reload button) whose buttons are inline JavaScript that needs
//! no Rust.
//!
//! The app calls [`watch`] on every render with its reducer handle, which
//! costs a reference count, so the hook sees the state of a render that
//! panicked, not only the last one the debounced autosave wrote.

use std::cell::RefCell;

use dockerplay_core::permalink;
use yew::UseReducerHandle;

use crate::browser;
use crate::i18n::{texts, Lang};
use crate::share;
use crate::state::Playground;

struct Watched {
    state: UseReducerHandle<Playground>,
    /// An embedded page does not own the draft.
    embedded: bool,
}

thread_local! {
    static WATCHED: RefCell<Option<Watched>> = const { RefCell::new(None) };
}

/// Installs the panic hook. Call once, before the app renders: through
/// Yew, which otherwise replaces any hook with its own when it renders.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        browser::console_error(&format!("dockerplay: {message}"));
        let (text, saved) = save_now();
        let lang = browser::root_attribute("lang").as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
        browser::show_crash_banner(&banner_html(lang, text.as_deref(), saved, &message));
    }));
}

/// Keeps the newest state where the panic hook finds it.
pub fn watch(state: &UseReducerHandle<Playground>, embedded: bool) {
    WATCHED.with(|w| {
        if let Ok(mut w) = w.try_borrow_mut() {
            *w = Some(Watched { state: state.clone(), embedded });
        }
    });
}

/// Writes the newest state to the URL and (on the full page) the draft.
/// Returns the Dockerfile and whether the draft now holds it.
fn save_now() -> (Option<String>, bool) {
    WATCHED.with(|w| {
        let Ok(w) = w.try_borrow() else { return (None, false) };
        let Some(w) = w.as_ref() else { return (None, false) };
        let fragment = permalink::encode(&w.state.share);
        browser::replace_fragment(&fragment);
        let saved = !w.embedded && {
            browser::storage_set(share::DRAFT_KEY, &fragment);
            browser::storage_get(share::DRAFT_KEY).as_deref() == Some(fragment.as_str())
        };
        (Some(w.state.share.dockerfile.clone()), saved)
    })
}

/// The banner's markup: what happened, and the Dockerfile to copy. Its
/// buttons are inline handlers because no Rust runs after a panic.
pub fn banner_html(lang: Lang, dockerfile: Option<&str>, saved: bool, message: &str) -> String {
    let t = texts(lang);
    let headline = if saved { t.crash_saved } else { t.crash_not_saved };
    let copy = match dockerfile {
        Some(text) => format!(
            "<textarea id=\"crash-text\" class=\"crash-text\" readonly hidden>{}</textarea>\
             <button type=\"button\" class=\"btn primary\" id=\"crash-copy\" data-done=\"{}\" onclick=\"{}\">{}</button>",
            escape(text),
            escape(t.crash_copied),
            COPY_JS,
            escape(t.crash_copy),
        ),
        None => String::new(),
    };
    format!(
        "<div class=\"banner banner-error crash-banner\" id=\"crash-banner\" role=\"alert\">\
         <p><strong>{}</strong> <span class=\"banner-after\">{}</span></p>{copy}\
         <button type=\"button\" class=\"btn\" id=\"crash-reload\" onclick=\"location.reload()\">{}</button>\
         <details class=\"crash-details\"><summary>{}</summary><pre>{}</pre></details></div>",
        escape(headline),
        escape(t.crash_after),
        escape(t.crash_reload),
        escape(t.crash_details),
        escape(message),
    )
}

/// Copies the hidden text; where the clipboard is refused, shows it
/// selected so that the reader can copy it by hand.
const COPY_JS: &str = "var b=this,a=document.getElementById('crash-text');\
var show=function(){a.hidden=false;a.focus();a.select();};\
if(navigator.clipboard){navigator.clipboard.writeText(a.value).then(function(){b.textContent=b.dataset.done;},show);}else{show();}";

/// Text for HTML content and double-quoted attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Test-only, and compiled only into debug builds (never into what Trunk's
/// release build ships): with `?panic=edit` in the URL, the first render
/// after the Dockerfile changed from `loaded` panics, as a bug in an
/// analysis would. The end-to-end test `tests/e2e/crash.test.mjs` uses it.
#[cfg(debug_assertions)]
pub fn test_trigger(loaded: &str, now: &str) {
    if loaded != now && browser::query_param("panic").as_deref() == Some("edit") {
        panic!("test panic after an edit (?panic=edit, debug builds only)");
    }
}

#[cfg(not(debug_assertions))]
pub fn test_trigger(_loaded: &str, _now: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_escapes_the_dockerfile_and_the_message() {
        let html = banner_html(
            Lang::En,
            Some("RUN echo \"</textarea><script>x</script>\" && a & b"),
            true,
            "index 3 <out of> range",
        );
        assert!(
            html.contains("RUN echo &quot;&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;&quot; &amp;&amp; a &amp; b"),
            "{html}"
        );
        assert!(html.contains("index 3 &lt;out of&gt; range"));
        assert!(!html.contains("<script>"));
        assert!(html.contains(texts(Lang::En).crash_saved));
    }

    #[test]
    fn the_banner_says_when_the_draft_could_not_be_saved() {
        let zh = banner_html(Lang::Zh, None, false, "boom");
        assert!(zh.contains(texts(Lang::Zh).crash_not_saved));
        assert!(!zh.contains("crash-copy"), "no copy button without a Dockerfile");
    }
}
