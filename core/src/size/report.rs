//! The figures: stage totals, dive-style efficiency, pull time, and the base
//! comparison as data and as an SVG bar chart.

use super::build::{LayerSize, StageState};
use super::catalogue::{BaseImage, Basis};
use super::fs::ChangeKind;
use super::messages as M;
use super::{data_sources, SizeOptions, SizeReport};
use crate::message::{Lang, Msg};
use crate::syntax::{Dockerfile, Keyword};
use serde::Serialize;
use std::collections::BTreeMap;

/// A stage's image: its base plus its layers (a stage built FROM another
/// stage carries that stage's layers too).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageSize {
    pub index: usize,
    pub name: String,
    pub base: BaseImage,
    pub layers: Vec<LayerSize>,
    /// Base plus layers.
    pub uncompressed: u64,
    pub compressed: u64,
    /// The range of `uncompressed`: the base's range plus each layer's.
    pub low: u64,
    pub high: u64,
    /// The layers alone.
    pub added_uncompressed: u64,
    pub added_compressed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WastedPath {
    pub path: String,
    /// How many layers store or delete it.
    pub copies: usize,
    /// The bytes of all its copies.
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PullTime {
    pub bandwidth_mbps: f64,
    /// Compressed bytes to download for the whole image.
    pub bytes: u64,
    pub seconds: f64,
    /// What a host that already has the base image skips.
    pub skipped_bytes: u64,
    pub seconds_with_base: f64,
}

/// The image priced on one base.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaseOption {
    pub reference: String,
    /// The base the Dockerfile names.
    pub current: bool,
    pub basis: Basis,
    pub libc: String,
    pub base_uncompressed: u64,
    pub uncompressed: u64,
    /// The range of `uncompressed`.
    pub low: u64,
    pub high: u64,
    pub compressed: u64,
    /// What would not work, or what the figure rests on.
    pub caveats: Vec<Msg>,
}

pub(crate) fn empty_stage() -> StageSize {
    StageSize {
        index: 0,
        name: String::new(),
        base: super::catalogue::lookup("scratch", None),
        layers: Vec::new(),
        uncompressed: 0,
        compressed: 0,
        low: 0,
        high: 0,
        added_uncompressed: 0,
        added_compressed: 0,
    }
}

pub(crate) fn stage_size(df: &Dockerfile, st: &StageState, index: usize) -> StageSize {
    let added_uncompressed = st.layers.iter().map(|l| l.uncompressed).fold(0u64, u64::saturating_add);
    let added_compressed = st.layers.iter().map(|l| l.compressed).fold(0u64, u64::saturating_add);
    let (base_low, base_high) = st.base.range();
    StageSize {
        index,
        name: df.stages.get(index).map(|s| s.display_name()).unwrap_or_default(),
        base: st.base.clone(),
        layers: st.layers.clone(),
        uncompressed: st.base.uncompressed.saturating_add(added_uncompressed),
        compressed: st.base.compressed.saturating_add(added_compressed),
        low: st.layers.iter().map(|l| l.low).fold(base_low, u64::saturating_add),
        high: st.layers.iter().map(|l| l.high).fold(base_high, u64::saturating_add),
        added_uncompressed,
        added_compressed,
    }
}

/// dive's efficiency over the image's layers (dive: filetree/efficiency.go):
/// per path, the sum of its sizes in every layer that stores it (a whiteout
/// counts 0) against its smallest one. The base's files are unknown to us
/// and count once, as they would when nothing overwrites them.
fn efficiency(image: &StageSize) -> (f64, u64, Vec<WastedPath>) {
    let mut paths: BTreeMap<&str, (u64, u64, usize)> = BTreeMap::new();
    for layer in &image.layers {
        for c in layer.changes.iter().filter(|c| !c.dir) {
            let size = if c.kind == ChangeKind::Deleted { 0 } else { c.size };
            let e = paths.entry(c.path.as_str()).or_insert((0, u64::MAX, 0));
            e.0 = e.0.saturating_add(size);
            e.1 = e.1.min(size);
            e.2 += 1;
        }
    }
    let base = image.base.uncompressed;
    let (mut min_sum, mut cum_sum) = (base, base);
    let mut wasted = Vec::new();
    for (path, (cum, min, n)) in paths {
        min_sum = min_sum.saturating_add(min);
        cum_sum = cum_sum.saturating_add(cum);
        if n > 1 {
            wasted.push(WastedPath { path: path.to_string(), copies: n, bytes: cum });
        }
    }
    wasted.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.path.cmp(&b.path)));
    let score = if cum_sum == 0 { 1.0 } else { min_sum as f64 / cum_sum as f64 };
    (score, wasted.iter().map(|w| w.bytes).fold(0u64, u64::saturating_add), wasted)
}

pub(crate) fn assemble(image: StageSize, other_stages: Vec<StageSize>, opts: &SizeOptions) -> SizeReport {
    let (efficiency, wasted_bytes, wasted) = efficiency(&image);
    let mbps = if opts.bandwidth_mbps > 0.0 { opts.bandwidth_mbps } else { 100.0 };
    let secs = |bytes: u64| bytes as f64 * 8.0 / (mbps * 1_000_000.0);
    let skipped = image.base.compressed.min(image.compressed);
    let pull = PullTime {
        bandwidth_mbps: mbps,
        bytes: image.compressed,
        seconds: secs(image.compressed),
        skipped_bytes: skipped,
        seconds_with_base: secs(image.compressed - skipped),
    };
    SizeReport {
        image,
        other_stages,
        efficiency,
        wasted_bytes,
        wasted,
        pull,
        unknowns: Vec::new(),
        complete: true,
        data: data_sources(),
    }
}

/// How many RUNs the image's layers have, and whether one uses apt.
fn chain_runs(df: &Dockerfile, rep: &SizeReport) -> (usize, bool) {
    let mut runs = 0;
    let mut apt = false;
    for l in &rep.image.layers {
        if l.keyword == Keyword::Run {
            runs += 1;
            if let Some(ins) = df.instructions.get(l.instruction) {
                apt |= ins.command.contains("apt-get") || ins.command.contains("apt ");
            }
        }
    }
    (runs, apt)
}

pub(crate) fn option(df: &Dockerfile, rep: &SizeReport, current: bool) -> BaseOption {
    let base = &rep.image.base;
    let (runs, apt) = chain_runs(df, rep);
    let mut caveats = Vec::new();
    if base.libc == "musl" {
        caveats.push(M::CAVEAT_MUSL.msg());
        if apt {
            caveats.push(M::CAVEAT_NO_APT.msg());
        }
    }
    if !base.has_shell && runs > 0 {
        caveats.push(M::CAVEAT_NO_SHELL.msg().arg("n", runs));
    }
    match base.basis {
        Basis::Estimate => caveats.push(M::CAVEAT_ESTIMATE.msg()),
        Basis::Unknown => caveats.push(M::CAVEAT_UNKNOWN.msg()),
        Basis::NearestTag => {
            caveats.push(M::CAVEAT_NEAREST.msg().arg("from", short(base.estimated_from.as_deref().unwrap_or_default())))
        }
        _ => {}
    }
    if !rep.unknowns.is_empty() {
        caveats.push(M::CAVEAT_STEPS.msg().arg("n", rep.unknowns.len()));
    }
    BaseOption {
        reference: base.reference.clone(),
        current,
        basis: base.basis,
        libc: base.libc.clone(),
        base_uncompressed: base.uncompressed,
        uncompressed: rep.image.uncompressed,
        low: rep.image.low,
        high: rep.image.high,
        compressed: rep.image.compressed,
        caveats,
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A short name for a chart label: Docker's familiar form (`python:3.12`),
/// without `:latest` and the `gcr.io/` of distroless images.
fn short(reference: &str) -> String {
    let familiar = crate::reference::parse(reference).map(|r| r.familiar()).unwrap_or_else(|_| reference.to_string());
    let name = familiar.strip_suffix(":latest").unwrap_or(&familiar);
    name.strip_prefix("gcr.io/").unwrap_or(name).to_string()
}

/// Decimal megabytes, as `docker images` prints sizes.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    if mb >= 100.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// A horizontal bar chart of the options' uncompressed sizes, each bar split
/// into the base (darker) and what the Dockerfile adds; options with caveats
/// are marked with `*` and their caveats are the bar's tooltip.
pub fn comparison_svg(options: &[BaseOption]) -> String {
    comparison_svg_in(options, Lang::En)
}

/// [`comparison_svg`] with its label and tooltips in `lang`.
pub fn comparison_svg_in(options: &[BaseOption], lang: Lang) -> String {
    const ROW: u32 = 28;
    const LABEL: u32 = 250;
    const BAR: f64 = 340.0;
    const WIDTH: u32 = 700;
    let height = ROW * options.len() as u32 + 16;
    let max = options.iter().map(|o| o.uncompressed).max().unwrap_or(0).max(1) as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"size-chart\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">\n",
        M::CHART_LABEL.template(lang)
    );
    let separator = match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    };
    svg.push_str("<style>.base{fill:#4a6fa5}.added{fill:#9ab8e0}.current text{font-weight:bold}text{font:12px sans-serif;fill:currentColor}</style>\n");
    for (i, o) in options.iter().enumerate() {
        let y = 8 + ROW * i as u32;
        let base_w = o.base_uncompressed.min(o.uncompressed) as f64 / max * BAR;
        let total_w = o.uncompressed as f64 / max * BAR;
        let mark = if o.caveats.is_empty() { "" } else { " *" };
        let class = if o.current { "option current" } else { "option" };
        svg.push_str(&format!("<g class=\"{class}\">"));
        if !o.caveats.is_empty() {
            svg.push_str(&format!(
                "<title>{}</title>",
                xml_escape(&o.caveats.iter().map(|c| c.render(lang)).collect::<Vec<_>>().join(separator))
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>",
            LABEL - 8,
            y + 15,
            xml_escape(&short(&o.reference)),
            mark
        ));
        svg.push_str(&format!(
            "<rect class=\"base\" x=\"{LABEL}\" y=\"{}\" width=\"{base_w:.1}\" height=\"20\"/>",
            y + 2
        ));
        svg.push_str(&format!(
            "<rect class=\"added\" x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"20\"/>",
            LABEL as f64 + base_w,
            y + 2,
            (total_w - base_w).max(0.0)
        ));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\">{}</text>",
            LABEL as f64 + total_w + 6.0,
            y + 15,
            megabytes(o.uncompressed)
        ));
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

fn change_line(c: &super::fs::PathChange) -> String {
    let dir = if c.dir { "/" } else { "" };
    match c.kind {
        ChangeKind::Added => format!("+ {}{dir} {}", c.path, c.size),
        ChangeKind::Changed => format!("~ {}{dir} {}", c.path, c.size),
        ChangeKind::Deleted => format!("- {}{dir} (whiteout, hides {})", c.path, c.hidden),
    }
}

fn stage_text(out: &mut String, df: &Dockerfile, s: &StageSize, title: &str, lang: Lang) {
    let b = &s.base;
    out.push_str(&format!(
        "{title} {}: base {} [{}] {} B (compressed {} B)\n",
        s.name,
        b.reference,
        serde_json::to_value(b.basis).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        b.uncompressed,
        b.compressed
    ));
    for l in s.layers.iter().filter(|l| l.creates_layer) {
        let text = df
            .instructions
            .get(l.instruction)
            .map(|i| i.text.lines().next().unwrap_or("").to_string())
            .unwrap_or_default();
        let est = if l.estimated > 0 { format!(", estimated {} B", l.estimated) } else { String::new() };
        let basis =
            serde_json::to_value(l.source).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let range = if l.low != l.high { format!(", {}..{} B", l.low, l.high) } else { String::new() };
        out.push_str(&format!(
            "  line {}: {} B (compressed {} B{est}; {basis}{range})  {}\n",
            l.line, l.uncompressed, l.compressed, text
        ));
        for c in &l.changes {
            out.push_str(&format!("    {}\n", change_line(c)));
        }
        for n in &l.notes {
            out.push_str(&format!("    note: {}\n", n.render(lang)));
        }
    }
    out.push_str(&format!(
        "  total: {} B ({}..{} B; compressed {} B); layers add {} B (compressed {} B)\n",
        s.uncompressed, s.low, s.high, s.compressed, s.added_uncompressed, s.added_compressed
    ));
}

/// The report as text: exact byte counts, one line per layer and change.
pub fn render_text(df: &Dockerfile, rep: &SizeReport) -> String {
    render_text_in(df, rep, Lang::En)
}

/// The same with its prose (layer notes, why a size is unknown) in `lang`;
/// the field names before each colon stay as they are, like JSON keys.
pub fn render_text_in(df: &Dockerfile, rep: &SizeReport, lang: Lang) -> String {
    let mut out = String::new();
    stage_text(&mut out, df, &rep.image, "image", lang);
    out.push_str(&format!("efficiency: {:.4}; wasted: {} B\n", rep.efficiency, rep.wasted_bytes));
    for w in &rep.wasted {
        out.push_str(&format!("  {} x{} {} B\n", w.path, w.copies, w.bytes));
    }
    let p = &rep.pull;
    out.push_str(&format!(
        "pull at {} Mbit/s: {} B in {:.2} s; a host with the base skips {} B: {:.2} s\n",
        p.bandwidth_mbps, p.bytes, p.seconds, p.skipped_bytes, p.seconds_with_base
    ));
    for u in &rep.unknowns {
        let who = if u.given { "given" } else { "default" };
        out.push_str(&format!("unknown: {} = {} B ({who}): {}\n", u.key, u.estimate, u.reason.render(lang)));
    }
    out.push_str(&format!("complete: {}\n", rep.complete));
    for s in &rep.other_stages {
        stage_text(&mut out, df, s, "other stage", lang);
    }
    out
}
