//! The layer cache in CI (issue 18): runners that keep their cache or start
//! empty, caches exported with `--cache-to` and imported with
//! `--cache-from`, cache flags, and base tags that move between builds.
//!
//! BuildKit's behaviour, from its source (moby/buildkit v0.26.0), and held
//! to a real BuildKit by `core/tests/cache_ci.rs` (`scripts/ci-oracle.sh`):
//! - An export writes the cache records of the build's result and of
//!   everything it was built from (solver/exporter.go `ExportTo` recurses
//!   into the dependencies). With `mode=max` every record carries its
//!   result; with `mode=min`, the default (control/control.go:674
//!   `parseCacheExportMode`), only the result's own layers are resolved:
//!   once a record has layers the walk switches to
//!   `CacheExportModeRemoteOnly` (solver/exporter.go:230), so the other
//!   records keep a result only when it already is a remote blob (one
//!   imported, or compressed for an earlier export or push on that runner).
//! - The inline cache always exports in min mode
//!   (solver/llbsolver/solver.go:1097, `Mode: solver.CacheExportModeMin`),
//!   into the pushed image.
//! - Every import becomes one more cache source of the solve
//!   (solver/llbsolver/bridge.go:104-147, `WithCacheSources(cms)`): several
//!   imports merge.
//! - An export to a ref, a directory or a GitHub Actions scope replaces
//!   what was there (cache/remotecache/export.go `Finalize` writes a new
//!   manifest or index under the same name).
//! - Cache mounts are the runner's own snapshots: no exporter writes them,
//!   so a fresh runner starts with them empty.
//! - Without `--pull`, BuildKit still resolves a tag against its registry
//!   first and uses a local image only when that fails
//!   (util/resolver/pool.go:227 `Resolve`, `ResolveModeDefault`): a moved
//!   tag is seen with or without `--pull`.
//! - The GitHub Actions cache's default scope is `buildkit`
//!   (cache/remotecache/gha/gha.go:67).
//!
//! Which steps BuildKit loads or runs is decided in `build/mod.rs`
//! (`Builder::settle`); the quirks it follows are listed in
//! `docs/scenario.md`.

use super::messages as M;
use super::{build, History, Key, KeyMap, KeySet, Options, Simulation};
use crate::diag::Diagnostic;
use crate::inputs::{CiBuild, ImageInfo, Scenario};
use crate::message::Msg;
use crate::syntax::Stage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What an export keeps of the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Min,
    Max,
}

/// The kinds of cache storage BuildKit can export to and import from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Registry,
    Local,
    Gha,
    Inline,
    S3,
    Azblob,
}

/// One `--cache-from` or `--cache-to` entry, read from BuildKit's
/// `type=...,key=value` syntax.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheSpec {
    pub kind: Kind,
    pub mode: Mode,
    /// Where the cache lives (`registry:REF`, `local:DIR`, `gha:SCOPE`);
    /// empty for an inline export, which goes wherever the image is pushed.
    pub location: String,
}

/// Options each kind accepts beyond `type` (the cache/remotecache
/// packages and buildx's documentation of them).
fn known_options(kind: Kind) -> &'static [&'static str] {
    const COMMON: &[&str] = &[
        "mode",
        "ignore-error",
        "compression",
        "compression-level",
        "force-compression",
        "oci-mediatypes",
        "image-manifest",
    ];
    match kind {
        Kind::Registry => &["ref", "registry.insecure", "store"],
        Kind::Local => &["dest", "src", "tag", "digest"],
        Kind::Gha => &["scope", "url", "url_v2", "token", "version", "timeout", "repository", "ghtoken"],
        Kind::Inline => COMMON,
        Kind::S3 => &[
            "bucket",
            "region",
            "name",
            "prefix",
            "endpoint_url",
            "blobs_prefix",
            "manifests_prefix",
            "use_path_style",
            "access_key_id",
            "secret_access_key",
            "session_token",
            "upload_parallelism",
            "touch_refresh",
        ],
        Kind::Azblob => &[
            "name",
            "account_url",
            "prefix",
            "blobs_prefix",
            "manifests_prefix",
            "secret_access_key",
            "upload_parallelism",
        ],
    }
}

impl CacheSpec {
    /// Reads one entry; `export` says whether it is a `--cache-to`. The
    /// error names the option at fault.
    pub fn parse(text: &str, export: bool) -> Result<CacheSpec, Msg> {
        let mut attrs: BTreeMap<&str, &str> = BTreeMap::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) =
                part.split_once('=').ok_or_else(|| M::CI_NOT_KEY_VALUE.msg().arg("part", format!("{part:?}")))?;
            if attrs.insert(k.trim(), v.trim()).is_some() {
                return Err(M::CI_TWICE.msg().arg("key", k.trim()));
            }
        }
        let kind = match attrs.remove("type") {
            None => return Err(M::CI_TYPE_MISSING.msg()),
            Some("registry") => Kind::Registry,
            Some("local") => Kind::Local,
            Some("gha") => Kind::Gha,
            Some("inline") => Kind::Inline,
            Some("s3") => Kind::S3,
            Some("azblob") => Kind::Azblob,
            Some(other) => return Err(M::CI_TYPE.msg().arg("value", format!("{other:?}"))),
        };
        if kind == Kind::Inline && !export {
            return Err(M::CI_INLINE_IMPORT.msg());
        }
        let mode = match attrs.remove("mode") {
            None | Some("min") => Mode::Min,
            Some("max") => Mode::Max,
            Some(other) => return Err(M::CI_MODE.msg().arg("value", format!("{other:?}"))),
        };
        for k in attrs.keys() {
            let common = [
                "ignore-error",
                "compression",
                "compression-level",
                "force-compression",
                "oci-mediatypes",
                "image-manifest",
            ];
            if !known_options(kind).contains(k) && !common.contains(k) {
                return Err(M::CI_OPTION.msg().arg("key", k).arg("kind", kind_name(kind)));
            }
        }
        let need = |k: &str| {
            attrs
                .get(k)
                .copied()
                .filter(|v| !v.is_empty())
                .ok_or_else(|| M::CI_MISSING.msg().arg("key", k).arg("kind", kind_name(kind)))
        };
        let location = match kind {
            Kind::Registry => format!("registry:{}", crate::reference::normalize(need("ref")?)),
            Kind::Local => {
                let dir = if export { need("dest")? } else { need("src")? };
                format!("local:{dir}:{}", attrs.get("tag").copied().unwrap_or("latest"))
            }
            Kind::Gha => format!("gha:{}", attrs.get("scope").copied().unwrap_or("buildkit")),
            Kind::Inline => String::new(),
            Kind::S3 => format!(
                "s3:{}/{}{}",
                need("bucket")?,
                attrs.get("prefix").copied().unwrap_or(""),
                attrs.get("name").copied().unwrap_or("buildkit")
            ),
            Kind::Azblob => format!(
                "azblob:{}{}",
                attrs.get("prefix").copied().unwrap_or(""),
                attrs.get("name").copied().unwrap_or("buildkit")
            ),
        };
        Ok(CacheSpec { kind, mode, location })
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Registry => "registry",
        Kind::Local => "local",
        Kind::Gha => "gha",
        Kind::Inline => "inline",
        Kind::S3 => "s3",
        Kind::Azblob => "azblob",
    }
}

/// A key of a build and where its result is, as an export sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record {
    pub key: Key,
    /// The result exists somewhere: the runner holds it or an import has it.
    pub result: bool,
    /// The result came from an imported cache, so it is a remote blob.
    pub remote: bool,
    /// A layer of the target's image.
    pub layer: bool,
}

/// A record as an imported cache holds it.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    /// With its layers (else the key only, as `mode=min` keeps it).
    pub result: bool,
    /// The location it came from, for reasons.
    pub from: Arc<str>,
}

/// What one build sees of CI: the merged imports and the cache flags.
#[derive(Debug, Clone, Default)]
pub(crate) struct CiView {
    pub imported: KeyMap<Imported>,
    pub no_cache: bool,
    pub no_cache_filter: Vec<String>,
    /// The scenario's first build (whose misses read "first build").
    pub first: bool,
}

impl CiView {
    /// True when the stage's steps ignore the cache (dockerui `IsNoCache`
    /// compares stage names case-insensitively; `--no-cache` names all).
    pub fn ignores(&self, stage: &Stage) -> bool {
        self.no_cache
            || stage.name.as_deref().is_some_and(|n| self.no_cache_filter.iter().any(|f| f.eq_ignore_ascii_case(n)))
    }
}

/// One export of a build.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub location: String,
    pub mode: Mode,
    /// Cache records written, and how many of them carry their layers.
    pub records: usize,
    pub with_layers: usize,
}

/// What a build did in CI terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CiReport {
    pub runner: String,
    /// The imports that held a cache; the ones that held nothing are in
    /// the diagnostics.
    pub imported: Vec<String>,
    pub exported: Vec<Export>,
    /// Steps taken from an import (not from the runner's own cache).
    pub imported_hits: usize,
}

/// An exported cache: its records, each with or without its result.
type Store = KeyMap<bool>;

/// A persistent runner: its cache, and the results it has compressed into
/// blobs (for an export or a push), which a `mode=min` export keeps.
#[derive(Default)]
struct Runner {
    history: History,
    blobs: KeySet,
}

/// Simulates every build of a scenario with its CI settings (`ci[i]` for
/// `builds[i]`; missing entries are the defaults: the persistent runner,
/// no cache import or export).
pub fn simulate_ci(scenario: &Scenario, ci: &[CiBuild], options: &Options) -> (Simulation, Vec<Diagnostic>) {
    let mut runners: BTreeMap<String, Runner> = BTreeMap::new();
    let mut stores: BTreeMap<String, Store> = BTreeMap::new();
    let mut images: BTreeMap<String, ImageInfo> = scenario.images.clone();
    let mut builds = Vec::with_capacity(scenario.builds.len());
    let mut diagnostics = Vec::new();
    let default = CiBuild::default();
    for (i, input) in scenario.builds.iter().enumerate() {
        let c = ci.get(i).unwrap_or(&default);
        let mut warn = |message: Msg| {
            diagnostics.push(Diagnostic::warning(
                Default::default(),
                M::IN_BUILD.msg().arg("n", i + 1).arg_msg("message", message),
            ))
        };
        // A moved tag replaces its entry, however it is spelled.
        for (r, info) in &c.images {
            let norm = crate::reference::normalize(r);
            images.retain(|k, _| crate::reference::normalize(k) != norm);
            images.insert(r.clone(), info.clone());
        }
        let parse = |list: &[String], export: bool, warn: &mut dyn FnMut(Msg)| -> Vec<CacheSpec> {
            let field = if export { "cache_to" } else { "cache_from" };
            list.iter()
                .enumerate()
                .filter_map(|(j, t)| {
                    CacheSpec::parse(t, export)
                        .map_err(|e| {
                            warn(M::CI_SPEC_AT.msg().arg("field", field).arg("index", j).arg_msg("message", e))
                        })
                        .ok()
                })
                .collect()
        };
        let from = parse(&c.cache_from, false, &mut warn);
        let to = parse(&c.cache_to, true, &mut warn);
        let mut view = CiView {
            no_cache: c.no_cache,
            no_cache_filter: c.no_cache_filter.clone(),
            first: i == 0,
            ..Default::default()
        };
        let mut imported_names = Vec::new();
        for spec in &from {
            match stores.get(&spec.location) {
                Some(store) if !store.is_empty() => {
                    imported_names.push(spec.location.clone());
                    let from: Arc<str> = spec.location.as_str().into();
                    for (k, &result) in store {
                        let e = view.imported.entry(*k).or_insert(Imported { result, from: from.clone() });
                        // Merged: a record with its layers wins.
                        if result && !e.result {
                            *e = Imported { result, from: from.clone() };
                        }
                    }
                }
                _ => warn(M::CI_NOTHING_CACHED.msg().arg("location", &spec.location)),
            }
        }
        let name = c.runner.clone().unwrap_or_else(|| "persistent".into());
        let mut fresh = Runner::default();
        let runner = if name == "fresh" { &mut fresh } else { runners.entry(name.clone()).or_default() };
        let mut outcome = build::run(&runner.history, input, &images, options, Some(&view));
        runner.history.record(&outcome);

        let mut exported = Vec::new();
        let image_layers = outcome.records.iter().filter(|r| r.layer && r.result).map(|r| r.key);
        let mut blobs_now: Vec<Key> = image_layers.collect();
        let mut inline = false;
        for spec in &to {
            let location = match spec.kind {
                Kind::Inline => {
                    inline = true;
                    if spec.mode == Mode::Max {
                        warn(M::CI_INLINE_MIN.msg());
                    }
                    match &c.push {
                        Some(r) => format!("registry:{}", crate::reference::normalize(r)),
                        None => {
                            warn(M::CI_INLINE_NO_PUSH.msg());
                            continue;
                        }
                    }
                }
                _ => spec.location.clone(),
            };
            let mode = if spec.kind == Kind::Inline { Mode::Min } else { spec.mode };
            let store: Store = outcome
                .records
                .iter()
                .map(|r| {
                    let keep = match mode {
                        Mode::Max => r.result,
                        Mode::Min => r.result && (r.layer || r.remote || runner.blobs.contains(&r.key)),
                    };
                    (r.key, keep)
                })
                .collect();
            if mode == Mode::Max {
                blobs_now.extend(store.iter().filter(|(_, &v)| v).map(|(k, _)| *k));
            }
            exported.push(Export {
                location: location.clone(),
                mode,
                records: store.len(),
                with_layers: store.values().filter(|&&v| v).count(),
            });
            stores.insert(location, store);
        }
        if let Some(r) = &c.push {
            // A pushed image without an inline cache replaces whatever
            // cache was at its reference.
            if !inline {
                stores.insert(format!("registry:{}", crate::reference::normalize(r)), Store::default());
            }
        }
        if !to.is_empty() || c.push.is_some() {
            runner.blobs.extend(blobs_now);
        }
        let imported_hits =
            outcome.report.steps.iter().filter(|s| matches!(s.reason, super::Reason::Imported { .. })).count();
        outcome.report.ci = Some(CiReport { runner: name, imported: imported_names, exported, imported_hits });
        diagnostics.extend(outcome.diagnostics.into_iter().map(|mut d| {
            d.message = M::IN_BUILD.msg().arg("n", i + 1).arg_msg("message", d.message);
            d
        }));
        builds.push(outcome.report);
    }
    (Simulation { builds }, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(text: &str, export: bool, expect: Expect) {
        let got = match CacheSpec::parse(text, export) {
            Ok(s) => format!("{:?} {:?} {}", s.kind, s.mode, s.location),
            Err(e) => format!("error: {e}"),
        };
        expect.assert_eq(&got);
    }

    #[test]
    fn cache_entries_read_as_buildkit_takes_them() {
        check(
            "type=registry,ref=ghcr.io/o/app:cache,mode=max",
            true,
            expect!["Registry Max registry:ghcr.io/o/app:cache"],
        );
        check("type=registry,ref=app", false, expect!["Registry Min registry:docker.io/library/app:latest"]);
        check("type=gha", true, expect!["Gha Min gha:buildkit"]);
        check("type=gha,scope=main,mode=max", true, expect!["Gha Max gha:main"]);
        check("type=local,dest=/tmp/c", true, expect!["Local Min local:/tmp/c:latest"]);
        check("type=local,src=/tmp/c", false, expect!["Local Min local:/tmp/c:latest"]);
        check("type=inline", true, expect!["Inline Min "]);
        check("type=registry,ref=x,mode=maxx", true, expect![[r#"error: mode must be min or max, not "maxx""#]]);
        check("type=registry", true, expect!["error: ref is missing (type=registry needs it)"]);
        check("type=local,src=/tmp/c", true, expect!["error: dest is missing (type=local needs it)"]);
        check(
            "type=inline",
            false,
            expect!["error: type=inline is for --cache-to only: import an inline cache with type=registry,ref=IMAGE"],
        );
        check("ref=x", true, expect!["error: type is missing (registry, local, gha, inline, s3 or azblob)"]);
        check(
            "type=redis",
            true,
            expect![[r#"error: type must be registry, local, gha, inline, s3 or azblob, not "redis""#]],
        );
        check("type=gha,scop=main", true, expect!["error: scop is not an option of type=gha"]);
        check("type=gha,max", true, expect![[r#"error: "max" is not key=value"#]]);
    }
}
