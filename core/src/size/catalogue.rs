//! The base-image catalogue: sizes of official images (and distroless
//! estimates) from the shipped `images.tsv`, looked up by normalised
//! reference, plus each base's variants for re-pricing.

use super::data::{self, ImageRow};
use serde::Serialize;

/// How a base image's uncompressed size was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// `scratch`: empty by definition.
    Exact,
    /// `docker inspect` of the same image (repo-info's local "Virtual Size").
    Measured,
    /// The compressed size from the registry times the measured
    /// uncompressed/compressed ratio of its libc family.
    FromRatio,
    /// A computed or third-party figure (distroless).
    Estimate,
    /// Typed in by the user (`SizeOptions::image_sizes`).
    User,
    /// A tag the catalogue lacks, priced as the closest tag of the same
    /// repository with the same variant (`BaseImage::estimated_from`).
    NearestTag,
    /// Not in the catalogue and not given: counted as 0 and flagged.
    Unknown,
}

/// A base image as the size model sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaseImage {
    /// Normalised reference (`docker.io/library/python:3.12`).
    pub reference: String,
    pub uncompressed: u64,
    pub compressed: u64,
    pub basis: Basis,
    /// Compressed layer sizes, base first (empty when unknown).
    pub layers: Vec<u64>,
    /// `glibc`, `musl`, `uclibc`, or empty when unknown.
    pub libc: String,
    /// False for `scratch` and distroless images: RUN cannot run there.
    pub has_shell: bool,
    /// What identifies this exact image: the digest when the reference pins
    /// one, else the catalogue row (repo-info commit and tag).
    pub identity: Option<String>,
    pub base_os: String,
    pub app_version: String,
    /// When the catalogue's figures were taken (the image's build date).
    pub data_date: String,
    /// For `Basis::NearestTag`: the catalogued image whose figures stand in
    /// (normalised reference, e.g. `docker.io/library/node:22-slim`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_from: Option<String>,
}

impl BaseImage {
    pub fn is_known(&self) -> bool {
        self.basis != Basis::Unknown
    }

    /// True when the size is the catalogue's own figure for this very image
    /// (or the user's): not unknown, and not borrowed from a nearby tag.
    pub fn is_exact(&self) -> bool {
        !matches!(self.basis, Basis::Unknown | Basis::NearestTag)
    }

    /// The range of `uncompressed`. A catalogue figure for this very image
    /// is exact; a figure borrowed from a nearby tag is taken as within a
    /// third either way (the spread between neighbouring tags of one
    /// repository in images.tsv: node:20 vs node:22, python:3.11 vs 3.12);
    /// an unknown base is 0 with no upper bound we could name, so the range
    /// stays at what was typed or 0.
    pub fn range(&self) -> (u64, u64) {
        match self.basis {
            Basis::NearestTag => ((self.uncompressed as f64 * 0.67) as u64, (self.uncompressed as f64 * 1.33) as u64),
            _ => (self.uncompressed, self.uncompressed),
        }
    }

    /// Uncompressed bytes per compressed byte for layers built on this base.
    pub fn ratio(&self) -> f64 {
        data::ratio(if self.libc.is_empty() { "all" } else { &self.libc })
    }
}

/// Splits a reference into (normalised name without tag, tag, digest), with
/// the crate's one normaliser (`crate::reference`). The tag is empty when
/// only a digest pins the image; `latest` when neither is given.
pub fn split_reference(reference: &str) -> (String, String, Option<String>) {
    match crate::reference::parse(reference) {
        Ok(r) => (r.name(), r.tag.clone().unwrap_or_default(), r.digest.clone()),
        Err(_) => (reference.trim().to_string(), String::new(), None),
    }
}

/// The normalised form of a reference: `registry/repository:tag[@digest]`.
pub fn normalize(reference: &str) -> String {
    crate::reference::normalize(reference)
}

fn row_name(row: &ImageRow) -> String {
    split_reference(row.image).0
}

fn find_row(name: &str, tag: &str) -> Option<&'static ImageRow> {
    data::images().iter().find(|r| r.tag == tag && row_name(r) == name)
}

fn from_row(row: &ImageRow, reference: String, digest: Option<String>) -> BaseImage {
    let ratio = data::ratio(row.libc);
    let distroless = row.image.starts_with("gcr.io/distroless/");
    let (uncompressed, compressed, basis) = match (row.uncompressed, row.compressed, row.uncompressed_kind) {
        (Some(u), Some(c), "same") => (u, c, Basis::Measured),
        (_, Some(c), _) => ((c as f64 * ratio).round() as u64, c, Basis::FromRatio),
        (Some(u), None, _) => (u, (u as f64 / ratio).round() as u64, Basis::Estimate),
        (None, None, _) => (0, 0, Basis::Unknown),
    };
    let identity = digest.or_else(|| {
        (!row.commit.is_empty())
            .then(|| format!("repo-info@{}:{}:{}", &row.commit[..row.commit.len().min(12)], row.image, row.tag))
    });
    BaseImage {
        reference,
        uncompressed,
        compressed,
        basis,
        layers: if row.layers.is_empty() { vec![compressed] } else { row.layers.clone() },
        libc: row.libc.to_string(),
        has_shell: !distroless,
        identity,
        base_os: row.base_os.to_string(),
        app_version: row.app_version.to_string(),
        data_date: row.data_date.to_string(),
        estimated_from: None,
    }
}

/// Looks a base image up. `scratch` is empty; an image the catalogue does
/// not have gets `user_size` (uncompressed bytes the user typed) or is
/// marked unknown with size 0.
pub fn lookup(reference: &str, user_size: Option<u64>) -> BaseImage {
    let normalized = normalize(reference);
    if reference.trim().eq_ignore_ascii_case("scratch") {
        return BaseImage {
            reference: "scratch".into(),
            uncompressed: 0,
            compressed: 0,
            basis: Basis::Exact,
            layers: Vec::new(),
            libc: String::new(),
            has_shell: false,
            identity: Some("scratch".into()),
            base_os: String::new(),
            app_version: String::new(),
            data_date: String::new(),
            estimated_from: None,
        };
    }
    let (name, tag, digest) = split_reference(reference);
    let row = if tag.is_empty() { None } else { find_row(&name, &tag) };
    let nearest = if row.is_none() { nearest_row(&name, &tag) } else { None };
    let mut image = match (row, nearest) {
        (Some(row), _) => from_row(row, normalized.clone(), digest.clone()),
        (None, Some(near)) => {
            // The figures are another image's: it must not lend its identity.
            let mut image = from_row(near, normalized.clone(), digest.clone());
            image.basis = Basis::NearestTag;
            image.identity = digest.clone();
            image.estimated_from = Some(format!("{name}:{}", near.tag));
            image
        }
        (None, None) => BaseImage {
            reference: normalized.clone(),
            uncompressed: 0,
            compressed: 0,
            basis: Basis::Unknown,
            layers: Vec::new(),
            libc: guess_libc(&tag).to_string(),
            has_shell: !name.starts_with("gcr.io/distroless/"),
            identity: digest,
            base_os: String::new(),
            app_version: String::new(),
            data_date: String::new(),
            estimated_from: None,
        },
    };
    if let Some(size) = user_size {
        image.uncompressed = size;
        image.compressed = (size as f64 / image.ratio()).round() as u64;
        image.layers = vec![image.compressed];
        image.basis = Basis::User;
        image.estimated_from = None;
    }
    image
}

/// A tag read as a version and a variant: `20-slim` is version `[20]` with
/// variant `{slim}`, `3.20` is `[3, 20]` with no variant, `21-jre-alpine3.19`
/// is `[21]` with `{alpine, jre}`. Release codenames (`bookworm`, `jammy`)
/// and channel names (`latest`, `lts`, `stable`) are not variants: the
/// official images' `-slim-bookworm` is their `-slim`. None for a tag no
/// official image has: an Alpine variant of a Debian or Ubuntu release.
fn tag_shape(tag: &str) -> Option<(Vec<u64>, Vec<String>)> {
    const CODENAMES: &[&str] = &["bookworm", "bullseye", "buster", "trixie", "jammy", "noble", "focal"];
    const CHANNELS: &[&str] = &["latest", "lts", "stable", "current"];
    let mut parts = tag.split('-').peekable();
    let mut version = Vec::new();
    if let Some(head) = parts.peek() {
        if !head.is_empty() && head.chars().all(|c| c.is_ascii_digit() || c == '.') {
            version = head.split('.').filter_map(|n| n.parse().ok()).collect();
            parts.next();
        }
    }
    let words: Vec<String> =
        parts.map(|p| p.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.').to_ascii_lowercase()).collect();
    let codename = words.iter().any(|w| CODENAMES.contains(&w.as_str()));
    let mut variant: Vec<String> = words
        .into_iter()
        .filter(|w| !w.is_empty() && !CODENAMES.contains(&w.as_str()) && !CHANNELS.contains(&w.as_str()))
        .collect();
    if codename && variant.iter().any(|w| w == "alpine") {
        return None;
    }
    variant.sort();
    variant.dedup();
    Some((version, variant))
}

/// How far apart two versions are, most significant component first, so
/// that `3.11` is nearer `3.12` than `3.9`, and `20` nearer `22` than `24`.
fn version_distance(a: &[u64], b: &[u64]) -> Vec<u64> {
    (0..a.len().max(b.len())).map(|i| a.get(i).copied().unwrap_or(0).abs_diff(b.get(i).copied().unwrap_or(0))).collect()
}

/// The catalogued tag of repository `name` that best stands in for `tag`:
/// same variant, then the nearest version. A versioned tag takes the nearest
/// versioned row (the newer on a tie), else the unversioned one (`alpine:3.20`
/// from `alpine:latest`); an unversioned tag takes the unversioned row, else
/// the newest version. None when the repository or the variant is unknown.
fn nearest_row(name: &str, tag: &str) -> Option<&'static ImageRow> {
    if tag.is_empty() {
        return None;
    }
    let (version, variant) = tag_shape(tag)?;
    let candidates: Vec<(&'static ImageRow, Vec<u64>)> = data::images()
        .iter()
        .filter(|r| row_name(r) == name)
        .filter_map(|r| {
            let (v, var) = tag_shape(r.tag)?;
            (var == variant).then_some((r, v))
        })
        .collect();
    let unversioned = candidates.iter().find(|(_, v)| v.is_empty()).map(|(r, _)| *r);
    let versioned = candidates.iter().filter(|(_, v)| !v.is_empty());
    if version.is_empty() {
        unversioned.or_else(|| versioned.max_by(|a, b| a.1.cmp(&b.1)).map(|(r, _)| *r))
    } else {
        versioned
            .min_by(|a, b| {
                // On equal distance the newer version wins.
                version_distance(&version, &a.1).cmp(&version_distance(&version, &b.1)).then(b.1.cmp(&a.1))
            })
            .map(|(r, _)| *r)
            .or(unversioned)
    }
}

fn guess_libc(tag: &str) -> &'static str {
    if tag.contains("alpine") {
        "musl"
    } else {
        ""
    }
}

/// Removes the variant part of a tag: `3.12-slim` and `3.12-alpine` are
/// variants of `3.12`; `slim`, `alpine` and `latest` of the unversioned tag.
fn tag_stem(tag: &str) -> &str {
    for suffix in ["-alpine", "-slim"] {
        if let Some(stem) = tag.strip_suffix(suffix) {
            return stem;
        }
    }
    match tag {
        "latest" | "slim" | "alpine" => "",
        other => other,
    }
}

fn variant_tags(stem: &str) -> [String; 3] {
    if stem.is_empty() {
        ["latest".into(), "slim".into(), "alpine".into()]
    } else {
        [stem.to_string(), format!("{stem}-slim"), format!("{stem}-alpine")]
    }
}

/// The distroless images that can stand in for an official image's runtime
/// (distroless README: python3, nodejs, java, static and cc images).
fn distroless_for(repository: &str) -> &'static [&'static str] {
    match repository {
        "docker.io/library/python" => &["gcr.io/distroless/python3-debian12"],
        "docker.io/library/node" => &["gcr.io/distroless/nodejs20-debian12"],
        "docker.io/library/eclipse-temurin"
        | "docker.io/library/openjdk"
        | "docker.io/library/maven"
        | "docker.io/library/gradle" => &["gcr.io/distroless/java21-debian12"],
        "docker.io/library/golang" | "docker.io/library/rust" | "docker.io/library/gcc" => {
            &["gcr.io/distroless/static-debian12", "gcr.io/distroless/cc-debian12"]
        }
        "docker.io/library/debian" | "docker.io/library/ubuntu" => &["gcr.io/distroless/base-debian12"],
        _ => &[],
    }
}

/// The variants of a base that can be priced, itself first when it can:
/// the full, `-slim` and `-alpine` tags of the same version (each from the
/// catalogue or its nearest tag; for a tag that has neither, up to four tags
/// of the same image that the catalogue has), then distroless equivalents.
/// Returns normalised references.
pub fn variants(reference: &str) -> Vec<String> {
    let (name, tag, _) = split_reference(reference);
    let priced = |t: &str| find_row(&name, t).is_some() || nearest_row(&name, t).is_some();
    let mut out = Vec::new();
    if priced(&tag) {
        out.push(format!("{name}:{tag}"));
    }
    for t in variant_tags(tag_stem(&tag)) {
        if priced(&t) {
            let r = format!("{name}:{t}");
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    if out.is_empty() {
        // A repository the fallback cannot match (a variant the catalogue
        // lacks): offer the tags it has, so that there is something to
        // compare with.
        for r in data::images().iter().filter(|r| row_name(r) == name).take(4) {
            out.push(format!("{name}:{}", r.tag));
        }
    }
    for d in distroless_for(&name) {
        if find_row(d, "latest").is_some() {
            out.push(format!("{d}:latest"));
        }
    }
    out
}
