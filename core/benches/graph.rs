//! Times the graph layout of a 200-stage build (target: under 50 ms in the
//! browser, so natively it should be a few ms), and the whole pipeline from
//! Dockerfile text to SVG. Run with `cargo bench -p dockerplay-core --bench graph`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Instant;

use dockerplay_core::graph::{build_graph, layout, to_svg, EdgeSpec, GraphSpec, NodeSpec, Shape, SvgOptions};
use dockerplay_core::syntax::parse;

const STAGES: usize = 200;
const RUNS: usize = 20;

/// A Dockerfile with `n` stages: each builds on an image or an earlier
/// stage and copies from up to two earlier stages or an image, chosen by a
/// fixed pseudo-random sequence.
fn dockerfile(n: usize) -> String {
    let mut state: u64 = 42;
    let mut next = move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % m.max(1)
    };
    let mut text = String::from("ARG GO=1.22\n");
    for i in 0..n {
        if i == 0 || next(3) == 0 {
            let _ = writeln!(text, "FROM golang:${{GO}} AS s{i}");
        } else {
            let _ = writeln!(text, "FROM s{} AS s{i}", i - 1 - next(i.min(4)));
        }
        let _ = writeln!(text, "RUN make part-{i}");
        for _ in 0..next(3) {
            if i > 0 {
                let _ = writeln!(text, "COPY --from=s{} /out /in/{i}", next(i));
            }
        }
        if next(10) == 0 {
            let _ = writeln!(text, "COPY --from=busybox:1.36 /bin/sh /bin/sh");
        }
    }
    text
}

/// The same shape of graph built directly, without the parser: stages
/// with a base stage or none, and up to two copies from earlier stages.
fn spec(n: usize) -> GraphSpec {
    let mut state: u64 = 42;
    let mut next = move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % m.max(1)
    };
    let mut g = GraphSpec::default();
    for i in 0..n {
        g.nodes.push(NodeSpec { label: format!("s{i}"), detail: Some("FROM golang:1.22".into()), shape: Shape::Stage, steps: Vec::new() });
        if i > 0 && next(3) != 0 {
            g.edges.push(EdgeSpec { from: i - 1 - next(i.min(4)), to: i });
        }
        for _ in 0..next(3) {
            if i > 0 {
                g.edges.push(EdgeSpec { from: next(i), to: i });
            }
        }
    }
    g.nodes.push(NodeSpec { label: "busybox:1.36".into(), detail: None, shape: Shape::Image, steps: Vec::new() });
    for i in (0..n).step_by(10) {
        g.edges.push(EdgeSpec { from: n, to: i });
    }
    g
}

fn time<T>(label: &str, mut f: impl FnMut() -> T) -> T {
    let mut result = f();
    let start = Instant::now();
    for _ in 0..RUNS {
        result = f();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / RUNS as f64;
    println!("{label:<40} {ms:8.3} ms");
    result
}

fn main() {
    let direct = spec(STAGES);
    println!("direct: {} nodes, {} edges", direct.nodes.len(), direct.edges.len());
    let l = time("layout (direct graph)", || layout(&direct));
    println!("  {} layers, {} crossings, {:.0} x {:.0} px", l.layers, l.crossings, l.width, l.height);

    let text = dockerfile(STAGES);
    let (df, _) = parse(&text);
    let (graph, _) = build_graph(&df, None, &BTreeMap::new(), &[]);
    let spec = graph.layout_spec(&df, false);
    println!("{} stages, {} nodes, {} edges", graph.stages.len(), spec.nodes.len(), spec.edges.len());
    let l = time("layout", || layout(&spec));
    println!("  {} layers, {} crossings, {:.0} x {:.0} px", l.layers, l.crossings, l.width, l.height);
    let steps = graph.layout_spec(&df, true);
    time("layout with steps", || layout(&steps));
    time("parse + graph + layout + svg", || {
        let (df, _) = parse(&text);
        let (g, _) = build_graph(&df, None, &BTreeMap::new(), &[]);
        to_svg(&g, &df, &SvgOptions::default()).len()
    });
}
