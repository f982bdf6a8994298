//! What a cached step was made of, and what differs when a later step with
//! the same parent misses: the reason the page and the CLI show.

use super::env::{Env, Names};
use crate::cache::report::Reason;
use crate::cache::Key;
use crate::context::Selection;
use std::sync::Arc;

/// What a cached step was made of, to say what changed when a later step
/// with the same parent misses.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Facts {
    From { identity: String, image: String },
    Run(RunFacts),
    Copy(CopyFacts),
    Workdir { path: Arc<str>, user: Arc<str> },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RunFacts {
    /// Shell form (the arguments are the shell, then the command).
    pub(super) shell_form: bool,
    /// The exec op's arguments but the last (the shell, for shell form),
    /// and the last: split, so that the shell is shared with the stage.
    pub(super) init: Arc<Vec<String>>,
    /// The last argument and the heredoc bodies, hashed: they are only
    /// ever compared.
    pub(super) last: Option<Key>,
    pub(super) heredocs: Key,
    pub(super) env: Env,
    /// Names of the stage's ARGs with values (to tell ARG from ENV changes).
    pub(super) arg_names: Names,
    pub(super) workdir: Arc<str>,
    pub(super) user: Arc<str>,
    /// `None` for the defaults.
    pub(super) network: Option<String>,
    pub(super) security: Option<String>,
    pub(super) mounts: Vec<MountFacts>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MountFacts {
    pub(super) target: String,
    /// Every option that enters the key, hashed.
    pub(super) options: Key,
    /// Mounted from another stage.
    pub(super) from_stage: bool,
    pub(super) files: Files,
    /// Content of a source that is not a file list (another stage's opaque
    /// output, an image).
    pub(super) opaque: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CopyFacts {
    /// The sources and the destination as written, hashed: they are only
    /// ever compared.
    pub(super) sources: Key,
    pub(super) dest: Key,
    /// Every option that enters the key, hashed.
    pub(super) options: Key,
    pub(super) from: String,
    /// `--from` as written, for messages.
    pub(super) from_name: String,
    pub(super) files: Files,
    pub(super) opaque: String,
}

/// Selected files in destination-relative name order, one per name (the
/// last copied wins), sharing the selection's strings.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Files {
    pub(super) list: Vec<FileFact>,
    /// Paths inside another stage, shown absolute.
    pub(super) absolute: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct FileFact {
    pub(super) rel: Arc<str>,
    pub(super) source: Arc<str>,
    pub(super) digest: Arc<str>,
    pub(super) mode: u32,
}

impl Files {
    fn shown(&self, f: &FileFact) -> String {
        if self.absolute {
            format!("/{}", f.source)
        } else {
            f.source.to_string()
        }
    }
}

/// The files of a selection; paths inside another stage are shown absolute.
pub(super) fn files_of(sel: &Selection, absolute: bool) -> Files {
    let mut list: Vec<FileFact> = sel
        .entries
        .iter()
        .map(|e| FileFact { rel: e.rel.clone(), source: e.source.clone(), digest: e.digest.clone(), mode: e.mode })
        .collect();
    // In name order, the last of equal names kept (a stable sort keeps
    // their order).
    if !list.windows(2).all(|w| w[0].rel < w[1].rel) {
        list.sort_by(|a, b| a.rel.cmp(&b.rel));
        list.reverse();
        list.dedup_by(|later, earlier| later.rel == earlier.rel);
        list.reverse();
    }
    Files { list, absolute }
}

/// What differs between a cached step and the one that missed.
pub(super) fn diff(old: &Facts, new: &Facts) -> Reason {
    match (old, new) {
        (Facts::From { .. }, Facts::From { image, .. }) => Reason::BaseChanged { image: image.clone() },
        (Facts::Workdir { path: a, user: ua }, Facts::Workdir { path: b, user: ub }) => {
            if a != b {
                Reason::WorkdirChanged { from: a.to_string(), to: b.to_string() }
            } else if ua != ub {
                Reason::UserChanged { from: ua.to_string(), to: ub.to_string() }
            } else {
                Reason::NewStep
            }
        }
        (Facts::Run(a), Facts::Run(b)) => {
            // Shell form runs `shell + [command]`; the same command under
            // another shell (as cached, maybe from the exec form) is a SHELL change.
            if b.shell_form && a.last.is_some() && a.last == b.last && a.init != b.init {
                return Reason::ShellChanged;
            }
            if a.heredocs != b.heredocs {
                return Reason::HeredocChanged;
            }
            if a.init != b.init || a.last != b.last {
                return Reason::CommandChanged;
            }
            if a.env != b.env {
                let name = first_env_difference(&a.env.pairs(), &b.env.pairs());
                let is_arg = b.arg_names.contains(&name) || a.arg_names.contains(&name);
                return if is_arg { Reason::ArgChanged { name } } else { Reason::EnvChanged { name } };
            }
            if a.workdir != b.workdir {
                return Reason::WorkdirChanged { from: a.workdir.to_string(), to: b.workdir.to_string() };
            }
            if a.user != b.user {
                return Reason::UserChanged { from: a.user.to_string(), to: b.user.to_string() };
            }
            if a.network != b.network {
                return Reason::NetworkChanged;
            }
            if a.security != b.security {
                return Reason::SecurityChanged;
            }
            if a.mounts.len() != b.mounts.len() {
                let target = b.mounts.iter().chain(&a.mounts).find(|m| !a.mounts.contains(m) || !b.mounts.contains(m));
                return Reason::MountChanged { target: target.map(|m| m.target.clone()).unwrap_or_default() };
            }
            for (ma, mb) in a.mounts.iter().zip(&b.mounts) {
                if ma.options != mb.options || ma.target != mb.target {
                    return Reason::MountChanged { target: mb.target.clone() };
                }
                if let Some(r) = files_difference(&ma.files, &mb.files) {
                    return r;
                }
                if ma.opaque != mb.opaque {
                    // The mount reads what a RUN of another stage (or an
                    // image) made: the simulation only knows that it re-ran.
                    return if mb.from_stage {
                        Reason::UpstreamRan { from: mb.target.clone() }
                    } else {
                        Reason::SourceChanged { from: mb.target.clone() }
                    };
                }
            }
            Reason::NewStep
        }
        (Facts::Copy(a), Facts::Copy(b)) => {
            if a.sources != b.sources {
                return Reason::SourcesChanged;
            }
            if a.from != b.from {
                return Reason::SourceChanged { from: b.from_name.clone() };
            }
            if a.dest != b.dest {
                return Reason::DestChanged;
            }
            if a.options != b.options {
                return Reason::OptionsChanged;
            }
            if let Some(r) = files_difference(&a.files, &b.files) {
                return r;
            }
            if a.opaque != b.opaque {
                return if b.from.starts_with("stage ") {
                    Reason::UpstreamRan { from: b.from_name.clone() }
                } else {
                    Reason::SourceChanged { from: b.from_name.clone() }
                };
            }
            Reason::NewStep
        }
        _ => Reason::NewStep,
    }
}

/// Two file lists in name order, paired up by name in one merged walk: a
/// name in one list only comes with `None` for the other.
fn by_name<'f>(
    a: &'f [FileFact],
    b: &'f [FileFact],
) -> impl Iterator<Item = (Option<&'f FileFact>, Option<&'f FileFact>)> {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let (x, y) = (a.get(i), b.get(j));
        let order = match (x, y) {
            (Some(x), Some(y)) => x.rel.cmp(&y.rel),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => return None,
        };
        Some(match order {
            std::cmp::Ordering::Less => {
                i += 1;
                (x, None)
            }
            std::cmp::Ordering::Greater => {
                j += 1;
                (None, y)
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
                (x, y)
            }
        })
    })
}

/// How many selected files differ between two file lists, or some number
/// at least `limit` once that many do.
pub(super) fn files_distance(a: &Files, b: &Files, limit: usize) -> usize {
    let same_source = a.absolute == b.absolute;
    let mut n = 0;
    for pair in by_name(&a.list, &b.list) {
        if n >= limit {
            break;
        }
        n += match pair {
            (Some(x), Some(y)) => usize::from(!(same_source && same_file(x, y))),
            _ => 1,
        };
    }
    n
}

/// Equal file facts; unchanged files usually share their strings.
fn same_file(a: &FileFact, b: &FileFact) -> bool {
    let same = |x: &Arc<str>, y: &Arc<str>| Arc::ptr_eq(x, y) || x == y;
    a.mode == b.mode && same(&a.digest, &b.digest) && same(&a.source, &b.source)
}

/// How different two steps' facts are, for picking the closest cached step;
/// any number at least `limit` once they are known to differ that much.
pub(super) fn distance(old: &Facts, new: &Facts, limit: usize) -> usize {
    match (old, new) {
        (Facts::Run(a), Facts::Run(b)) => {
            let command = if a.init == b.init && a.last == b.last {
                0
            } else if a.last == b.last {
                10
            } else {
                100
            };
            // The cheap differences first; the costly ones only while the
            // total can still come in under `limit`.
            let mut d = command
                + usize::from(a.env != b.env)
                + 10 * usize::from(
                    a.workdir != b.workdir || a.user != b.user || a.network != b.network || a.security != b.security,
                )
                + 10 * a.mounts.len().abs_diff(b.mounts.len());
            if d < limit && a.env != b.env {
                let (ea, eb) = (a.env.pairs(), b.env.pairs());
                d += ea.iter().filter(|kv| !eb.contains(kv)).count() + eb.iter().filter(|kv| !ea.contains(kv)).count();
            }
            for (x, y) in a.mounts.iter().zip(&b.mounts) {
                if d >= limit {
                    break;
                }
                d += usize::from(x.options != y.options || x.opaque != y.opaque);
                d += files_distance(&x.files, &y.files, limit.saturating_sub(d));
            }
            d
        }
        (Facts::Copy(a), Facts::Copy(b)) => {
            let d = 100 * usize::from(a.sources != b.sources || a.from != b.from)
                + 10 * usize::from(a.dest != b.dest || a.options != b.options)
                + usize::from(a.opaque != b.opaque);
            d + files_distance(&a.files, &b.files, limit.saturating_sub(d))
        }
        (a, b) => usize::from(a != b),
    }
}

type Pairs = [(Arc<str>, Arc<str>)];

fn first_env_difference(a: &Pairs, b: &Pairs) -> String {
    let get = |list: &Pairs, k: &str| list.iter().find(|(key, _)| &**key == k).map(|(_, v)| v.clone());
    for (k, v) in b {
        if get(a, k).as_ref() != Some(v) {
            return k.to_string();
        }
    }
    for (k, _) in a {
        if get(b, k).is_none() {
            return k.to_string();
        }
    }
    // Same values, different order.
    a.iter().zip(b).find(|(x, y)| x.0 != y.0).map(|(_, y)| y.0.to_string()).unwrap_or_default()
}

fn files_difference(a: &Files, b: &Files) -> Option<Reason> {
    let pairs: Vec<(Option<&FileFact>, Option<&FileFact>)> = by_name(&a.list, &b.list).collect();
    // A file that left one name and appeared under another with the same
    // content was renamed.
    let removed: Vec<&FileFact> = pairs
        .iter()
        .filter_map(|p| match p {
            (Some(old), None) => Some(*old),
            _ => None,
        })
        .collect();
    for f in pairs.iter().filter_map(|p| match p {
        (None, Some(new)) => Some(*new),
        _ => None,
    }) {
        if let Some(old) = removed.iter().find(|o| o.digest == f.digest && !f.digest.is_empty()) {
            return Some(Reason::FileRenamed { from: a.shown(old), to: b.shown(f) });
        }
    }
    for (old, f) in pairs.iter().filter_map(|(old, new)| new.map(|f| (*old, f))) {
        if f.source.starts_with("<<") && old.is_some_and(|o| o.digest != f.digest) {
            return Some(Reason::HeredocChanged);
        }
        match old {
            None => return Some(Reason::FileAdded { path: b.shown(f) }),
            Some(o) if o.digest != f.digest => return Some(Reason::FileChanged { path: b.shown(f) }),
            Some(o) if o.mode != f.mode => return Some(Reason::ModeChanged { path: b.shown(f) }),
            _ => {}
        }
    }
    removed.first().map(|f| Reason::FileRemoved { path: a.shown(f) })
}
