//! What a build is made of: the Dockerfile, the virtual build context, build
//! args, target and secrets. This is the scenario format's `builds[]` entry
//! (see `docs/scenario.md`), the app's state, and what permalinks carry.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One file or directory of the virtual build context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextFile {
    /// Slash-separated, relative to the context root, no leading `./`.
    /// A directory may be written with a trailing `/`.
    pub path: String,
    #[serde(flatten)]
    pub body: FileBody,
    /// Octal permission bits as text ("644"); `None` means the default:
    /// 644 for files, 755 for directories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FileBody {
    /// A text file with its content.
    Text { content: String },
    /// A file known only by size and digest (a binary placeholder).
    Blob { size: u64, digest: String },
    /// A directory (`"type": "dir"`).
    Dir {
        #[serde(rename = "type")]
        kind: DirTag,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DirTag {
    Dir,
}

impl ContextFile {
    pub fn text(path: &str, content: &str) -> ContextFile {
        ContextFile { path: path.to_string(), body: FileBody::Text { content: content.to_string() }, mode: None }
    }

    pub fn is_dir(&self) -> bool {
        matches!(self.body, FileBody::Dir { .. })
    }

    /// Permission bits, from `mode` or the default.
    pub fn mode_bits(&self) -> u32 {
        self.mode.as_deref().and_then(|m| u32::from_str_radix(m, 8).ok()).unwrap_or(if self.is_dir() {
            0o755
        } else {
            0o644
        })
    }

    /// Size in bytes (0 for directories).
    pub fn size(&self) -> u64 {
        match &self.body {
            FileBody::Text { content } => content.len() as u64,
            FileBody::Blob { size, .. } => *size,
            FileBody::Dir { .. } => 0,
        }
    }
}

/// One build: everything BuildKit would be given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BuildInput {
    pub dockerfile: String,
    #[serde(default)]
    pub files: Vec<ContextFile>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub build_args: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub secrets: BTreeMap<String, String>,
}

/// A base image's identity and size, as a scenario may pin it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

/// A history of builds, oldest first, and pinned image identities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, ImageInfo>,
    pub builds: Vec<BuildInput>,
}

/// Where a build runs and how its cache travels (issue 18): the CI fields of
/// a scenario's `builds[]` entry (see `docs/scenario.md`). The default is
/// one persistent builder with no cache import or export, which is the
/// plain cache model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CiBuild {
    /// `persistent` (the default builder, which keeps its cache), `fresh`
    /// (an empty builder for this build only), or any other name: a
    /// persistent builder of that name, for several machines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner: Option<String>,
    /// `--cache-from` entries in BuildKit's syntax (`type=registry,ref=...`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cache_from: Vec<String>,
    /// `--cache-to` entries (`type=registry,ref=...,mode=max`, `type=inline`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cache_to: Vec<String>,
    /// `--pull`: always resolve base tags against their registry.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pull: bool,
    /// `--no-cache`: every stage ignores the cache.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_cache: bool,
    /// `--no-cache-filter`: the named stages ignore the cache.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_cache_filter: Vec<String>,
    /// The image reference the build pushes its image to (`--push -t REF`),
    /// which is where an inline cache goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push: Option<String>,
    /// Tags that moved before this build: reference → new identity. They
    /// stay moved for the later builds, as in a registry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, ImageInfo>,
}

impl CiBuild {
    /// The CI fields of every `builds[]` entry of a scenario in JSON, in
    /// order; entries without them get the defaults.
    pub fn from_scenario_json(value: &serde_json::Value) -> Result<Vec<CiBuild>, String> {
        let builds = value.get("builds").and_then(|b| b.as_array()).map(Vec::as_slice).unwrap_or_default();
        builds
            .iter()
            .enumerate()
            .map(|(i, b)| serde_json::from_value::<CiBuild>(b.clone()).map_err(|e| format!("builds[{i}]: {e}")))
            .collect()
    }

    /// True when the build uses nothing but the default persistent builder.
    pub fn is_plain(&self) -> bool {
        *self == CiBuild::default()
    }
}
