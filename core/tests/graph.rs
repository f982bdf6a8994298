//! Tests of the build graph: its layout's invariants on abstract graphs,
//! and snapshots of fixture Dockerfiles through one `check` helper.

use dockerplay_core::graph::layout::{layout, EdgeSpec, GraphSpec, Layout, NodeSpec, Shape};

/// A graph from a compact description: `a>b` edges separated by spaces;
/// nodes are named in order of first appearance, and a name starting with
/// `@` is an external image. A lone name is a node without edges.
fn spec(text: &str) -> GraphSpec {
    let mut g = GraphSpec::default();
    let mut names: Vec<String> = Vec::new();
    let mut node = |g: &mut GraphSpec, name: &str| -> usize {
        if let Some(i) = names.iter().position(|n| n == name) {
            return i;
        }
        names.push(name.to_string());
        let shape = if name.starts_with('@') { Shape::Image } else { Shape::Stage };
        g.nodes.push(NodeSpec {
            label: name.trim_start_matches('@').to_string(),
            detail: None,
            shape,
            steps: Vec::new(),
        });
        g.nodes.len() - 1
    };
    for item in text.split_whitespace() {
        match item.split_once('>') {
            Some((a, b)) => {
                let from = node(&mut g, a);
                let to = node(&mut g, b);
                g.edges.push(EdgeSpec { from, to });
            }
            None => {
                node(&mut g, item);
            }
        }
    }
    g
}

/// A pseudo-random DAG (edges only go from lower to higher index) with
/// `n` nodes, from a fixed seed so that failures reproduce.
fn random_dag(n: usize, seed: u64) -> GraphSpec {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let nodes = (0..n)
        .map(|i| NodeSpec {
            label: format!("stage-{i}{}", "x".repeat(next() % 12)),
            detail: (i % 3 == 0).then(|| "golang:1.22".to_string()),
            shape: if i % 7 == 6 { Shape::Image } else { Shape::Stage },
            steps: (0..next() % 4).map(|s| format!("RUN step {s}")).collect(),
        })
        .collect();
    let mut edges = Vec::new();
    for to in 1..n {
        for _ in 0..next() % 3 {
            let from = next() % to;
            edges.push(EdgeSpec { from, to });
        }
    }
    GraphSpec { nodes, edges }
}

fn assert_no_overlaps(l: &Layout) {
    for (i, a) in l.nodes.iter().enumerate() {
        assert!(
            a.x >= 0.0 && a.y >= 0.0 && a.right() <= l.width && a.bottom() <= l.height,
            "node {i} outside the drawing: {a:?}"
        );
        for (j, b) in l.nodes.iter().enumerate().skip(i + 1) {
            assert!(!a.overlaps(b), "nodes {i} and {j} overlap: {a:?} {b:?}");
        }
    }
}

/// Every edge that is not a cycle's back edge starts at the bottom of its
/// source, ends at the top of its target, and never goes up on the way.
fn assert_forward(g: &GraphSpec, l: &Layout) {
    for (i, (e, r)) in g.edges.iter().zip(&l.edges).enumerate() {
        if r.reversed || r.points.is_empty() {
            continue;
        }
        let (from, to) = (&l.nodes[e.from], &l.nodes[e.to]);
        assert!(from.layer < to.layer, "edge {i} does not go down a layer");
        let first = r.points.first().expect("route");
        let last = r.points.last().expect("route");
        assert_eq!(first.y, from.bottom(), "edge {i} does not leave its source's bottom");
        assert_eq!(last.y, to.y, "edge {i} does not enter its target's top");
        assert!(
            first.x >= from.x && first.x <= from.right() && last.x >= to.x && last.x <= to.right(),
            "edge {i} ports off the boxes"
        );
        for w in r.points.windows(2) {
            assert!(w[1].y >= w[0].y, "edge {i} goes up: {:?}", r.points);
        }
    }
}

#[test]
fn layouts_have_no_overlaps_and_forward_edges() {
    let cases = [
        "",
        "a",
        "a b c",
        "a>b",
        "a>b a>b a>b",
        "a>b b>c a>c",
        "@golang>build build>app @alpine>app",
        "base>x base>y base>z x>final y>final z>final",
        "a>b b>c c>d d>e a>e b>e",
    ];
    for text in cases {
        let g = spec(text);
        let l = layout(&g);
        assert_eq!(l.nodes.len(), g.nodes.len());
        assert_eq!(l.edges.len(), g.edges.len());
        assert_no_overlaps(&l);
        assert_forward(&g, &l);
    }
    for seed in 0..20 {
        let g = random_dag(5 + seed as usize * 3, seed);
        let l = layout(&g);
        assert_no_overlaps(&l);
        assert_forward(&g, &l);
        assert!(l.edges.iter().all(|r| !r.reversed), "a DAG has no back edges");
    }
}

#[test]
fn layout_is_deterministic() {
    let g = random_dag(60, 7);
    let first = serde_json::to_string(&layout(&g)).unwrap();
    for _ in 0..3 {
        assert_eq!(serde_json::to_string(&layout(&g)).unwrap(), first);
    }
}

#[test]
fn cycles_and_bad_edges_do_not_break_the_layout() {
    let mut g = spec("a>b b>c c>a c>c d");
    g.edges.push(EdgeSpec { from: 0, to: 99 });
    let l = layout(&g);
    assert_no_overlaps(&l);
    assert_forward(&g, &l);
    // The edge closing the cycle and the self-loop point backwards.
    assert_eq!(l.edges.iter().map(|r| r.reversed).collect::<Vec<_>>(), [false, false, true, true, false]);
    assert!(l.edges[4].points.is_empty(), "an edge to a missing node has no route");
    // A reversed edge still starts at its own source: the top of `c`.
    assert_eq!(l.edges[2].points.first().unwrap().y, l.nodes[2].y);
}

/// Layers follow the longest path, and a source sits right above its first
/// user rather than at the top.
#[test]
fn layers_by_longest_path_with_sources_pulled_down() {
    let g = spec("a>b b>c c>d a>d @img>d");
    let l = layout(&g);
    let layers: Vec<usize> = l.nodes.iter().map(|n| n.layer).collect();
    assert_eq!(layers, [0, 1, 2, 3, 2]);
    assert_eq!(l.layers, 4);
}

/// Graphs that can be drawn without crossings are.
#[test]
fn planar_fixtures_have_no_crossings() {
    for text in [
        // Two independent chains given interleaved.
        "a>c b>d c>e d>f",
        // A fan-out and fan-in whose input order would cross.
        "top>r top>l l>bl r>br bl>end br>end",
        // K(2,2) minus an edge, listed against the natural order.
        "x>q y>p x>p",
        "@golang>build @node>web build>final web>final @alpine>final",
    ] {
        let l = layout(&spec(text));
        assert_eq!(l.crossings, 0, "{text}");
    }
}

#[test]
fn crossings_stay_low_on_a_generated_graph() {
    // A dense random DAG cannot be drawn without crossings, but the sweeps
    // must keep them well below one per edge.
    let g = random_dag(40, 3);
    let l = layout(&g);
    assert!(l.crossings <= g.edges.len() / 2, "{} crossings for {} edges", l.crossings, g.edges.len());
}

#[test]
fn node_sizes_follow_labels_and_steps() {
    let g = spec("short a-much-longer-stage-name");
    let l = layout(&g);
    assert!(l.nodes[1].width > l.nodes[0].width);
    let mut with_steps = g.clone();
    with_steps.nodes[0].steps = vec!["RUN make".into(), "COPY . .".into()];
    let l2 = layout(&with_steps);
    assert!(l2.nodes[0].height > l.nodes[0].height);
    // Wide characters take two columns.
    let cjk = layout(&spec("构建阶段"));
    let ascii = layout(&spec("abcdefgh"));
    assert_eq!(cjk.nodes[0].width, ascii.nodes[0].width);
}

// ---------------------------------------------------------------------------
// Fixture Dockerfiles: `core/tests/graph/NAME.Dockerfile`, snapshot in
// `NAME.expect`. Each `# graph-test: [target=T] [KEY=VALUE...]` comment
// line is one run (a file without one runs once with the defaults).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dockerplay_core::graph::{build_graph, BuildGraph};
use dockerplay_core::syntax::{parse, Dockerfile, Keyword};
use dockerplay_core::LineIndex;

/// Test-only step times (not an estimate of anything): they just make
/// some paths longer than others.
fn seconds(df: &Dockerfile) -> Vec<f64> {
    df.instructions
        .iter()
        .map(|i| match i.keyword {
            Keyword::Run => 10.0,
            Keyword::Copy | Keyword::Add => 2.0,
            Keyword::From => 1.0,
            _ => 0.0,
        })
        .collect()
}

fn check(name: &str) {
    let path = format!("{}/tests/graph/{name}.Dockerfile", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    let (df, _) = parse(&text);
    let lines = LineIndex::new(&text);
    let mut runs: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("# graph-test:")).map(str::trim).collect();
    if runs.is_empty() {
        runs.push("");
    }
    let mut out = String::new();
    for run in runs {
        let mut target = None;
        let mut build_args = BTreeMap::new();
        for word in run.split_whitespace() {
            let (k, v) = word.split_once('=').expect("KEY=VALUE");
            if k == "target" {
                target = Some(v.to_string());
            } else {
                build_args.insert(k.to_string(), v.to_string());
            }
        }
        let (g, diags) = build_graph(&df, target.as_deref(), &build_args, &seconds(&df));
        let _ = writeln!(out, "== {}", if run.is_empty() { "(defaults)" } else { run });
        out.push_str(&summary(&g));
        for d in &diags {
            let _ = writeln!(out, "  line {} {}: {}", lines.line(d.span.start), d.severity.as_str(), d.message);
            // The same diagnostic reads in Chinese, fully filled in.
            let zh = d.message.render(dockerplay_core::Lang::Zh);
            assert!(d.message.is_complete() && zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
        }
        let spec = g.layout_spec(&df, false);
        let l = layout(&spec);
        assert_no_overlaps(&l);
        assert_forward(&spec, &l);
        let layers: Vec<String> = (0..l.layers)
            .map(|layer| {
                let mut names: Vec<(f64, &str)> = l
                    .nodes
                    .iter()
                    .zip(&spec.nodes)
                    .filter(|(b, _)| b.layer == layer)
                    .map(|(b, n)| (b.x, n.label.as_str()))
                    .collect();
                names.sort_by(|a, b| a.0.total_cmp(&b.0));
                names.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(" ")
            })
            .collect();
        let _ = writeln!(out, "layout: {} crossings; {}", l.crossings, layers.join(" / "));
        // Steps shown inside the nodes never make boxes overlap either.
        let with_steps = g.layout_spec(&df, true);
        assert_no_overlaps(&layout(&with_steps));
    }
    expect_test::expect_file![format!("graph/{name}.expect")].assert_eq(&out);
}

fn summary(g: &BuildGraph) -> String {
    let name = |i: usize| g.stages[i].name.as_str();
    let mut out = String::new();
    let _ = writeln!(out, "target: {}", g.target.map_or("(none)", name));
    for s in &g.stages {
        let _ = writeln!(
            out,
            "stage {} {:<10} FROM {} ({:?}) lines {}-{} {}{}",
            s.index,
            s.name,
            s.base,
            s.base_kind,
            s.line,
            s.end_line,
            if s.built { "built" } else { "skipped" },
            s.level.map_or(String::new(), |l| format!(" level {l} finish {}s", s.finish)),
        );
    }
    for e in &g.edges {
        let _ = writeln!(out, "edge {} -> {} {:?} line {}", e.from, e.to, e.kind, e.line);
    }
    let levels: Vec<String> =
        g.levels.iter().map(|l| l.iter().map(|&i| name(i)).collect::<Vec<_>>().join(" ")).collect();
    let _ = writeln!(out, "levels: {}", levels.join(" | "));
    let path: Vec<&str> = g.critical_path.stages.iter().map(|&i| name(i)).collect();
    let _ = writeln!(out, "critical path: {} ({}s)", path.join(" -> "), g.critical_path.seconds);
    out
}

#[test]
fn multistage() {
    check("multistage");
}

#[test]
fn references() {
    check("references");
}

#[test]
fn mistakes() {
    check("mistakes");
}

#[test]
fn args() {
    check("args");
}

#[test]
fn parallel() {
    check("parallel");
}

use dockerplay_core::graph::{to_dot, to_svg, StepStatus, StepStyle, SvgOptions};

/// Tags open and close in order, attributes are quoted: enough to catch a
/// broken drawing without an XML parser.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') {
            continue;
        }
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes in <{tag}>");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap_or(""));
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/graph/{name}.Dockerfile", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

#[test]
fn svg_drawing() {
    let (df, _) = parse(&fixture("multistage"));
    let (g, _) = build_graph(&df, None, &BTreeMap::new(), &seconds(&df));
    // Steps of `web` get a status and a size, as the cache simulation would
    // pass them.
    let mut steps = vec![StepStyle::default(); df.instructions.len()];
    for (k, &i) in g.stages[2].instructions.iter().enumerate().skip(1) {
        steps[i] = StepStyle {
            status: if k == 1 { StepStatus::Cached } else { StepStatus::Rebuilt },
            size: Some(format!("{k}.0 MB")),
        };
    }
    let plain = to_svg(&g, &df, &SvgOptions::default());
    let full = to_svg(&g, &df, &SvgOptions { show_steps: true, steps, standalone: true, ..SvgOptions::default() });
    for svg in [&plain, &full] {
        assert_well_formed(svg);
        assert!(svg.contains("<title id=\"dp-title\">Build graph</title>"));
        // Every stage is a labelled, focusable group that names its lines.
        for s in &g.stages {
            assert!(
                svg.contains(&format!("data-stage=\"{}\" data-index=\"{}\" data-line=\"{}\"", s.name, s.index, s.line))
            );
            assert!(svg.contains(&format!(">{}</text>", s.name)));
        }
        assert_eq!(svg.matches("class=\"dp-node dp-stage dp-skipped").count(), 2, "test and docs are skipped");
        assert_eq!(svg.matches("<path class=\"dp-edge dp-edge-copy").count(), 4);
    }
    assert!(!plain.contains("<style>") && !plain.contains("<?xml"), "inline drawings leave styling to the page");
    // On the page stages are labelled controls; a file is one image.
    assert!(
        plain.contains("role=\"group\"")
            && plain.matches("tabindex=\"0\" role=\"button\" aria-label=").count() == g.stages.len()
    );
    assert!(full.contains("role=\"img\"") && !full.contains("tabindex"));
    assert!(full.contains("dp-step-cached") && full.contains("dp-step-rebuilt") && full.contains(">2.0 MB</text>"));
    expect_test::expect_file!["graph/multistage.svg"].assert_eq(&full);
}

#[test]
fn svg_escapes_text() {
    let (df, _) = parse("FROM scratch AS a\nCOPY --from=\"x<y>&'\" / /\n");
    let (g, _) = build_graph(&df, None, &BTreeMap::new(), &[]);
    let svg = to_svg(&g, &df, &SvgOptions::default());
    assert_well_formed(&svg);
    assert!(!svg.contains("x<y>"), "raw markup leaked into the SVG");
}

#[test]
fn dot_output() {
    let (df, _) = parse(&fixture("multistage"));
    let (g, _) = build_graph(&df, Some("docs"), &BTreeMap::new(), &seconds(&df));
    expect_test::expect_file!["graph/multistage.dot"].assert_eq(&to_dot(&g));
}

/// Any prefix of any fixture, cut at any byte that is a char boundary,
/// and with lines shuffled, still gives a graph, a layout and drawings.
#[test]
fn never_panics_on_cut_or_shuffled_input() {
    for name in ["multistage", "references", "mistakes", "args", "parallel"] {
        let text = fixture(name);
        let mut inputs: Vec<String> =
            (0..text.len()).filter(|&i| text.is_char_boundary(i)).step_by(7).map(|i| text[..i].to_string()).collect();
        let mut lines: Vec<&str> = text.lines().collect();
        lines.reverse();
        inputs.push(lines.join("\n"));
        lines.sort();
        inputs.push(lines.join("\n"));
        for input in inputs {
            let (df, _) = parse(&input);
            for target in [None, Some("final"), Some("")] {
                let (g, _) = build_graph(&df, target, &BTreeMap::new(), &[f64::NAN, -1.0, f64::INFINITY]);
                let spec = g.layout_spec(&df, true);
                let l = layout(&spec);
                assert_no_overlaps(&l);
                assert_well_formed(&to_svg(&g, &df, &SvgOptions { show_steps: true, ..SvgOptions::default() }));
                to_dot(&g);
            }
        }
    }
}

#[test]
fn monorepo() {
    check("monorepo");
}

#[test]
fn svg_words_can_be_translated() {
    use dockerplay_core::graph::Words;
    let (df, _) = parse("FROM alpine AS a\nFROM a AS 构建\n");
    let (g, _) = build_graph(&df, None, &BTreeMap::new(), &[1.0, 1.0]);
    let svg = to_svg(&g, &df, &SvgOptions { words: Words::simplified_chinese(), ..SvgOptions::default() });
    assert_well_formed(&svg);
    assert!(svg.contains("<title id=\"dp-title\">构建图</title>") && svg.contains(">跳过</text>"));
}

#[test]
fn empty_target_means_the_last_stage() {
    let (df, _) = parse(&fixture("parallel"));
    let (g, diags) = build_graph(&df, Some(""), &BTreeMap::new(), &[]);
    assert_eq!(g.target, Some(4));
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn duplicates() {
    check("duplicates");
}

/// Random splices of graph-relevant pieces into the fixtures: no panic,
/// diagnostics inside the text, edges naming real stages and images, and
/// every built stage reachable from the target.
#[test]
fn random_edits_keep_the_graph_consistent() {
    const PIECES: &[&str] = &[
        "FROM ",
        " AS ",
        "--from=",
        "COPY --from=",
        "RUN --mount=from=",
        "$X",
        "${",
        "0",
        "-1",
        "99",
        "\n",
        "\\\n",
        "scratch",
        "\"",
        "ARG X=builder\n",
        "构建",
        " ",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut below = |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
    };
    for name in ["multistage", "references", "mistakes", "monorepo"] {
        let base = fixture(name);
        for _ in 0..150 {
            let mut text = base.clone();
            for _ in 0..1 + below(4) {
                let mut at = below(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, PIECES[below(PIECES.len())]);
            }
            let (df, _) = parse(&text);
            let (g, diags) = build_graph(&df, None, &BTreeMap::new(), &[]);
            for d in &diags {
                assert!(
                    d.span.end <= text.len()
                        && text.is_char_boundary(d.span.start)
                        && text.is_char_boundary(d.span.end),
                    "{d:?}"
                );
            }
            for e in &g.edges {
                assert!(e.target < g.stages.len());
                match e.source {
                    dockerplay_core::graph::Source::Stage(s) => {
                        assert!(s < g.stages.len() && g.stages[s].name == e.from)
                    }
                    dockerplay_core::graph::Source::Image(i) => assert!(i < g.images.len() && g.images[i] == e.from),
                }
                // A built stage's sources are built too.
                if g.stages[e.target].built {
                    if let dockerplay_core::graph::Source::Stage(s) = e.source {
                        assert!(g.stages[s].built, "{} is built but its source {} is not", e.to, e.from);
                    }
                }
            }
            assert_eq!(g.stages.iter().any(|s| s.built), g.target.is_some());
            assert_no_overlaps(&layout(&g.layout_spec(&df, true)));
        }
    }
}

#[test]
fn legend_lists_only_what_the_drawing_can_show() {
    let (df, _) = parse(&fixture("parallel"));
    let untimed = build_graph(&df, None, &BTreeMap::new(), &[]).0;
    let timed = build_graph(&df, None, &BTreeMap::new(), &seconds(&df)).0;
    let legend = |g: &BuildGraph| {
        let svg = to_svg(g, &df, &SvgOptions::default());
        svg[svg.find("<g class=\"dp-legend\">").unwrap()..].to_string()
    };
    // Edge kinds and stage looks are always explained.
    for text in [">FROM stage<", ">COPY --from<", ">RUN --mount from<", ">built<", ">skipped<", ">target<"] {
        assert!(legend(&untimed).contains(text) && legend(&timed).contains(text), "{text}");
    }
    assert!(!legend(&untimed).contains(">critical path<") && legend(&timed).contains(">critical path<"));
    assert!(!legend(&timed).contains(">external image<"), "this graph reads no external image");
}

#[test]
fn onbuild() {
    check("onbuild");
}
