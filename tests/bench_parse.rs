//! In-browser parsing benchmark: the same 5,000-instruction Dockerfile as
//! core/benches/parse.rs, parsed in Chromium; the figures are printed, not
//! asserted (speed is a benchmark's business, not a test's). What it does
//! assert is that the browser build parses the text the same way.
#![cfg(target_arch = "wasm32")]

use dockerplay_core::{fixtures::big_dockerfile, syntax};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn bench_parse_5000_instructions_in_the_browser() {
    let text = big_dockerfile(5_000);
    let (df, diags) = syntax::parse(&text);
    assert_eq!(df.instructions.len(), 5_000);
    assert!(diags.is_empty());
    let mut times = Vec::new();
    for _ in 0..15 {
        let start = now_ms();
        std::hint::black_box(syntax::parse(std::hint::black_box(&text)));
        times.push(now_ms() - start);
    }
    times.sort_by(f64::total_cmp);
    let build = if cfg!(debug_assertions) { "debug" } else { "release" };
    let line = format!(
        "parse 5,000 instructions: median {:.2} ms, best {:.2} ms (browser, {build} build)",
        times[times.len() / 2],
        times[0]
    );
    console_log!("{line}");
}
