//! Image size estimates (issue 4): a layered virtual filesystem driven by the
//! Dockerfile, base images from a shipped catalogue, a model of common RUN
//! commands and package managers, and the figures built on them: per-layer
//! and total sizes (uncompressed and compressed), dive-style efficiency,
//! pull time, and the same Dockerfile re-priced on the base's variants.
//!
//! Method and sources: `docs/sizes.md`.

mod build;
pub mod catalogue;
pub(crate) mod data;
mod dpkg;
mod fs;
pub mod messages;
mod pkg;
mod report;
mod run;
mod shell;
mod tools;

pub use build::LayerSize;
pub use catalogue::{BaseImage, Basis};
pub use data::sources;
pub use data::{install as install_data, loaded as data_loaded, wanted as data_wanted, TABLES as DATA_TABLES};
pub use fs::{ChangeKind, Fill, PathChange, Source};
pub use report::{
    comparison_svg, comparison_svg_in, megabytes, render_text, render_text_in, BaseOption, PullTime, StageSize,
    WastedPath,
};
pub use run::Unknown;

use crate::diag::Diagnostic;
use crate::inputs::BuildInput;
use crate::message::Msg;
use crate::span::Span;
use crate::syntax::{self, Dockerfile};
use messages as M;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the caller can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SizeOptions {
    /// The stage whose image counts; `None` uses `BuildInput::target`, then
    /// the last stage.
    pub target: Option<String>,
    /// User estimates for unknown items, by `Unknown::key`.
    pub estimates: BTreeMap<String, u64>,
    /// Uncompressed sizes for base images the catalogue does not have, by
    /// reference as written or normalised.
    pub image_sizes: BTreeMap<String, u64>,
    /// Download speed for the pull time, in megabits per second.
    pub bandwidth_mbps: f64,
    /// Re-price on this base: replaces the base image of the target's chain.
    pub base: Option<String>,
}

impl Default for SizeOptions {
    fn default() -> SizeOptions {
        SizeOptions {
            target: None,
            estimates: BTreeMap::new(),
            image_sizes: BTreeMap::new(),
            bandwidth_mbps: 100.0,
            base: None,
        }
    }
}

/// One shipped table's provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataSource {
    pub table: &'static str,
    pub source: &'static str,
    pub date: &'static str,
    /// `source` and `date` in Chinese (scripts/gen-data.py `SOURCES_ZH`).
    pub source_zh: &'static str,
    pub date_zh: &'static str,
}

/// The provenance of every shipped table, for the page to name.
pub fn data_sources() -> Vec<DataSource> {
    use sources::*;
    vec![
        DataSource {
            table: "images",
            source: IMAGES_SOURCE,
            date: IMAGES_DATE,
            source_zh: IMAGES_SOURCE_ZH,
            date_zh: IMAGES_DATE_ZH,
        },
        DataSource {
            table: "ratios",
            source: RATIOS_SOURCE,
            date: RATIOS_DATE,
            source_zh: RATIOS_SOURCE_ZH,
            date_zh: RATIOS_DATE_ZH,
        },
        DataSource {
            table: "debian",
            source: DEBIAN_SOURCE,
            date: DEBIAN_DATE,
            source_zh: DEBIAN_SOURCE_ZH,
            date_zh: DEBIAN_DATE_ZH,
        },
        DataSource {
            table: "apt-closures",
            source: APT_CLOSURES_SOURCE,
            date: APT_CLOSURES_DATE,
            source_zh: APT_CLOSURES_SOURCE_ZH,
            date_zh: APT_CLOSURES_DATE_ZH,
        },
        DataSource {
            table: "alpine",
            source: ALPINE_SOURCE,
            date: ALPINE_DATE,
            source_zh: ALPINE_SOURCE_ZH,
            date_zh: ALPINE_DATE_ZH,
        },
        DataSource {
            table: "pypi",
            source: PYPI_SOURCE,
            date: PYPI_DATE,
            source_zh: PYPI_SOURCE_ZH,
            date_zh: PYPI_DATE_ZH,
        },
        DataSource { table: "npm", source: NPM_SOURCE, date: NPM_DATE, source_zh: NPM_SOURCE_ZH, date_zh: NPM_DATE_ZH },
    ]
}

/// The size estimate of one build.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeReport {
    /// The image that counts: the target stage with the layers of the
    /// stages it is built on.
    pub image: StageSize,
    /// Every other stage, apart (their files reach the image only through
    /// `COPY --from`).
    pub other_stages: Vec<StageSize>,
    /// dive's score: the smallest size of each path over the sum of all its
    /// copies (1.0 when nothing is stored twice or deleted later).
    pub efficiency: f64,
    /// dive's "potential wasted space": every copy of each path that is
    /// stored more than once or deleted in a later layer.
    pub wasted_bytes: u64,
    /// The paths behind `wasted_bytes`, largest first.
    pub wasted: Vec<WastedPath>,
    pub pull: PullTime,
    /// Everything whose size is an estimate, in instruction order.
    pub unknowns: Vec<Unknown>,
    /// True when no size in the image rests on an estimate the user has not
    /// confirmed (base image known, every command modelled).
    pub complete: bool,
    pub data: Vec<DataSource>,
}

/// The uncompressed size of the target's final image as `docker image
/// inspect .Size` reports it (the sum of file bytes over all layers, base
/// included), and each instruction's layer size: what `simulate` fills in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageSize {
    pub size: u64,
    /// `(instruction index, uncompressed bytes)` for each layer-creating
    /// instruction of the image, in order.
    pub layers: Vec<(usize, u64)>,
    pub complete: bool,
}

fn target_stage(df: &Dockerfile, input: &BuildInput, opts: &SizeOptions) -> (usize, Option<Msg>) {
    let last = df.stages.len().saturating_sub(1);
    match opts.target.as_ref().or(input.target.as_ref()) {
        Some(t) => match df.stage_ref(t, df.stages.len()) {
            Some(i) => (i, None),
            None => (last, Some(M::TARGET_NOT_FOUND.msg().arg("target", t))),
        },
        None => (last, None),
    }
}

/// The root stage (the one with an image base) of the chain ending at `stage`.
fn chain_root(df: &Dockerfile, mut stage: usize) -> usize {
    let mut guard = 0;
    while let Some(b) = df.stages.get(stage).and_then(|s| s.base_stage) {
        if b >= stage || guard > df.stages.len() {
            break;
        }
        stage = b;
        guard += 1;
    }
    stage
}

/// The stages whose files reach stage `target`'s image: those it is built
/// FROM and those it copies from, transitively.
fn reachable(df: &Dockerfile, target: usize) -> Vec<usize> {
    let mut seen = vec![false; df.stages.len()];
    let mut todo = vec![target];
    while let Some(s) = todo.pop() {
        if s >= seen.len() || seen[s] {
            continue;
        }
        seen[s] = true;
        let stage = &df.stages[s];
        todo.extend(stage.base_stage);
        for &ii in &stage.instructions {
            if let Some(from) = df.instructions.get(ii).and_then(|i| i.args.copy()).and_then(|c| c.from.as_deref()) {
                todo.extend(df.stage_ref(from, s));
            }
        }
    }
    (0..seen.len()).filter(|i| seen[*i]).collect()
}

/// Estimates the size of the image `input` builds.
pub fn estimate(input: &BuildInput, opts: &SizeOptions) -> (SizeReport, Vec<Diagnostic>) {
    let (df, _) = syntax::parse(&input.dockerfile);
    estimate_parsed(&df, input, opts)
}

/// `estimate` on an already parsed Dockerfile (the app parses once).
pub fn estimate_parsed(df: &Dockerfile, input: &BuildInput, opts: &SizeOptions) -> (SizeReport, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if df.stages.is_empty() {
        diags.push(Diagnostic::warning(Span::default(), M::NO_FROM.msg()));
        let empty = report::empty_stage();
        return (report::assemble(empty, Vec::new(), opts), diags);
    }
    let (target, problem) = target_stage(df, input, opts);
    if let Some(p) = problem {
        diags.push(Diagnostic::warning(Span::default(), p));
    }
    // The web app fetches the tables when first needed: until they arrive
    // every size is unknown, which is no fault of the Dockerfile's.
    let loaded = data::loaded();
    if !loaded {
        diags.push(Diagnostic::info(Span::default(), M::TABLES_NOT_LOADED.msg()));
    }
    let root = chain_root(df, target);
    let states = build::build_all(df, input, opts, Some(root));
    for (i, st) in states.iter().enumerate() {
        if loaded && st.root == i && !st.base.is_known() {
            let span = df.instructions.get(df.stages[i].from).map_or(Span::default(), |ins| ins.span);
            diags.push(Diagnostic::warning(span, M::BASE_NOT_IN_CATALOGUE.msg().arg("image", &st.base.reference)));
        }
        if let Some(from) = st.base.estimated_from.as_ref().filter(|_| st.root == i) {
            let span = df.instructions.get(df.stages[i].from).map_or(Span::default(), |ins| ins.span);
            diags.push(Diagnostic::info(
                span,
                M::BASE_ESTIMATED.msg().arg("image", &st.base.reference).arg("from", from),
            ));
        }
    }
    for st in states.iter() {
        for u in &st.unknowns {
            if st.layers.iter().any(|l| l.instruction == u.instruction) {
                let span = df.instructions.get(u.instruction).map_or(Span::default(), |ins| ins.span);
                diags.push(Diagnostic::info(span, M::UNKNOWN.msg().arg_msg("reason", u.reason.clone())));
            }
        }
    }
    diags.sort_by_key(|d| d.span.start);
    diags.dedup();
    let image = report::stage_size(df, &states[target], target);
    let others =
        states.iter().enumerate().filter(|(i, _)| *i != target).map(|(i, s)| report::stage_size(df, s, i)).collect();
    // Unknowns of every stage whose files reach the image (its chain and
    // the stages it copies from), each once.
    let mut unknowns: Vec<Unknown> = Vec::new();
    for i in reachable(df, target) {
        for u in &states[i].unknowns {
            if !unknowns.iter().any(|k| k.instruction == u.instruction && k.key == u.key) {
                unknowns.push(u.clone());
            }
        }
    }
    unknowns.sort_by_key(|u| u.instruction);
    let mut rep = report::assemble(image, others, opts);
    rep.complete = rep.image.base.is_exact() && unknowns.iter().all(|u| u.given);
    rep.unknowns = unknowns;
    (rep, diags)
}

/// The numbers `simulate` needs: the image's uncompressed size and each
/// layer's.
pub fn image_size(input: &BuildInput, opts: &SizeOptions) -> ImageSize {
    let (rep, _) = estimate(input, opts);
    ImageSize {
        size: rep.image.uncompressed,
        layers: rep.image.layers.iter().filter(|l| l.creates_layer).map(|l| (l.instruction, l.uncompressed)).collect(),
        complete: rep.complete,
    }
}

/// The same Dockerfile priced on each variant of the target's base image
/// (full, `-slim`, `-alpine`, distroless), the current base first.
pub fn compare_bases(input: &BuildInput, opts: &SizeOptions) -> (Vec<BaseOption>, Vec<Diagnostic>) {
    let (df, _) = syntax::parse(&input.dockerfile);
    compare_bases_parsed(&df, input, opts)
}

/// `compare_bases` on an already parsed Dockerfile.
pub fn compare_bases_parsed(
    df: &Dockerfile,
    input: &BuildInput,
    opts: &SizeOptions,
) -> (Vec<BaseOption>, Vec<Diagnostic>) {
    let (current, diags) = estimate_parsed(df, input, opts);
    if df.stages.is_empty() {
        return (Vec::new(), diags);
    }
    let (target, _) = target_stage(df, input, opts);
    let root = chain_root(df, target);
    let written = opts.base.clone().unwrap_or_else(|| build::base_reference(df, input, root));
    let mut refs = catalogue::variants(&written);
    let current_ref = current.image.base.reference.clone();
    refs.retain(|r| *r != current_ref);
    let mut out = vec![report::option(df, &current, true)];
    for r in refs {
        let o = SizeOptions { base: Some(r), ..opts.clone() };
        let (rep, _) = estimate_parsed(df, input, &o);
        out.push(report::option(df, &rep, false));
    }
    (out, diags)
}
