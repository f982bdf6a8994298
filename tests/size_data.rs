//! In-browser test of the page before the size tables arrive (issue 14,
//! item 5): the wasm carries no tables, so the app fetches them once an
//! analysis asks, and the Size panel says it is loading until they arrive,
//! then shows the sizes without a reload. The page's `fetch` is held by
//! the test, which answers it with the same bundle the build writes. One
//! test: the tables, once installed, stay for the life of the test's wasm.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::js_sys::{Function, Reflect};
use web_sys::wasm_bindgen::JsValue;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces the page's `fetch` with one that records what was asked
/// (`window.__fetched`) and answers only when `window.__answer(text)` is
/// called.
fn hold_fetch() {
    let hold = Function::new_no_args(
        "window.__fetched = []; window.fetch = (url) => { window.__fetched.push(String(url)); \
         return new Promise((resolve) => { window.__answer = (text) => resolve(new Response(text)); }); };",
    );
    hold.call0(&JsValue::NULL).unwrap();
}

fn fetched() -> Vec<String> {
    let w = web_sys::window().unwrap();
    let list = Reflect::get(&w, &"__fetched".into()).unwrap();
    web_sys::js_sys::Array::from(&list).iter().filter_map(|v| v.as_string()).collect()
}

fn answer(text: &str) {
    let w = web_sys::window().unwrap();
    let answer: Function = Reflect::get(&w, &"__answer".into()).unwrap().into();
    answer.call1(&JsValue::NULL, &text.into()).unwrap();
}

#[wasm_bindgen_test]
async fn the_size_panel_shows_loading_until_the_data_arrives() {
    assert!(!dockerplay_core::size::data_loaded(), "the app's wasm is built without the tables");
    hold_fetch();
    let page = Page::reload_without_size_data().await;
    page.type_text("FROM python:3.12\nRUN pip install --no-cache-dir flask\n").await;
    page.click("#tab-size").await;
    // An analysis asked for the tables: one fetch of their file, by the
    // name the build gives it.
    let asked = fetched();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(asked[0].starts_with("size-data-") && asked[0].ends_with(".txt"), "{asked:?}");
    let state = page.get(".size-data-state");
    assert_eq!(state.get_attribute("role").as_deref(), Some("status"));
    assert!(page.text(".size-data-state").contains("Loading the size data"), "{}", page.text(".size-panel"));
    assert!(page.find("[data-testid=size-total]").is_none(), "no size is shown without the tables");

    answer(&size_data_bundle());
    for _ in 0..50 {
        if page.find(".size-data-state").is_none() {
            break;
        }
        pause(20).await;
        page.settle().await;
    }
    assert!(page.find(".size-data-state").is_none(), "{}", page.text(".size-panel"));
    assert!(dockerplay_core::size::data_loaded());
    let total = page.text("[data-testid=size-total] .size-big");
    let mb: f64 = total.trim().trim_end_matches("MB").trim().parse().unwrap();
    assert!(mb > 1000.0, "python:3.12 is over a gigabyte once the tables are in: {total}");
    assert_eq!(fetched().len(), 1, "fetched once");
}
