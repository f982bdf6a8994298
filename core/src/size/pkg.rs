//! Package managers from the shipped data: apt-get, apk, pip and npm.
//! Each package becomes one entry in the view (apt and apk packages under
//! the pseudo-paths `apt:NAME` and `apk:NAME`, pip and npm packages where
//! they are installed), so that removals and whiteouts apply to them.

use super::data;
use super::fs::{Fill, Node};
use super::messages as M;
use super::run::{median_u64, RunCtx, APT_LISTS_BYTES, APT_LISTS_BYTES_TRIXIE, APT_LISTS_FILE};
use crate::message::Msg;
use std::collections::BTreeSet;

/// Strips `=version`, `/release` and `:arch` from a package argument.
fn apt_name(arg: &str) -> &str {
    let end = arg.find(['=', '/', ':']).unwrap_or(arg.len());
    &arg[..end]
}

/// The packages `apt-get install` adds to those installed: the closure over
/// Depends/Pre-Depends (and Recommends unless `--no-install-recommends`),
/// computed on the shipped graph as `scripts/gen-data.py` resolved it.
pub fn apt_closure(
    release: data::Release,
    roots: &[&str],
    recommends: bool,
    installed: &BTreeSet<String>,
) -> (Vec<(String, u64)>, Vec<String>) {
    let table = data::debian(release);
    let missing: Vec<String> = roots.iter().filter(|r| !table.contains_key(**r)).map(|r| r.to_string()).collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut todo: Vec<&str> = roots.iter().rev().copied().collect();
    while let Some(name) = todo.pop() {
        if !seen.insert(name) || installed.contains(name) {
            continue;
        }
        if let Some(p) = table.get(name).filter(|p| !p.base) {
            out.push((name.to_string(), p.installed_kib * 1024));
            todo.extend(p.depends.iter().copied());
            if recommends {
                todo.extend(p.recommends.iter().copied());
            }
        }
    }
    (out, missing)
}

pub fn apt(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut recommends = true;
    let mut auto_remove = false;
    let mut sub = None;
    let mut names = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        match a.as_str() {
            "--no-install-recommends" => recommends = false,
            "--auto-remove" | "--autoremove" => auto_remove = true,
            "-o" | "-t" | "--target-release" | "-c" => skip = true,
            a if a.starts_with('-') => {
                if a.contains("Install-Recommends=false") || a.contains("Install-Recommends=0") {
                    recommends = false;
                }
            }
            a if sub.is_none() => sub = Some(a.to_string()),
            a => names.push(apt_name(a).to_string()),
        }
    }
    if ctx.distro == super::run::Distro::Alpine {
        ctx.notes.push(M::NOTE_APT_ON_ALPINE.msg());
    }
    match sub.as_deref() {
        Some("update") => {
            let bytes =
                if ctx.pkgs.release == data::Release::Trixie { APT_LISTS_BYTES_TRIXIE } else { APT_LISTS_BYTES };
            ctx.fs.put(APT_LISTS_FILE, Node::file(bytes, Fill::Typical));
            true
        }
        Some("install") => {
            let roots: Vec<&str> = names.iter().map(String::as_str).collect();
            let (add, missing) = apt_closure(ctx.pkgs.release, &roots, recommends, &ctx.pkgs.apt);
            let mut changed = Vec::new();
            for (name, bytes) in add {
                super::dpkg::install(ctx, &name, bytes / 1024);
                ctx.pkgs.apt.insert(name.clone());
                changed.push(name);
            }
            let default = median_u64(
                data::rows(data::table(data::APT_CLOSURES).unwrap_or(""), 5)
                    .filter_map(|c| c[1].parse::<u64>().ok())
                    .map(|k| k * 1024),
            );
            for name in missing {
                let key = format!("apt:{name}");
                if ctx.fs.get(&key).is_none() {
                    ctx.pkgs.apt.insert(name.clone());
                    let reason = M::APT_PACKAGE.msg().arg("name", &name);
                    flag_package(ctx, &key, reason, default);
                    changed.push(name);
                }
            }
            ctx.pkgs.apt_manual.extend(names.iter().filter(|n| ctx.pkgs.apt.contains(*n)).cloned());
            let auto = ctx.pkgs.apt.len() - ctx.pkgs.apt_manual.len().min(ctx.pkgs.apt.len());
            super::dpkg::bookkeeping(ctx, &changed, auto);
            true
        }
        Some("remove") | Some("purge") | Some("autoremove") => {
            let mut changed = Vec::new();
            for n in &names {
                if ctx.pkgs.apt.remove(n) {
                    super::dpkg::remove(ctx, n);
                    changed.push(n.clone());
                }
                ctx.pkgs.apt_manual.remove(n);
            }
            if auto_remove || sub.as_deref() == Some("autoremove") {
                for n in autoremovable(ctx.pkgs.release, &ctx.pkgs.apt, &ctx.pkgs.apt_manual) {
                    ctx.pkgs.apt.remove(&n);
                    super::dpkg::remove(ctx, &n);
                    changed.push(n);
                }
            }
            let auto = ctx.pkgs.apt.len() - ctx.pkgs.apt_manual.len().min(ctx.pkgs.apt.len());
            super::dpkg::bookkeeping(ctx, &changed, auto);
            true
        }
        // Docker's Debian images delete downloaded .debs and apt's binary caches
        // after each install (debuerreotype: scripts/debuerreotype-minimizing-config
        // writes `docker-clean`), so there is nothing to clean.
        Some("clean") | Some("autoclean") => true,
        Some(sub @ ("source" | "download")) => super::tools::apt_fetch(ctx, sub, &names),
        _ => false,
    }
}

/// The installed packages that no package marked manual needs any more,
/// through Depends and Recommends (apt keeps what is recommended:
/// APT::AutoRemove::RecommendsImportant is true by default).
fn autoremovable(release: data::Release, installed: &BTreeSet<String>, manual: &BTreeSet<String>) -> Vec<String> {
    let table = data::debian(release);
    let mut keep: BTreeSet<&str> = BTreeSet::new();
    let mut todo: Vec<&str> = manual.iter().map(String::as_str).collect();
    while let Some(n) = todo.pop() {
        if !keep.insert(n) {
            continue;
        }
        if let Some(p) = table.get(n) {
            todo.extend(p.depends.iter().copied());
            todo.extend(p.recommends.iter().copied());
        }
    }
    installed.iter().filter(|n| !keep.contains(n.as_str())).cloned().collect()
}

/// An unknown package: an entry sized by the user's estimate or the default,
/// so that later removals still apply to it.
fn flag_package(ctx: &mut RunCtx, key: &str, reason: Msg, default: u64) {
    let (estimate, given) = match ctx.estimates.get(key) {
        Some(v) => (*v, true),
        None => (default, false),
    };
    ctx.unknowns.push(super::run::Unknown {
        key: key.to_string(),
        reason,
        estimate,
        given,
        in_file: true,
        instruction: ctx.instruction,
    });
    ctx.fs.put(key, Node::file(estimate, Fill::Typical));
}

pub fn apk(ctx: &mut RunCtx, args: &[String]) -> bool {
    let mut no_cache = false;
    let mut update = false;
    let mut virtual_name = None;
    let mut sub = None;
    let mut names = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--no-cache" => no_cache = true,
            "-U" | "--update" | "--update-cache" => update = true,
            "-t" | "--virtual" => {
                i += 1;
                virtual_name = args.get(i).cloned();
            }
            "-X" | "--repository" | "--repositories-file" | "-p" | "--root" => i += 1,
            a if a.starts_with('-') => {}
            a if sub.is_none() => sub = Some(a.to_string()),
            a => names.push(a.split(['=', '<', '>', '~']).next().unwrap_or(a).to_string()),
        }
        i += 1;
    }
    if ctx.distro == super::run::Distro::Debian {
        ctx.notes.push(M::NOTE_APK_ON_DEBIAN.msg());
    }
    let cache = |ctx: &mut RunCtx| {
        if !no_cache {
            let key = "apk:index-cache";
            if ctx.fs.get("/var/cache/apk/APKINDEX.tar.gz").is_none() {
                let reason = M::APK_INDEX.msg();
                let (estimate, given) = ctx.estimates.get(key).map_or((0, false), |v| (*v, true));
                ctx.unknowns.push(super::run::Unknown {
                    key: key.into(),
                    reason,
                    estimate,
                    given,
                    in_file: true,
                    instruction: ctx.instruction,
                });
                ctx.fs.put("/var/cache/apk/APKINDEX.tar.gz", Node::file(estimate, Fill::Typical));
            }
        }
    };
    match sub.as_deref() {
        Some("update") => {
            cache(ctx);
            true
        }
        Some("add") => {
            if update || !no_cache {
                cache(ctx);
            }
            let table = data::alpine();
            let default = median_u64(table.values().filter(|(_, base)| !base).map(|(b, _)| *b));
            for name in &names {
                if ctx.pkgs.apk.contains(name) {
                    continue;
                }
                ctx.pkgs.apk.insert(name.clone());
                let key = format!("apk:{name}");
                match table.get(name.as_str()) {
                    Some((_, true)) => {}
                    Some((bytes, false)) => ctx.fs.put(&key, Node::file(*bytes, Fill::Typical)),
                    None => {
                        let reason = M::APK_PACKAGE.msg().arg("name", name);
                        flag_package(ctx, &key, reason, default);
                    }
                }
            }
            if let Some(v) = virtual_name {
                ctx.pkgs.apk_virtual.insert(v, names);
            }
            true
        }
        Some("del") => {
            for name in names {
                let members = ctx.pkgs.apk_virtual.remove(&name).unwrap_or_else(|| vec![name.clone()]);
                for m in members {
                    ctx.fs.remove(&format!("apk:{m}"));
                    ctx.pkgs.apk.remove(&m);
                }
            }
            true
        }
        Some("cache") if names.first().is_some_and(|n| n == "clean" || n == "purge") => {
            ctx.fs.remove("/var/cache/apk");
            true
        }
        _ => false,
    }
}

/// PyPI's name normalisation (PEP 503), with the extras and version removed.
pub fn py_name(spec: &str) -> String {
    let end = spec.find(['=', '<', '>', '~', '!', '[', ';', ' ', '@']).unwrap_or(spec.len());
    spec[..end].trim().to_ascii_lowercase().replace(['_', '.'], "-")
}

/// The requirement names of a requirements file.
pub fn requirements(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split(" #").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('-'))
        .map(py_name)
        .filter(|n| !n.is_empty())
        .collect()
}

/// The bytes a distribution adds on its own, when the data says: its own
/// footprint if it is a package without dependencies, else its wheel's
/// unpacked size.
fn dist_bytes(name: &str) -> Option<u64> {
    let p = data::pypi().get(name)?;
    if p.dists.len() == 1 {
        Some(p.footprint)
    } else {
        p.unpacked
    }
}

/// pip's install per byte of the table's footprint (`du -sb` of a
/// `--no-compile` install, which counts directories too): the files are
/// 0.96 of it and the byte code pip compiles adds 0.9 (median; 0.09 for a
/// package of C code and data, 1.3 for one of small modules). Measured on
/// ten packages outside the real-size corpus
/// (`scripts/real-sizes-calibrate.sh`: httpx, pyyaml, rich, attrs, boto3, sqlalchemy, pydantic,
/// jinja2, six, packaging).
const PIP_FILES: f64 = 0.96;
const PIP_PYC: (f64, f64, f64) = (0.9, 0.09, 1.3);

/// A virtual environment from `python3 -m venv` on Debian's python3.11:
/// the interpreter links, pyvenv.cfg and activation scripts, plus pip and
/// setuptools from ensurepip unless `--without-pip`. Measured with
/// `scripts/real-sizes-calibrate.sh`.
const VENV_BARE: u64 = 42_932;
const VENV_PIP: u64 = 21_618_625;

/// Where Debian's python3 (3.11 in bookworm) installs into a venv.
fn venv_site(venv: &str) -> String {
    format!("{}/lib/python3.11/site-packages", venv.trim_end_matches('/'))
}

pub fn venv(ctx: &mut RunCtx, args: &[String]) -> bool {
    let without_pip = args.iter().any(|a| a == "--without-pip");
    let Some(dir) = args.iter().rev().find(|a| !a.starts_with('-')) else { return false };
    let root = super::fs::resolve(&ctx.cwd, dir);
    let bytes = if without_pip { VENV_BARE } else { VENV_PIP };
    ctx.fs.put(
        &format!("{root}/[venv]"),
        Node::estimate(bytes, bytes * 9 / 10, bytes * 11 / 10, super::fs::Source::Model),
    );
    ctx.pkgs.venvs.insert(root.clone());
    if !without_pip {
        ctx.pkgs.pip_dists.remove("pip");
    }
    true
}

pub fn pip(ctx: &mut RunCtx, args: &[String], venv: Option<String>) -> bool {
    let Some((sub, rest)) = args.split_first() else { return false };
    if sub == "cache" && rest.first().is_some_and(|a| a == "purge") {
        ctx.fs.remove("/root/.cache/pip");
        return true;
    }
    if sub != "install" {
        return matches!(sub.as_str(), "--version" | "-V" | "list" | "freeze" | "show" | "check");
    }
    let mut no_cache = ctx.env.get("PIP_NO_CACHE_DIR").is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    let mut dir = venv.as_deref().map_or_else(|| ctx.python_site.clone(), venv_site);
    let mut compile = true;
    let mut names = Vec::new();
    let mut no_deps = false;
    let mut i = 0;
    while i < rest.len() {
        let a = rest[i].as_str();
        match a {
            "--no-cache-dir" => no_cache = true,
            "--no-deps" => no_deps = true,
            "--no-compile" => compile = false,
            "--user" => dir = dir.replacen("/usr/local", "/root/.local", 1),
            "-t" | "--target" => {
                i += 1;
                if let Some(d) = rest.get(i) {
                    dir = ctx_path(ctx, d);
                }
            }
            "-r" | "--requirement" => {
                i += 1;
                let Some(f) = rest.get(i) else { return false };
                let p = ctx_path(ctx, f);
                match ctx.fs.get(&p).and_then(|n| n.text.clone()) {
                    Some(text) => names.extend(requirements(&text)),
                    None => {
                        ctx.flag(&format!("pip:-r {f}"), M::PIP_REQUIREMENTS.msg().arg("file", f), 0);
                    }
                }
            }
            "-e" | "--editable" => {
                i += 1;
                ctx.flag("pip:editable", M::PIP_EDITABLE.msg(), 0);
            }
            "-c" | "--constraint" | "-i" | "--index-url" | "--extra-index-url" | "--trusted-host" | "-f"
            | "--find-links" | "--root-user-action" | "--progress-bar" | "--prefix" | "--root" | "--platform"
            | "--python-version" => i += 1,
            a if a.starts_with('-') => {}
            a if a.starts_with('.') || a.starts_with('/') || a.contains("://") => {
                ctx.flag(&format!("pip:{a}"), M::PIP_LOCAL.msg().arg("target", a), 0);
            }
            a => names.push(py_name(a)),
        }
        i += 1;
    }
    let pyc = if compile { PIP_PYC } else { (0.0, 0.0, 0.0) };
    let _ = compile;
    let table = data::pypi();
    let default = median_u64(table.values().map(|p| p.footprint));
    // Wheels in pip's cache are compressed: the data's wheel/unpacked ratio.
    let cache_ratio = data::median(table.values().filter_map(|p| Some(p.wheel? as f64 / p.unpacked? as f64)).collect());
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for name in names {
        if !seen.insert(name.clone()) || ctx.pkgs.pip_dists.contains(&name) {
            continue;
        }
        let key = format!("pip:{name}");
        let path = format!("{}/{name}", dir.trim_end_matches('/'));
        let added = match table.get(name.as_str()) {
            Some(p) => {
                let dists: Vec<&str> = if no_deps { vec![name.as_str()] } else { p.dists.clone() };
                // Dependencies already installed are not installed again.
                let shared: u64 = dists
                    .iter()
                    .filter(|d| **d != name && ctx.pkgs.pip_dists.contains(**d))
                    .filter_map(|d| dist_bytes(d))
                    .sum();
                let bytes =
                    if no_deps { dist_bytes(&name).unwrap_or(p.footprint) } else { p.footprint.saturating_sub(shared) };
                ctx.pkgs.pip_dists.extend(dists.iter().map(|d| d.to_string()));
                let f = |r: f64| (bytes as f64 * (PIP_FILES + r)) as u64;
                // The table's footprints are `du -sb` of a Python 3.12
                // install of the newest release: versions and the byte code
                // move them by a tenth or more.
                let node = Node::estimate(f(pyc.0), f(pyc.1) * 9 / 10, f(pyc.2) * 11 / 10, super::fs::Source::Table);
                ctx.fs.put(&path, node);
                bytes
            }
            None => {
                let reason = M::PIP_PACKAGE.msg().arg("name", &name);
                let (estimate, given) = ctx.estimates.get(&key).map_or((default, false), |v| (*v, true));
                ctx.unknowns.push(super::run::Unknown {
                    key,
                    reason,
                    estimate,
                    given,
                    in_file: true,
                    instruction: ctx.instruction,
                });
                ctx.pkgs.pip_dists.insert(name.clone());
                ctx.fs.put(&path, Node::file(estimate, Fill::Typical));
                estimate
            }
        };
        if !no_cache {
            let cached = (added as f64 * cache_ratio).round() as u64;
            ctx.fs.put(&format!("/root/.cache/pip/wheels/{name}"), Node::file(cached, Fill::Random));
        }
    }
    true
}

fn ctx_path(ctx: &RunCtx, p: &str) -> String {
    super::fs::resolve(&ctx.cwd, p)
}

/// Splits `name@version` (scoped names start with `@`).
fn npm_name(spec: &str) -> &str {
    match spec.get(1..).and_then(|rest| rest.find('@')) {
        Some(i) => &spec[..i + 1],
        None => spec,
    }
}

pub fn npm(ctx: &mut RunCtx, args: &[String]) -> bool {
    let Some((sub, rest)) = args.split_first() else { return false };
    match sub.as_str() {
        "ci" | "install" | "i" | "add" => {}
        "cache" => {
            if rest.first().is_some_and(|a| a == "clean") {
                ctx.fs.remove("/root/.npm");
            }
            return true;
        }
        "--version" | "-v" | "config" | "set" => return true,
        _ => return false,
    }
    let mut omit_dev = ctx.env.get("NODE_ENV").is_some_and(|v| v == "production");
    let mut global = false;
    let mut specs = Vec::new();
    for a in rest {
        match a.as_str() {
            "--omit=dev" | "--production" | "--only=prod" | "--only=production" => omit_dev = true,
            "-g" | "--global" => global = true,
            a if a.starts_with('-') => {}
            a => specs.push(npm_name(a).to_string()),
        }
    }
    let dir = if global { "/usr/local/lib".to_string() } else { ctx.cwd.clone() };
    if specs.is_empty() {
        let manifest = format!("{}/package.json", dir.trim_end_matches('/'));
        let Some(text) = ctx.fs.get(&manifest).and_then(|n| n.text.clone()) else {
            ctx.flag("npm:package.json", M::NPM_MANIFEST.msg().arg("manifest", &manifest), 0);
            return true;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            ctx.flag("npm:package.json", M::NPM_INVALID_JSON.msg().arg("manifest", &manifest), 0);
            return true;
        };
        let mut sections = vec!["dependencies", "optionalDependencies"];
        if !omit_dev {
            sections.push("devDependencies");
        }
        for s in sections {
            if let Some(map) = json.get(s).and_then(|v| v.as_object()) {
                specs.extend(map.keys().cloned());
            }
        }
    }
    let table = data::npm();
    let default = median_u64(table.values().map(|p| p.node_modules));
    // npm's cache keeps the packed tarballs: the data's packed/unpacked ratio.
    let cache_ratio =
        data::median(table.values().filter_map(|p| Some(p.packed? as f64 / p.unpacked? as f64)).collect());
    let mut seen = BTreeSet::new();
    for name in specs {
        if !seen.insert(name.clone()) {
            continue;
        }
        let path = format!("{}/node_modules/{name}", dir.trim_end_matches('/'));
        let bytes = match table.get(name.as_str()) {
            Some(p) => p.node_modules,
            None => {
                let key = format!("npm:{name}");
                let reason = M::NPM_PACKAGE.msg().arg("name", &name);
                let (estimate, given) = ctx.estimates.get(&key).map_or((default, false), |v| (*v, true));
                ctx.unknowns.push(super::run::Unknown {
                    key,
                    reason,
                    estimate,
                    given,
                    in_file: true,
                    instruction: ctx.instruction,
                });
                estimate
            }
        };
        ctx.fs.put(&path, Node::file(bytes, Fill::Typical));
        let cached = (bytes as f64 * cache_ratio).round() as u64;
        ctx.fs.put(&format!("/root/.npm/_cacache/{name}"), Node::file(cached, Fill::Random));
    }
    true
}
