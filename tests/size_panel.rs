//! In-browser tests of the Size panel (issue 4, acceptance 3): mount the
//! app, type a Dockerfile, open the panel, act on it as a user would, and
//! read what the DOM shows.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

impl Page {
    /// Mounts the app, types `dockerfile` and opens the Size tab.
    async fn with_size_panel(dockerfile: &str) -> Page {
        let page = Page::mount().await;
        page.type_text(dockerfile).await;
        page.click("#tab-size").await;
        page
    }

    /// The image's total as the panel shows it.
    fn total(&self) -> String {
        self.text("[data-testid=size-total] .size-big")
    }

    /// Types a value into an input and commits it, as leaving the field does.
    async fn enter(&self, selector: &str, value: &str) {
        let input: HtmlInputElement = self.get(selector).dyn_into().unwrap();
        input.set_value(value);
        fire(&input, "change");
        self.settle().await;
    }
}

/// Decimal megabytes from a figure like `1112 MB` or `41.8 MB`.
fn mb(text: &str) -> f64 {
    text.trim().trim_end_matches("MB").trim().parse().unwrap_or_else(|_| panic!("not a size: {text:?}"))
}

#[wasm_bindgen_test]
async fn switching_the_base_reprices_the_totals() {
    let page =
        Page::with_size_panel("FROM python:3.12\nCOPY app.py /app/\nRUN pip install --no-cache-dir flask\n").await;
    let full = page.total();
    assert!(mb(&full) > 1000.0, "python:3.12 is over a gigabyte: {full}");
    // The layers sit beside their steps: one row per layer-creating step.
    let rows: Vec<String> = page.all(".size-layer").iter().map(|r| r.get_attribute("data-line").unwrap()).collect();
    assert_eq!(rows, ["2", "3"]);
    // Clicking a layer puts the editor's caret on its step.
    page.click(".size-layer[data-line=\"3\"] .size-step").await;
    let textarea = page.textarea();
    let caret = textarea.selection_start().unwrap().unwrap() as usize;
    assert_eq!(caret, "FROM python:3.12\nCOPY app.py /app/\n".len());

    // The comparison chart and one choice per base, the written one chosen.
    assert!(page.get(".size-chart-wrap svg").get_attribute("class").unwrap().contains("size-chart"));
    assert!(page.text(".size-option.selected").contains("python:3.12"));

    page.click("input[name=size-base][value=\"docker.io/library/python:3.12-slim\"]").await;
    let slim = page.total();
    assert!(mb(&slim) < mb(&full) / 4.0, "slim {slim} vs full {full}");
    assert!(page.text(".size-totals").contains("python:3.12-slim"), "the base card names the chosen base");
    assert!(page.text(".size-option.selected").contains("python:3.12-slim"));

    // Back to the base as written.
    page.click("input[name=size-base][value=\"docker.io/library/python:3.12\"]").await;
    assert_eq!(page.total(), full);
}

#[wasm_bindgen_test]
async fn an_unknown_command_is_flagged_and_its_estimate_counts() {
    let page = Page::with_size_panel("FROM alpine:latest\nRUN ./build-everything.sh\n").await;
    assert!(page.text(".size-layer.estimated").contains(texts_en_unknown()));
    let before = mb(&page.total());
    page.enter(".size-unknown-input", "250").await;
    let after = mb(&page.total());
    assert!((after - before - 250.0).abs() < 60.0 && after > before + 100.0, "{before} MB then {after} MB");
}

#[wasm_bindgen_test]
async fn an_uncatalogued_base_is_estimated_from_its_nearest_tag_or_typed_in() {
    let page = Page::with_size_panel("FROM node:20-slim\nCOPY app.js /app/\n").await;
    let base = page.text(".size-totals");
    assert!(base.contains("node:22-slim"), "{base}");
    assert!(mb(&page.total()) > 100.0);
    assert!(page.root.query_selector(".size-incomplete").unwrap().is_some(), "a borrowed size is not exact");

    let page = Page::with_size_panel("FROM example.com/team/app:1\nCOPY app.js /app/\n").await;
    assert!(mb(&page.total()) < 1.0, "an unknown base counts 0 until typed in");
    page.enter(".size-base-input", "80").await;
    let total = mb(&page.total());
    assert!((80.0..81.0).contains(&total), "{total}");
}

fn texts_en_unknown() -> &'static str {
    dockerplay_app::i18n::texts(dockerplay_app::i18n::Lang::En).size_unknown
}
