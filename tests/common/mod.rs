//! Helpers shared by the in-browser tests: the app mounted in a fresh
//! `<div>`, looked at and acted on through the real DOM.
//!
//! Each test crate includes this with `mod common; use common::*;` and uses
//! only part of it.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)]

use std::time::Duration;

use dockerplay_app::App;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};

/// The app mounted in a fresh `<div>`, unmounted when dropped.
pub struct Page {
    pub root: Element,
    pub app: Option<yew::AppHandle<App>>,
}

impl Page {
    /// Mounts the app and lets it render and run its effects.
    pub async fn mount() -> Page {
        let doc = web_sys::window().unwrap().document().unwrap();
        let root = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&root).unwrap();
        let app = yew::Renderer::<App>::with_root(root.clone()).render();
        settle().await;
        Page { root, app: Some(app) }
    }

    /// Lets Yew render and run effects (see [`settle`]).
    pub async fn settle(&self) {
        settle().await;
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no {selector} in the page"))
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    /// The editor's `<textarea>`.
    pub fn textarea(&self) -> HtmlTextAreaElement {
        self.get("textarea.input").dyn_into().unwrap()
    }

    /// Replaces the editor's text as typing would: new value, caret at the
    /// end, then an `input` event.
    pub async fn type_text(&self, text: &str) {
        let textarea = self.textarea();
        textarea.set_value(text);
        let _ = textarea.set_selection_range(text.len() as u32, text.len() as u32);
        fire(&textarea, "input");
        self.settle().await;
    }

    pub async fn click(&self, selector: &str) {
        self.get(selector).dyn_into::<HtmlElement>().unwrap().click();
        self.settle().await;
    }

    /// Unmounts now, as dropping does.
    pub fn unmount(self) {}
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Dispatches a bubbling event of this kind (`input`, `change`, ...).
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Lets Yew render and run effects: returns once its scheduler has run
/// everything queued, however often it yielded to the browser on the way.
/// Never a fixed time, which a busy machine can outlast.
pub async fn settle() {
    yew::scheduler::flush().await;
}

/// Waits `ms` milliseconds: only to poll for a condition (see
/// `tests/share.rs`'s `until`), never to let the app catch up.
pub async fn pause(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}
