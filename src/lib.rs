//! The Dockerplay web app: a Yew front end that only calls into
//! `dockerplay_core` and renders what it returns.
//!
//! - `analysis`: what the page shows, computed from the inputs.
//! - `state`: the playground's inputs and the reducer that changes them.
//! - `browser`: the one module that talks to browser APIs.
//! - `cm`: the boundary with the editor (CodeMirror 6, bundled from npm).
//! - `textpos`: byte offsets (core) to UTF-16 indices (DOM), in one place.
//! - `highlight`: the editor's syntax colouring, a pure function of the text.
//! - `i18n`: every UI string, in English and Simplified Chinese.
//! - `live_cache`: the layer cache simulation as the page shows it.
//! - `samples`: the gallery of before/after Dockerfiles.
//! - `share`, `embed`: where the first state comes from, autosave, and
//!   embedding in other pages.
//! - `crash`: a panic saves the draft and says so, outside Yew.
//! - `copy`: copy buttons and select-on-focus text boxes, for the dialogs.
//! - `components`: one Yew function component per file.

pub mod analysis;
pub mod browser;
pub mod cm;
pub mod components;
pub mod copy;
pub mod crash;
pub mod editing;
pub mod embed;
pub mod highlight;
pub mod i18n;
pub mod live_cache;
pub mod markdown;
pub mod samples;
pub mod share;
pub mod size_data;
pub mod state;
pub mod textpos;

pub use components::app::App;

/// Mounts the app on `<div id="app">` (else `<body>`). Not on `<body>`
/// itself: Yew empties its root first, and the editor the page shows before
/// the app has loaded (`editor/boot.js`) lives beside it until the app's
/// editor adopts it.
pub fn start() {
    crash::install();
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
