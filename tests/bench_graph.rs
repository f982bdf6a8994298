//! In-browser graph benchmark: the same 200-stage Dockerfile as
//! core/benches/graph.rs, laid out in Chromium; figures are printed, not
//! asserted. It asserts that the browser build sees the same graph.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use dockerplay_core::graph::{build_graph, fixtures::many_stages, layout, to_svg, SvgOptions};
use dockerplay_core::syntax;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn median_best(mut f: impl FnMut()) -> (f64, f64) {
    let mut times = Vec::new();
    for _ in 0..15 {
        let start = now_ms();
        f();
        times.push(now_ms() - start);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0])
}

#[wasm_bindgen_test]
fn bench_graph_200_stages_in_the_browser() {
    let text = many_stages(200);
    let (df, _) = syntax::parse(&text);
    let (g, _) = build_graph(&df, None, &BTreeMap::new(), &[]);
    assert_eq!(g.stages.len(), 200);
    let spec = g.layout_spec(&df, false);
    let (median, best) = median_best(|| {
        std::hint::black_box(layout(std::hint::black_box(&spec)));
    });
    console_log!("layout 200 stages: median {median:.2} ms, best {best:.2} ms (browser)");
    let (median, best) = median_best(|| {
        let (df, _) = syntax::parse(&text);
        let (g, _) = build_graph(&df, None, &BTreeMap::new(), &[]);
        std::hint::black_box(to_svg(&g, &df, &SvgOptions::default()));
    });
    console_log!("parse + graph + layout + svg, 200 stages: median {median:.2} ms, best {best:.2} ms (browser)");
}
