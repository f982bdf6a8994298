//! The playground's whole shareable state: what a permalink carries, what
//! the app keeps as its reducer state, and what autosave writes.

use crate::inputs::{BuildInput, ContextFile};
use crate::lesson::Lesson;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything a person sees in the playground that is worth sharing.
///
/// Every field is left out of the serialised form while it holds its
/// default, so a link to a plain Dockerfile stays short and a link
/// made by an older version still decodes when fields are added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ShareState {
    /// The Dockerfile being edited: the build the analyses look at.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dockerfile: String,
    /// The virtual build context of the current build.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<ContextFile>,
    /// Earlier builds, oldest first, for the layer cache simulation. The
    /// current build (the fields above and below) comes after all of them.
    /// Shared: the app copies its state on every action, and a history of
    /// recorded builds with their files is the largest part of it (its
    /// serialised form is a plain list).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub history: Arc<Vec<BuildInput>>,
    /// `--build-arg` values of the current build.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub build_args: BTreeMap<String, String>,
    /// `--target` of the current build; `None` builds the last stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The open panel's name, as the app spells it; `None` is the app's
    /// default panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel: Option<String>,
    /// The UI language ("en", "zh-CN"); `None` follows the browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Sizes the user typed in the Size panel for steps the model cannot
    /// size, in bytes, by `size::Unknown::key`: part of the work, so a link
    /// shows the same estimate.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub size_estimates: BTreeMap<String, u64>,
    /// Uncompressed sizes the user typed for base images, in bytes, by
    /// normalised reference.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub image_sizes: BTreeMap<String, u64>,
    /// A lesson written in the page (issue 16), being followed: its steps
    /// travel with the link. The fields above are the reader's state at
    /// `lesson_step`, which may differ from the step's own (the reader may
    /// edit). Built-in lessons are named by `?lesson=` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<Arc<Lesson>>,
    /// The lesson's step the reader is on, 0-based.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lesson_step: usize,
}

impl ShareState {
    /// A state holding only a Dockerfile, everything else at its default.
    pub fn from_dockerfile(dockerfile: &str) -> ShareState {
        ShareState { dockerfile: dockerfile.to_string(), ..ShareState::default() }
    }

    /// True when nothing but the Dockerfile differs from the defaults: such
    /// a state travels as bare text, without any JSON.
    pub fn is_dockerfile_only(&self) -> bool {
        let ShareState {
            dockerfile: _,
            files,
            history,
            build_args,
            target,
            panel,
            lang,
            size_estimates,
            image_sizes,
            lesson,
            lesson_step,
        } = self;
        files.is_empty()
            && history.is_empty()
            && build_args.is_empty()
            && target.is_none()
            && panel.is_none()
            && lang.is_none()
            && size_estimates.is_empty()
            && image_sizes.is_empty()
            && lesson.is_none()
            && *lesson_step == 0
    }

    /// The state a link to `lesson` opens at `step` (0-based, clamped): the
    /// step's own inputs, and the steps before it as recorded builds, so
    /// that the cache panel agrees with the lesson.
    pub fn at_lesson_step(lesson: Arc<Lesson>, step: usize) -> ShareState {
        let step = step.min(lesson.steps.len().saturating_sub(1));
        let mut earlier = lesson.inputs(step);
        let input = earlier.pop().unwrap_or_default();
        ShareState {
            dockerfile: input.dockerfile,
            files: input.files,
            history: Arc::new(earlier),
            build_args: input.build_args,
            target: input.target,
            lesson: Some(lesson),
            lesson_step: step,
            ..ShareState::default()
        }
    }

    /// The current build, as the cache simulation and the size estimate
    /// take it. The shared state has no secrets of its own (they would end
    /// up in every copied link), so `secrets` is empty.
    pub fn current_build(&self) -> BuildInput {
        BuildInput {
            dockerfile: self.dockerfile.clone(),
            files: self.files.clone(),
            build_args: self.build_args.clone(),
            target: self.target.clone(),
            secrets: BTreeMap::new(),
        }
    }

    /// The history followed by the current build, oldest first.
    pub fn builds(&self) -> Vec<BuildInput> {
        let mut builds = self.history.to_vec();
        builds.push(self.current_build());
        builds
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_empty(history: &Arc<Vec<BuildInput>>) -> bool {
    history.is_empty()
}
