//! Times the graph layout of a 200-stage build (target: under 50 ms in the
//! browser, so natively it should take a few ms), and the whole pipeline
//! from Dockerfile text to SVG; prints median and best times.
//! `cargo bench -p dockerplay-core --bench graph`.

use std::collections::BTreeMap;
use std::time::Instant;

use dockerplay_core::cache::estimate_seconds;
use dockerplay_core::graph::{build_graph, fixtures::many_stages, layout, to_svg, SvgOptions};
use dockerplay_core::syntax::parse;

const STAGES: usize = 200;

fn time<T>(label: &str, mut f: impl FnMut() -> T) {
    let mut times = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        std::hint::black_box(f());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!("{label:<34} median {:7.2} ms, best {:7.2} ms (native)", times[times.len() / 2], times[0]);
}

fn main() {
    let text = many_stages(STAGES);
    let (df, _) = parse(&text);
    let seconds: Vec<f64> = df.instructions.iter().map(|i| estimate_seconds(i)).collect();
    let (graph, _) = build_graph(&df, None, &BTreeMap::new(), &seconds);
    assert_eq!(graph.stages.len(), STAGES, "the generator makes {STAGES} stages");
    let spec = graph.layout_spec(&df, false);
    let l = layout(&spec);
    println!(
        "{STAGES} stages: {} nodes, {} edges, {} layers, {} crossings, {:.0} x {:.0} px",
        spec.nodes.len(),
        spec.edges.len(),
        l.layers,
        l.crossings,
        l.width,
        l.height
    );
    time("layout", || layout(&spec));
    let with_steps = graph.layout_spec(&df, true);
    time("layout, steps shown", || layout(&with_steps));
    time("build_graph", || build_graph(&df, None, &BTreeMap::new(), &seconds));
    time("svg of a computed layout", || {
        dockerplay_core::graph::svg::render_layout(&graph, &spec, &l, &SvgOptions::default()).len()
    });
    time("parse + graph + layout + svg", || {
        let (df, _) = parse(&text);
        let seconds: Vec<f64> = df.instructions.iter().map(|i| estimate_seconds(i)).collect();
        let (g, _) = build_graph(&df, None, &BTreeMap::new(), &seconds);
        to_svg(&g, &df, &SvgOptions::default()).len()
    });
}
