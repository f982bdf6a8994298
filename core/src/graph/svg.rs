//! The build graph drawn as SVG: the same drawing the page shows, so it can
//! also be embedded in docs that block iframes.
//!
//! Every element carries a `dp-*` class so the page can theme it (light and
//! dark); presentation attributes give fallback colours, which any CSS rule
//! overrides, so a standalone file reads well too. For event delegation,
//! stages carry `data-stage` (name), `data-index`, `data-line` and
//! `data-end-line`; edges `data-edge` (index into `BuildGraph::edges`),
//! `data-from`, `data-to`, `data-from-index` (stage sources only),
//! `data-to-index`, `data-kind` and `data-line`; steps `data-line`. On the
//! page (not `standalone`) stages are focusable buttons labelled like their
//! tooltip.

use std::fmt::Write;

use serde::Serialize;

use crate::graph::layout::{layout, metrics::*, truncate, GraphSpec, Layout, Point, Shape};
use crate::graph::model::{BuildGraph, EdgeKind, Source};
use crate::syntax::Dockerfile;

/// A step's cache status, shown as the colour of its swatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepStatus {
    /// Not simulated (or not known).
    #[default]
    Unknown,
    /// Reused from the cache.
    Cached,
    /// Run again.
    Rebuilt,
}

impl StepStatus {
    fn class(self) -> &'static str {
        match self {
            StepStatus::Unknown => "dp-step-unknown",
            StepStatus::Cached => "dp-step-cached",
            StepStatus::Rebuilt => "dp-step-rebuilt",
        }
    }

    fn colour(self) -> &'static str {
        match self {
            StepStatus::Unknown => "#94a3b8",
            StepStatus::Cached => "#16a34a",
            StepStatus::Rebuilt => "#f59e0b",
        }
    }
}

/// How one step is decorated when steps are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct StepStyle {
    pub status: StepStatus,
    /// A size label drawn at the right, such as `12.3 MB`.
    pub size: Option<String>,
}

/// The legend's and title's words, so the page can pass its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    pub title: String,
    pub from: String,
    pub copy: String,
    pub mount: String,
    pub built: String,
    pub skipped: String,
    pub target: String,
    pub critical: String,
    pub image: String,
    pub cached: String,
    pub rebuilt: String,
    pub unknown: String,
    pub line: String,
}

impl Default for Words {
    fn default() -> Words {
        Words {
            title: "Build graph".into(),
            from: "FROM stage".into(),
            copy: "COPY --from".into(),
            mount: "RUN --mount from".into(),
            built: "built".into(),
            skipped: "skipped".into(),
            target: "target".into(),
            critical: "critical path".into(),
            image: "external image".into(),
            cached: "cached".into(),
            rebuilt: "rebuilt".into(),
            unknown: "not simulated".into(),
            line: "line".into(),
        }
    }
}

impl Words {
    /// Simplified Chinese, for the page's zh-CN locale.
    pub fn simplified_chinese() -> Words {
        Words {
            title: "构建图".into(),
            from: "FROM 阶段".into(),
            copy: "COPY --from".into(),
            mount: "RUN --mount from".into(),
            built: "会构建".into(),
            skipped: "跳过".into(),
            target: "目标".into(),
            critical: "关键路径".into(),
            image: "外部镜像".into(),
            cached: "命中缓存".into(),
            rebuilt: "重新构建".into(),
            unknown: "未模拟".into(),
            line: "行".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SvgOptions {
    /// Draw each stage's steps inside its node.
    pub show_steps: bool,
    /// Per instruction (indexed like `Dockerfile::instructions`); missing
    /// entries are `StepStyle::default()`.
    pub steps: Vec<StepStyle>,
    /// A standalone file: XML declaration, a background, and a style sheet
    /// with a dark variant. Leave off when inlining into a page, whose own
    /// CSS themes the classes.
    pub standalone: bool,
    /// Prefix of element ids (markers, title), unique per page.
    pub id_prefix: String,
    pub words: Words,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions {
            show_steps: false,
            steps: Vec::new(),
            standalone: false,
            id_prefix: "dp".into(),
            words: Words::default(),
        }
    }
}

const LEGEND_ROW: f64 = 22.0;
const LEGEND_FONT: f64 = 11.0;

/// Lays out `graph` and draws it.
pub fn render(graph: &BuildGraph, df: &Dockerfile, opts: &SvgOptions) -> String {
    let spec = graph.layout_spec(df, opts.show_steps);
    let l = layout(&spec);
    render_layout(graph, &spec, &l, opts)
}

/// Draws an already computed layout of `graph.layout_spec(..)`.
pub fn render_layout(graph: &BuildGraph, spec: &GraphSpec, l: &Layout, opts: &SvgOptions) -> String {
    let p = &opts.id_prefix;
    let w = &opts.words;
    let legend = legend_items(graph, opts);
    let width = l.width.max(legend_min_width(&legend));
    let legend_rows = legend_rows(&legend, width);
    let height = l.height + legend_rows.len() as f64 * LEGEND_ROW + MARGIN / 2.0;

    let mut out = String::with_capacity(4096 + 1024 * spec.nodes.len());
    if opts.standalone {
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dp-graph\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"{}\" aria-labelledby=\"{p}-title {p}-desc\" font-family=\"ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace\">",
        num(width),
        num(height),
        num(width),
        num(height),
        // A file is one picture; on the page the stages are controls.
        if opts.standalone { "img" } else { "group" }
    );
    let _ = writeln!(out, "<title id=\"{p}-title\">{}</title>", esc(&w.title));
    let _ = writeln!(out, "<desc id=\"{p}-desc\">{}</desc>", esc(&describe(graph, w)));
    if opts.standalone {
        out.push_str(STANDALONE_STYLE);
    }
    out.push_str("<defs>");
    for kind in [EdgeKind::From, EdgeKind::Copy, EdgeKind::Mount] {
        let _ = write!(
            out,
            "<marker id=\"{p}-arrow-{k}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path class=\"dp-arrow dp-arrow-{k}\" d=\"M0,0 L10,5 L0,10 z\" fill=\"{c}\"/></marker>",
            k = kind.as_str(),
            c = edge_style(kind).0
        );
    }
    out.push_str("</defs>\n");
    if opts.standalone {
        let _ = writeln!(out, "<rect class=\"dp-bg\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    }

    let critical_edges = critical_edges(graph);
    out.push_str("<g class=\"dp-edges\">\n");
    for (i, (e, route)) in graph.edges.iter().zip(&l.edges).enumerate() {
        if route.points.is_empty() {
            continue;
        }
        let (colour, dash) = edge_style(e.kind);
        let mut class = format!("dp-edge dp-edge-{}", e.kind.as_str());
        let built = graph.stages.get(e.target).is_some_and(|s| s.built);
        class.push_str(if built { " dp-built" } else { " dp-skipped" });
        if critical_edges.contains(&i) {
            class.push_str(" dp-critical");
        }
        let _ = write!(
            out,
            "<path class=\"{class}\" data-edge=\"{i}\" data-from=\"{}\" data-to=\"{}\"{} data-to-index=\"{}\" data-kind=\"{}\" data-line=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"{}{} marker-end=\"url(#{p}-arrow-{})\">",
            esc(&e.from),
            esc(&e.to),
            match e.source {
                Source::Stage(s) => format!(" data-from-index=\"{s}\""),
                Source::Image(_) => String::new(),
            },
            e.target,
            e.kind.as_str(),
            e.line,
            path_d(&route.points, route.reversed),
            if critical_edges.contains(&i) { "2.5" } else { "1.5" },
            if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") },
            if built { "" } else { " opacity=\"0.45\"" },
            e.kind.as_str()
        );
        let _ = writeln!(out, "<title>{}</title></path>", esc(&edge_title(e, w)));
    }
    out.push_str("</g>\n<g class=\"dp-nodes\">\n");

    let on_path = |s: usize| graph.critical_path.stages.len() > 1 && graph.critical_path.stages.contains(&s);
    for (i, (node, b)) in spec.nodes.iter().zip(&l.nodes).enumerate() {
        match node.shape {
            Shape::Image => {
                let Some(image) = graph.images.get(i.wrapping_sub(graph.stages.len())) else { continue };
                let _ = writeln!(
                    out,
                    "<g class=\"dp-node dp-image\" data-image=\"{}\"><title>{}: {}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#f8fafc\" stroke=\"#94a3b8\" stroke-dasharray=\"4 3\"/><text class=\"dp-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"#334155\">{}</text></g>",
                    esc(image),
                    esc(&w.image),
                    esc(image),
                    num(b.x),
                    num(b.y),
                    num(b.width),
                    num(b.height),
                    num(b.height / 2.0),
                    num(b.center_x()),
                    num(b.y + b.height / 2.0 + LABEL_FONT * 0.35),
                    num(LABEL_FONT),
                    esc(&truncate(image, MAX_LABEL_CHARS))
                );
            }
            Shape::Stage => {
                let Some(stage) = graph.stages.get(i) else { continue };
                let mut class = String::from("dp-node dp-stage");
                class.push_str(if stage.built { " dp-built" } else { " dp-skipped" });
                if graph.target == Some(i) {
                    class.push_str(" dp-target");
                }
                if on_path(i) {
                    class.push_str(" dp-critical");
                }
                let (fill, stroke, text, detail) = if stage.built {
                    ("#ffffff", "#334155", "#0f172a", "#64748b")
                } else {
                    ("#f1f5f9", "#cbd5e1", "#94a3b8", "#94a3b8")
                };
                let stroke = if on_path(i) { "#ea580c" } else { stroke };
                let stroke_width = if graph.target == Some(i) {
                    "3"
                } else if on_path(i) {
                    "2"
                } else {
                    "1.2"
                };
                let _ = write!(
                    out,
                    "<g class=\"{class}\" data-stage=\"{}\" data-index=\"{i}\" data-line=\"{}\" data-end-line=\"{}\"{}>",
                    esc(&stage.name),
                    stage.line,
                    stage.end_line,
                    if opts.standalone {
                        String::new()
                    } else {
                        format!(" tabindex=\"0\" role=\"button\" aria-label=\"{}\"", esc(&stage_title(graph, i, w)))
                    }
                );
                // The tooltip of a standalone drawing. In the page the node
                // is a button named by the same words, and a title's text
                // would count as its visible text, which the name must hold
                // (WCAG 2.5.3: speech input says what it sees).
                if opts.standalone {
                    let _ = write!(out, "<title>{}</title>", esc(&stage_title(graph, i, w)));
                }
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"{}/>",
                    num(b.x),
                    num(b.y),
                    num(b.width),
                    num(b.height),
                    if stage.built { "" } else { " stroke-dasharray=\"5 3\"" }
                );
                let mut y = b.y + PAD_Y + LABEL_FONT;
                let _ = write!(
                    out,
                    "<text class=\"dp-label\" x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{text}\">{}</text>",
                    num(b.x + PAD_X),
                    num(y),
                    num(LABEL_FONT),
                    esc(&truncate(&node.label, MAX_LABEL_CHARS))
                );
                // The detail starts with a space, which SVG does not draw:
                // the node's text then reads "name FROM base", as its name.
                if let Some(d) = &node.detail {
                    y += DETAIL_LINE;
                    let _ = write!(
                        out,
                        "<text class=\"dp-detail\" x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{detail}\"> {}</text>",
                        num(b.x + PAD_X),
                        num(y),
                        num(DETAIL_FONT),
                        esc(&truncate(d, MAX_LABEL_CHARS))
                    );
                }
                if !node.steps.is_empty() {
                    let mut row =
                        b.y + PAD_Y + LABEL_LINE + if node.detail.is_some() { DETAIL_LINE } else { 0.0 } + PAD_Y / 2.0;
                    for (k, label) in node.steps.iter().enumerate() {
                        let inst = stage.instructions.get(k + 1).copied().unwrap_or(usize::MAX);
                        let line = stage.instruction_lines.get(k + 1).copied().unwrap_or(stage.line);
                        let style = opts.steps.get(inst).cloned().unwrap_or_default();
                        let _ = write!(out, "<g class=\"dp-step {}\" data-line=\"{}\">", style.status.class(), line);
                        let _ = write!(
                            out,
                            "<rect class=\"dp-swatch\" x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" rx=\"2\" fill=\"{}\"/>",
                            num(b.x + PAD_X),
                            num(row + (STEP_LINE - 8.0) / 2.0 - 1.0),
                            style.status.colour()
                        );
                        let _ = write!(
                            out,
                            "<text class=\"dp-step-text\" x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{text}\">{}</text>",
                            num(b.x + PAD_X + STEP_SWATCH),
                            num(row + STEP_FONT),
                            num(STEP_FONT),
                            esc(&truncate(label, MAX_STEP_CHARS))
                        );
                        if let Some(size) = &style.size {
                            let _ = write!(
                                out,
                                "<text class=\"dp-step-size\" x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\" fill=\"{detail}\">{}</text>",
                                num(b.right() - PAD_X),
                                num(row + STEP_FONT),
                                num(STEP_FONT),
                                esc(size)
                            );
                        }
                        out.push_str("</g>");
                        row += STEP_LINE;
                    }
                }
                out.push_str("</g>\n");
            }
        }
    }
    out.push_str("</g>\n");
    draw_legend(&mut out, &legend, &legend_rows, l.height, p);
    out.push_str("</svg>\n");
    out
}

fn edge_style(kind: EdgeKind) -> (&'static str, &'static str) {
    match kind {
        EdgeKind::From => ("#475569", ""),
        EdgeKind::Copy => ("#2563eb", "6 4"),
        EdgeKind::Mount => ("#9333ea", "2 3"),
    }
}

/// Edges between consecutive stages of the critical path.
fn critical_edges(graph: &BuildGraph) -> Vec<usize> {
    let path = &graph.critical_path.stages;
    graph
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.source, Source::Stage(s) if path.windows(2).any(|w| w[0] == s && w[1] == e.target)))
        .map(|(i, _)| i)
        .collect()
}

fn describe(graph: &BuildGraph, w: &Words) -> String {
    let built: Vec<&str> = graph.stages.iter().filter(|s| s.built).map(|s| s.name.as_str()).collect();
    let skipped: Vec<&str> = graph.stages.iter().filter(|s| !s.built).map(|s| s.name.as_str()).collect();
    let mut d = String::new();
    if let Some(t) = graph.target.and_then(|t| graph.stages.get(t)) {
        let _ = write!(d, "{}: {}. ", w.target, t.name);
    }
    let _ = write!(d, "{}: {}.", w.built, if built.is_empty() { "-".into() } else { built.join(", ") });
    if !skipped.is_empty() {
        let _ = write!(d, " {}: {}.", w.skipped, skipped.join(", "));
    }
    d
}

fn stage_title(graph: &BuildGraph, i: usize, w: &Words) -> String {
    let s = &graph.stages[i];
    let mut t = format!("{} FROM {}, {} {}", s.name, s.base, w.line, s.line);
    if s.end_line > s.line {
        let _ = write!(t, "-{}", s.end_line);
    }
    let _ = write!(t, ": {}", if s.built { &w.built } else { &w.skipped });
    if graph.target == Some(i) {
        let _ = write!(t, ", {}", w.target);
    }
    t
}

fn edge_title(e: &crate::graph::model::Edge, w: &Words) -> String {
    let kind = match e.kind {
        EdgeKind::From => &w.from,
        EdgeKind::Copy => &w.copy,
        EdgeKind::Mount => &w.mount,
    };
    format!("{} → {} ({kind}, {} {})", e.from, e.to, w.line, e.line)
}

/// The `d` of a path through `points`: cubic curves with vertical tangents
/// between layers (straight where the ends line up), straight lines for
/// loops and other backward routes that leave sideways.
pub fn path_d(points: &[Point], reversed: bool) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else { return d };
    let _ = write!(d, "M{},{}", num(first.x), num(first.y));
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.x == b.x || a.y == b.y || (reversed && points.len() == 4 && points[0].x == points[3].x) {
            let _ = write!(d, " L{},{}", num(b.x), num(b.y));
        } else {
            let mid = (a.y + b.y) / 2.0;
            let _ = write!(d, " C{},{} {},{} {},{}", num(a.x), num(mid), num(b.x), num(mid), num(b.x), num(b.y));
        }
    }
    d
}

/// A legend entry: a sample (edge kind, node look or step status) and its
/// text.
enum Sample {
    Edge(EdgeKind),
    Built,
    Skipped,
    Target,
    Critical,
    Image,
    Step(StepStatus),
}

/// Every edge kind and stage look, so a reader learns them all; the
/// critical path and external images only when the drawing has them.
fn legend_items(graph: &BuildGraph, opts: &SvgOptions) -> Vec<(Sample, String)> {
    let w = &opts.words;
    let mut items = vec![
        (Sample::Edge(EdgeKind::From), w.from.clone()),
        (Sample::Edge(EdgeKind::Copy), w.copy.clone()),
        (Sample::Edge(EdgeKind::Mount), w.mount.clone()),
        (Sample::Built, w.built.clone()),
        (Sample::Skipped, w.skipped.clone()),
        (Sample::Target, w.target.clone()),
    ];
    if graph.critical_path.stages.len() > 1 {
        items.push((Sample::Critical, w.critical.clone()));
    }
    if !graph.images.is_empty() {
        items.push((Sample::Image, w.image.clone()));
    }
    if opts.show_steps {
        items.push((Sample::Step(StepStatus::Cached), w.cached.clone()));
        items.push((Sample::Step(StepStatus::Rebuilt), w.rebuilt.clone()));
        items.push((Sample::Step(StepStatus::Unknown), w.unknown.clone()));
    }
    items
}

const SAMPLE_WIDTH: f64 = 26.0;
const ITEM_GAP: f64 = 16.0;

fn item_width(text: &str) -> f64 {
    SAMPLE_WIDTH + 6.0 + text_width_legend(text) + ITEM_GAP
}

fn text_width_legend(text: &str) -> f64 {
    crate::graph::layout::text_width(text, LEGEND_FONT)
}

fn legend_min_width(items: &[(Sample, String)]) -> f64 {
    items.iter().map(|(_, t)| item_width(t)).fold(0.0, f64::max) + 2.0 * MARGIN
}

/// Items per row, flowing left to right within `width`.
fn legend_rows(items: &[(Sample, String)], width: f64) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut x = MARGIN;
    for (i, (_, text)) in items.iter().enumerate() {
        let wi = item_width(text);
        if x + wi > width - MARGIN + ITEM_GAP && !rows.last().is_some_and(|r| r.is_empty()) {
            rows.push(Vec::new());
            x = MARGIN;
        }
        rows.last_mut().expect("a row").push(i);
        x += wi;
    }
    rows
}

fn draw_legend(out: &mut String, items: &[(Sample, String)], rows: &[Vec<usize>], top: f64, p: &str) {
    out.push_str("<g class=\"dp-legend\">\n");
    for (r, row) in rows.iter().enumerate() {
        let cy = top + r as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let mut x = MARGIN;
        for &i in row {
            let (sample, text) = &items[i];
            match sample {
                Sample::Edge(kind) => {
                    let (colour, dash) = edge_style(*kind);
                    let _ = write!(
                        out,
                        "<path class=\"dp-sample dp-edge-{k}\" d=\"M{},{} L{},{}\" stroke=\"{colour}\" stroke-width=\"1.5\"{} marker-end=\"url(#{p}-arrow-{k})\"/>",
                        num(x),
                        num(cy),
                        num(x + SAMPLE_WIDTH - 2.0),
                        num(cy),
                        if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") },
                        k = kind.as_str()
                    );
                }
                Sample::Built | Sample::Skipped | Sample::Target | Sample::Critical => {
                    let (class, fill, stroke, sw, dash) = match sample {
                        Sample::Built => ("dp-stage dp-built", "#ffffff", "#334155", "1.2", ""),
                        Sample::Skipped => {
                            ("dp-stage dp-skipped", "#f1f5f9", "#cbd5e1", "1.2", " stroke-dasharray=\"5 3\"")
                        }
                        Sample::Target => ("dp-stage dp-built dp-target", "#ffffff", "#334155", "3", ""),
                        _ => ("dp-stage dp-built dp-critical", "#ffffff", "#ea580c", "2", ""),
                    };
                    let _ = write!(
                        out,
                        "<g class=\"{class}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\"{dash}/></g>",
                        num(x + 2.0),
                        num(cy - 6.0),
                        num(SAMPLE_WIDTH - 4.0)
                    );
                }
                Sample::Image => {
                    let _ = write!(
                        out,
                        "<g class=\"dp-image\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"6\" fill=\"#f8fafc\" stroke=\"#94a3b8\" stroke-dasharray=\"4 3\"/></g>",
                        num(x + 2.0),
                        num(cy - 6.0),
                        num(SAMPLE_WIDTH - 4.0)
                    );
                }
                Sample::Step(status) => {
                    let _ = write!(
                        out,
                        "<g class=\"dp-step {}\"><rect class=\"dp-swatch\" x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" rx=\"2\" fill=\"{}\"/></g>",
                        status.class(),
                        num(x + SAMPLE_WIDTH / 2.0 - 4.0),
                        num(cy - 4.0),
                        status.colour()
                    );
                }
            }
            let _ = write!(
                out,
                "<text class=\"dp-legend-text\" x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#475569\">{}</text>",
                num(x + SAMPLE_WIDTH + 6.0),
                num(cy + LEGEND_FONT * 0.35),
                num(LEGEND_FONT),
                esc(text)
            );
            x += item_width(text);
        }
        out.push('\n');
    }
    out.push_str("</g>\n");
}

/// A dark variant for standalone files; classes override the fallback
/// presentation attributes.
const STANDALONE_STYLE: &str = "<style>
@media (prefers-color-scheme: dark) {
  .dp-graph .dp-bg { fill: #0f172a; }
  .dp-graph .dp-stage.dp-built > rect { fill: #1e293b; stroke: #cbd5e1; }
  .dp-graph .dp-stage.dp-skipped > rect { fill: #0f172a; stroke: #475569; }
  .dp-graph .dp-stage.dp-critical > rect { stroke: #fb923c; }
  .dp-graph .dp-built .dp-label, .dp-graph .dp-built .dp-step-text { fill: #f1f5f9; }
  .dp-graph .dp-skipped .dp-label, .dp-graph .dp-skipped .dp-step-text { fill: #64748b; }
  .dp-graph .dp-detail, .dp-graph .dp-step-size, .dp-graph .dp-legend-text { fill: #94a3b8; }
  .dp-graph .dp-image > rect { fill: #1e293b; stroke: #64748b; }
  .dp-graph .dp-image .dp-label { fill: #e2e8f0; }
  .dp-graph .dp-edge-from { stroke: #94a3b8; }
  .dp-graph .dp-arrow-from { fill: #94a3b8; }
  .dp-graph .dp-edge-copy { stroke: #60a5fa; }
  .dp-graph .dp-arrow-copy { fill: #60a5fa; }
  .dp-graph .dp-edge-mount { stroke: #c084fc; }
  .dp-graph .dp-arrow-mount { fill: #c084fc; }
}
</style>
";

/// A coordinate with at most one decimal, without a trailing `.0`.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Escapes text for XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids are dropped rather than emitted.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
