//! A layered ("Sugiyama") layout of a directed graph, drawn top to bottom.
//!
//! The steps are the classic ones: back edges of cycles are reversed, nodes
//! get layers by longest path, long edges are split by dummy nodes, layers
//! are ordered by barycentre sweeps to reduce crossings, and x coordinates
//! come from repeatedly pulling each node towards its neighbours while
//! keeping the layer's order and spacing. Everything is deterministic: no
//! hashing, no randomness, ties broken by position and index.
//!
//! The input is abstract (`GraphSpec`): labels only matter for node sizes.

use serde::Serialize;

/// Pixel sizes shared with the SVG renderer, so that text fits its box.
pub mod metrics {
    /// Labels are drawn in a monospace font, so their width is predictable.
    pub const LABEL_FONT: f64 = 13.0;
    pub const DETAIL_FONT: f64 = 11.0;
    pub const STEP_FONT: f64 = 11.0;
    /// Advance of one narrow character as a fraction of the font size, for
    /// common monospace fonts (Menlo, Consolas, DejaVu Sans Mono are ~0.6em).
    pub const CHAR_ADVANCE: f64 = 0.61;
    pub const PAD_X: f64 = 12.0;
    pub const LABEL_LINE: f64 = 20.0;
    pub const DETAIL_LINE: f64 = 16.0;
    pub const PAD_Y: f64 = 8.0;
    pub const STEP_LINE: f64 = 17.0;
    /// Room for the status swatch before a step's text.
    pub const STEP_SWATCH: f64 = 14.0;
    /// Room for the size column after a step's text.
    pub const STEP_SIZE_COL: f64 = 64.0;
    pub const MIN_STAGE_WIDTH: f64 = 96.0;
    pub const IMAGE_HEIGHT: f64 = 30.0;
    pub const DUMMY_WIDTH: f64 = 10.0;
    pub const NODE_GAP: f64 = 32.0;
    pub const DUMMY_GAP: f64 = 14.0;
    pub const LAYER_GAP: f64 = 56.0;
    pub const MARGIN: f64 = 16.0;
    /// Longest step text drawn inside a node, in characters.
    pub const MAX_STEP_CHARS: usize = 40;
    /// Longest label or detail drawn, in characters.
    pub const MAX_LABEL_CHARS: usize = 48;
}

use metrics::*;

/// What to lay out: nodes (by index) and directed edges between them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphSpec {
    pub nodes: Vec<NodeSpec>,
    pub edges: Vec<EdgeSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeSpec {
    pub label: String,
    /// A second, smaller line (a stage's base).
    pub detail: Option<String>,
    pub shape: Shape,
    /// Step lines drawn inside the node; empty when steps are hidden.
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// A build stage: a rounded box.
    Stage,
    /// An external image: a pill.
    Image,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EdgeSpec {
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A node's box: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NodeBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub layer: usize,
}

impl NodeBox {
    pub fn center_x(&self) -> f64 {
        self.x + self.width / 2.0
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// True when the two boxes share interior area.
    pub fn overlaps(&self, other: &NodeBox) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
}

/// How one input edge is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeRoute {
    /// From the source node's border to the target's, through the bends.
    /// Empty for an edge whose ends are not valid node indexes.
    pub points: Vec<Point>,
    /// The edge closes a cycle (or is a self-loop) and so points backwards
    /// (upwards); every other edge points downwards.
    pub reversed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// One per input node, in input order.
    pub nodes: Vec<NodeBox>,
    /// One per input edge, in input order.
    pub edges: Vec<EdgeRoute>,
    pub width: f64,
    pub height: f64,
    pub layers: usize,
    /// Edge crossings between adjacent layers in the final order.
    pub crossings: usize,
}

/// Estimated drawn width of `text` at `font` px in a monospace font; wide
/// (CJK) characters take two columns.
pub fn text_width(text: &str, font: f64) -> f64 {
    let columns: usize = text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum();
    columns as f64 * font * CHAR_ADVANCE
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Shortens `text` to at most `max` characters, ending with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The size a node needs for its label, detail line and steps.
pub fn node_size(node: &NodeSpec) -> (f64, f64) {
    let label = text_width(&truncate(&node.label, MAX_LABEL_CHARS), LABEL_FONT);
    match node.shape {
        Shape::Image => ((label + 2.0 * PAD_X + IMAGE_HEIGHT / 2.0).max(MIN_STAGE_WIDTH / 2.0), IMAGE_HEIGHT),
        Shape::Stage => {
            let detail = node.detail.as_deref().map_or(0.0, |d| text_width(&truncate(d, MAX_LABEL_CHARS), DETAIL_FONT));
            let steps = node
                .steps
                .iter()
                .map(|s| text_width(&truncate(s, MAX_STEP_CHARS), STEP_FONT) + STEP_SWATCH + STEP_SIZE_COL)
                .fold(0.0, f64::max);
            let width = (label.max(detail).max(steps) + 2.0 * PAD_X).max(MIN_STAGE_WIDTH);
            let mut height = PAD_Y + LABEL_LINE + PAD_Y;
            if node.detail.is_some() {
                height += DETAIL_LINE;
            }
            if !node.steps.is_empty() {
                height += PAD_Y / 2.0 + STEP_LINE * node.steps.len() as f64;
            }
            (width.ceil(), height.ceil())
        }
    }
}

/// A node of the layered graph: a real node or a dummy on a long edge.
struct VNode {
    real: Option<usize>,
    width: f64,
    layer: usize,
    /// Segments (indexes into `segs`) going up and down.
    up: Vec<usize>,
    down: Vec<usize>,
}

/// An edge between adjacent layers.
struct Seg {
    top: usize,
    bottom: usize,
}

/// Lays out `spec`. Pure and deterministic; never panics (edges naming a
/// missing node are kept with an empty route).
pub fn layout(spec: &GraphSpec) -> Layout {
    let n = spec.nodes.len();
    let sizes: Vec<(f64, f64)> = spec.nodes.iter().map(node_size).collect();

    // Valid non-loop edges, with back edges of cycles turned around.
    let valid = |e: &EdgeSpec| e.from < n && e.to < n && e.from != e.to;
    let back = back_edges(n, &spec.edges);
    // (upper, lower, input edge) after reversal.
    let dag: Vec<(usize, usize, usize)> = spec
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| valid(e))
        .map(|(i, e)| if back[i] { (e.to, e.from, i) } else { (e.from, e.to, i) })
        .collect();

    let layer = assign_layers(n, &dag);

    // Build the layered graph with dummies.
    let mut vnodes: Vec<VNode> = (0..n)
        .map(|i| VNode { real: Some(i), width: sizes[i].0, layer: layer[i], up: Vec::new(), down: Vec::new() })
        .collect();
    let mut segs: Vec<Seg> = Vec::new();
    // For each input edge, its own segments from upper to lower end (each
    // edge gets its own dummies, so parallel edges stay apart).
    let mut chains: Vec<Vec<usize>> = vec![Vec::new(); spec.edges.len()];
    for &(u, v, i) in &dag {
        let mut prev = u;
        for l in layer[u] + 1..layer[v] {
            let d = vnodes.len();
            vnodes.push(VNode { real: None, width: DUMMY_WIDTH, layer: l, up: Vec::new(), down: Vec::new() });
            chains[i].push(connect(&mut vnodes, &mut segs, prev, d));
            prev = d;
        }
        chains[i].push(connect(&mut vnodes, &mut segs, prev, v));
    }

    let layer_count = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut order = initial_order(&vnodes, &segs, layer_count);
    let crossings = reduce_crossings(&vnodes, &segs, &mut order);
    let xs = assign_x(&vnodes, &segs, &order);

    // Vertical placement: each layer as tall as its tallest node.
    let mut layer_h = vec![0.0f64; layer_count];
    for (i, &(_, h)) in sizes.iter().enumerate() {
        layer_h[layer[i]] = layer_h[layer[i]].max(h);
    }
    let mut layer_y = vec![0.0f64; layer_count];
    let mut y = MARGIN;
    for l in 0..layer_count {
        layer_y[l] = y;
        y += layer_h[l] + LAYER_GAP;
    }
    let height = if layer_count == 0 { 2.0 * MARGIN } else { y - LAYER_GAP + MARGIN };

    let nodes: Vec<NodeBox> = (0..n)
        .map(|i| {
            let (w, h) = sizes[i];
            let l = layer[i];
            NodeBox { x: xs[i] - w / 2.0, y: layer_y[l] + (layer_h[l] - h) / 2.0, width: w, height: h, layer: l }
        })
        .collect();
    let width = vnodes.iter().enumerate().map(|(v, node)| xs[v] + node.width / 2.0).fold(0.0, f64::max) + MARGIN;

    // Port positions: where each segment leaves its upper node and enters
    // its lower one, spread along the border in the order of the far ends.
    let mut port_top = vec![0.0f64; segs.len()];
    let mut port_bottom = vec![0.0f64; segs.len()];
    for (v, node) in vnodes.iter().enumerate() {
        spread_ports(&node.down, |s| xs[segs[s].bottom], xs[v], node, &mut port_top);
        spread_ports(&node.up, |s| xs[segs[s].top], xs[v], node, &mut port_bottom);
    }

    let edges: Vec<EdgeRoute> = spec
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if e.from < n && e.from == e.to {
                return self_loop(&nodes[e.from]);
            }
            if chains[i].is_empty() {
                return EdgeRoute { points: Vec::new(), reversed: false };
            }
            let mut points = Vec::with_capacity(2 * chains[i].len() + 2);
            for &s in &chains[i] {
                let (a, b) = (segs[s].top, segs[s].bottom);
                if vnodes[a].real.is_some() {
                    points.push(Point { x: port_top[s], y: nodes[a].bottom() });
                } else {
                    // Run straight down through the dummy's layer.
                    let l = vnodes[a].layer;
                    points.push(Point { x: xs[a], y: layer_y[l] });
                    points.push(Point { x: xs[a], y: layer_y[l] + layer_h[l] });
                }
                if vnodes[b].real.is_some() {
                    points.push(Point { x: port_bottom[s], y: nodes[b].y });
                }
            }
            let reversed = back[i];
            if reversed {
                points.reverse();
            }
            EdgeRoute { points, reversed }
        })
        .collect();

    Layout { nodes, edges, width: if n == 0 { 2.0 * MARGIN } else { width }, height, layers: layer_count, crossings }
}

fn connect(vnodes: &mut [VNode], segs: &mut Vec<Seg>, top: usize, bottom: usize) -> usize {
    let s = segs.len();
    segs.push(Seg { top, bottom });
    vnodes[top].down.push(s);
    vnodes[bottom].up.push(s);
    s
}

/// Marks the edges that close cycles, found by a depth-first search from
/// each node in index order; self-loops count as back edges.
fn back_edges(n: usize, edges: &[EdgeSpec]) -> Vec<bool> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in edges.iter().enumerate() {
        if e.from < n && e.to < n {
            out_edges[e.from].push(i);
        }
    }
    let targets: Vec<Vec<usize>> = out_edges.iter().map(|out| out.iter().map(|&i| edges[i].to).collect()).collect();
    let mut back = vec![false; edges.len()];
    for_each_back_edge(&targets, |v, k| back[out_edges[v][k]] = true);
    back
}

/// Calls `f(v, k)` for every edge `v -> adj[v][k]` that closes a cycle, in a
/// depth-first search from each node in index order (iterative, so deep
/// graphs cannot overflow the stack).
pub(super) fn for_each_back_edge(adj: &[Vec<usize>], mut f: impl FnMut(usize, usize)) {
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; adj.len()];
    for root in 0..adj.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let k = *next;
            if let Some(&w) = adj[v].get(k) {
                *next += 1;
                match state.get(w) {
                    Some(0) => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    Some(1) => f(v, k),
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
}

/// Longest-path layering, then every source node moves down to just above
/// its highest successor so that external images sit next to their users.
fn assign_layers(n: usize, dag: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut preds = vec![0usize; n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v, _) in dag {
        preds[v] += 1;
        succs[u].push(v);
    }
    let has_preds: Vec<bool> = preds.iter().map(|&p| p > 0).collect();
    let mut layer = vec![0usize; n];
    // Kahn's algorithm in index order keeps the result deterministic.
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|&v| preds[v] == 0).collect();
    while let Some(u) = ready.pop_first() {
        for &v in &succs[u] {
            layer[v] = layer[v].max(layer[u] + 1);
            preds[v] -= 1;
            if preds[v] == 0 {
                ready.insert(v);
            }
        }
    }
    for u in 0..n {
        if !has_preds[u] {
            if let Some(min) = succs[u].iter().map(|&v| layer[v]).min() {
                layer[u] = min.saturating_sub(1);
            }
        }
    }
    layer
}

/// First order: top layer by index, each further layer by the mean position
/// of its upper neighbours (nodes without any keep index order at the end).
fn initial_order(vnodes: &[VNode], segs: &[Seg], layers: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (v, node) in vnodes.iter().enumerate() {
        order[node.layer].push(v);
    }
    let mut pos = vec![0usize; vnodes.len()];
    for (l, layer) in order.iter_mut().enumerate() {
        if l > 0 {
            let key = |v: usize| -> f64 {
                let up = &vnodes[v].up;
                if up.is_empty() {
                    f64::INFINITY
                } else {
                    up.iter().map(|&s| pos[segs[s].top] as f64).sum::<f64>() / up.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = layer.iter().map(|&v| (key(v), v)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            *layer = keyed.into_iter().map(|(_, v)| v).collect();
        }
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
    order
}

const SWEEPS: usize = 24;
/// Sweeps without improvement before giving up.
const PATIENCE: usize = 6;

/// Barycentre sweeps, alternating down and up, keeping the best order seen,
/// then adjacent swaps on it. Returns its crossing count.
fn reduce_crossings(vnodes: &[VNode], segs: &[Seg], order: &mut [Vec<usize>]) -> usize {
    let mut pos = vec![0usize; vnodes.len()];
    let set_pos = |order: &[Vec<usize>], pos: &mut [usize]| {
        for layer in order {
            for (i, &v) in layer.iter().enumerate() {
                pos[v] = i;
            }
        }
    };
    set_pos(order, &mut pos);
    let mut best = total_crossings(vnodes, segs, order, &pos);
    let mut best_order = order.to_vec();
    let layers = order.len();
    let mut stale = 0;
    for sweep in 0..SWEEPS {
        if best == 0 || stale >= PATIENCE {
            break;
        }
        let down = sweep % 2 == 0;
        let seq: Vec<usize> = if down { (1..layers).collect() } else { (0..layers.saturating_sub(1)).rev().collect() };
        for l in seq {
            let mut keyed: Vec<(f64, usize, usize)> = order[l]
                .iter()
                .map(|&v| {
                    let near = if down { &vnodes[v].up } else { &vnodes[v].down };
                    let b = if near.is_empty() {
                        pos[v] as f64
                    } else {
                        near.iter().map(|&s| pos[if down { segs[s].top } else { segs[s].bottom }] as f64).sum::<f64>()
                            / near.len() as f64
                    };
                    (b, pos[v], v)
                })
                .collect();
            keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (i, &(_, _, v)) in keyed.iter().enumerate() {
                order[l][i] = v;
                pos[v] = i;
            }
        }
        let c = total_crossings(vnodes, segs, order, &pos);
        if c < best {
            best = c;
            best_order.clone_from_slice(order);
            stale = 0;
        } else {
            stale += 1;
        }
    }
    // Local swaps polish the best order found.
    order.clone_from_slice(&best_order);
    set_pos(order, &mut pos);
    transpose(vnodes, segs, order, &mut pos);
    let c = total_crossings(vnodes, segs, order, &pos);
    if c <= best {
        return c;
    }
    order.clone_from_slice(&best_order);
    best
}

/// Swaps neighbours within a layer while that lowers the crossings with
/// both adjacent layers.
fn transpose(vnodes: &[VNode], segs: &[Seg], order: &mut [Vec<usize>], pos: &mut [usize]) {
    for _ in 0..4 {
        let mut improved = false;
        for layer in order.iter_mut() {
            for i in 0..layer.len().saturating_sub(1) {
                let (a, b) = (layer[i], layer[i + 1]);
                if pair_crossings(vnodes, segs, pos, b, a) < pair_crossings(vnodes, segs, pos, a, b) {
                    layer.swap(i, i + 1);
                    pos[a] = i + 1;
                    pos[b] = i;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Crossings among the edges of `a` and `b` if `a` stands left of `b`.
fn pair_crossings(vnodes: &[VNode], segs: &[Seg], pos: &[usize], a: usize, b: usize) -> usize {
    let count = |ea: &[usize], eb: &[usize], far: &dyn Fn(usize) -> usize| {
        let mut c = 0;
        for &x in ea {
            for &y in eb {
                if far(x) > far(y) {
                    c += 1;
                }
            }
        }
        c
    };
    count(&vnodes[a].up, &vnodes[b].up, &|s| pos[segs[s].top])
        + count(&vnodes[a].down, &vnodes[b].down, &|s| pos[segs[s].bottom])
}

/// Crossings between every pair of adjacent layers, by counting inversions
/// with a Fenwick tree (O(E log V) per layer pair).
fn total_crossings(vnodes: &[VNode], segs: &[Seg], order: &[Vec<usize>], pos: &[usize]) -> usize {
    let mut total = 0;
    for l in 0..order.len().saturating_sub(1) {
        let mut pairs: Vec<(usize, usize)> =
            order[l].iter().flat_map(|&v| vnodes[v].down.iter().map(move |&s| (pos[v], pos[segs[s].bottom]))).collect();
        pairs.sort_unstable();
        let width = order[l + 1].len();
        let mut tree = vec![0usize; width + 1];
        for (seen, &(_, b)) in pairs.iter().enumerate() {
            // Earlier pairs ending strictly right of `b` cross this one.
            let mut i = b + 1;
            let mut at_most_b = 0;
            while i > 0 {
                at_most_b += tree[i];
                i &= i - 1;
            }
            total += seen - at_most_b;
            let mut i = b + 1;
            while i <= width {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

const PLACEMENT_ROUNDS: usize = 12;

/// x centres: start packed, then pull nodes towards their neighbours' mean
/// (above, below, then both), placing each layer as the least-squares fit
/// that keeps order and spacing. Dummies weigh more so long edges stay
/// straight.
fn assign_x(vnodes: &[VNode], segs: &[Seg], order: &[Vec<usize>]) -> Vec<f64> {
    let mut xs = vec![0.0f64; vnodes.len()];
    for layer in order {
        let mut x = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                x += separation(vnodes, layer[i - 1], v);
            }
            xs[v] = x;
        }
    }
    let layers = order.len();
    for round in 0..PLACEMENT_ROUNDS {
        let mode = round % 3;
        let seq: Vec<usize> = if mode == 1 { (0..layers).rev().collect() } else { (0..layers).collect() };
        for l in seq {
            let layer = &order[l];
            let desired: Vec<f64> = layer
                .iter()
                .map(|&v| {
                    let mut sum = 0.0;
                    let mut count = 0usize;
                    if mode != 1 {
                        for &s in &vnodes[v].up {
                            sum += xs[segs[s].top];
                            count += 1;
                        }
                    }
                    if mode != 0 {
                        for &s in &vnodes[v].down {
                            sum += xs[segs[s].bottom];
                            count += 1;
                        }
                    }
                    if count == 0 {
                        xs[v]
                    } else {
                        sum / count as f64
                    }
                })
                .collect();
            let weights: Vec<f64> = layer.iter().map(|&v| if vnodes[v].real.is_some() { 1.0 } else { 2.0 }).collect();
            let placed = place_layer(vnodes, layer, &desired, &weights);
            for (i, &v) in layer.iter().enumerate() {
                xs[v] = placed[i];
            }
        }
    }
    // Shift everything so the leftmost box starts at the margin.
    let min_left = vnodes.iter().enumerate().map(|(v, n)| xs[v] - n.width / 2.0).fold(f64::INFINITY, f64::min);
    if min_left.is_finite() {
        for x in &mut xs {
            *x += MARGIN - min_left;
        }
    }
    xs
}

fn separation(vnodes: &[VNode], a: usize, b: usize) -> f64 {
    let gap = if vnodes[a].real.is_some() && vnodes[b].real.is_some() { NODE_GAP } else { DUMMY_GAP };
    (vnodes[a].width + vnodes[b].width) / 2.0 + gap
}

/// The centres closest (weighted least squares) to `desired` such that each
/// node stands at least its separation right of the previous one: with
/// offsets removed this is isotonic regression, solved by pooling adjacent
/// violators.
fn place_layer(vnodes: &[VNode], layer: &[usize], desired: &[f64], weights: &[f64]) -> Vec<f64> {
    let mut offset = vec![0.0f64; layer.len()];
    for i in 1..layer.len() {
        offset[i] = offset[i - 1] + separation(vnodes, layer[i - 1], layer[i]);
    }
    // Blocks of (weighted mean, total weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..layer.len() {
        let mut block = (desired[i] - offset[i], weights[i], 1usize);
        while let Some(&last) = blocks.last() {
            if last.0 <= block.0 {
                break;
            }
            blocks.pop();
            let w = last.1 + block.1;
            block = ((last.0 * last.1 + block.0 * block.1) / w, w, last.2 + block.2);
        }
        blocks.push(block);
    }
    let mut out = Vec::with_capacity(layer.len());
    for (value, _, count) in blocks {
        for _ in 0..count {
            let i = out.len();
            out.push(value + offset[i]);
        }
    }
    out
}

/// Spreads the ports of `segments` along a node's border around its centre,
/// ordered by the x of each segment's far end.
fn spread_ports(segments: &[usize], far_x: impl Fn(usize) -> f64, cx: f64, node: &VNode, ports: &mut [f64]) {
    if segments.is_empty() {
        return;
    }
    let mut sorted: Vec<usize> = segments.to_vec();
    sorted.sort_by(|&a, &b| far_x(a).total_cmp(&far_x(b)).then(a.cmp(&b)));
    if node.real.is_none() {
        for s in sorted {
            ports[s] = cx;
        }
        return;
    }
    let k = sorted.len() as f64;
    let step = (node.width * 0.6 / k).min(16.0);
    for (j, s) in sorted.into_iter().enumerate() {
        ports[s] = cx + (j as f64 - (k - 1.0) / 2.0) * step;
    }
}

/// A small loop on the right side of a node, for an edge to itself.
fn self_loop(b: &NodeBox) -> EdgeRoute {
    let out = b.right() + 18.0;
    let (y1, y2) = (b.y + b.height * 0.3, b.y + b.height * 0.7);
    EdgeRoute {
        points: vec![
            Point { x: b.right(), y: y1 },
            Point { x: out, y: y1 },
            Point { x: out, y: y2 },
            Point { x: b.right(), y: y2 },
        ],
        reversed: true,
    }
}
