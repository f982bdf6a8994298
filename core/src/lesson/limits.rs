//! What a lesson from a link must respect before anything builds its
//! states. A link is at most `permalink::MAX_DECODED_BYTES` of JSON, but
//! edits multiply: every step's state is a copy, a replacement searches
//! the whole Dockerfile, and a file edit searches every file. These limits
//! keep opening a hostile lesson as cheap as opening a large Dockerfile;
//! real lessons stay far below them (the built-in ones have at most a dozen
//! steps and a few files).

use super::{apply, Change, Lesson};
use crate::inputs::{BuildInput, FileBody};

/// The most steps a lesson may have.
pub const MAX_STEPS: usize = 100;
/// The most entries (files, replacements, build args, removals) all the
/// lesson's changes may hold together.
pub const MAX_ENTRIES: usize = 2_000;
/// The most bytes (Dockerfiles and file contents) all the lesson's states
/// may hold together, since the player keeps every state up to the step.
pub const MAX_STATE_BYTES: usize = 8 * 1024 * 1024;

/// Why a lesson cannot be opened; `Display` gives a sentence for a banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonError {
    NoSteps,
    TooManySteps {
        steps: usize,
    },
    TooManyEntries {
        entries: usize,
    },
    /// The step (0-based) to open is not in the lesson.
    NoSuchStep {
        step: usize,
        steps: usize,
    },
    /// Step `step` (0-based) has a Dockerfile of `size` bytes, more than `limit`.
    DockerfileTooLarge {
        step: usize,
        size: usize,
        limit: usize,
    },
    TooLarge {
        limit: usize,
    },
}

impl std::fmt::Display for LessonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LessonError::NoSteps => write!(f, "the lesson has no steps"),
            LessonError::TooManySteps { steps } => {
                write!(f, "the lesson has {steps} steps, more than the {MAX_STEPS} a lesson may have")
            }
            LessonError::TooManyEntries { entries } => write!(
                f,
                "the lesson's steps change {entries} files, texts and build args, more than the {MAX_ENTRIES} a lesson may"
            ),
            LessonError::NoSuchStep { step, steps } => {
                write!(f, "the link opens step {} of a lesson of {steps} steps", step + 1)
            }
            LessonError::DockerfileTooLarge { step, size, limit } => write!(
                f,
                "step {} of the lesson has a Dockerfile of {size} bytes, more than the {limit} bytes the playground opens",
                step + 1
            ),
            LessonError::TooLarge { limit } => {
                write!(f, "the lesson's steps together hold more than {limit} bytes")
            }
        }
    }
}

/// Checks `lesson`, to be opened at `step` (0-based), against the limits:
/// first what can be counted without building anything, then each state
/// in turn, keeping only the latest.
pub fn check(lesson: &Lesson, step: usize, max_dockerfile: usize) -> Result<(), LessonError> {
    let steps = lesson.steps.len();
    if steps == 0 {
        return Err(LessonError::NoSteps);
    }
    if steps > MAX_STEPS {
        return Err(LessonError::TooManySteps { steps });
    }
    if step >= steps {
        return Err(LessonError::NoSuchStep { step, steps });
    }
    let entries: usize = lesson
        .steps
        .iter()
        .map(|s| match &s.change {
            Change::State(state) => state.files.len() + state.build_args.len() + state.secrets.len(),
            Change::Edit(edit) => {
                edit.replace.len() + edit.files.len() + edit.remove_files.len() + edit.build_args.len()
            }
        })
        .sum();
    if entries > MAX_ENTRIES {
        return Err(LessonError::TooManyEntries { entries });
    }
    let mut state = BuildInput::default();
    let mut total = 0usize;
    for (n, s) in lesson.steps.iter().enumerate() {
        apply(&mut state, &s.change);
        let size = state.dockerfile.len();
        if size > max_dockerfile {
            return Err(LessonError::DockerfileTooLarge { step: n, size, limit: max_dockerfile });
        }
        // A blob's size is a number, not memory: only text counts.
        let files: usize = state
            .files
            .iter()
            .map(|f| match &f.body {
                FileBody::Text { content } => f.path.len() + content.len(),
                _ => f.path.len(),
            })
            .sum();
        total = total.saturating_add(size).saturating_add(files);
        if total > MAX_STATE_BYTES {
            return Err(LessonError::TooLarge { limit: MAX_STATE_BYTES });
        }
    }
    Ok(())
}
