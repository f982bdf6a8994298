//! The size tables (`core/data/*.tsv`, written by `scripts/gen-data.py`
//! from the project's shared data), parsed once on first use.
//!
//! Each table starts with `# name`, `# source: ...` and `# date: ...` lines,
//! then a header row, then tab-separated rows.
//!
//! The tables are either compiled in (the `embedded-data` feature, on by
//! default: the CLI, native tests, benchmarks) or given at run time as one
//! bundle ([`install`]): the web app leaves them out of its wasm and fetches
//! the bundle when an analysis first needs it, so that they do not weigh on
//! the first load. Until then every reader sees empty tables, never panics,
//! and records that it wanted them ([`wanted`]).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Where each table comes from and when its data was gathered, so that the
/// page can name them. Generated from the tables' header lines.
pub mod sources {
    include!("../../data/sources.rs");
}

/// The tables of a bundle, each after a line `#@ NAME`, in this order
/// (`scripts/size-data.py` writes it from `core/data`).
pub const TABLES: [&str; 10] = [
    "images.tsv",
    "ratios.tsv",
    "debian.tsv",
    "apt-closures.tsv",
    "debian-files.tsv",
    "debian-trixie.tsv",
    "debian-files-trixie.tsv",
    "alpine.tsv",
    "pypi.tsv",
    "npm.tsv",
];
const IMAGES: usize = 0;
const RATIOS: usize = 1;
const DEBIAN: usize = 2;
pub(crate) const APT_CLOSURES: usize = 3;
const DEBIAN_FILES: usize = 4;
const DEBIAN_TRIXIE: usize = 5;
const DEBIAN_FILES_TRIXIE: usize = 6;
const ALPINE: usize = 7;
const PYPI: usize = 8;
const NPM: usize = 9;

#[cfg(feature = "embedded-data")]
const EMBEDDED: [&str; 10] = [
    include_str!("../../data/images.tsv"),
    include_str!("../../data/ratios.tsv"),
    include_str!("../../data/debian.tsv"),
    include_str!("../../data/apt-closures.tsv"),
    include_str!("../../data/debian-files.tsv"),
    include_str!("../../data/debian-trixie.tsv"),
    include_str!("../../data/debian-files-trixie.tsv"),
    include_str!("../../data/alpine.tsv"),
    include_str!("../../data/pypi.tsv"),
    include_str!("../../data/npm.tsv"),
];

static INSTALLED: OnceLock<Vec<&'static str>> = OnceLock::new();
static WANTED: AtomicBool = AtomicBool::new(false);

/// Splits a bundle into its tables, in [`TABLES`] order: every table once,
/// nothing else.
fn split(bundle: &str) -> Result<Vec<&str>, String> {
    let mut found: Vec<Option<&str>> = vec![None; TABLES.len()];
    let mut rest = bundle.strip_prefix("#@ ").ok_or("the size data does not start with a table")?;
    loop {
        let (name, after) = rest.split_once('\n').unwrap_or((rest, ""));
        let i = TABLES.iter().position(|t| *t == name.trim_end()).ok_or_else(|| format!("unknown table {name:?}"))?;
        let (text, next) = match after.find("\n#@ ") {
            Some(end) => (&after[..=end], Some(&after[end + 4..])),
            None => (after, None),
        };
        if found[i].replace(text).is_some() {
            return Err(format!("table {name} twice"));
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    found.into_iter().zip(TABLES).map(|(t, name)| t.ok_or_else(|| format!("no table {name}"))).collect()
}

/// Gives core the size tables as one bundle (`scripts/size-data.py`). The
/// first bundle that reads well stays for the life of the program (its text
/// is kept, so that the tables' rows can borrow from it); later calls change
/// nothing, and neither does a bundle given to a build with the tables
/// compiled in (its readers may have read those already). An error says
/// what is wrong with the bundle.
pub fn install(bundle: String) -> Result<(), String> {
    split(&bundle)?;
    if INSTALLED.get().is_some() || cfg!(feature = "embedded-data") {
        return Ok(());
    }
    let text: &'static str = Box::leak(bundle.into_boxed_str());
    let _ = INSTALLED.set(split(text)?);
    Ok(())
}

/// Whether the tables can be read: compiled in, or installed.
pub fn loaded() -> bool {
    cfg!(feature = "embedded-data") || INSTALLED.get().is_some()
}

/// Whether an analysis has asked for the tables while they were not loaded:
/// the app's cue to fetch them.
pub fn wanted() -> bool {
    WANTED.load(Ordering::Relaxed)
}

/// A table's text, or `None` (and the wish noted) while none is loaded.
pub(crate) fn table(index: usize) -> Option<&'static str> {
    if let Some(t) = INSTALLED.get() {
        return t.get(index).copied();
    }
    #[cfg(feature = "embedded-data")]
    return EMBEDDED.get(index).copied();
    #[cfg(not(feature = "embedded-data"))]
    {
        WANTED.store(true, Ordering::Relaxed);
        None
    }
}

/// The Debian release whose package tables price a stage: the base's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Release {
    #[default]
    Bookworm,
    Trixie,
}

impl Release {
    /// From a base image's OS description (`debian trixie (snapshot ...)`,
    /// `debian 13`): trixie when it says so, bookworm otherwise.
    pub fn of(base_os: &str, reference: &str) -> Release {
        let os = base_os.to_ascii_lowercase();
        if os.contains("trixie") || os.contains("debian 13") || reference.contains("trixie") {
            Release::Trixie
        } else {
            Release::Bookworm
        }
    }
}

/// The data rows of a table: comment lines and the header row skipped, each
/// row padded to `width` cells so that a short row cannot index out of range.
pub(crate) fn rows(text: &'static str, width: usize) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#')).skip(1).filter(|l| !l.is_empty()).map(move |l| {
        let mut cells: Vec<&'static str> = l.split('\t').collect();
        cells.resize(width.max(cells.len()), "");
        cells
    })
}

fn num(cell: &str) -> Option<u64> {
    cell.parse().ok()
}

/// One row of `images.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct ImageRow {
    pub image: &'static str,
    pub tag: &'static str,
    pub compressed: Option<u64>,
    pub uncompressed: Option<u64>,
    /// `same` (measured on the same image), `other-build`, `computed-estimate`,
    /// `third-party-reported`, or empty.
    pub uncompressed_kind: &'static str,
    pub layers: Vec<u64>,
    pub libc: &'static str,
    pub base_os: &'static str,
    pub app_version: &'static str,
    pub data_date: &'static str,
    pub commit: &'static str,
    /// The range of `uncompressed` where the table gives one (published
    /// figures of a sample app on the image).
    pub uncompressed_range: Option<(u64, u64)>,
    /// The compressed size of the linux/arm64 image, where known.
    pub arm64_compressed: Option<u64>,
}

/// An empty map of a reader's type, for while no tables are loaded (a
/// reader caches nothing then, so the tables count once they arrive).
macro_rules! empty_map {
    ($t:ty) => {{
        static EMPTY: OnceLock<HashMap<&'static str, $t>> = OnceLock::new();
        EMPTY.get_or_init(HashMap::new)
    }};
}

pub(crate) fn images() -> &'static [ImageRow] {
    static CELL: OnceLock<Vec<ImageRow>> = OnceLock::new();
    let Some(text) = table(IMAGES) else { return &[] };
    CELL.get_or_init(|| {
        rows(text, 14)
            .map(|c| ImageRow {
                image: c[0],
                tag: c[1],
                compressed: num(c[2]),
                uncompressed: num(c[3]),
                uncompressed_kind: c[4],
                layers: c[5].split(',').filter_map(num).collect(),
                libc: c[6],
                base_os: c[7],
                app_version: c[8],
                data_date: c[9],
                commit: c[10],
                uncompressed_range: num(c[11]).zip(num(c[12])),
                arm64_compressed: num(c[13]),
            })
            .collect()
    })
}

/// Uncompressed bytes per compressed byte for a libc family (`glibc`,
/// `musl`), falling back to the median over all measured images.
pub(crate) fn ratio(family: &str) -> f64 {
    ratios(family).0
}

/// The (median, lowest, highest) uncompressed/compressed ratio measured for a
/// libc family, falling back to every family's; `(1, 1, 1)` without data.
pub(crate) fn ratios(family: &str) -> (f64, f64, f64) {
    static CELL: OnceLock<HashMap<&'static str, (f64, f64, f64)>> = OnceLock::new();
    let Some(text) = table(RATIOS) else { return (1.0, 1.0, 1.0) };
    let map = CELL.get_or_init(|| {
        rows(text, 5)
            .filter_map(|c| {
                let mid: f64 = c[1].parse().ok()?;
                let low = c[3].parse().unwrap_or(mid);
                let high = c[4].parse().unwrap_or(mid);
                Some((c[0], (mid, low, high)))
            })
            .collect()
    });
    map.get(family)
        .or_else(|| map.get("all"))
        .copied()
        .filter(|(mid, low, high)| *mid >= 1.0 && low <= mid && mid <= high)
        .unwrap_or((1.0, 1.0, 1.0))
}

/// A Debian package of `debian.tsv`. Packages of the base set (the
/// debootstrap minbase that stands in for debian:bookworm-slim) have no edges.
#[derive(Debug, Clone)]
pub(crate) struct DebPackage {
    pub installed_kib: u64,
    pub base: bool,
    pub depends: Vec<&'static str>,
    pub recommends: Vec<&'static str>,
}

pub(crate) fn debian(release: Release) -> &'static HashMap<&'static str, DebPackage> {
    static BOOKWORM: OnceLock<HashMap<&'static str, DebPackage>> = OnceLock::new();
    static TRIXIE: OnceLock<HashMap<&'static str, DebPackage>> = OnceLock::new();
    let (cell, index) = match release {
        Release::Bookworm => (&BOOKWORM, DEBIAN),
        Release::Trixie => (&TRIXIE, DEBIAN_TRIXIE),
    };
    let Some(text) = table(index) else { return empty_map!(DebPackage) };
    cell.get_or_init(|| {
        rows(text, 5)
            .map(|c| {
                let pkg = DebPackage {
                    installed_kib: num(c[1]).unwrap_or(0),
                    base: c[2] == "base",
                    depends: c[3].split_whitespace().collect(),
                    recommends: c[4].split_whitespace().collect(),
                };
                (c[0], pkg)
            })
            .collect()
    })
}

/// What a Debian package puts on disk, from its .deb (`debian-files.tsv`,
/// written by `scripts/deb-files.py`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DebFiles {
    /// Bytes of its files under the debian:*-slim dpkg filters.
    pub slim: u64,
    /// Bytes dpkg keeps for it in /var/lib/dpkg/info.
    pub info: u64,
    /// Bytes of its stanza in /var/lib/dpkg/status.
    pub status: u64,
    /// It has debconf templates, so installing it rewrites debconf's caches.
    pub templates: bool,
    /// Bytes of its Python modules, which Debian byte-compiles on install.
    pub py: u64,
}

pub(crate) fn debian_files(release: Release) -> &'static HashMap<&'static str, DebFiles> {
    static BOOKWORM: OnceLock<HashMap<&'static str, DebFiles>> = OnceLock::new();
    static TRIXIE: OnceLock<HashMap<&'static str, DebFiles>> = OnceLock::new();
    let (cell, index) = match release {
        Release::Bookworm => (&BOOKWORM, DEBIAN_FILES),
        Release::Trixie => (&TRIXIE, DEBIAN_FILES_TRIXIE),
    };
    let Some(text) = table(index) else { return empty_map!(DebFiles) };
    cell.get_or_init(|| {
        rows(text, 9)
            .map(|c| {
                let f = DebFiles {
                    slim: num(c[3]).unwrap_or(0),
                    info: num(c[4]).unwrap_or(0),
                    status: num(c[5]).unwrap_or(0),
                    templates: c[6] == "1",
                    py: num(c[8]).unwrap_or(0),
                };
                (c[0], f)
            })
            .collect()
    })
}

/// For packages the file table lacks: slim bytes per byte of Installed-Size,
/// and dpkg bookkeeping bytes per slim byte, the medians over the packages
/// it has (1.0 and 0.0 without data).
pub(crate) fn debian_slim_ratios(release: Release) -> (f64, f64) {
    static BOOKWORM: OnceLock<(f64, f64)> = OnceLock::new();
    static TRIXIE: OnceLock<(f64, f64)> = OnceLock::new();
    let cell = if release == Release::Bookworm { &BOOKWORM } else { &TRIXIE };
    if !loaded() {
        table(DEBIAN_FILES);
        return (1.0, 0.0);
    }
    *cell.get_or_init(|| {
        let table = debian(release);
        let files = debian_files(release);
        let slim: Vec<f64> = files
            .iter()
            .filter_map(|(n, f)| {
                let kib = table.get(n)?.installed_kib;
                (kib > 0).then(|| f.slim as f64 / (kib * 1024) as f64)
            })
            .collect();
        let info: Vec<f64> = files.values().filter(|f| f.slim > 0).map(|f| f.info as f64 / f.slim as f64).collect();
        // A release without measured files borrows bookworm's ratios.
        if slim.is_empty() && release != Release::Bookworm {
            return debian_slim_ratios(Release::Bookworm);
        }
        let s = if slim.is_empty() { 1.0 } else { median(slim) };
        (s, median(info))
    })
}

/// Alpine packages: installed bytes and whether alpine's base image has it.
pub(crate) fn alpine() -> &'static HashMap<&'static str, (u64, bool)> {
    static CELL: OnceLock<HashMap<&'static str, (u64, bool)>> = OnceLock::new();
    let Some(text) = table(ALPINE) else { return empty_map!((u64, bool)) };
    CELL.get_or_init(|| rows(text, 3).map(|c| (c[0], (num(c[1]).unwrap_or(0), c[2] == "base"))).collect())
}

/// A root package of `pypi.tsv`: what `pip install NAME` adds.
#[derive(Debug, Clone)]
pub(crate) struct PyPackage {
    pub footprint: u64,
    pub wheel: Option<u64>,
    pub unpacked: Option<u64>,
    /// Normalised names of every distribution installed, the root included.
    pub dists: Vec<&'static str>,
}

pub(crate) fn pypi() -> &'static HashMap<&'static str, PyPackage> {
    static CELL: OnceLock<HashMap<&'static str, PyPackage>> = OnceLock::new();
    let Some(text) = table(PYPI) else { return empty_map!(PyPackage) };
    CELL.get_or_init(|| {
        rows(text, 5)
            .map(|c| {
                let pkg = PyPackage {
                    footprint: num(c[1]).unwrap_or(0),
                    wheel: num(c[2]),
                    unpacked: num(c[3]),
                    dists: c[4].split_whitespace().collect(),
                };
                (c[0], pkg)
            })
            .collect()
    })
}

/// An npm package of `npm.tsv`: the `node_modules` it brings.
#[derive(Debug, Clone)]
pub(crate) struct NpmPackage {
    pub node_modules: u64,
    pub packed: Option<u64>,
    pub unpacked: Option<u64>,
}

pub(crate) fn npm() -> &'static HashMap<&'static str, NpmPackage> {
    static CELL: OnceLock<HashMap<&'static str, NpmPackage>> = OnceLock::new();
    let Some(text) = table(NPM) else { return empty_map!(NpmPackage) };
    CELL.get_or_init(|| {
        rows(text, 5)
            .map(|c| {
                (c[0], NpmPackage { node_modules: num(c[1]).unwrap_or(0), packed: num(c[3]), unpacked: num(c[4]) })
            })
            .collect()
    })
}

/// The median of a list (0 for an empty one).
pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}
