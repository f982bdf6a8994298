//! The playground's inputs: everything a permalink carries, and nothing that
//! can be recomputed from it. Analyses are derived with `use_memo`.

use std::rc::Rc;
use std::sync::Arc;

use dockerplay_core::inputs::{BuildInput, ContextFile};
use dockerplay_core::lesson::{Lesson, Step, Text};
use yew::Reducible;

use crate::i18n::Lang;

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
    /// The built-in lesson being followed and its step (issue 16): an
    /// input, like the Dockerfile; the lesson's texts and states come from
    /// core. A lesson from a link is `share.lesson` instead, so it travels.
    pub lesson: Option<LessonAt>,
    /// The lesson being recorded ("Record a lesson"): recorded builds
    /// chosen as steps, in the author's order, with the author's notes.
    /// What it becomes (its link, its embed) is derived from it.
    pub recording: Lesson,
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
    /// Show a step (0-based, clamped) of the lesson the link carries
    /// (`share.lesson`), as `OpenLessonStep` shows a built-in one's.
    OpenLinkedLessonStep(usize),
    /// Stop following the lesson; the inputs stay.
    CloseLesson,
    /// The size tables were asked for, arrived, or could not be fetched.
    SizeData(SizeData),
    // recording a lesson
    /// A recorded build becomes the recording's last step, with no note.
    RecordStep(BuildInput),
    /// Moves a step of the recording to another place; out of range is
    /// ignored.
    MoveRecordedStep {
        from: usize,
        to: usize,
    },
    RemoveRecordedStep(usize),
    /// A step's note in one language (Markdown).
    SetRecordedNote {
        step: usize,
        lang: Lang,
        text: String,
    },
    /// The recording's title in one language.
    SetRecordedTitle {
        lang: Lang,
        text: String,
    },
}

/// The part of a two-language text an author writes in `lang`.
fn text_in(text: &mut Text, lang: Lang) -> &mut String {
    match lang {
        Lang::En => &mut text.en,
        Lang::Zh => &mut text.zh,
    }
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
                // A link with a lesson of its own shows that one.
                if share.lesson.is_some() {
                    next.lesson = None;
                }
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
                next.share.lesson = None;
                next.share.lesson_step = 0;
                next.lesson = Some(at);
                next.loaded += 1;
            }
            Action::OpenLinkedLessonStep(step) => {
                let Some(lesson) = next.share.lesson.clone() else { return self };
                let at = ShareState::at_lesson_step(lesson, step);
                // The reader's view choices and typed sizes stay.
                next.share = ShareState {
                    dockerfile: textarea_newlines(at.dockerfile),
                    panel: next.share.panel,
                    lang: next.share.lang,
                    size_estimates: next.share.size_estimates,
                    image_sizes: next.share.image_sizes,
                    ..at
                };
                next.lesson = None;
                next.loaded += 1;
            }
            Action::CloseLesson => {
                next.lesson = None;
                next.share.lesson = None;
                next.share.lesson_step = 0;
            }
            Action::RecordStep(build) => {
                // Secret values are no part of a lesson (a link never
                // carries them); their ids are.
                let steps = Lesson::recorded(Text::default(), [(build, Text::default())]).steps;
                next.recording.steps.extend(steps);
            }
            Action::MoveRecordedStep { from, to } => {
                let steps = &mut next.recording.steps;
                if from == to || from >= steps.len() || to >= steps.len() {
                    return self;
                }
                let step = steps.remove(from);
                steps.insert(to, step);
            }
            Action::RemoveRecordedStep(n) => {
                if n >= next.recording.steps.len() {
                    return self;
                }
                next.recording.steps.remove(n);
            }
            Action::SetRecordedNote { step, lang, text } => match next.recording.steps.get_mut(step) {
                Some(Step { text: note, .. }) => *text_in(note, lang) = text,
                None => return self,
            },
            Action::SetRecordedTitle { lang, text } => *text_in(&mut next.recording.title, lang) = text,
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
    use dockerplay_core::lesson::Change;

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

    fn build(dockerfile: &str) -> BuildInput {
        BuildInput { dockerfile: dockerfile.into(), ..Default::default() }
    }

    #[test]
    fn a_lesson_from_a_link_is_followed_step_by_step_and_closed() {
        let lesson = Arc::new(Lesson::recorded(
            Text::new("Demo", ""),
            [(build("FROM a\n"), Text::new("one", "")), (build("FROM a\nRUN b\n"), Text::new("", "二"))],
        ));
        let start = Playground { lesson: Some(LessonAt { id: "layers".into(), step: 2 }), ..Playground::default() };
        let link = ShareState::at_lesson_step(lesson.clone(), 0);
        let s =
            reduce(start, vec![Action::Restore(link), Action::SetPanel(Panel::Cache), Action::OpenLinkedLessonStep(1)]);
        // The link's lesson replaces the built-in one.
        assert_eq!((s.lesson.as_ref(), s.share.lesson.as_ref(), s.share.lesson_step), (None, Some(&lesson), 1));
        assert_eq!((s.share.dockerfile.as_str(), &s.share.history[..]), ("FROM a\nRUN b\n", &[build("FROM a\n")][..]));
        assert_eq!((s.panel(), s.loaded), (Panel::Cache, 2));
        // Past the end is the last step.
        let s = reduce((*s).clone(), vec![Action::OpenLinkedLessonStep(9)]);
        assert_eq!(s.share.lesson_step, 1);
        let s = reduce((*s).clone(), vec![Action::CloseLesson]);
        assert_eq!(
            (s.share.lesson.as_ref(), s.share.lesson_step, s.share.dockerfile.as_str()),
            (None, 0, "FROM a\nRUN b\n")
        );
        // Without a lesson in the state, there is no step to open.
        let before = Rc::new((*s).clone());
        assert!(Rc::ptr_eq(&before, &before.clone().reduce(Action::OpenLinkedLessonStep(0))));
        // A built-in lesson replaces the link's.
        let s = reduce(
            Playground { share: ShareState::at_lesson_step(lesson, 1), ..Playground::default() },
            vec![Action::OpenLessonStep {
                at: LessonAt { id: "layers".into(), step: 0 },
                input: build("FROM x\n"),
                earlier: vec![],
            }],
        );
        assert_eq!((s.share.lesson.as_ref(), s.share.lesson_step), (None, 0));
    }

    #[test]
    fn recording_a_lesson_adds_orders_notes_and_removes_steps() {
        let mut secret = build("FROM c\n");
        secret.secrets.insert("token".into(), "s3cr3t".into());
        let s = reduce(
            Playground::default(),
            vec![
                Action::RecordStep(build("FROM a\n")),
                Action::RecordStep(build("FROM b\n")),
                Action::RecordStep(secret),
                Action::SetRecordedNote { step: 0, lang: Lang::En, text: "**first**".into() },
                Action::SetRecordedNote { step: 0, lang: Lang::Zh, text: "第一".into() },
                Action::SetRecordedNote { step: 1, lang: Lang::Zh, text: "第二".into() },
                Action::SetRecordedTitle { lang: Lang::En, text: "Mine".into() },
                // Moves: the last up to the top, then the (new) second down.
                Action::MoveRecordedStep { from: 2, to: 0 },
                Action::MoveRecordedStep { from: 1, to: 2 },
                Action::RemoveRecordedStep(1),
            ],
        );
        let r = &s.recording;
        let dockerfiles: Vec<&str> = r
            .steps
            .iter()
            .map(|s| match &s.change {
                Change::State(b) => b.dockerfile.as_str(),
                Change::Edit(_) => "edit",
            })
            .collect();
        assert_eq!(dockerfiles, ["FROM c\n", "FROM a\n"]);
        assert_eq!((r.steps[1].text.en.as_str(), r.steps[1].text.zh.as_str()), ("**first**", "第一"));
        assert_eq!(r.title, Text::new("Mine", ""));
        match &r.steps[0].change {
            Change::State(b) => assert_eq!(b.secrets.get("token").map(String::as_str), Some(""), "the id stays"),
            Change::Edit(_) => unreachable!("recorded steps are whole states"),
        }
        // Out of range changes nothing.
        for a in [
            Action::MoveRecordedStep { from: 0, to: 5 },
            Action::RemoveRecordedStep(5),
            Action::SetRecordedNote { step: 5, lang: Lang::En, text: "x".into() },
        ] {
            let before = Rc::new((*s).clone());
            assert!(Rc::ptr_eq(&before, &before.clone().reduce(a)));
        }
    }
}
