//! What a lesson step changed against the step before it: the Dockerfile's
//! lines, each instruction's cache status when the previous state was
//! built first, the image size, and the findings that appeared or went.

use crate::cache::{History, Options, Status, Step as CacheStep};
use crate::inputs::BuildInput;
use crate::lint::{self, CheckOptions};
use crate::size::{self, SizeOptions};
use std::collections::BTreeMap;

/// One line of a line diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Added(String),
    Removed(String),
}

/// A finding as the change lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingNote {
    pub code: &'static str,
    pub message: crate::message::Msg,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepChange {
    /// The Dockerfile against the previous step's (all `Added` for the first).
    pub diff: Vec<DiffLine>,
    /// This step's build after every earlier step's was built (on an
    /// empty cache for the first step): the steps that make a cache entry.
    pub cache: Vec<CacheStep>,
    /// Uncompressed image bytes before (none for the first step) and now.
    pub size_before: Option<u64>,
    pub size_after: u64,
    pub findings_new: Vec<FindingNote>,
    pub findings_gone: Vec<FindingNote>,
}

impl StepChange {
    /// The cache status of the instruction starting on a line.
    pub fn status_at(&self, line: u32) -> Option<Status> {
        self.cache.iter().find(|s| s.line == line).map(|s| s.status)
    }
}

fn findings(input: &BuildInput) -> Vec<FindingNote> {
    let (found, _) = lint::check(input, &CheckOptions::default());
    let mut out: Vec<FindingNote> =
        found.into_iter().filter(|f| f.stage_built).map(|f| FindingNote { code: f.code, message: f.message }).collect();
    out.dedup();
    out
}

fn image_bytes(input: &BuildInput) -> u64 {
    size::image_size(input, &SizeOptions::default()).size
}

/// Compares a step's state with the previous step's. `earlier` is every
/// earlier step's state, oldest first: the builder's cache holds them all,
/// as a developer's machine that built each step in turn would.
pub fn compare(earlier: &[BuildInput], current: &BuildInput) -> StepChange {
    let previous = earlier.last();
    let mut history = History::new();
    let images = BTreeMap::new();
    let options = Options::default();
    for prev in earlier {
        let outcome = history.preview(prev, &images, &options);
        history.record(&outcome);
    }
    let outcome = history.preview(current, &images, &options);
    let cache = outcome.report.steps.into_iter().filter(|s| matches!(s.status, Status::Hit | Status::Miss)).collect();
    let now = findings(current);
    let before = previous.map(findings).unwrap_or_default();
    let has = |list: &[FindingNote], f: &FindingNote| list.iter().any(|g| g.code == f.code && g.message == f.message);
    StepChange {
        diff: diff_lines(previous.map_or("", |p| p.dockerfile.as_str()), &current.dockerfile),
        cache,
        size_before: previous.map(image_bytes),
        size_after: image_bytes(current),
        findings_new: now.iter().filter(|f| !has(&before, f)).cloned().collect(),
        findings_gone: before.iter().filter(|f| !has(&now, f)).cloned().collect(),
    }
}

/// A line diff by longest common subsequence: Dockerfiles in lessons are
/// short, so the quadratic table is small.
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Lessons are short; a pathological input falls back to remove-all,
    // add-all rather than a large table.
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        return a
            .iter()
            .map(|l| DiffLine::Removed(l.to_string()))
            .chain(b.iter().map(|l| DiffLine::Added(l.to_string())))
            .collect();
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(DiffLine::Added(b[j].to_string()));
            j += 1;
        } else {
            out.push(DiffLine::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_diff_keeps_common_lines_and_marks_the_rest() {
        let d = diff_lines("a\nb\nc\n", "a\nx\nc\nd\n");
        assert_eq!(
            d,
            vec![
                DiffLine::Same("a".into()),
                DiffLine::Added("x".into()),
                DiffLine::Removed("b".into()),
                DiffLine::Same("c".into()),
                DiffLine::Added("d".into()),
            ]
        );
        assert_eq!(diff_lines("", "a"), vec![DiffLine::Added("a".into())]);
    }
}
