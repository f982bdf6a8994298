//! The simulation's results: plain, serialisable data for the CLI and app.

use super::messages as M;
use crate::message::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

/// Every build of a scenario, in input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Simulation {
    pub builds: Vec<BuildReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct BuildReport {
    /// One entry per instruction, in file order (global ARGs and FROMs included).
    pub steps: Vec<Step>,
    /// The target stage's name (`stage-N` for an unnamed one).
    pub target: String,
    pub image: ImageReport,
    /// Estimated time with an empty cache, and for this build given the cache.
    pub cold_seconds: f64,
    pub warm_seconds: f64,
    pub hits: usize,
    pub misses: usize,
    /// Where the build ran and what cache it imported and exported, when
    /// simulated with CI settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci: Option<super::CiReport>,
}

/// The resulting image, as far as the simulation can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ImageReport {
    /// Stands in for the image ID: a digest over the layers' keys and the config.
    pub id: String,
    /// The key of the last filesystem step of the target stage.
    pub layers: String,
    /// False when the previous build produced the very same image.
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The stage's name (`stage-N` if unnamed); empty for global ARGs.
    pub stage: Arc<str>,
    pub stage_index: Option<usize>,
    /// Index into `Dockerfile::instructions`.
    pub instruction: usize,
    /// 1-based first and last line.
    pub line: u32,
    pub end_line: u32,
    /// Upper-case keyword (`RUN`).
    pub keyword: Cow<'static, str>,
    /// The instruction as written.
    pub text: Arc<str>,
    pub status: Status,
    pub reason: Reason,
    /// Short hex of the cache key (empty for `no_step` and `not_built`).
    pub key: ShortKey,
    /// Estimated seconds when the step runs (0 for steps that never run).
    pub est_seconds: f64,
    /// A metadata instruction whose effect on the image config differs from
    /// every earlier build: no step re-runs, but the image ID changes.
    pub config_changed: bool,
    /// A re-running RUN whose cache mount already holds contents from an
    /// earlier run (BuildKit keeps cache mounts between builds).
    pub warm_cache_mount: bool,
    /// A `COPY --link` / `ADD --link` that keeps its cache whatever the
    /// steps before it do.
    pub linked: bool,
    /// Build-context files this step reads (COPY/ADD sources, bind mounts),
    /// after `.dockerignore`: a file no step reads never breaks the cache.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reads: Vec<Arc<str>>,
}

/// The first 8 bytes of a cache key in hex, kept inline (a report has one
/// per step); empty for a step without a key. Reads and serialises as text.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ShortKey {
    hex: [u8; 16],
    len: u8,
}

impl ShortKey {
    pub(crate) fn of(key: &[u8]) -> ShortKey {
        let mut hex = [0u8; 16];
        for (i, &b) in key.iter().take(8).enumerate() {
            hex[2 * i..2 * i + 2].copy_from_slice(&super::sha256::hex_pair(b));
        }
        ShortKey { hex, len: (2 * key.len().min(8)) as u8 }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever stored.
        std::str::from_utf8(&self.hex[..usize::from(self.len)]).unwrap_or("")
    }
}

impl std::ops::Deref for ShortKey {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for ShortKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for ShortKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ShortKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Any text of up to 16 hex digits.
impl<'de> Deserialize<'de> for ShortKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ShortKey, D::Error> {
        let text = String::deserialize(d)?;
        if text.len() > 16 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(serde::de::Error::custom("a short key is up to 16 hex digits"));
        }
        let mut hex = [0u8; 16];
        hex[..text.len()].copy_from_slice(text.as_bytes());
        Ok(ShortKey { hex, len: text.len() as u8 })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Taken from the cache.
    Hit,
    /// Runs.
    Miss,
    /// In a stage the target does not need.
    NotBuilt,
    /// Makes no cache step of its own (metadata, global ARG, `WORKDIR /`).
    NoStep,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Hit => "hit",
            Status::Miss => "miss",
            Status::NotBuilt => "not_built",
            Status::NoStep => "no_step",
        }
    }
}

/// Why a step has its status. Data only: [`Reason::msg`] words it in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Nothing was built before.
    FirstBuild,
    /// Found in the cache; `build` is the 1-based build that last produced it.
    Cached {
        build: usize,
    },
    /// The same step already appears earlier in this build (`line`), which
    /// re-ran: BuildKit runs it once for both.
    SameAs {
        line: u32,
    },
    /// The step before it in the stage re-ran (`line`), so its input changed.
    ParentMissed {
        line: u32,
    },
    /// The base image's identity differs from the cached one.
    BaseChanged {
        image: String,
    },
    /// A base image never built on before.
    NewBase {
        image: String,
    },
    /// The command differs.
    CommandChanged,
    /// A heredoc body differs.
    HeredocChanged,
    /// An environment variable set by ENV (or the base) differs.
    EnvChanged {
        name: String,
    },
    /// A build argument's value differs.
    ArgChanged {
        name: String,
    },
    WorkdirChanged {
        from: String,
        to: String,
    },
    UserChanged {
        from: String,
        to: String,
    },
    ShellChanged,
    NetworkChanged,
    SecurityChanged,
    /// A `--mount` option differs (its target is given).
    MountChanged {
        target: String,
    },
    /// Content selected by the step differs (path in the context or stage).
    FileChanged {
        path: String,
    },
    FileAdded {
        path: String,
    },
    FileRemoved {
        path: String,
    },
    FileRenamed {
        from: String,
        to: String,
    },
    /// Only mode bits differ.
    ModeChanged {
        path: String,
    },
    /// The selected content of another stage or image differs.
    SourceChanged {
        from: String,
    },
    /// Reads output of a RUN in stage `from` that re-ran: the simulation
    /// cannot see whether the bytes changed, so it assumes they did.
    UpstreamRan {
        from: String,
    },
    /// The destination differs.
    DestChanged,
    /// A flag such as `--chown`, `--chmod`, `--exclude` differs.
    OptionsChanged,
    /// The source paths differ.
    SourcesChanged,
    /// No comparable step was cached (inserted, or the step kind changed).
    NewStep,
    /// A remote source (`ADD https://...`) the simulation cannot see into.
    Remote,
    /// Metadata only: changes the image config, not the cache.
    Metadata,
    /// `FROM scratch`: an empty filesystem, nothing to fetch.
    Scratch,
    /// `FROM <stage>`: continues from that stage's last step.
    InheritsStage {
        stage: String,
    },
    /// `WORKDIR /` creates nothing.
    RootWorkdir,
    /// A global ARG: used by FROM lines only.
    GlobalArg,
    /// The target does not need this stage.
    NotNeeded {
        target: String,
    },
    /// The instruction could not be parsed.
    Invalid,
    /// Found in an imported cache (`--cache-from`) with its layers.
    Imported {
        from: String,
    },
    /// Found in an imported cache without its layers, as a `mode=min`
    /// export keeps the steps that are not layers of the exported image:
    /// the step runs.
    NoLayers {
        from: String,
    },
    /// Not in the runner's own cache (a fresh runner starts empty) nor in
    /// any imported cache.
    EmptyCache,
    /// `--no-cache` or `--no-cache-filter` makes the step run.
    IgnoreCache,
    /// A later step was found in the cache, so BuildKit never loads or
    /// runs this one, and reports it as cached.
    Unneeded,
}

impl Reason {
    /// The reason as a message, short enough for a table cell.
    pub fn msg(&self) -> Msg {
        match self {
            Reason::FirstBuild => M::FIRST_BUILD.msg(),
            Reason::Cached { build } => M::CACHED.msg().arg("build", build),
            Reason::SameAs { line } => M::SAME_AS.msg().arg("line", line),
            Reason::ParentMissed { line } => M::PARENT_MISSED.msg().arg("line", line),
            Reason::BaseChanged { image } => M::BASE_CHANGED.msg().arg("image", image),
            Reason::NewBase { image } => M::NEW_BASE.msg().arg("image", image),
            Reason::CommandChanged => M::COMMAND_CHANGED.msg(),
            Reason::HeredocChanged => M::HEREDOC_CHANGED.msg(),
            Reason::EnvChanged { name } => M::ENV_CHANGED.msg().arg("name", name),
            Reason::ArgChanged { name } => M::ARG_CHANGED.msg().arg("name", name),
            Reason::WorkdirChanged { from, to } => M::WORKDIR_CHANGED.msg().arg("from", from).arg("to", to),
            Reason::UserChanged { from, to } => {
                let user = |m: Msg, name: &'static str, u: &str| match u.is_empty() {
                    true => m.arg_msg(name, M::USER_DEFAULT.msg()),
                    false => m.arg(name, u),
                };
                user(user(M::USER_CHANGED.msg(), "from", from), "to", to)
            }
            Reason::ShellChanged => M::SHELL_CHANGED.msg(),
            Reason::NetworkChanged => M::NETWORK_CHANGED.msg(),
            Reason::SecurityChanged => M::SECURITY_CHANGED.msg(),
            Reason::MountChanged { target } => M::MOUNT_CHANGED.msg().arg("target", target),
            Reason::FileChanged { path } => M::FILE_CHANGED.msg().arg("path", path),
            Reason::FileAdded { path } => M::FILE_ADDED.msg().arg("path", path),
            Reason::FileRemoved { path } => M::FILE_REMOVED.msg().arg("path", path),
            Reason::FileRenamed { from, to } => M::FILE_RENAMED.msg().arg("from", from).arg("to", to),
            Reason::ModeChanged { path } => M::MODE_CHANGED.msg().arg("path", path),
            Reason::SourceChanged { from } => M::SOURCE_CHANGED.msg().arg("from", from),
            Reason::UpstreamRan { from } => M::UPSTREAM_RAN.msg().arg("from", from),
            Reason::DestChanged => M::DEST_CHANGED.msg(),
            Reason::OptionsChanged => M::OPTIONS_CHANGED.msg(),
            Reason::SourcesChanged => M::SOURCES_CHANGED.msg(),
            Reason::NewStep => M::NEW_STEP.msg(),
            Reason::Remote => M::REMOTE.msg(),
            Reason::Metadata => M::METADATA.msg(),
            Reason::Scratch => M::SCRATCH.msg(),
            Reason::InheritsStage { stage } => M::INHERITS_STAGE.msg().arg("stage", stage),
            Reason::RootWorkdir => M::ROOT_WORKDIR.msg(),
            Reason::GlobalArg => M::GLOBAL_ARG.msg(),
            Reason::NotNeeded { target } => M::NOT_NEEDED.msg().arg("target", target),
            Reason::Invalid => M::INVALID.msg(),
            Reason::Imported { from } => M::IMPORTED.msg().arg("from", from),
            Reason::NoLayers { from } => M::NO_LAYERS.msg().arg("from", from),
            Reason::EmptyCache => M::EMPTY_CACHE.msg(),
            Reason::IgnoreCache => M::IGNORE_CACHE.msg(),
            Reason::Unneeded => M::UNNEEDED.msg(),
        }
    }

    /// English wording.
    pub fn message(&self) -> String {
        self.msg().en()
    }
}

/// A plain-text table of a simulation, one block per build: what the CLI's
/// `--format text` prints and what the fixture tests snapshot.
pub fn render_text(sim: &Simulation) -> String {
    render_text_in(sim, Lang::En)
}

/// [`render_text`] in `lang`.
pub fn render_text_in(sim: &Simulation, lang: Lang) -> String {
    let mut out = String::new();
    for (i, b) in sim.builds.iter().enumerate() {
        let image = if b.image.changed { &M::REPORT_IMAGE_CHANGED } else { &M::REPORT_IMAGE_UNCHANGED };
        let head = M::REPORT_BUILD
            .msg()
            .arg("n", i + 1)
            .arg("target", if b.target.is_empty() { "-" } else { &b.target })
            .arg("hits", b.hits)
            .arg("misses", b.misses)
            .arg("cold", format!("{:.1}", b.cold_seconds))
            .arg("warm", format!("{:.1}", b.warm_seconds))
            .arg_msg("image", image.msg());
        out += &head.render(lang);
        out.push('\n');
        for s in &b.steps {
            let first_line = s.text.lines().next().unwrap_or("");
            let text: String = if first_line.chars().count() > 40 {
                first_line.chars().take(39).collect::<String>() + "…"
            } else {
                first_line.to_string()
            };
            let mut notes = String::new();
            for (on, note) in [
                (s.linked, &M::REPORT_LINKED),
                (s.warm_cache_mount, &M::REPORT_WARM_MOUNT),
                (s.config_changed, &M::REPORT_CONFIG_CHANGED),
            ] {
                if on {
                    notes += note.template(lang);
                }
            }
            out += &format!(
                "  {:>3}  {:<40}  {:<9}  {}{}\n",
                s.line,
                text,
                s.status.as_str(),
                s.reason.msg().render(lang),
                notes
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ShortKey;

    /// A short key is the hex of a key's first 8 bytes, and reads back from
    /// its JSON form; anything but up to 16 hex digits is refused.
    #[test]
    fn short_key_is_hex_text_both_ways() {
        let key = ShortKey::of(&[0x01, 0xab, 0xff, 0x00, 0x10, 0x20, 0x30, 0x40, 0x99]);
        assert_eq!(&*key, "01abff0010203040");
        let json = serde_json::to_string(&key).unwrap_or_default();
        assert_eq!(json, "\"01abff0010203040\"");
        assert_eq!(serde_json::from_str::<ShortKey>(&json).ok(), Some(key));
        assert_eq!(&*ShortKey::default(), "");
        for bad in ["\"xyz\"", "\"0123456789abcdef0\"", "12"] {
            assert!(serde_json::from_str::<ShortKey>(bad).is_err(), "{bad}");
        }
    }
}
