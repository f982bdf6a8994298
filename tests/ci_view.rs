//! In-browser tests of the Cache panel's CI view (issue 18): the recorded
//! builds as CI runs them, per runner kind and cache preset, and the
//! workflow snippet for the chosen set-up.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Picks a select's option by value, or types into an input, as a user would.
async fn set(page: &Page, selector: &str, value: &str) {
    let el = page.get(selector);
    if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.set_value(value);
        fire(&el, "change");
    } else {
        el.dyn_ref::<HtmlInputElement>().unwrap().set_value(value);
        fire(&el, "input");
    }
    page.settle().await;
}

/// "3 run" → 3, for the build at `index` of the CI timeline.
fn misses(page: &Page, index: usize) -> u32 {
    let rows = page.all(".ci-timeline .ci-build .ci-misses");
    let text = rows[index].text_content().unwrap_or_default();
    text.split_whitespace().next().unwrap_or("").parse().unwrap_or(u32::MAX)
}

/// Dependencies in their own stage, then the sources, then a small image.
const DOCKERFILE: &str = "FROM node:20 AS deps\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nFROM deps AS build\nCOPY server.js ./\nRUN node --check server.js\nFROM node:20-slim\nCOPY --from=build /app /app\n";

#[wasm_bindgen_test]
async fn presets_change_what_a_fresh_runner_reruns_and_the_snippet_follows() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    page.click("#tab-cache").await;
    page.click(".cache-build").await;
    // A commit that edits a source file.
    page.click(".ctx-row[data-path=\"server.js\"] .ctx-name").await;
    let content = page.get(".ctx-content");
    content.dyn_ref::<web_sys::HtmlTextAreaElement>().unwrap().set_value("console.log('edited');\n");
    fire(&content, "input");
    page.settle().await;

    // Closed until asked for.
    assert!(page.find(".ci-timeline").is_none());
    page.click(".ci-toggle").await;
    // Build 1 and now, both as commits in CI.
    assert_eq!(page.all(".ci-timeline .ci-build").len(), 2);
    // GitHub Actions' cache with mode=max keeps the dependency stage.
    let with_max = misses(&page, 1);
    assert!(page.text(".ci-snippet").contains("cache-to: type=gha,mode=max"), "{}", page.text(".ci-snippet"));

    // mode=min exports only the final image's layers: the install re-runs.
    set(&page, ".ci-preset", "2").await;
    let with_min = misses(&page, 1);
    assert!(with_min > with_max, "min {with_min} vs max {with_max}");
    // No cache at all: the first build and the commit run alike.
    set(&page, ".ci-preset", "4").await;
    assert_eq!(misses(&page, 1), misses(&page, 0));
    assert!(!page.text(".ci-snippet").contains("cache-to"), "{}", page.text(".ci-snippet"));

    // A runner that keeps its cache needs no export.
    set(&page, ".ci-runner", "persistent").await;
    assert!(misses(&page, 1) <= with_max);

    // The GitLab snippet keeps the registry cache (no GitHub cache there).
    set(&page, ".ci-preset", "0").await;
    set(&page, ".ci-flavor", "1").await;
    let gitlab = page.text(".ci-snippet");
    assert!(gitlab.contains("$CI_REGISTRY_IMAGE:buildcache,mode=max") && !gitlab.contains("type=gha"), "{gitlab}");

    // Builds a day scale the monthly figure.
    set(&page, ".ci-per-day", "0").await;
    assert!(
        page.text(".ci-monthly").contains(" 0 ") || page.text(".ci-monthly").starts_with("about 0"),
        "{}",
        page.text(".ci-monthly")
    );
}

/// The CI cache traps of the chosen set-up: a registry cache in `mode=min`
/// leaves the dependency and build stages (an `npm install` of 40 s by the
/// step estimates) out of the cache, which the view reports with its fix;
/// the fix's button picks the `mode=max` preset, and the trap is gone.
#[wasm_bindgen_test]
async fn the_ci_view_lists_the_traps_of_its_set_up() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    page.click("#tab-cache").await;
    page.click(".cache-build").await;
    page.click(".ci-toggle").await;

    // GitHub Actions' cache with mode=max: nothing to report.
    assert!(page.find(".ci-finding").is_none());
    assert!(page.find(".ci-findings-none").is_some());

    set(&page, ".ci-preset", "2").await;
    let finding = page.find(".ci-finding[data-code=\"DP501\"]").expect("mode=min is reported");
    let text = finding.text_content().unwrap_or_default();
    assert!(text.contains("stages `deps` and `build`"), "{text}");
    assert!(text.contains("cache_to[0] = type=registry,ref=ghcr.io/OWNER/APP:buildcache,mode=max"), "{text}");

    page.click(".ci-finding[data-code=\"DP501\"] .ci-apply").await;
    let snippet = page.text(".ci-snippet");
    assert!(snippet.contains("cache-to: type=registry,ref=ghcr.io/OWNER/APP:buildcache,mode=max"), "{snippet}");
    assert!(page.find(".ci-finding").is_none());
}
