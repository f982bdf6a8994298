//! What apt and dpkg write besides the packages' files: their bookkeeping,
//! rewritten whole by every apt RUN that installs or removes something, so
//! each such layer stores it again.
//!
//! The sizes were measured on the debian:bookworm-slim that
//! `scripts/real-sizes.sh` makes (74,497,608 B, within 0.45% of the
//! published 74.83 MB), installing `less` in a container on 2026-12-02:
//! `docker diff` listed /var/lib/dpkg/status (77,129 B before, plus the new
//! stanza) and status-old, the package's info files, extended_states and the
//! logs. debconf's caches (templates.dat 753,157 B and templates.dat-old)
//! are rewritten when a package brings debconf templates, which is where
//! most of an apt layer's 0.9-1.6 MB of bookkeeping comes from (issue 14).

use super::data;
use super::fs::{Fill, Node, Source};
use super::run::RunCtx;

/// /var/lib/dpkg/status of the slim base.
const STATUS_BASE: u64 = 77_129;
/// debconf's templates.dat and config.dat in the slim base.
const TEMPLATES_DAT: u64 = 753_157;
const CONFIG_DAT: u64 = 4_401;
/// /etc/ld.so.cache in the slim base, and per library package added.
const LD_SO_CACHE: u64 = 4_523;
const LD_SO_CACHE_PER_PACKAGE: u64 = 150;
/// Log lines per package: dpkg.log (install, configure, status changes)
/// and apt's term.log; history.log and eipp.log.xz per run.
const DPKG_LOG_PER_PACKAGE: u64 = 550;
const TERM_LOG_PER_PACKAGE: u64 = 450;
const HISTORY_LOG_PER_RUN: u64 = 200;
const EIPP_LOG: u64 = 4_500;
const EXTENDED_STATES_PER_AUTO: u64 = 60;
/// Python's byte code per byte of source, measured on python3-minimal's
/// modules (4,871,620 B of .py, 4,954,654 B of .pyc after py3compile;
/// `scripts/real-sizes-calibrate.sh`).
pub const PYC_PER_PY: f64 = 1.017;

/// The bytes a package adds to a slim image, its range and basis: its
/// files under the slim filters from the .deb, plus the byte code Debian
/// compiles for its Python modules; else Installed-Size scaled by the
/// median slim ratio, within the 8-18% spread the slim filters make.
pub fn package_bytes(ctx: &RunCtx, name: &str, installed_kib: u64) -> (u64, u64, u64, Source) {
    match data::debian_files(ctx.pkgs.release).get(name) {
        Some(f) => {
            let bytes = f.slim + (f.py as f64 * PYC_PER_PY) as u64;
            // Maintainer scripts may write files (alternatives, generated
            // configuration): a few percent either way.
            (bytes, bytes - bytes / 50, bytes + bytes / 50, Source::Table)
        }
        None => {
            let (ratio, _) = data::debian_slim_ratios(ctx.pkgs.release);
            let full = installed_kib * 1024;
            let bytes = (full as f64 * ratio) as u64;
            (bytes, (full as f64 * 0.82) as u64, full, Source::Model)
        }
    }
}

fn info_bytes(ctx: &RunCtx, name: &str, slim: u64) -> u64 {
    match data::debian_files(ctx.pkgs.release).get(name) {
        Some(f) => f.info,
        None => (slim as f64 * data::debian_slim_ratios(ctx.pkgs.release).1) as u64,
    }
}

/// Puts a package's files and its dpkg info into the view.
pub fn install(ctx: &mut RunCtx, name: &str, installed_kib: u64) {
    let (bytes, low, high, source) = package_bytes(ctx, name, installed_kib);
    ctx.fs.put(&format!("apt:{name}"), Node::estimate(bytes, low, high, source));
    let info = info_bytes(ctx, name, bytes);
    ctx.fs.put(&format!("/var/lib/dpkg/info/{name}.list"), Node::file(info, Fill::Typical));
}

pub fn remove(ctx: &mut RunCtx, name: &str) {
    ctx.fs.remove(&format!("apt:{name}"));
    ctx.fs.remove(&format!("/var/lib/dpkg/info/{name}.list"));
}

/// Appends `n` bytes to a log, which the layer then stores whole.
fn append(ctx: &mut RunCtx, path: &str, n: u64) {
    let old = ctx.fs.get(path).map_or(0, |n| n.size);
    ctx.fs.put(path, Node::file(old.saturating_add(n), Fill::Typical));
}

/// dpkg's and apt's bookkeeping after an install or removal that changed
/// `changed` packages (`templates`: one of them has debconf templates;
/// `auto`: how many are now marked as automatically installed).
pub fn bookkeeping(ctx: &mut RunCtx, changed: &[String], auto: usize) {
    if changed.is_empty() {
        return;
    }
    let files = data::debian_files(ctx.pkgs.release);
    let status = ctx
        .pkgs
        .apt
        .iter()
        .map(|n| files.get(n.as_str()).map_or(1_100, |f| f.status))
        .fold(STATUS_BASE, u64::saturating_add);
    let before = ctx.fs.get("/var/lib/dpkg/status").map_or(STATUS_BASE, |n| n.size);
    ctx.fs.put("/var/lib/dpkg/status", Node::file(status, Fill::Typical));
    ctx.fs.put("/var/lib/dpkg/status-old", Node::file(before, Fill::Typical));
    // debconf opens its templates database for writing on every run that
    // changes packages, so the layer stores a copy of it even when nothing
    // in it changed (seen in the image layers `docker save` gives, 753,157 B
    // with the base's timestamp); packages with templates also leave the
    // previous copy as templates.dat-old.
    let before = ctx.fs.get("/var/cache/debconf/templates.dat").map_or(TEMPLATES_DAT, |n| n.size);
    ctx.fs.put("/var/cache/debconf/templates.dat", Node::file(before, Fill::Typical));
    if changed.iter().any(|n| files.get(n.as_str()).is_some_and(|f| f.templates)) {
        ctx.fs.put("/var/cache/debconf/templates.dat-old", Node::file(before, Fill::Typical));
        ctx.fs.put("/var/cache/debconf/config.dat", Node::file(CONFIG_DAT, Fill::Typical));
        ctx.fs.put("/var/cache/debconf/config.dat-old", Node::file(CONFIG_DAT, Fill::Typical));
    }
    let libs = ctx.pkgs.apt.iter().filter(|n| n.starts_with("lib")).count() as u64;
    ctx.fs.put("/etc/ld.so.cache", Node::file(LD_SO_CACHE + libs * LD_SO_CACHE_PER_PACKAGE, Fill::Typical));
    let n = changed.len() as u64;
    append(ctx, "/var/log/dpkg.log", n * DPKG_LOG_PER_PACKAGE);
    append(ctx, "/var/log/apt/term.log", n * TERM_LOG_PER_PACKAGE);
    append(
        ctx,
        "/var/log/apt/history.log",
        HISTORY_LOG_PER_RUN + changed.iter().map(|c| c.len() as u64 + 30).sum::<u64>(),
    );
    ctx.fs.put("/var/log/apt/eipp.log.xz", Node::file(EIPP_LOG, Fill::Random));
    ctx.fs.put("/var/lib/apt/extended_states", Node::file(auto as u64 * EXTENDED_STATES_PER_AUTO, Fill::Typical));
}
