//! The layer cache simulation as the page shows it: the cache of the
//! recorded builds, the live "if you rebuilt now" report for the current
//! inputs, and the words for it.
//!
//! The recorded builds are simulated once per change of the history; each
//! edit then costs one build's simulation (`cache::what_if`).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use dockerplay_core::cache::{self, BuildReport, History, Options, Reason, Status};
use dockerplay_core::context::{clean_path, Context, DOCKERFILE, DOCKERIGNORE};
use dockerplay_core::inputs::{BuildInput, ImageInfo};
use yew::prelude::*;

use crate::i18n::{texts, Lang, Texts};
use crate::state::ShareState;

/// The page pins no image digests: a reference is its own identity (or the
/// bundled catalogue's), as `cache::base_identity` decides.
fn images() -> BTreeMap<String, ImageInfo> {
    BTreeMap::new()
}

/// The build cache after the recorded builds, and what each of them did.
pub struct Recorded {
    pub history: History,
    /// One report per recorded build, oldest first.
    pub reports: Vec<BuildReport>,
}

/// Simulates the recorded builds in order, each against the cache of the
/// ones before it.
pub fn record(builds: &[BuildInput]) -> Recorded {
    let mut history = History::new();
    let mut reports = Vec::with_capacity(builds.len());
    for build in builds {
        let outcome = history.preview(build, &images(), &Options::default());
        history.record(&outcome);
        reports.push(outcome.report);
    }
    Recorded { history, reports }
}

/// The live view: the current inputs simulated against the recorded cache.
pub struct LiveCache {
    pub recorded: Rc<Recorded>,
    pub current: BuildInput,
    /// With the default time estimates.
    pub report: BuildReport,
}

impl LiveCache {
    pub fn new(recorded: Rc<Recorded>, current: BuildInput) -> LiveCache {
        let (report, _) = cache::what_if(&recorded.history, &current, &images(), &Options::default());
        LiveCache { recorded, current, report }
    }

    /// The live report with the user's own time estimates.
    pub fn report_with(&self, options: &Options) -> BuildReport {
        if options.seconds.is_empty() {
            return self.report.clone();
        }
        cache::what_if(&self.recorded.history, &self.current, &images(), options).0
    }

    /// A one-click what-if: the current inputs are built, then the file at
    /// `path` is edited and the build runs again. The report of that second
    /// build shows what the edit costs.
    pub fn after_editing(&self, path: &str, options: &Options) -> BuildReport {
        let mut history = self.recorded.history.clone();
        let outcome = history.preview(&self.current, &images(), options);
        history.record(&outcome);
        cache::what_if(&history, &cache::with_file_edited(&self.current, path), &images(), options).0
    }
}

/// A shared live view for component props: equal when it is the same
/// computation.
#[derive(Clone)]
pub struct LiveCacheRef(pub Rc<LiveCache>);

impl PartialEq for LiveCacheRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for LiveCacheRef {
    type Target = LiveCache;
    fn deref(&self) -> &LiveCache {
        &self.0
    }
}

/// Per editor line (index = line - 1): the status of the step written
/// there, with a tooltip. Lines of a multi-line instruction all carry it;
/// instructions that make no cache step carry none.
pub type LineMarks = Rc<Vec<Option<(Status, String)>>>;

pub fn line_marks(report: &BuildReport, lang: Lang) -> Vec<Option<(Status, String)>> {
    let t = texts(lang);
    let last = report.steps.iter().map(|s| s.end_line).max().unwrap_or(0) as usize;
    let mut marks = vec![None; last];
    for step in report.steps.iter().filter(|s| s.status != Status::NoStep) {
        let tip = format!("{}: {}", status_word(t, step.status), reason_words(lang, &step.reason));
        for line in step.line..=step.end_line {
            if let Some(slot) = (line as usize).checked_sub(1).and_then(|i| marks.get_mut(i)) {
                *slot = Some((step.status, tip.clone()));
            }
        }
    }
    marks
}

/// What the page needs of the cache: the live view and the gutter's marks,
/// both `None` while the Cache panel is closed (nothing is simulated then).
#[derive(Clone, PartialEq, Default)]
pub struct CacheView {
    pub live: Option<LiveCacheRef>,
    pub marks: Option<LineMarks>,
}

/// The recorded builds, compared by identity.
#[derive(Clone)]
struct RecordedRef(Rc<Recorded>);

impl PartialEq for RecordedRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The cache view of the inputs, memoised: the history is simulated again
/// only when it changes, the live report on every change of the current
/// build.
#[hook]
pub fn use_cache_view(share: &ShareState, open: bool, lang: Lang) -> CacheView {
    let recorded = use_memo((open, share.history.clone()), |(open, history)| {
        RecordedRef(Rc::new(if *open { record(history) } else { record(&[]) }))
    });
    let live = use_memo(((*recorded).clone(), open, share.current_build()), |(recorded, open, current)| {
        open.then(|| LiveCacheRef(Rc::new(LiveCache::new(recorded.0.clone(), current.clone()))))
    });
    let marks =
        use_memo(((*live).clone(), lang), |(live, lang)| live.as_ref().map(|l| Rc::new(line_marks(&l.report, *lang))));
    CacheView { live: (*live).clone(), marks: (*marks).clone() }
}

pub fn status_word(t: &Texts, status: Status) -> &'static str {
    match status {
        Status::Hit => t.cache_status_hit,
        Status::Miss => t.cache_status_miss,
        Status::NotBuilt => t.cache_status_not_built,
        Status::NoStep => t.cache_status_no_step,
    }
}

/// A `Reason` in words, as core words it in the page's language. Paths
/// stand between backticks (the panel shows them as code).
pub fn reason_words(lang: Lang, reason: &Reason) -> String {
    reason.msg().render(lang.core())
}

/// A duration for people: "0.5 s", "38 s", "1 min 45 s".
pub fn duration(t: &Texts, seconds: f64) -> String {
    // Tenths of a second are the finest the estimates go.
    let seconds = (seconds.max(0.0) * 10.0).round() / 10.0;
    if seconds < 60.0 {
        let s = if seconds.fract() == 0.0 { format!("{seconds:.0}") } else { format!("{seconds:.1}") };
        t.cache_seconds.replace("{s}", &s)
    } else {
        let total = seconds.round() as u64;
        t.cache_minutes.replace("{m}", &(total / 60).to_string()).replace("{s}", &(total % 60).to_string())
    }
}

/// How the context panel marks a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileUse {
    /// Read by at least one step that is built.
    Read,
    /// Excluded by `.dockerignore`.
    Ignored,
    /// Sent to the builder, but no built step selects it: editing it never
    /// breaks the cache.
    Unused,
    /// Build plumbing (`Dockerfile`, `.dockerignore`) and directories.
    Other,
}

/// Paths `.dockerignore` removes from the context (normalised).
pub fn ignored_paths(files: &[dockerplay_core::inputs::ContextFile]) -> BTreeSet<String> {
    let (context, _) = Context::new(files, None);
    context.ignored.into_iter().collect()
}

/// The use of the context file at `path`, given the ignored paths and the
/// live report's reads.
pub fn file_use(path: &str, is_dir: bool, ignored: &BTreeSet<String>, reads: &BTreeSet<String>) -> FileUse {
    let path = clean_path(path);
    if ignored.contains(&path) {
        FileUse::Ignored
    } else if is_dir || path == DOCKERFILE || path == DOCKERIGNORE {
        FileUse::Other
    } else if reads.contains(&path) {
        FileUse::Read
    } else {
        FileUse::Unused
    }
}

/// Every context path a step of the report reads.
pub fn read_paths(report: &BuildReport) -> BTreeSet<String> {
    report.steps.iter().flat_map(|s| s.reads.iter().map(|p| clean_path(p))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::inputs::ContextFile;

    const NODE: &str = "FROM node:22\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY src/ ./src/\nEXPOSE 3000\n";

    fn build(dockerfile: &str, files: &[(&str, &str)]) -> BuildInput {
        BuildInput {
            dockerfile: dockerfile.into(),
            files: files.iter().map(|(p, c)| ContextFile::text(p, c)).collect(),
            ..Default::default()
        }
    }

    /// The gutter marks for the lines 1..=n, as `(line, status)`.
    fn marks(report: &BuildReport) -> Vec<(usize, &'static str)> {
        line_marks(report, Lang::En)
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.as_ref().map(|(s, _)| (i + 1, s.as_str())))
            .collect()
    }

    #[test]
    fn the_live_view_compares_with_every_recorded_build_and_marks_lines() {
        let files = [("package.json", "{}"), ("src/a.js", "1"), ("notes.txt", "n")];
        let first = build(NODE, &files);
        let live = LiveCache::new(Rc::new(record(&[])), first.clone());
        assert!(marks(&live.report).iter().all(|(_, s)| *s == "miss"), "{:?}", marks(&live.report));

        let edited = build(NODE, &[("package.json", "{}"), ("src/a.js", "2"), ("notes.txt", "n")]);
        let live = LiveCache::new(Rc::new(record(std::slice::from_ref(&first))), edited);
        assert_eq!(
            marks(&live.report),
            vec![(1, "hit"), (2, "hit"), (3, "hit"), (4, "hit"), (5, "miss")],
            "EXPOSE makes no step, so line 6 has no mark"
        );
        let tip = line_marks(&live.report, Lang::En)[4].clone().unwrap().1;
        assert_eq!(tip, "runs: `src/a.js` changed");

        // An unread file changes nothing; the cache remembers build 1 after build 2.
        let other = build(NODE, &[("package.json", "{}"), ("src/a.js", "1"), ("notes.txt", "changed")]);
        let live = LiveCache::new(Rc::new(record(&[first, build(NODE, &[])])), other);
        assert_eq!(live.report.misses, 0);
        assert_eq!(live.recorded.reports.len(), 2);
    }

    #[test]
    fn what_ifs_show_why_the_manifest_goes_first() {
        let live = LiveCache::new(Rc::new(record(&[])), build(NODE, &[("package.json", "{}"), ("src/a.js", "1")]));
        let source = live.after_editing("src/a.js", &Options::default());
        let manifest = live.after_editing("package.json", &Options::default());
        assert_eq!((source.misses, manifest.misses), (1, 3));
        assert!(manifest.warm_seconds > source.warm_seconds + 30.0, "npm ci re-runs: {manifest:?}");
        // The user's times replace the defaults, keyed by the instruction's text.
        let options = Options { seconds: [("RUN npm ci".to_string(), 100.0)].into_iter().collect() };
        let extra = live.report_with(&options).cold_seconds - live.report.cold_seconds;
        assert!((extra - (100.0 - 40.0)).abs() < 1e-9, "{extra}");
    }

    #[test]
    fn files_are_marked_ignored_unused_or_read() {
        let input = build(
            "FROM alpine\nCOPY src/ /src/\n",
            &[("src/a", "1"), ("src/b.log", "x"), ("README.md", "r"), (".dockerignore", "*.md\n**/*.log\n")],
        );
        let live = LiveCache::new(Rc::new(record(&[])), input.clone());
        let (ignored, reads) = (ignored_paths(&input.files), read_paths(&live.report));
        let got: Vec<(&str, FileUse)> =
            input.files.iter().map(|f| (f.path.as_str(), file_use(&f.path, f.is_dir(), &ignored, &reads))).collect();
        assert_eq!(
            got,
            vec![
                ("src/a", FileUse::Read),
                ("src/b.log", FileUse::Ignored),
                ("README.md", FileUse::Ignored),
                (".dockerignore", FileUse::Other)
            ]
        );
        assert_eq!(file_use("./notes", false, &ignored, &reads), FileUse::Unused);
    }

    #[test]
    fn every_reason_reads_in_both_languages_with_its_fields_filled_in() {
        for reason in dockerplay_core::fixtures::every_reason() {
            let en = reason_words(Lang::En, &reason);
            // The English wording is the core's own.
            assert_eq!(en, reason.message(), "{reason:?}");
            let zh = reason_words(Lang::Zh, &reason);
            assert!(!zh.contains('{') && zh != en, "{reason:?}: {zh}");
            // Every field value shows up in the Chinese wording too.
            let fields = serde_json::to_value(&reason).unwrap();
            for (k, v) in fields.as_object().unwrap().iter().filter(|(k, _)| *k != "kind") {
                let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                let shown = if v.is_empty() { "（默认）".to_string() } else { v };
                assert!(zh.contains(&shown), "{reason:?}: {k} missing from {zh}");
            }
        }
    }

    #[test]
    fn durations_read_naturally() {
        let t = texts(Lang::En);
        let got: Vec<String> = [0.1, 0.5, 2.0, 38.0, 59.96, 105.0, 3600.0].iter().map(|s| duration(t, *s)).collect();
        assert_eq!(got, ["0.1 s", "0.5 s", "2 s", "38 s", "1 min 0 s", "1 min 45 s", "60 min 0 s"]);
        assert_eq!(duration(texts(Lang::Zh), 105.0), "1 分 45 秒");
    }
}
