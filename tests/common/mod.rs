//! Helpers shared by the in-browser tests: the app mounted in a fresh
//! `<div>`, looked at and acted on through the real DOM.
//!
//! Each test crate includes this with `mod common; use common::*;` and uses
//! only part of it.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)]

use std::time::Duration;

use dockerplay_app::App;
use web_sys::js_sys::{Function, Reflect};
use web_sys::wasm_bindgen::JsCast;
use web_sys::wasm_bindgen::JsValue;
use web_sys::{Element, Event, EventInit, HtmlElement};

/// The panels catch up with typing after a pause of 250 ms (`app.rs`'s
/// `SETTLE_MS`); [`Page::type_text`] polls for that at a tenth of this.
pub const TYPING_PAUSE_MS: u64 = 300;

/// The app mounted in a fresh `<div>`, unmounted when dropped.
pub struct Page {
    pub root: Element,
    pub app: Option<yew::AppHandle<App>>,
}

impl Page {
    /// Mounts the app as a first visit would find it: no URL fragment and
    /// no autosaved draft, so that what one test left behind (a link with
    /// typed sizes, a draft) never reaches the next.
    pub async fn mount() -> Page {
        let w = web_sys::window().unwrap();
        let url = format!("{}{}", w.location().pathname().unwrap(), w.location().search().unwrap());
        w.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&url)).unwrap();
        w.local_storage().unwrap().unwrap().clear().unwrap();
        Page::reload().await
    }

    /// Mounts the app without touching the URL or storage, as a reload
    /// finds them, and lets it render and run its effects. The size tables
    /// are installed first, as the page's fetch would (`tests/size_data.rs`
    /// is the one test of the page without them).
    pub async fn reload() -> Page {
        install_size_data();
        Page::reload_without_size_data().await
    }

    /// `reload` with the size tables left as they are.
    pub async fn reload_without_size_data() -> Page {
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

    /// The editor (CodeMirror), read and driven as a textarea would be.
    pub fn textarea(&self) -> Editor {
        let content = self.get(".cm-content");
        let dom = self.get(".cm-editor");
        let view = Reflect::get(&dom, &"cmView".into()).unwrap();
        Editor { content, view }
    }

    /// Replaces the editor's text as typing would: one user transaction,
    /// with the caret at the end; then waits until the panels, which follow
    /// typing once it pauses, have caught up.
    pub async fn type_text(&self, text: &str) {
        self.textarea().set_value(text);
        // The app hears of the edit, re-renders and marks `<html
        // data-settled="false">` until its pause timer has fired.
        self.settle().await;
        while dockerplay_app::browser::root_attribute("data-settled").as_deref() == Some("false") {
            pause(TYPING_PAUSE_MS / 10).await;
        }
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

/// The editor as the tests use it: its text, its selection (UTF-16, as a
/// textarea counts), and its editable element (`Deref`), for events.
pub struct Editor {
    pub content: Element,
    view: JsValue,
}

impl Editor {
    fn call(&self, args: &str, body: &str, a: &JsValue, b: &JsValue) -> JsValue {
        Function::new_with_args(&format!("v, {args}"), body).call3(&JsValue::NULL, &self.view, a, b).unwrap()
    }

    pub fn value(&self) -> String {
        self.call("a, b", "return v.state.doc.toString()", &JsValue::NULL, &JsValue::NULL).as_string().unwrap()
    }

    /// Replaces the text as a user edit (undoable, `input` user event),
    /// caret at the end.
    pub fn set_value(&self, text: &str) {
        self.call(
            "t, b",
            "v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t }, \
             selection: { anchor: t.length }, userEvent: 'input.type' })",
            &text.into(),
            &JsValue::NULL,
        );
    }

    pub fn selection_start(&self) -> Result<Option<u32>, JsValue> {
        Ok(self
            .call("a, b", "return v.state.selection.main.from", &JsValue::NULL, &JsValue::NULL)
            .as_f64()
            .map(|n| n as u32))
    }

    pub fn selection_end(&self) -> Result<Option<u32>, JsValue> {
        Ok(self
            .call("a, b", "return v.state.selection.main.to", &JsValue::NULL, &JsValue::NULL)
            .as_f64()
            .map(|n| n as u32))
    }

    /// Moves the selection, as a click or arrow key would.
    pub fn set_selection_range(&self, start: u32, end: u32) -> Result<(), JsValue> {
        self.call(
            "a, b",
            "v.dispatch({ selection: { anchor: a, head: b }, userEvent: 'select' })",
            &start.into(),
            &end.into(),
        );
        Ok(())
    }

    pub fn focus(&self) -> Result<(), JsValue> {
        self.call("a, b", "v.focus()", &JsValue::NULL, &JsValue::NULL);
        Ok(())
    }
}

impl std::ops::Deref for Editor {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.content
    }
}

/// Dispatches a bubbling event of this kind (`input`, `change`, ...).
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// The size tables as `scripts/size-data.py` bundles them, from the same
/// files: each after `#@ NAME`, in `size::DATA_TABLES` order.
pub fn size_data_bundle() -> String {
    let texts = [
        include_str!("../../core/data/images.tsv"),
        include_str!("../../core/data/ratios.tsv"),
        include_str!("../../core/data/debian.tsv"),
        include_str!("../../core/data/apt-closures.tsv"),
        include_str!("../../core/data/debian-files.tsv"),
        include_str!("../../core/data/debian-trixie.tsv"),
        include_str!("../../core/data/debian-files-trixie.tsv"),
        include_str!("../../core/data/alpine.tsv"),
        include_str!("../../core/data/pypi.tsv"),
        include_str!("../../core/data/npm.tsv"),
    ];
    dockerplay_core::size::DATA_TABLES.iter().zip(texts).map(|(name, text)| format!("#@ {name}\n{text}")).collect()
}

/// Gives core the size tables (once; later calls change nothing).
pub fn install_size_data() {
    dockerplay_app::size_data::install(size_data_bundle()).expect("the test bundle installs");
}

/// Lets Yew render and run effects: returns once its scheduler has run
/// everything queued, however often it yielded to the browser on the way.
/// Never a fixed time, which a busy machine can outlast. First a zero-delay
/// timer, a task of its own, then an idle period: the editor tells the app
/// of a change or a caret move once the browser is idle (`editor/index.js`
/// `flushSoon`), and the render that follows asks for the editor's colours,
/// diagnostics and line marks in an idle callback of its own
/// (`browser::when_idle`), so a second idle period has them in.
pub async fn settle() {
    yew::platform::time::sleep(Duration::ZERO).await;
    yew::scheduler::flush().await;
    for _ in 0..2 {
        idle().await;
        yew::scheduler::flush().await;
    }
}

/// Resolves once the browser has run the idle callbacks requested before
/// it (without a timeout they run in the order they were asked for).
async fn idle() {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        dockerplay_app::browser::when_idle(0, move || drop(resolve.call0(&JsValue::NULL)));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits `ms` milliseconds: only to poll for a condition (see
/// `tests/share.rs`'s `until`), never to let the app catch up.
pub async fn pause(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}
