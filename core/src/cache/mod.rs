//! Layer cache simulation across builds (issue 3): for every build of a
//! history, which steps BuildKit takes from its cache, which re-run, and why.
//!
//! The model follows BuildKit's Dockerfile frontend
//! (frontend/dockerfile/dockerfile2llb/convert.go) and solver: each step is
//! an LLB vertex whose cache key is its own operation plus the keys of its
//! inputs (solver/cachekey.go); file inputs of COPY/ADD and bind mounts are
//! keyed on the checksum of the content they select
//! (solver/llbsolver/ops/file.go and exec.go with cache/contenthash), not on
//! the step that produced them. The cache remembers every earlier build.
//!
//! Entry points: [`simulate`] over a whole scenario, and [`History`] +
//! [`what_if`] for the app's live "if you rebuilt now" view, which costs one
//! build's simulation however long the history is.

mod build;
pub mod ci;
pub mod ci_rules;
mod estimate;
pub mod messages;
mod report;
pub mod sha256;
mod whatif;
pub mod workflow;

pub use ci::{simulate_ci, CacheSpec, CiReport, Export, Mode};
pub use estimate::estimate_seconds;
pub use report::{render_text, render_text_in, BuildReport, ImageReport, Reason, ShortKey, Simulation, Status, Step};
pub use whatif::{dependency_manifests, source_files, with_file_edited};

use crate::diag::Diagnostic;
use crate::inputs::{BuildInput, ImageInfo, Scenario};
use crate::reference;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Options a caller may set; the defaults suit the CLI.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Per-step time overrides in seconds, keyed by the instruction's text
    /// as written (`Instruction::text`), so they survive moving lines.
    pub seconds: BTreeMap<String, f64>,
}

/// A cache key: a 128-bit hash over the step's operation and its inputs' keys.
pub(crate) type Key = [u8; 16];

/// Keys are already well-mixed hashes: a map can use their first bytes as
/// its hash instead of hashing them again.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut w = [0u8; 8];
        let n = bytes.len().min(8);
        w[..n].copy_from_slice(&bytes[..n]);
        self.0 ^= u64::from_le_bytes(w);
    }

    // `[u8; 16]` hashes its length first; that adds nothing.
    fn write_usize(&mut self, _: usize) {}
}

pub(crate) type KeyMap<V> = HashMap<Key, V, std::hash::BuildHasherDefault<KeyHasher>>;
pub(crate) type KeySet = HashSet<Key, std::hash::BuildHasherDefault<KeyHasher>>;

/// A fast hasher for the simulation's own string-keyed maps (multiply and
/// rotate, as rustc's FxHasher): their keys come from the user's input but
/// nothing is gained by flooding them, so SipHash's cost buys nothing here.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(26) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(26) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
pub(crate) type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

/// The latest build's context files, the context they made and its
/// diagnostics.
pub(crate) type LastContext = (Vec<crate::inputs::ContextFile>, Arc<crate::context::Context>, Vec<Diagnostic>);

/// What the cache remembers of a key, to explain later misses.
#[derive(Debug, Clone)]
pub(crate) struct KeyInfo {
    /// The latest build (0-based) that produced the key.
    pub build: usize,
    pub facts: Arc<build::Facts>,
}

/// The build cache after some builds: every key ever produced, plus what is
/// needed to explain misses. Plain data; `record` a build to extend it.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub(crate) keys: KeyMap<KeyInfo>,
    /// Keys by the key they were chained on, newest last.
    pub(crate) children: KeyMap<Children>,
    /// Keys by (stage index, step position in the stage) in the latest build.
    pub(crate) positions: Vec<((usize, usize), Key)>,
    /// Cache mount ids that hold contents (BuildKit keeps them between builds).
    pub(crate) cache_mounts: FastSet<String>,
    /// Image-config digests seen, to tell which metadata changed.
    pub(crate) configs: KeySet,
    /// Number of recorded builds.
    pub builds: usize,
    /// The image id of the latest recorded build.
    pub last_image: Option<String>,
    /// Content digests of text files seen so far: most files do not change
    /// between builds, and hashing them again would dominate a build.
    pub(crate) digests: RefCell<(FastMap<String, Arc<str>>, usize)>,
    /// The latest build's context files and the context they made, to
    /// patch rather than rebuild when only contents change.
    pub(crate) context: RefCell<Option<LastContext>>,
    /// The latest parses: recorded builds and the live view often share a
    /// text, and a new text is re-parsed from the latest one.
    pub(crate) parses: RefCell<Vec<crate::syntax::Incremental>>,
    /// Default time estimates of RUN instructions by text.
    pub(crate) estimates: RefCell<FastMap<String, f64>>,
    /// Environment names, values and lists seen, shared by every build's
    /// environments rather than made again for each.
    pub(crate) shared: RefCell<build::Shared>,
}

/// The keys chained on one key, newest last. Most keys have one child,
/// which is kept inline rather than in a list of its own.
#[derive(Debug, Clone)]
pub(crate) enum Children {
    One(Key),
    Many(Vec<Key>),
}

impl Children {
    pub(crate) fn as_slice(&self) -> &[Key] {
        match self {
            Children::One(k) => std::slice::from_ref(k),
            Children::Many(v) => v,
        }
    }

    /// Adds `key` as the newest child, moving it there if it is listed.
    fn push(&mut self, key: Key) {
        match self {
            Children::One(k) if *k == key => {}
            Children::One(k) => *self = Children::Many(vec![*k, key]),
            Children::Many(v) => {
                v.retain(|k| *k != key);
                v.push(key);
            }
        }
    }
}

/// A key a build produced; `facts` is `None` when the key was already
/// cached, since the cache keeps the facts it first came with.
#[derive(Debug, Clone)]
pub(crate) struct Produced {
    pub key: Key,
    pub parent: Option<Key>,
    pub build: usize,
    pub facts: Option<Arc<build::Facts>>,
    /// The runner holds the result after this build (it ran or was
    /// loaded); a step BuildKit never needed stays wherever it is cached.
    pub local: bool,
}

/// What one build produced, ready to be recorded into a [`History`].
#[derive(Debug, Clone)]
pub struct BuildOutcome {
    pub report: BuildReport,
    pub diagnostics: Vec<Diagnostic>,
    pub(crate) produced: Vec<Produced>,
    pub(crate) positions: Vec<((usize, usize), Key)>,
    pub(crate) cache_mounts: Vec<String>,
    pub(crate) configs: Vec<Key>,
    /// Every key of the build with where its result is, for cache exports
    /// (empty unless simulated with CI settings).
    pub(crate) records: Vec<ci::Record>,
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// Simulates `input` against this cache without recording it.
    pub fn preview(&self, input: &BuildInput, images: &BTreeMap<String, ImageInfo>, options: &Options) -> BuildOutcome {
        build::run(self, input, images, options, None)
    }

    /// Adds a simulated build to the cache.
    pub fn record(&mut self, outcome: &BuildOutcome) {
        for p in outcome.produced.iter().filter(|p| p.local) {
            if let Some(parent) = p.parent {
                match self.children.entry(parent) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut().push(p.key),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(Children::One(p.key));
                    }
                }
            }
            // The same key always comes with equivalent facts: keep the old
            // ones and note the build.
            match self.keys.get_mut(&p.key) {
                Some(old) => old.build = p.build,
                None => {
                    if let Some(facts) = &p.facts {
                        self.keys.insert(p.key, KeyInfo { build: p.build, facts: facts.clone() });
                    }
                }
            }
        }
        self.positions = outcome.positions.clone();
        for id in &outcome.cache_mounts {
            if !self.cache_mounts.contains(id) {
                self.cache_mounts.insert(id.clone());
            }
        }
        self.configs.extend(outcome.configs.iter().copied());
        self.builds += 1;
        self.last_image = Some(outcome.report.image.id.clone());
    }
}

/// Simulates every build of a scenario in order, each against the cache of
/// all earlier ones. Diagnostics name the build they come from.
pub fn simulate(scenario: &Scenario) -> (Simulation, Vec<Diagnostic>) {
    simulate_with(scenario, &Options::default())
}

pub fn simulate_with(scenario: &Scenario, options: &Options) -> (Simulation, Vec<Diagnostic>) {
    let mut history = History::new();
    let mut builds = Vec::with_capacity(scenario.builds.len());
    let mut diagnostics = Vec::new();
    for (i, input) in scenario.builds.iter().enumerate() {
        let outcome = history.preview(input, &scenario.images, options);
        history.record(&outcome);
        diagnostics.extend(outcome.diagnostics.into_iter().map(|mut d| {
            d.message = messages::IN_BUILD.msg().arg("n", i + 1).arg_msg("message", d.message);
            d
        }));
        builds.push(outcome.report);
    }
    (Simulation { builds }, diagnostics)
}

/// The live "if you rebuilt now" report: `current` simulated against the
/// cache of `history`. Keep a `History` of the recorded builds and call this
/// on every edit; it costs one build's simulation.
pub fn what_if(
    history: &History,
    current: &BuildInput,
    images: &BTreeMap<String, ImageInfo>,
    options: &Options,
) -> (BuildReport, Vec<Diagnostic>) {
    let outcome = history.preview(current, images, options);
    (outcome.report, outcome.diagnostics)
}

/// The identity a base image is cached under. BuildKit keys an image source
/// on its resolved digest (convert.go `resolveBaseImage` pins the reference
/// with the digest before `llb.Image`), so two tags of one digest are one
/// base. Without a pinned `images` entry the normalised reference stands in.
// A bundled catalogue of image digests plugs in here, between the scenario's
// `images` map and the reference fallback.
pub fn base_identity(image: &str, images: &BTreeMap<String, ImageInfo>) -> String {
    let normalized = reference::normalize(image);
    if let Some(info) =
        images.get(image).or_else(|| images.iter().find(|(k, _)| reference::normalize(k) == normalized).map(|(_, v)| v))
    {
        return info.id.clone();
    }
    // A reference pinned by digest is identified by that digest alone.
    if let Some((_, digest)) = normalized.split_once('@') {
        return digest.to_string();
    }
    normalized
}
