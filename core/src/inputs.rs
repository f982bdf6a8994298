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
        self.mode
            .as_deref()
            .and_then(|m| u32::from_str_radix(m, 8).ok())
            .unwrap_or(if self.is_dir() { 0o755 } else { 0o644 })
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
