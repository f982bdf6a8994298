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
    let page = Page::with_size_panel("FROM node:18-slim\nCOPY app.js /app/\n").await;
    let base = page.text(".size-totals");
    assert!(base.contains("node:20-slim"), "{base}");
    assert!(mb(&page.total()) > 100.0);
    assert!(page.root.query_selector(".size-incomplete").unwrap().is_some(), "a borrowed size is not exact");

    let page = Page::with_size_panel("FROM example.com/team/app:1\nCOPY app.js /app/\n").await;
    assert!(mb(&page.total()) < 1.0, "an unknown base counts 0 until typed in");
    page.enter(".size-base-input", "80").await;
    let total = mb(&page.total());
    assert!((80.0..81.0).contains(&total), "{total}");
}

fn texts_en_unknown() -> &'static str {
    en().size_unknown
}

fn en() -> &'static dockerplay_app::i18n::Texts {
    dockerplay_app::i18n::texts(dockerplay_app::i18n::Lang::En)
}

/// The low and high of a range like `84.1–100 MB`.
fn range(text: &str) -> (f64, f64) {
    let (low, high) = text.split_once('–').unwrap_or_else(|| panic!("not a range: {text:?}"));
    (low.trim().trim_end_matches("MB").trim().parse().unwrap(), mb(high))
}

#[wasm_bindgen_test]
async fn every_size_says_its_basis_and_a_range_where_not_exact() {
    let page = Page::with_size_panel("FROM node:20-slim\nCOPY app.js /app/\nRUN ./build.sh\n").await;
    // The base is a catalogue figure derived from its compressed size: a
    // table basis and the range of the measured ratios.
    let base = page.text("[data-testid=size-base] .size-basis");
    assert!(base.contains(en().size_basis_table), "{base}");
    let base_big = mb(&page.text("[data-testid=size-base] .size-big"));
    let (low, high) = range(&page.text("[data-testid=size-base] .size-range"));
    assert!(low < base_big && base_big < high, "{low} < {base_big} < {high}");
    // The total is as soft as its softest part (the unknown script) and its
    // range holds the figure.
    let total = mb(&page.total());
    let basis = page.get("[data-testid=size-total] .size-basis").get_attribute("data-basis").unwrap();
    assert_eq!(basis, "model");
    let (low, high) = range(&page.text("[data-testid=size-total] .size-range"));
    assert!(low <= total && total <= high && low < high, "{low} <= {total} <= {high}");
    // Each layer says its basis; the COPY of a context file is exact.
    let copy = page.get(".size-layer[data-line=\"2\"]");
    assert!(copy.query_selector(".size-basis").unwrap().is_none(), "an exact layer needs no note");
    let run = page.get(".size-layer[data-line=\"3\"] .size-basis");
    assert_eq!(run.get_attribute("data-basis").as_deref(), Some("model"));
    // The comparison's options carry their ranges too.
    assert!(!page.all(".size-option .size-range").is_empty());
}

#[wasm_bindgen_test]
async fn typed_sizes_are_exact_and_travel_in_the_link() {
    let page = Page::with_size_panel("FROM example.com/team/app:1\nRUN ./build.sh\n").await;
    page.enter(".size-base-input", "80").await;
    page.enter(".size-unknown-input", "25").await;
    let base = page.get("[data-testid=size-base] .size-basis");
    assert_eq!(base.get_attribute("data-basis").as_deref(), Some("typed"));
    assert!(page.find("[data-testid=size-base] .size-range").is_none(), "a typed size is exact");
    let total = mb(&page.total());
    assert!((104.0..106.0).contains(&total), "{total}");
    // The link the page keeps carries both, as typed.
    let fragment = || web_sys::window().unwrap().location().hash().unwrap().trim_start_matches('#').to_string();
    let mut shared = None;
    for _ in 0..100 {
        if let Ok(state) = dockerplay_core::permalink::decode(&fragment()) {
            if !state.image_sizes.is_empty() && !state.size_estimates.is_empty() {
                shared = Some(state);
                break;
            }
        }
        pause(50).await;
    }
    let shared = shared.expect("the URL holds the typed sizes");
    assert_eq!(shared.image_sizes.get("example.com/team/app:1"), Some(&80_000_000));
    assert_eq!(shared.size_estimates.values().copied().collect::<Vec<_>>(), [25_000_000]);
}
