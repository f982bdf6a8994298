//! The Graph panel: the multi-stage build diagram (issue 5), drawn by
//! `dockerplay_core::graph::to_svg` and inlined, themed by `static/graph.css`.
//!
//! Pointing at a stage (or focusing it) highlights it, its edges and its
//! neighbours; clicking it (or Enter) selects its lines in the editor and
//! offers to build only up to it. The view zooms and pans (wheel, pinch,
//! drag, buttons, keys) and exports as SVG or PNG. What the view shows
//! (zoom, hover, selection, steps) is local state; only the target is an
//! input, changed through `on_target`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::rc::Rc;

use dockerplay_core::cache::{self, History, Status};
use dockerplay_core::graph::{self, BuildGraph, Source, StepStatus, StepStyle, SvgOptions, Words};
use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_core::Span;
use web_sys::wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::browser;
use crate::i18n::{texts, Lang};
use crate::state::{ShareState, SizeData};

#[derive(Properties, PartialEq)]
pub struct GraphPanelProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    /// The inputs: target, build args, context files and recorded builds,
    /// as they were when typing last paused.
    pub share: Rc<ShareState>,
    /// Moves the editor's selection to a span.
    pub on_reveal: Callback<Span>,
    /// Builds up to a stage (`None`: the last one).
    pub on_target: Callback<Option<String>>,
    /// Whether the size tables have arrived: the stages' sizes follow them.
    #[prop_or_default]
    pub size_data: SizeData,
}

/// The zoom and pan of the diagram: a point `p` of the drawing shows at
/// `p * scale + (x, y)` in the viewport.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
}

impl Default for View {
    fn default() -> View {
        View { scale: 1.0, x: 0.0, y: 0.0 }
    }
}

pub const MIN_SCALE: f64 = 0.25;
pub const MAX_SCALE: f64 = 4.0;
/// How much "fit" may enlarge a drawing smaller than the panel.
const FIT_MAX: f64 = 1.5;
/// One button press or key press zooms by this factor.
const ZOOM_STEP: f64 = 1.25;
/// One arrow key press pans by this many pixels.
const PAN_STEP: f64 = 40.0;
/// A press that moves less than this is a click, not a drag.
const DRAG_THRESHOLD: f64 = 4.0;

impl View {
    /// Zooms by `factor` keeping the viewport point `(px, py)` still, so
    /// what is under the pointer stays under it.
    pub fn zoom_at(self, factor: f64, px: f64, py: f64) -> View {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let k = scale / self.scale;
        View { scale, x: px - (px - self.x) * k, y: py - (py - self.y) * k }
    }

    pub fn pan(self, dx: f64, dy: f64) -> View {
        View { x: self.x + dx, y: self.y + dy, ..self }
    }

    fn css(self) -> String {
        format!("transform: translate({:.1}px, {:.1}px) scale({:.3})", self.x, self.y, self.scale)
    }
}

/// The width and height of an SVG document from its `viewBox`.
pub fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let end = start + svg[start..].find('"')?;
    let nums: Vec<f64> = svg[start..end].split_whitespace().filter_map(|n| n.parse().ok()).collect();
    match nums[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w, h)),
        _ => None,
    }
}

/// A value for a quoted CSS attribute selector.
fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Style rules that dim everything but the hovered stage, its edges and the
/// nodes at their other ends, and outline the selected stage. Generated per
/// hover because the SVG is a string from core, not Yew nodes.
pub fn highlight_css(graph: &BuildGraph, hovered: Option<usize>, selected: Option<usize>) -> String {
    let mut css = String::new();
    if let Some(h) = hovered.filter(|&h| h < graph.stages.len()) {
        let mut keep = vec![format!("[data-index=\"{h}\"]")];
        for (i, e) in graph.edges.iter().enumerate() {
            let from = match e.source {
                Source::Stage(s) => Some(s),
                Source::Image(_) => None,
            };
            if e.target != h && from != Some(h) {
                continue;
            }
            keep.push(format!(".dp-edge[data-edge=\"{i}\"]"));
            match e.source {
                Source::Stage(s) if s != h => keep.push(format!("[data-index=\"{s}\"]")),
                Source::Image(_) => keep.push(format!("[data-image=\"{}\"]", css_string(&e.from))),
                _ => {}
            }
            if e.target != h {
                keep.push(format!("[data-index=\"{}\"]", e.target));
            }
        }
        css.push_str(".graph-canvas .dp-nodes > .dp-node, .graph-canvas .dp-edge { opacity: 0.25; }\n");
        let list: Vec<String> = keep.iter().map(|k| format!(".graph-canvas .dp-graph {k}")).collect();
        let _ = writeln!(css, "{} {{ opacity: 1; }}", list.join(", "));
    }
    if let Some(s) = selected.filter(|&s| s < graph.stages.len()) {
        let _ = writeln!(
            css,
            ".graph-canvas .dp-graph [data-index=\"{s}\"] > rect {{ stroke: var(--accent); stroke-width: 3; }}"
        );
    }
    css
}

/// Per instruction, the cache status of the last what-if build (none: not
/// simulated) and the size of the layer it adds.
pub fn step_styles(
    instructions: usize,
    report: Option<&cache::BuildReport>,
    sizes: &BTreeMap<usize, u64>,
) -> Vec<StepStyle> {
    let mut styles = vec![StepStyle::default(); instructions];
    if let Some(report) = report {
        for step in &report.steps {
            if let Some(s) = styles.get_mut(step.instruction) {
                s.status = match step.status {
                    Status::Hit => StepStatus::Cached,
                    Status::Miss => StepStatus::Rebuilt,
                    Status::NotBuilt | Status::NoStep => StepStatus::Unknown,
                };
            }
        }
    }
    for (&i, &bytes) in sizes {
        if let Some(s) = styles.get_mut(i) {
            // Metadata-sized layers (a small COPY, a `mkdir`) would all read
            // "0.0 MB"; a size is shown only where it tells something.
            if bytes >= 50_000 {
                s.size = Some(size::megabytes(bytes));
            }
        }
    }
    styles
}

/// The bytes each layer-creating instruction adds, across all stages.
fn layer_sizes(input: &BuildInput) -> BTreeMap<usize, u64> {
    let (report, _) = size::estimate(input, &SizeOptions { target: input.target.clone(), ..SizeOptions::default() });
    std::iter::once(&report.image)
        .chain(&report.other_stages)
        .flat_map(|s| &s.layers)
        .filter(|l| l.creates_layer)
        .map(|l| (l.instruction, l.uncompressed))
        .collect()
}

/// The stage index of the `data-index` element at or around an event's
/// target.
fn stage_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(".dp-stage[data-index]").ok()??.get_attribute("data-index")?.parse().ok()
}

#[derive(Properties, PartialEq)]
struct SvgProps {
    svg: Rc<str>,
}

/// The drawing itself, apart so that zooming and hovering do not rebuild it.
#[component]
fn GraphSvg(props: &SvgProps) -> Html {
    Html::from_html_unchecked(AttrValue::from(props.svg.to_string()))
}

/// Pointers down on the canvas, for drags and pinches.
#[derive(Default)]
struct Pointers {
    /// Pointer id and its last position.
    down: Vec<(i32, f64, f64)>,
    /// How far the press has travelled: a click only when small.
    travel: f64,
    dragged: bool,
}

#[component]
pub fn GraphPanel(props: &GraphPanelProps) -> Html {
    let t = texts(props.lang);
    let share = &props.share;
    let show_steps = use_state_eq(|| false);
    let view = use_state_eq(View::default);
    let hovered = use_state_eq(|| None::<usize>);
    let selected = use_state_eq(|| None::<usize>);
    let canvas = use_node_ref();
    let pointers = use_mut_ref(Pointers::default);

    let graph = use_memo(
        (props.analysis.clone(), share.target.clone(), share.build_args.clone()),
        |(analysis, target, args)| {
            let df = &analysis.file;
            let seconds: Vec<f64> = df.instructions.iter().map(|i| cache::estimate_seconds(i)).collect();
            graph::build_graph(df, target.as_deref(), args, &seconds).0
        },
    );
    // The recorded builds replayed once per change of the history.
    let history = use_memo(share.history.clone(), |builds| {
        let images = BTreeMap::new();
        let mut h = History::new();
        for b in builds.iter() {
            let outcome = h.preview(b, &images, &cache::Options::default());
            h.record(&outcome);
        }
        Rc::new(h)
    });
    let steps = use_memo((*show_steps, share.clone(), props.analysis.clone(), props.size_data), {
        let history = history.clone();
        move |(show, share, analysis, _)| {
            if !*show {
                return Vec::new();
            }
            let input = share.current_build();
            let report = (!share.history.is_empty())
                .then(|| cache::what_if(&history, &input, &BTreeMap::new(), &cache::Options::default()).0);
            step_styles(analysis.file.instructions.len(), report.as_ref(), &layer_sizes(&input))
        }
    });
    let words = match props.lang {
        Lang::En => Words::default(),
        Lang::Zh => Words::simplified_chinese(),
    };
    let svg_for = {
        let (graph, analysis, steps, show) = (graph.clone(), props.analysis.clone(), steps.clone(), *show_steps);
        let words = words.clone();
        move |standalone: bool| {
            let opts = SvgOptions {
                show_steps: show,
                steps: (*steps).clone(),
                standalone,
                id_prefix: "dpg".into(),
                words: words.clone(),
            };
            graph::to_svg(&graph, &analysis.file, &opts)
        }
    };
    let svg: Rc<str> = {
        let svg_for = svg_for.clone();
        (*use_memo((graph.clone(), steps.clone(), *show_steps, props.lang), move |_| Rc::<str>::from(svg_for(false))))
            .clone()
    };

    if graph.stages.is_empty() {
        return html! { <div class="graph-panel"><p class="empty">{ t.graph_empty }</p></div> };
    }

    // Choosing a stage: its lines in the editor, and the offer to build it.
    let choose = {
        let (graph, selected, on_reveal) = (graph.clone(), selected.clone(), props.on_reveal.clone());
        move |i: usize| {
            if let Some(stage) = graph.stages.get(i) {
                selected.set(Some(i));
                on_reveal.emit(stage.span);
            }
        }
    };
    let onclick = {
        let (choose, pointers) = (choose.clone(), pointers.clone());
        Callback::from(move |e: MouseEvent| {
            // The click that ends a drag is not a choice; it also ends the
            // drag, so the next click counts however it was made.
            if std::mem::take(&mut pointers.borrow_mut().dragged) {
                return;
            }
            if let Some(i) = stage_at(e.target()) {
                choose(i);
            }
        })
    };
    let zoom_centre = {
        let (view, canvas) = (view.clone(), canvas.clone());
        move |factor: f64| {
            let (_, _, w, h) = browser::client_rect(&canvas).unwrap_or((0.0, 0.0, 0.0, 0.0));
            view.set(view.zoom_at(factor, w / 2.0, h / 2.0));
        }
    };
    let onkeydown = {
        let (view, choose, zoom_centre) = (view.clone(), choose.clone(), zoom_centre.clone());
        Callback::from(move |e: KeyboardEvent| {
            let v = *view;
            let next = match e.key().as_str() {
                "Enter" | " " => {
                    if let Some(i) = stage_at(e.target()) {
                        e.prevent_default();
                        choose(i);
                    }
                    return;
                }
                "ArrowLeft" => v.pan(PAN_STEP, 0.0),
                "ArrowRight" => v.pan(-PAN_STEP, 0.0),
                "ArrowUp" => v.pan(0.0, PAN_STEP),
                "ArrowDown" => v.pan(0.0, -PAN_STEP),
                "+" | "=" => {
                    e.prevent_default();
                    zoom_centre(ZOOM_STEP);
                    return;
                }
                "-" | "_" => {
                    e.prevent_default();
                    zoom_centre(1.0 / ZOOM_STEP);
                    return;
                }
                "0" => View::default(),
                _ => return,
            };
            e.prevent_default();
            view.set(next);
        })
    };
    let onwheel = {
        let (view, canvas) = (view.clone(), canvas.clone());
        Callback::from(move |e: WheelEvent| {
            // A plain wheel turn scrolls the page unless the diagram is in
            // use (focused, say after a click); a pinch on a touchpad comes
            // as a wheel with Ctrl and always zooms.
            if !(e.ctrl_key() || e.meta_key() || browser::has_focus_within(&canvas)) {
                return;
            }
            let Some((left, top, _, _)) = browser::client_rect(&canvas) else { return };
            e.prevent_default();
            // Line-mode wheels (Firefox) report lines; one line is ~16 px.
            let dy = if e.delta_mode() == 1 { e.delta_y() * 16.0 } else { e.delta_y() };
            let factor = (-dy * 0.0015).exp();
            view.set(view.zoom_at(factor, e.client_x() as f64 - left, e.client_y() as f64 - top));
        })
    };
    let onpointerdown = {
        let pointers = pointers.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut p = pointers.borrow_mut();
            if p.down.is_empty() {
                p.travel = 0.0;
                p.dragged = false;
            }
            p.down.retain(|d| d.0 != e.pointer_id());
            p.down.push((e.pointer_id(), e.client_x() as f64, e.client_y() as f64));
        })
    };
    let onpointermove = {
        let (pointers, view, canvas) = (pointers.clone(), view.clone(), canvas.clone());
        Callback::from(move |e: PointerEvent| {
            let mut p = pointers.borrow_mut();
            let Some(k) = p.down.iter().position(|d| d.0 == e.pointer_id()) else { return };
            let (x, y) = (e.client_x() as f64, e.client_y() as f64);
            let (_, ox, oy) = p.down[k];
            let others: Vec<(f64, f64)> = p.down.iter().filter(|d| d.0 != e.pointer_id()).map(|d| (d.1, d.2)).collect();
            p.down[k] = (e.pointer_id(), x, y);
            p.travel += (x - ox).hypot(y - oy);
            if p.travel < DRAG_THRESHOLD {
                return;
            }
            if !p.dragged {
                // Captured only once a drag starts, so a plain click still
                // reaches the stage under the pointer.
                p.dragged = true;
                browser::capture_pointer(&canvas, e.pointer_id());
            }
            match others.first() {
                // Two fingers: scale by how their distance changed, around
                // their midpoint, and pan by how the midpoint moved.
                Some(&(qx, qy)) => {
                    let (before, after) = ((ox - qx).hypot(oy - qy), (x - qx).hypot(y - qy));
                    if before > 1.0 {
                        let (left, top, _, _) = browser::client_rect(&canvas).unwrap_or_default();
                        let (mx, my) = ((x + qx) / 2.0 - left, (y + qy) / 2.0 - top);
                        view.set(view.zoom_at(after / before, mx, my).pan((x - ox) / 2.0, (y - oy) / 2.0));
                    }
                }
                None => view.set(view.pan(x - ox, y - oy)),
            }
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        Callback::from(move |e: PointerEvent| pointers.borrow_mut().down.retain(|d| d.0 != e.pointer_id()))
    };
    let on_hover = {
        let hovered = hovered.clone();
        move |target: Option<web_sys::EventTarget>| hovered.set(stage_at(target))
    };
    let onmouseover = {
        let on_hover = on_hover.clone();
        Callback::from(move |e: MouseEvent| on_hover(e.target()))
    };
    let onfocusin = {
        let on_hover = on_hover.clone();
        Callback::from(move |e: FocusEvent| on_hover(e.target()))
    };
    let onfocusout = {
        let hovered = hovered.clone();
        Callback::from(move |_: FocusEvent| hovered.set(None))
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(None))
    };
    let on_steps = {
        let show_steps = show_steps.clone();
        Callback::from(move |e: Event| {
            show_steps.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
        })
    };
    let on_download_svg = {
        let svg_for = svg_for.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download_text("dockerplay-graph.svg", "image/svg+xml", &svg_for(true));
        })
    };
    let on_download_png = {
        let svg_for = svg_for.clone();
        Callback::from(move |_: MouseEvent| {
            let svg = svg_for(true);
            if let Some((w, h)) = svg_size(&svg) {
                // Twice the CSS size, so the picture stays sharp on a
                // high-density screen or a slide.
                browser::download_svg_as_png("dockerplay-graph.png", &svg, w, h, 2.0);
            }
        })
    };

    // The target line: which stage is built, and the offer to change it.
    // A target that names no stage (renamed since, say) is shown as typed.
    let target_name = graph.target.and_then(|i| graph.stages.get(i)).map(|s| s.name.clone());
    let missing = target_name.is_none().then(|| share.target.clone()).flatten();
    let chosen = (*selected).and_then(|i| graph.stages.get(i));
    let target_row = {
        let explicit = share.target.is_some();
        let set = chosen.filter(|s| graph.target != Some(s.index)).map(|s| {
            let name = s.name.clone();
            let on_target = props.on_target.clone();
            html! {
                <button type="button" class="btn primary graph-set-target"
                    onclick={Callback::from(move |_: MouseEvent| on_target.emit(Some(name.clone())))}>
                    { format!("{} “{}”", t.graph_set_target, s.name) }
                </button>
            }
        });
        let clear = explicit.then(|| {
            let on_target = props.on_target.clone();
            html! {
                <button type="button" class="btn graph-clear-target"
                    onclick={Callback::from(move |_: MouseEvent| on_target.emit(None))}>
                    { t.graph_clear_target }
                </button>
            }
        });
        html! {
            <div class="graph-target">
                <span class="graph-target-text">
                    { format!("{}: ", t.graph_target) }
                    <strong class="graph-target-name">{ target_name.clone().or(missing.clone()).unwrap_or_default() }</strong>
                    if !explicit { <span class="muted">{ format!(" ({})", t.graph_target_last) }</span> }
                    if missing.is_some() { <span class="graph-target-missing">{ format!(" ({})", t.graph_target_missing) }</span> }
                </span>
                { for set }
                { for clear }
            </div>
        }
    };
    let hint = match chosen {
        Some(s) => {
            let lines = if s.end_line > s.line { format!("{}–{}", s.line, s.end_line) } else { s.line.to_string() };
            format!("{}: {} ({} {lines})", t.graph_selected, s.name, t.line_short)
        }
        None => t.graph_hint.to_string(),
    };
    // Small drawings grow to fill the panel, but not so much that their
    // text outgrows the editor's.
    let fit_width = svg_size(&svg).map(|(w, _)| format!("max-width: {:.0}px", w * FIT_MAX)).unwrap_or_default();
    let zoom_pct = format!("{:.0}%", view.scale * 100.0);

    html! {
        <div class="graph-panel">
            <div class="graph-toolbar">
                <label class="graph-steps">
                    <input type="checkbox" checked={*show_steps} onchange={on_steps} />
                    { t.graph_show_steps }
                </label>
                <div class="graph-zoom" role="group">
                    <button type="button" class="btn icon-only graph-zoom-out" title={t.graph_zoom_out} aria-label={t.graph_zoom_out}
                        onclick={{ let z = zoom_centre.clone(); Callback::from(move |_: MouseEvent| z(1.0 / ZOOM_STEP)) }}>{ "−" }</button>
                    <span class="graph-zoom-level" aria-live="polite">{ zoom_pct }</span>
                    <button type="button" class="btn icon-only graph-zoom-in" title={t.graph_zoom_in} aria-label={t.graph_zoom_in}
                        onclick={{ let z = zoom_centre.clone(); Callback::from(move |_: MouseEvent| z(ZOOM_STEP)) }}>{ "+" }</button>
                    <button type="button" class="btn graph-zoom-fit"
                        onclick={{ let v = view.clone(); Callback::from(move |_: MouseEvent| v.set(View::default())) }}>{ t.graph_zoom_fit }</button>
                </div>
                <div class="graph-export" role="group" aria-label={t.graph_download}>
                    <span class="graph-export-label">{ t.graph_download }</span>
                    <button type="button" class="btn graph-svg" onclick={on_download_svg}>{ "SVG" }</button>
                    <button type="button" class="btn graph-png" onclick={on_download_png}>{ "PNG" }</button>
                </div>
            </div>
            { target_row }
            <p class="graph-hint">{ hint }</p>
            if *show_steps && share.history.is_empty() {
                <p class="graph-hint graph-no-history">{ t.graph_no_history }</p>
            }
            <style>{ highlight_css(&graph, *hovered, *selected) }</style>
            <div class="graph-canvas" ref={canvas} tabindex="0" aria-label={t.graph_label}
                {onclick} {onkeydown} {onwheel} {onpointerdown} {onpointermove}
                onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
                {onmouseover} {onmouseleave} {onfocusin} {onfocusout}>
                <div class="graph-stage" style={view.css()}>
                    <div class="graph-fit" style={fit_width}>
                        <GraphSvg svg={svg} />
                    </div>
                </div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::syntax;

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still_and_stays_in_bounds() {
        let v = View { scale: 1.0, x: 10.0, y: 20.0 };
        // The drawing point under (110, 70) before and after.
        let under = |v: View, px: f64, py: f64| ((px - v.x) / v.scale, (py - v.y) / v.scale);
        let z = v.zoom_at(2.0, 110.0, 70.0);
        assert_eq!(z.scale, 2.0);
        assert_eq!(under(z, 110.0, 70.0), under(v, 110.0, 70.0));
        assert_eq!(v.zoom_at(100.0, 0.0, 0.0).scale, MAX_SCALE);
        assert_eq!(v.zoom_at(0.001, 0.0, 0.0).scale, MIN_SCALE);
        assert_eq!(v.pan(5.0, -5.0), View { scale: 1.0, x: 15.0, y: 15.0 });
    }

    #[test]
    fn the_export_size_comes_from_the_view_box() {
        assert_eq!(svg_size("<svg viewBox=\"0 0 320.5 200\" width=\"320.5\">"), Some((320.5, 200.0)));
        assert_eq!(svg_size("<svg width=\"3\">"), None);
        assert_eq!(svg_size("<svg viewBox=\"0 0 0 10\">"), None);
    }

    fn graph_of(text: &str) -> BuildGraph {
        let (df, _) = syntax::parse(text);
        graph::build_graph(&df, None, &BTreeMap::new(), &[]).0
    }

    #[test]
    fn hovering_keeps_the_stage_its_edges_and_their_other_ends_lit() {
        let g = graph_of(
            "FROM golang:1.22 AS build\nRUN go build\nFROM alpine AS tools\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=busybox:1 /bin/sh /sh\n",
        );
        let css = highlight_css(&g, Some(2), None);
        assert!(css.contains("opacity: 0.25"), "{css}");
        for kept in ["[data-index=\"2\"]", "[data-index=\"0\"]", "[data-image=\"busybox:1\"]"] {
            assert!(css.contains(kept), "{kept} not kept in {css}");
        }
        // The unrelated stage is dimmed with the rest.
        assert!(!css.contains("[data-index=\"1\"]"), "{css}");
        assert_eq!(highlight_css(&g, None, None), "");
        assert!(highlight_css(&g, None, Some(1)).contains("[data-index=\"1\"] > rect"));
    }

    #[test]
    fn steps_take_their_colour_from_the_simulation_and_show_only_sizes_that_matter() {
        let text = "FROM alpine\nRUN apk add --no-cache curl\nCOPY a.txt /a\n";
        let input = BuildInput { dockerfile: text.into(), ..BuildInput::default() };
        let mut h = History::new();
        let o = h.preview(&input, &BTreeMap::new(), &cache::Options::default());
        h.record(&o);
        let edited = BuildInput { dockerfile: text.replace("a.txt /a", "a.txt /b"), ..input.clone() };
        let (report, _) = cache::what_if(&h, &edited, &BTreeMap::new(), &cache::Options::default());
        let sizes = BTreeMap::from([(1, 3_000_000), (2, 10)]);
        let styles = step_styles(3, Some(&report), &sizes);
        assert_eq!(styles[1].status, StepStatus::Cached);
        assert_eq!(styles[2].status, StepStatus::Rebuilt);
        assert_eq!(styles[1].size.as_deref(), Some("3.0 MB"));
        assert_eq!(styles[2].size, None);
        assert!(step_styles(3, None, &BTreeMap::new()).iter().all(|s| s.status == StepStatus::Unknown));
    }

    #[test]
    fn layer_sizes_cover_every_stage_with_the_instruction_they_belong_to() {
        let text = "FROM debian:12 AS tools\nRUN apt-get update && apt-get install -y curl\nFROM alpine:3.20\nRUN apk add --no-cache git\n";
        let sizes = layer_sizes(&BuildInput { dockerfile: text.into(), ..BuildInput::default() });
        // Instruction 1 is in the skipped first stage, 3 in the image.
        assert!(sizes.get(&1).is_some_and(|&b| b > 1_000_000), "{sizes:?}");
        assert!(sizes.get(&3).is_some_and(|&b| b > 0), "{sizes:?}");
    }
}
