//! In-browser tests of sharing: the app mounted on a page whose URL and
//! localStorage are set as a visitor's would be. The end-to-end test
//! (tests/e2e/share.test.mjs) covers real reloads and embedding in a host
//! page; these cover the same rules inside one page, quickly.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use dockerplay_app::share::{BACKUP_KEY, DRAFT_KEY};
use dockerplay_core::permalink::{self, ShareState};
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted on a page with this URL fragment and this autosaved
/// draft; unmounted (and the URL cleared) when dropped.
struct Visit(Page);

fn set_fragment(fragment: &str) {
    let w = web_sys::window().unwrap();
    let url = format!("{}{}#{fragment}", w.location().pathname().unwrap(), w.location().search().unwrap());
    w.history().unwrap().replace_state_with_url(&web_sys::wasm_bindgen::JsValue::NULL, "", Some(&url)).unwrap();
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

impl Visit {
    async fn mount(fragment: &str, draft: Option<&str>) -> Visit {
        set_fragment(fragment);
        storage().clear().unwrap();
        if let Some(d) = draft {
            storage().set_item(DRAFT_KEY, &permalink::encode(&ShareState::from_dockerfile(d))).unwrap();
        }
        Visit::remount().await
    }

    /// Mounts without touching the URL or storage, as a reload would find them.
    async fn remount() -> Visit {
        Visit(Page::reload().await)
    }

    /// The editor's text.
    fn value(&self) -> String {
        self.textarea().value()
    }

    fn unmount(self) {}
}

impl std::ops::Deref for Visit {
    type Target = Page;
    fn deref(&self) -> &Page {
        &self.0
    }
}

impl Drop for Visit {
    fn drop(&mut self) {
        // The app first, as the page's own drop would, then the URL.
        if let Some(app) = self.0.app.take() {
            app.destroy();
        }
        self.0.root.remove();
        set_fragment("");
    }
}

/// Waits (up to five seconds) until `done` holds.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        pause(50).await;
    }
}

fn fragment() -> String {
    web_sys::window().unwrap().location().hash().unwrap().trim_start_matches('#').to_string()
}

#[wasm_bindgen_test]
async fn an_edit_reaches_the_url_and_the_draft_after_the_debounce_and_comes_back() {
    let page = Visit::mount("", None).await;
    page.type_text("FROM alpine\nRUN echo 中文\n").await;
    // Not yet: typing does not encode the state on every keystroke.
    assert_eq!(fragment(), "");
    assert_eq!(storage().get_item(DRAFT_KEY).unwrap(), None);
    until(|| !fragment().is_empty()).await;
    let shared = permalink::decode(&fragment()).expect("the URL holds the state");
    assert_eq!(shared.dockerfile, "FROM alpine\nRUN echo 中文\n");
    assert_eq!(storage().get_item(DRAFT_KEY).unwrap().as_deref(), Some(fragment().as_str()));
    // A later visit without the link gets the draft back.
    page.unmount();
    set_fragment("");
    let again = Visit::remount().await;
    assert_eq!(again.value(), "FROM alpine\nRUN echo 中文\n");
    assert!(again.find(".banner").is_none());
}

#[wasm_bindgen_test]
async fn a_link_shows_its_state_and_keeps_a_different_draft_one_click_away() {
    let link = permalink::encode(&ShareState {
        target: Some("build".into()),
        ..ShareState::from_dockerfile("FROM golang AS build\nFROM scratch\n")
    });
    let page = Visit::mount(&link, Some("FROM my-draft\n")).await;
    assert_eq!(page.value(), "FROM golang AS build\nFROM scratch\n");
    assert!(page.find(".banner-info").is_some(), "the draft is offered back");
    assert!(storage().get_item(BACKUP_KEY).unwrap().is_some(), "and kept across a reload");
    // The URL keeps the opened link until something changes.
    assert_eq!(fragment(), link);
    page.click("#restore-draft").await;
    assert_eq!(page.value(), "FROM my-draft\n");
    assert!(page.find(".banner").is_none());
    assert_eq!(storage().get_item(BACKUP_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_link_equal_to_the_draft_opens_without_a_banner() {
    let link = permalink::encode(&ShareState::from_dockerfile("FROM same\n"));
    let page = Visit::mount(&link, Some("FROM same\n")).await;
    assert_eq!(page.value(), "FROM same\n");
    assert!(page.find(".banner").is_none());
}

#[wasm_bindgen_test]
async fn hostile_links_give_a_banner_and_a_usable_page() {
    let bomb = permalink::encode_payload(&vec![b'A'; permalink::MAX_DECODED_BYTES + 1]);
    let huge = permalink::encode_payload(&vec![b'#'; permalink::MAX_DOCKERFILE_BYTES + 1]);
    let cases = [
        ("9abc", "UnknownVersion"),
        ("1!!!", "BadBase64"),
        ("1", "BadDeflate"),
        ("1AAAAAAAAAAA", "BadDeflate"),
        (bomb.as_str(), "DecompressionBomb"),
        (huge.as_str(), "DockerfileTooLarge"),
    ];
    for (fragment, kind) in cases {
        let page = Visit::mount(fragment, Some("FROM my-draft\n")).await;
        let banner = page.find(".banner-error").unwrap_or_else(|| panic!("no banner for {kind}"));
        let error = banner.get_attribute("data-error").unwrap();
        assert!(error.starts_with(kind), "{kind}: {error}");
        assert!(banner.text_content().unwrap().contains("could not be opened"));
        // The draft shows, and the page works.
        // Decoding a 2 MB payload takes a while in a debug build.
        until(|| page.value() == "FROM my-draft\n").await;
        assert_eq!(page.value(), "FROM my-draft\n", "{kind}");
        page.type_text("FROM busybox\n").await;
        assert!(page.find(".cm-line").unwrap().text_content().unwrap().starts_with("FROM busybox"));
        page.click(".banner-close").await;
        assert!(page.find(".banner").is_none());
    }
}

#[wasm_bindgen_test]
async fn the_share_dialog_link_holds_the_state_and_its_length() {
    let page = Visit::mount("", None).await;
    page.type_text("FROM node:22\nCOPY . .\n").await;
    page.click("#share-button").await;
    let link: HtmlTextAreaElement = page.find("#share-link").unwrap().dyn_into().unwrap();
    let link = link.value();
    assert_eq!(permalink::decode_url(&link).unwrap().dockerfile, "FROM node:22\nCOPY . .\n");
    let length = page.find("#share-length").unwrap().text_content().unwrap();
    assert!(length.starts_with(&link.chars().count().to_string()), "{length} for {} chars", link.len());
    assert!(page.find(".share-warning").is_none(), "a short link has no warning");

    // A long (incompressible) Dockerfile crosses the chat apps' limit.
    page.click(".share-dialog .btn.icon-only").await;
    // Xorshift noise: deflate cannot shrink it, so the link stays long.
    let mut x = 0x2545_f491u32;
    let noise: String = (0..3000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from(b'0' + (x % 75) as u8)
        })
        .collect();
    page.type_text(&format!("FROM a\nRUN echo '{noise}'\n")).await;
    page.click("#share-button").await;
    let warning = page.find(".share-warning").expect("a warning for a long link");
    let class = warning.class_name();
    assert!(class.contains("warn-chat") || class.contains("warn-hosts"), "{class}");
}
