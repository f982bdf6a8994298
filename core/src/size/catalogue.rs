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
}

impl BaseImage {
    pub fn is_known(&self) -> bool {
        self.basis != Basis::Unknown
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
        (!row.commit.is_empty()).then(|| format!("repo-info@{}:{}:{}", &row.commit[..row.commit.len().min(12)], row.image, row.tag))
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
        };
    }
    let (name, tag, digest) = split_reference(reference);
    let row = if tag.is_empty() { None } else { find_row(&name, &tag) };
    let mut image = match row {
        Some(row) => from_row(row, normalized.clone(), digest.clone()),
        None => BaseImage {
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
        },
    };
    if let Some(size) = user_size {
        image.uncompressed = size;
        image.compressed = (size as f64 / image.ratio()).round() as u64;
        image.layers = vec![image.compressed];
        image.basis = Basis::User;
    }
    image
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
        "docker.io/library/eclipse-temurin" | "docker.io/library/openjdk" | "docker.io/library/maven"
        | "docker.io/library/gradle" => &["gcr.io/distroless/java21-debian12"],
        "docker.io/library/golang" | "docker.io/library/rust" | "docker.io/library/gcc" => {
            &["gcr.io/distroless/static-debian12", "gcr.io/distroless/cc-debian12"]
        }
        "docker.io/library/debian" | "docker.io/library/ubuntu" => &["gcr.io/distroless/base-debian12"],
        _ => &[],
    }
}

/// The catalogued variants of a base, itself first when catalogued: the
/// full, `-slim` and `-alpine` tags of the same version (or, for a tag the
/// catalogue lacks, up to four tags of the same image it has), then
/// distroless equivalents. Returns normalised references.
pub fn variants(reference: &str) -> Vec<String> {
    let (name, tag, _) = split_reference(reference);
    let mut out = Vec::new();
    if find_row(&name, &tag).is_some() {
        out.push(format!("{name}:{tag}"));
    }
    for t in variant_tags(tag_stem(&tag)) {
        if find_row(&name, &t).is_some() {
            let r = format!("{name}:{t}");
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    if out.is_empty() {
        // A tag the catalogue lacks (alpine:3.20): offer the tags of the same
        // image that it has, so that there is something to compare with.
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
