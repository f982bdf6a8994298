//! The playground's inputs: everything a permalink carries, and nothing that
//! can be recomputed from it. Analyses are derived with `use_memo`.

use std::rc::Rc;
use std::sync::Arc;

use dockerplay_core::inputs::{BuildInput, ContextFile};
use yew::Reducible;

/// The shareable state: what a permalink carries and autosave writes.
pub use dockerplay_core::permalink::ShareState;

/// The right-hand panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Outline,
    Problems,
    Cache,
    Size,
    Graph,
    Findings,
}

impl Panel {
    pub const ALL: [Panel; 6] =
        [Panel::Outline, Panel::Problems, Panel::Cache, Panel::Size, Panel::Graph, Panel::Findings];

    /// The name stored in `ShareState::panel` and in permalinks.
    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Outline => "outline",
            Panel::Problems => "problems",
            Panel::Cache => "cache",
            Panel::Size => "size",
            Panel::Graph => "graph",
            Panel::Findings => "findings",
        }
    }

    /// Unknown names (say, from an older permalink) fall back to the outline.
    pub fn parse(name: &str) -> Panel {
        Panel::ALL.into_iter().find(|p| p.as_str() == name).unwrap_or(Panel::Outline)
    }
}

/// What the reducer holds: the shareable inputs, plus a counter that tells
/// the editor when its text was replaced from outside.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Playground {
    pub share: ShareState,
    /// Bumped whenever the Dockerfile is replaced by anything other than
    /// typing (a sample, a restored draft, a permalink). The editor writes
    /// its textarea's value only then, so typing never moves the caret.
    pub loaded: u32,
    /// The lesson being followed and its step (issue 16): an input, like
    /// the Dockerfile; the lesson's texts and states come from core.
    pub lesson: Option<LessonAt>,
    /// Where the size tables are (issue 14): the wasm leaves them out and
    /// fetches them when an analysis first needs them, so their arrival is
    /// an input that every size analysis is derived from.
    pub size_data: SizeData,
}

/// The size tables' state in the page (`crate::size_data`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SizeData {
    /// Not asked for yet.
    #[default]
    Missing,
    /// Being fetched.
    Loading,
    /// Installed in core: size analyses see them.
    Ready,
    /// The fetch failed; the size panel offers to try again.
    Failed,
}

/// A lesson by id and a 0-based step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonAt {
    pub id: String,
    pub step: usize,
}

impl Playground {
    pub fn panel(&self) -> Panel {
        self.share.panel.as_deref().map_or(Panel::Outline, Panel::parse)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user typed: the new full text of the editor.
    Edit(String),
    /// Open a sample: a new Dockerfile and its build context. The build
    /// history, build args and target belong to the previous project and are
    /// cleared.
    Load {
        dockerfile: String,
        files: Vec<ContextFile>,
    },
    /// Replace everything (a permalink or a restored draft).
    Restore(ShareState),
    SetPanel(Panel),
    /// A language code as `i18n::Lang::code` gives it; `None` follows the
    /// browser.
    SetLang(Option<String>),
    // cache panel
    /// Record a build: the current inputs join the history of builds.
    RecordBuild,
    /// Forget every recorded build (an empty build cache).
    ClearHistory,
    /// Add a context file, or replace the one at the same path.
    UpsertFile(ContextFile),
    /// Delete the context file at a path.
    RemoveFile(String),
    /// Move a context file; nothing happens if the new path is taken.
    RenameFile {
        from: String,
        to: String,
    },
    /// Set (`Some`) or remove (`None`) one `--build-arg`.
    SetBuildArg {
        name: String,
        value: Option<String>,
    },
    /// Build this stage (`docker build --target`); `None` builds the last
    /// stage, as BuildKit does without `--target`.
    SetTarget(Option<String>),
    // size panel
    /// Set (`Some`, bytes) or clear (`None`) the size the user typed for a
    /// step the model cannot size, by `size::Unknown::key`.
    SetSizeEstimate {
        key: String,
        bytes: Option<u64>,
    },
    /// Set or clear the size the user typed for a base image the catalogue
    /// does not have, by normalised reference.
    SetImageSize {
        reference: String,
        bytes: Option<u64>,
    },
    // findings panel
    /// Replace the Dockerfile's text from outside the editor (a fix was
    /// applied): the context, history, args and target stay, and the
    /// editor is told to take the new text.
    ReplaceText(String),
    // lessons
    /// Show a lesson's step: its state becomes the inputs, and the states
    /// of the steps before it the recorded builds, so the cache panel
    /// agrees with what the lesson says.
    OpenLessonStep {
        at: LessonAt,
        input: BuildInput,
        earlier: Vec<BuildInput>,
    },
    /// Stop following the lesson; the inputs stay.
    CloseLesson,
    /// The size tables were asked for, arrived, or could not be fetched.
    SizeData(SizeData),
}

/// The text as a textarea holds it: a textarea turns every CRLF and lone CR
/// into LF, so a loaded text is stored that way too, or byte offsets would
/// differ between the state and the editor. BuildKit reads lines the same
/// either way (frontend/dockerfile/parser: bufio.ScanLines drops the CR).
fn textarea_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

impl Reducible for Playground {
    type Action = Action;

    /// Copying the state is cheap: the recorded builds are shared
    /// (`ShareState::history` is an `Arc`), so an action copies the text,
    /// the context and a few small fields, never the history.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                if text == next.share.dockerfile {
                    return self;
                }
                next.share.dockerfile = text;
            }
            Action::Load { dockerfile, files } => {
                next.share.dockerfile = textarea_newlines(dockerfile);
                next.share.files = files;
                next.share.history = Default::default();
                next.share.build_args.clear();
                next.share.target = None;
                next.share.size_estimates.clear();
                next.share.image_sizes.clear();
                next.loaded += 1;
            }
            Action::Restore(share) => {
                next.share = ShareState { dockerfile: textarea_newlines(share.dockerfile), ..share };
                next.loaded += 1;
            }
            // The default panel is left out, which keeps permalinks short.
            Action::SetPanel(panel) => {
                next.share.panel = (panel != Panel::Outline).then(|| panel.as_str().to_string());
            }
            Action::SetLang(lang) => next.share.lang = lang,
            // cache panel
            Action::RecordBuild => {
                let build = next.share.current_build();
                Arc::make_mut(&mut next.share.history).push(build);
            }
            Action::ClearHistory => next.share.history = Default::default(),
            Action::UpsertFile(file) => match next.share.files.iter_mut().find(|f| f.path == file.path) {
                Some(old) if *old == file => return self,
                Some(old) => *old = file,
                None => next.share.files.push(file),
            },
            Action::RemoveFile(path) => next.share.files.retain(|f| f.path != path),
            Action::RenameFile { from, to } => {
                if from == to || to.is_empty() || next.share.files.iter().any(|f| f.path == to) {
                    return self;
                }
                match next.share.files.iter_mut().find(|f| f.path == from) {
                    Some(f) => f.path = to,
                    None => return self,
                }
            }
            Action::SetBuildArg { name, value } => match value {
                Some(value) => {
                    next.share.build_args.insert(name, value);
                }
                None => {
                    next.share.build_args.remove(&name);
                }
            },
            Action::SetTarget(target) => {
                if target == next.share.target {
                    return self;
                }
                next.share.target = target;
            }
            Action::SetSizeEstimate { key, bytes } => {
                if next.share.size_estimates.get(&key).copied() == bytes {
                    return self;
                }
                match bytes {
                    Some(b) => next.share.size_estimates.insert(key, b),
                    None => next.share.size_estimates.remove(&key),
                };
            }
            Action::SetImageSize { reference, bytes } => {
                if next.share.image_sizes.get(&reference).copied() == bytes {
                    return self;
                }
                match bytes {
                    Some(b) => next.share.image_sizes.insert(reference, b),
                    None => next.share.image_sizes.remove(&reference),
                };
            }
            Action::ReplaceText(text) => {
                next.share.dockerfile = textarea_newlines(text);
                next.loaded += 1;
            }
            Action::OpenLessonStep { at, input, earlier } => {
                next.share.dockerfile = textarea_newlines(input.dockerfile);
                next.share.files = input.files;
                next.share.build_args = input.build_args;
                next.share.target = input.target;
                next.share.history = Arc::new(earlier);
                next.lesson = Some(at);
                next.loaded += 1;
            }
            Action::CloseLesson => next.lesson = None,
            Action::SizeData(data) => {
                // Once installed, the tables stay for good.
                if data == next.size_data || next.size_data == SizeData::Ready {
                    return self;
                }
                next.size_data = data;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::inputs::BuildInput;

    fn reduce(state: Playground, actions: Vec<Action>) -> Rc<Playground> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    #[test]
    fn typing_never_asks_the_editor_to_rewrite_its_text() {
        let s = reduce(Playground::default(), vec![Action::Edit("FROM a".into()), Action::Edit("FROM ab".into())]);
        assert_eq!(s.share.dockerfile, "FROM ab");
        assert_eq!(s.loaded, 0);
    }

    #[test]
    fn loading_a_sample_replaces_the_text_and_context_and_clears_the_old_project() {
        let mut start = Playground::default();
        Arc::make_mut(&mut start.share.history).push(BuildInput::default());
        start.share.target = Some("build".into());
        start.share.build_args.insert("V".into(), "1".into());
        let files = vec![ContextFile::text("a.txt", "x")];
        let s = reduce(start, vec![Action::Load { dockerfile: "FROM b".into(), files: files.clone() }]);
        assert_eq!((s.share.dockerfile.as_str(), &s.share.files, s.loaded), ("FROM b", &files, 1));
        assert!(s.share.history.is_empty() && s.share.target.is_none() && s.share.build_args.is_empty());
    }

    #[test]
    fn loaded_text_gets_the_newlines_a_textarea_would_give_it() {
        let s = reduce(
            Playground::default(),
            vec![Action::Load { dockerfile: "FROM a\r\nRUN b\rRUN c\n".into(), files: vec![] }],
        );
        assert_eq!(s.share.dockerfile, "FROM a\nRUN b\nRUN c\n");
        let share = ShareState { dockerfile: "FROM a\r\n".into(), target: Some("t".into()), ..ShareState::default() };
        let s = reduce(Playground::default(), vec![Action::Restore(share)]);
        assert_eq!((s.share.dockerfile.as_str(), s.share.target.as_deref(), s.loaded), ("FROM a\n", Some("t"), 1));
    }

    #[test]
    fn replacing_the_text_keeps_the_project_and_tells_the_editor() {
        let mut start = Playground::default();
        start.share.files = vec![ContextFile::text("a.txt", "x")];
        start.share.target = Some("build".into());
        let s = reduce(start.clone(), vec![Action::ReplaceText("FROM b\r\n".into())]);
        assert_eq!((s.share.dockerfile.as_str(), s.loaded), ("FROM b\n", 1));
        assert_eq!((&s.share.files, &s.share.target), (&start.share.files, &start.share.target));
    }

    #[test]
    fn panel_names_round_trip_and_unknown_names_fall_back_to_the_outline() {
        for p in Panel::ALL {
            assert_eq!(Panel::parse(p.as_str()), p);
        }
        assert_eq!(Panel::parse("nonsense"), Panel::Outline);
        let s = reduce(Playground::default(), vec![Action::SetPanel(Panel::Graph)]);
        assert_eq!(s.panel(), Panel::Graph);
        let s = reduce((*s).clone(), vec![Action::SetPanel(Panel::Outline)]);
        assert_eq!((s.panel(), &s.share.panel), (Panel::Outline, &None));
    }

    // size panel

    #[test]
    fn typed_sizes_are_part_of_the_shared_state_until_another_sample_loads() {
        let s = reduce(
            Playground::default(),
            vec![
                Action::SetSizeEstimate { key: "RUN make".into(), bytes: Some(5_000_000) },
                Action::SetImageSize { reference: "example.com/a:1".into(), bytes: Some(80_000_000) },
                Action::SetSizeEstimate { key: "RUN other".into(), bytes: Some(1) },
                Action::SetSizeEstimate { key: "RUN other".into(), bytes: None },
            ],
        );
        assert_eq!(s.share.size_estimates, [("RUN make".to_string(), 5_000_000)].into());
        assert_eq!(s.share.image_sizes, [("example.com/a:1".to_string(), 80_000_000)].into());
        let s = reduce((*s).clone(), vec![Action::Load { dockerfile: "FROM b".into(), files: vec![] }]);
        assert!(s.share.size_estimates.is_empty() && s.share.image_sizes.is_empty());
    }

    // cache panel

    #[test]
    fn a_build_records_the_current_inputs_and_clearing_forgets_them() {
        let start = Playground {
            share: ShareState {
                files: vec![ContextFile::text("a.txt", "1")],
                target: Some("t".into()),
                ..ShareState::from_dockerfile("FROM a AS t")
            },
            ..Playground::default()
        };
        let s = reduce(
            start,
            vec![
                Action::RecordBuild,
                Action::UpsertFile(ContextFile::text("a.txt", "2")),
                Action::SetBuildArg { name: "V".into(), value: Some("1".into()) },
                Action::RecordBuild,
            ],
        );
        assert_eq!(s.share.history.len(), 2);
        assert_eq!(s.share.history[0].files, vec![ContextFile::text("a.txt", "1")]);
        assert_eq!(s.share.history[1], s.share.current_build());
        assert_eq!(s.share.history[0].target.as_deref(), Some("t"));
        let s = reduce((*s).clone(), vec![Action::ClearHistory]);
        assert!(s.share.history.is_empty());
        assert_eq!(s.share.files, vec![ContextFile::text("a.txt", "2")]);
    }

    #[test]
    fn context_files_are_added_replaced_renamed_and_removed_by_path() {
        let s = reduce(
            Playground::default(),
            vec![
                Action::UpsertFile(ContextFile::text("a", "1")),
                Action::UpsertFile(ContextFile::text("b", "2")),
                Action::UpsertFile(ContextFile::text("a", "3")),
                // Renaming onto a taken path or to nothing is refused.
                Action::RenameFile { from: "a".into(), to: "b".into() },
                Action::RenameFile { from: "a".into(), to: "".into() },
                Action::RenameFile { from: "b".into(), to: "src/b".into() },
            ],
        );
        assert_eq!(s.share.files, vec![ContextFile::text("a", "3"), ContextFile::text("src/b", "2")]);
        let s = reduce((*s).clone(), vec![Action::RemoveFile("a".into())]);
        assert_eq!(s.share.files, vec![ContextFile::text("src/b", "2")]);
    }

    #[test]
    fn build_args_and_target_are_set_and_unset() {
        let s = reduce(
            Playground::default(),
            vec![
                Action::SetBuildArg { name: "A".into(), value: Some("1".into()) },
                Action::SetBuildArg { name: "B".into(), value: Some("".into()) },
                Action::SetBuildArg { name: "A".into(), value: None },
                Action::SetTarget(Some("build".into())),
            ],
        );
        assert_eq!(s.share.build_args.iter().collect::<Vec<_>>(), vec![(&"B".to_string(), &String::new())]);
        assert_eq!(s.share.target.as_deref(), Some("build"));
        let s = reduce((*s).clone(), vec![Action::SetTarget(None)]);
        assert_eq!(s.share.target, None);
    }

    // lessons

    #[test]
    fn a_lesson_step_replaces_the_inputs_and_records_the_earlier_steps() {
        let mut start = Playground::default();
        start.share.panel = Some("size".into());
        start.share.build_args.insert("OLD".into(), "1".into());
        let earlier = vec![BuildInput { dockerfile: "FROM a\n".into(), ..Default::default() }];
        let input = BuildInput {
            dockerfile: "FROM a\r\nRUN b\n".into(),
            files: vec![ContextFile::text("x", "1")],
            target: Some("t".into()),
            ..Default::default()
        };
        let at = LessonAt { id: "layers".into(), step: 1 };
        let s = reduce(start, vec![Action::OpenLessonStep { at: at.clone(), input, earlier: earlier.clone() }]);
        assert_eq!((s.share.dockerfile.as_str(), s.loaded, s.lesson.as_ref()), ("FROM a\nRUN b\n", 1, Some(&at)));
        assert_eq!((&s.share.history[..], s.share.target.as_deref()), (&earlier[..], Some("t")));
        assert!(s.share.build_args.is_empty());
        // The open panel is the reader's choice and stays.
        assert_eq!(s.panel(), Panel::Size);
        let s = reduce((*s).clone(), vec![Action::CloseLesson]);
        assert_eq!((s.lesson.as_ref(), s.share.dockerfile.as_str()), (None, "FROM a\nRUN b\n"));
    }
}
