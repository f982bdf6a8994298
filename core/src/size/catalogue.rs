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
    /// The lowest and highest uncompressed size the figures allow (equal to
    /// `uncompressed` when it is exact).
    pub uncompressed_low: u64,
    pub uncompressed_high: u64,
    /// The compressed size of the linux/arm64 image, where the source has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arm64_compressed: Option<u64>,
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

    /// The range of `uncompressed`: exact for a measured, typed or empty
    /// image; for a size derived from the compressed one, the spread of the
    /// measured ratios; for a published or computed figure, the range its
    /// row gives; for a figure borrowed from a nearby tag, a third either way
    /// (the spread between neighbouring tags of one repository in
    /// images.tsv: node:20 vs node:22, python:3.11 vs 3.12). An unknown base
    /// is 0 with no upper bound we could name, so the range stays at 0.
    pub fn range(&self) -> (u64, u64) {
        (self.uncompressed_low.min(self.uncompressed), self.uncompressed_high.max(self.uncompressed))
    }

    /// Sets an exact size (the user's, or none at all).
    fn set_exact(&mut self, uncompressed: u64) {
        self.uncompressed = uncompressed;
        self.uncompressed_low = uncompressed;
        self.uncompressed_high = uncompressed;
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

/// False for images with no shell: distroless, and Microsoft's chiseled
/// .NET images (dotnet-docker's documentation: "no shell").
fn has_shell(image: &str, tag: &str) -> bool {
    !image.starts_with("gcr.io/distroless/") && !tag.contains("chiseled")
}

fn scaled(size: u64, factor: f64) -> u64 {
    (size as f64 * factor).round() as u64
}

fn from_row(row: &ImageRow, reference: String, digest: Option<String>) -> BaseImage {
    let (ratio, ratio_low, ratio_high) = data::ratios(row.libc);
    let (uncompressed, compressed, basis) = match (row.uncompressed, row.compressed, row.uncompressed_kind) {
        (Some(u), Some(c), "same") => (u, c, Basis::Measured),
        (Some(u), Some(c), "published-estimate") => (u, c, Basis::Estimate),
        (_, Some(c), _) => (scaled(c, ratio), c, Basis::FromRatio),
        (Some(u), None, _) => (u, scaled(u, 1.0 / ratio), Basis::Estimate),
        (None, None, _) => (0, 0, Basis::Unknown),
    };
    let (low, high) = match (basis, row.uncompressed_range, row.uncompressed_kind) {
        (_, Some(range), _) => range,
        (Basis::FromRatio, ..) => (scaled(compressed, ratio_low), scaled(compressed, ratio_high)),
        // Package sums over what distroless ships are upper bounds: its
        // README's static-debian12 (~2 MiB) is 0.6 of our sum, base-debian12
        // (~20 MB) 0.87.
        (Basis::Estimate, None, "computed-estimate") => (scaled(uncompressed, 0.5), uncompressed),
        // Third-party figures rounded to tens of megabytes.
        (Basis::Estimate, None, _) => (scaled(uncompressed, 0.5), scaled(uncompressed, 1.5)),
        _ => (uncompressed, uncompressed),
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
        has_shell: has_shell(row.image, row.tag),
        identity,
        base_os: row.base_os.to_string(),
        app_version: row.app_version.to_string(),
        data_date: row.data_date.to_string(),
        estimated_from: None,
        uncompressed_low: low.min(uncompressed),
        uncompressed_high: high.max(uncompressed),
        arm64_compressed: row.arm64_compressed,
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
            uncompressed_low: 0,
            uncompressed_high: 0,
            arm64_compressed: None,
        };
    }
    let (name, tag, digest) = split_reference(reference);
    let row = if tag.is_empty() { None } else { find_row(&name, &tag).or_else(|| alias_row(&name, &tag)) };
    let nearest = if row.is_none() { nearest_row(&name, &tag) } else { None };
    let mut image = match (row, nearest) {
        (Some(row), _) => from_row(row, normalized.clone(), digest.clone()),
        (None, Some(near)) => {
            // The figures are another image's: it must not lend its identity.
            let mut image = from_row(near, normalized.clone(), digest.clone());
            image.basis = Basis::NearestTag;
            image.identity = digest.clone();
            image.estimated_from = Some(format!("{name}:{}", near.tag));
            image.uncompressed_low = scaled(image.uncompressed_low, 0.67);
            image.uncompressed_high = scaled(image.uncompressed_high, 1.33);
            image.arm64_compressed = None;
            image
        }
        (None, None) => BaseImage {
            reference: normalized.clone(),
            uncompressed: 0,
            compressed: 0,
            basis: Basis::Unknown,
            layers: Vec::new(),
            libc: guess_libc(&tag).to_string(),
            has_shell: has_shell(&name, &tag),
            identity: digest,
            base_os: String::new(),
            app_version: String::new(),
            data_date: String::new(),
            estimated_from: None,
            uncompressed_low: 0,
            uncompressed_high: 0,
            arm64_compressed: None,
        },
    };
    if let Some(size) = user_size {
        image.set_exact(size);
        image.arm64_compressed = None;
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

const CODENAMES: &[&str] = &["bookworm", "bullseye", "buster", "trixie", "jammy", "noble", "focal"];
const CHANNELS: &[&str] = &["latest", "lts", "stable", "current"];

/// The release codenames a tag names (`20-bookworm-slim`: `bookworm`).
fn codenames(tag: &str) -> Vec<&'static str> {
    tag.split('-').filter_map(|w| CODENAMES.iter().find(|c| w.eq_ignore_ascii_case(c)).copied()).collect()
}

/// The Alpine release a tag names (`20-alpine3.19`: `3.19`).
fn alpine_release(tag: &str) -> Option<&str> {
    tag.split('-').find_map(|w| w.strip_prefix("alpine")).filter(|v| !v.is_empty())
}

/// The catalogued row that is the same image as `tag` under another name:
/// the official images' tag aliases. `debian:12-slim` is `bookworm-slim`
/// and `ubuntu:noble` is `24.04`; a codename or an Alpine release in the tag
/// (`node:20-bookworm-slim`, `python:3.12-alpine3.20`) names the same image
/// as the tag without it when the row's image is built on that release; a
/// full version (`node:20.18.1`, `alpine:3.21.8`) names the row whose
/// recorded version it is. Channels (`lts`) have their own rows.
fn alias_row(name: &str, tag: &str) -> Option<&'static ImageRow> {
    let renamed = match name {
        "docker.io/library/debian" => {
            let (head, rest) = tag.split_once('-').map_or((tag, ""), |(h, r)| (h, r));
            let codename = match head {
                "11" => "bullseye",
                "12" => "bookworm",
                "13" => "trixie",
                _ => "",
            };
            (!codename.is_empty()).then(|| {
                if rest.is_empty() {
                    codename.to_string()
                } else {
                    format!("{codename}-{rest}")
                }
            })
        }
        "docker.io/library/ubuntu" => match tag {
            "jammy" => Some("22.04".to_string()),
            "noble" => Some("24.04".to_string()),
            "resolute" => Some("26.04".to_string()),
            _ => None,
        },
        _ => None,
    };
    if let Some(row) = renamed.and_then(|t| find_row(name, &t)) {
        return Some(row);
    }
    if tag.split('-').any(|w| CHANNELS.contains(&w.to_ascii_lowercase().as_str())) {
        return None;
    }
    let (version, variant) = tag_shape(tag)?;
    let names = codenames(tag);
    let alpine = alpine_release(tag);
    let joined = version.iter().map(u64::to_string).collect::<Vec<_>>().join(".");
    let rows = || data::images().iter().filter(|r| row_name(r) == name);
    let same_image = rows().find(|r| {
        let Some((row_version, row_variant)) = tag_shape(r.tag) else { return false };
        let os = r.base_os.to_ascii_lowercase();
        let same_version = row_version == version
            || (version.len() > row_version.len()
                && version.starts_with(&row_version)
                && r.app_version.split_whitespace().next() == Some(joined.as_str()));
        row_variant == variant
            && !version.is_empty()
            && same_version
            && codenames(r.tag).iter().all(|c| names.contains(c))
            && names.iter().all(|c| os.contains(c))
            && alpine.is_none_or(|v| alpine_release(r.tag) == Some(v) || os.contains(&format!("alpine {v}")))
    });
    // The official images tag their newest release both by version and
    // unversioned: `alpine:3.24` is `alpine:latest` while latest is 3.24.2.
    same_image.or_else(|| {
        (!version.is_empty() && names.is_empty() && alpine.is_none())
            .then(|| {
                rows().find(|r| {
                    let app = r.app_version.split_whitespace().next().unwrap_or("");
                    tag_shape(r.tag).is_some_and(|(v, var)| v.is_empty() && var == variant)
                        && (app == joined || app.starts_with(&format!("{joined}.")))
                })
            })
            .flatten()
    })
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
    let (mut version, variant) = tag_shape(tag)?;
    // A Debian codename stands for its release number, so that `buster`
    // (10) is nearest `bullseye` (11).
    if version.is_empty() {
        const DEBIAN: &[(&str, u64)] = &[("buster", 10), ("bullseye", 11), ("bookworm", 12), ("trixie", 13)];
        version = codenames(tag)
            .iter()
            .find_map(|c| DEBIAN.iter().find(|(n, _)| n == c))
            .map(|(_, v)| vec![*v])
            .unwrap_or_default();
    }
    let candidates: Vec<(&'static ImageRow, Vec<u64>)> = data::images()
        .iter()
        .filter(|r| row_name(r) == name)
        .filter_map(|r| {
            let (v, var) = tag_shape(r.tag)?;
            // An unversioned row (`golang:alpine`) is the version it recorded.
            let v = if v.is_empty() { app_version(r) } else { v };
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

/// The version a row recorded (`1.27.1` of `golang:alpine`), as numbers;
/// empty when it records none.
fn app_version(row: &ImageRow) -> Vec<u64> {
    let first = row.app_version.split_whitespace().next().unwrap_or("");
    let numeric = first.split(['+', '-']).next().unwrap_or("");
    if numeric.is_empty() || !numeric.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Vec::new();
    }
    numeric.split('.').filter_map(|n| n.parse().ok()).collect()
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
