//! The size tables, given to core when an analysis first needs them (issue
//! 14). The app's wasm is built without core's `embedded-data`, so that the
//! tables (about 330 KB) weigh on no load that does not use them:
//! `scripts/size-data.py` writes them as one file beside the page, whose
//! name `build.rs` computes too (`FILE`); `offline.html` carries them
//! inline instead (file:// has no fetch). Core records when an analysis
//! asked for them while they were missing (`size::data_wanted`); the app
//! then fetches them, installs them in core and re-derives (`SizeData` is an
//! input in the reducer).

use std::cell::{Cell, RefCell};

use dockerplay_core::size;
use yew::Callback;

use crate::browser;
use crate::state::SizeData;

/// The tables' file beside the page, named after its content (`build.rs`).
pub const FILE: &str = env!("DOCKERPLAY_SIZE_DATA");
/// The element `offline.html` holds the tables in.
pub const INLINE_ID: &str = "dockerplay-size-data";

thread_local! {
    /// Tells the mounted app about the tables (`App` sets it).
    static NOTIFY: RefCell<Option<Callback<SizeData>>> = const { RefCell::new(None) };
    /// A fetch is on its way: `request` starts no second one.
    static FETCHING: Cell<bool> = const { Cell::new(false) };
}

fn notify(data: SizeData) {
    if let Some(cb) = NOTIFY.with(|n| n.borrow().clone()) {
        cb.emit(data);
    }
}

/// Where the tables stand in core now.
pub fn status() -> SizeData {
    if size::data_loaded() {
        SizeData::Ready
    } else {
        SizeData::Missing
    }
}

/// The app to tell when the tables arrive or fail (`None`: unmounted).
pub fn watch(callback: Option<Callback<SizeData>>) {
    NOTIFY.with(|n| *n.borrow_mut() = callback);
}

/// Gives core the tables (a bundle as `scripts/size-data.py` writes it)
/// and tells the app, which re-derives its size analyses. The in-browser
/// tests call this instead of serving the file.
pub fn install(bundle: String) -> Result<(), String> {
    size::install_data(bundle)?;
    notify(SizeData::Ready);
    Ok(())
}

fn finish(result: Result<(), String>) {
    FETCHING.with(|f| f.set(false));
    if let Err(e) = result {
        web_sys::console::warn_1(&format!("size data: {e}").into());
        notify(SizeData::Failed);
    }
}

/// Starts getting the tables unless they are in or on their way, and tells
/// the app they are loading: after a render whose analyses asked for them,
/// when the editor's completion asked, or on "Try again".
pub fn request() {
    if size::data_loaded() || FETCHING.with(|f| f.replace(true)) {
        return;
    }
    notify(SizeData::Loading);
    load();
}

/// Gets the tables: from the page itself when it holds them, else from
/// their file beside it.
fn load() {
    match browser::element_text(INLINE_ID) {
        Some(text) => finish(install(text)),
        None => browser::fetch_text(FILE, |fetched| finish(fetched.and_then(install))),
    }
}
