//! Lessons (issue 16): a tutorial as a list of steps. Each step is a whole
//! build state or an edit of the previous one, with a short Markdown text
//! in English and Chinese, and the claims its text makes (a step that hits
//! the cache, one that misses, a size drop, a finding that appears or
//! goes), which tests check against the analyses.
//!
//! `builtin` holds the lessons that follow the articles Dockerplay grew
//! from; `change` says what a step changed against the one before it;
//! `limits` is what a lesson from a link must respect. A lesson that is
//! not built in travels in a permalink as JSON (`ShareState::lesson`):
//! every type here but `Claim`, which only built-in lessons make, has a
//! serialised form that leaves defaults out.

pub mod builtin;
pub mod change;
pub mod limits;

use crate::inputs::{BuildInput, ContextFile};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

pub use change::{compare, DiffLine, StepChange};

/// A text in the two languages the page speaks. A lesson written in the
/// page may have one language only: the other is then empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
}

impl Text {
    pub fn new(en: &str, zh: &str) -> Text {
        Text { en: en.to_string(), zh: zh.to_string() }
    }

    /// The Chinese text for a `zh*` language code, else the English; the
    /// other language when the one asked for is missing.
    pub fn get(&self, lang: &str) -> &str {
        let (first, second) = if lang.starts_with("zh") { (&self.zh, &self.en) } else { (&self.en, &self.zh) };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// True when neither language has any text.
    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }
}

/// How a step's build state comes about. Serialised as `{"state": ...}`
/// or `{"edit": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// A whole state: Dockerfile, context files, build args, target.
    State(BuildInput),
    /// An edit of the previous step's state.
    Edit(Edit),
}

/// An edit of the previous state. Replacements apply in order, each to
/// the first occurrence of its text in the Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Edit {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replace: Vec<(String, String)>,
    /// Files added or replaced (by path).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<ContextFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_files: Vec<String>,
    /// Build args set (`Some`) or removed (`None`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub build_args: Vec<(String, Option<String>)>,
    /// `Some` changes the target (`Some(None)` builds the last stage, and
    /// is written `null`, which a plain `Option` would read back as `None`).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "some_target")]
    pub target: Option<Option<String>>,
}

/// A present `target` field, even `null`, is a change of target.
fn some_target<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// What a step's text says happens, checked by the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The instruction on this line comes from the cache.
    Hit(u32),
    /// The instruction on this line runs.
    Miss(u32),
    /// The image is smaller than at the previous step.
    SizeDrops,
    /// The image is larger than at the previous step.
    SizeGrows,
    /// The image has the same size as at the previous step.
    SizeSame,
    /// A finding with this code appears.
    FindingAppears(&'static str),
    /// No finding with this code is left that the previous step had.
    FindingGoes(&'static str),
}

/// One step: `{"state": ...}` or `{"edit": ...}` and its `text`. Read
/// through `StepFields`, so that a step with neither or both says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StepFields")]
pub struct Step {
    #[serde(flatten)]
    pub change: Change,
    /// The step's note, in Markdown.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub text: Text,
    /// Only built-in lessons claim anything; links carry none.
    #[serde(skip)]
    pub claims: Vec<Claim>,
}

/// A step as written, before it is known to have exactly one change.
#[derive(Deserialize)]
struct StepFields {
    #[serde(default)]
    state: Option<BuildInput>,
    #[serde(default)]
    edit: Option<Edit>,
    #[serde(default)]
    text: Text,
}

impl TryFrom<StepFields> for Step {
    type Error = &'static str;

    fn try_from(f: StepFields) -> Result<Step, &'static str> {
        let change = match (f.state, f.edit) {
            (Some(state), None) => Change::State(state),
            (None, Some(edit)) => Change::Edit(edit),
            (None, None) => return Err("a lesson step needs a \"state\" or an \"edit\""),
            (Some(_), Some(_)) => return Err("a lesson step has both a \"state\" and an \"edit\""),
        };
        Ok(Step { change, text: f.text, claims: Vec::new() })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Lesson {
    /// The name in `?lesson=` of a built-in lesson; empty (and left out of
    /// links) for one written in the page.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    pub steps: Vec<Step>,
}

impl Lesson {
    /// The build state at step `n` (clamped to the last step): every
    /// change up to it applied in order.
    pub fn input(&self, n: usize) -> BuildInput {
        self.inputs(n).pop().unwrap_or_default()
    }

    /// The build states of steps 0 to `n`, in order.
    pub fn inputs(&self, n: usize) -> Vec<BuildInput> {
        let mut out = Vec::new();
        let mut input = BuildInput::default();
        for step in self.steps.iter().take(n.saturating_add(1)) {
            apply(&mut input, &step.change);
            out.push(input.clone());
        }
        out
    }

    /// What step `n` changed against the steps before it.
    pub fn change(&self, n: usize) -> StepChange {
        let mut states = self.inputs(n);
        let current = states.pop().unwrap_or_default();
        compare(&states, &current)
    }
}

/// Applies one change to a state. A replacement whose text is missing
/// changes nothing (a test checks that built-in lessons have none).
pub fn apply(input: &mut BuildInput, change: &Change) {
    match change {
        Change::State(state) => *input = state.clone(),
        Change::Edit(edit) => {
            for (from, to) in &edit.replace {
                if let Some(at) = input.dockerfile.find(from.as_str()) {
                    input.dockerfile.replace_range(at..at + from.len(), to);
                }
            }
            for file in &edit.files {
                match input.files.iter_mut().find(|f| f.path == file.path) {
                    Some(old) => *old = file.clone(),
                    None => input.files.push(file.clone()),
                }
            }
            input.files.retain(|f| !edit.remove_files.contains(&f.path));
            for (name, value) in &edit.build_args {
                match value {
                    Some(v) => {
                        input.build_args.insert(name.clone(), v.clone());
                    }
                    None => {
                        input.build_args.remove(name);
                    }
                }
            }
            if let Some(target) = &edit.target {
                input.target = target.clone();
            }
        }
    }
}

impl Lesson {
    /// A lesson whose steps are whole recorded builds, each with its note:
    /// what "Record a lesson" makes. Secret values stay out, as in any
    /// link; their ids, which the cache simulation uses, stay.
    pub fn recorded(title: Text, steps: impl IntoIterator<Item = (BuildInput, Text)>) -> Lesson {
        let steps = steps
            .into_iter()
            .map(|(build, text)| Step {
                change: Change::State(BuildInput {
                    secrets: build.secrets.keys().map(|k| (k.clone(), String::new())).collect(),
                    ..build
                }),
                text,
                claims: Vec::new(),
            })
            .collect();
        Lesson { id: String::new(), title, steps }
    }
}

/// A state from a Dockerfile and text files, for lesson data.
pub fn state(dockerfile: &str, files: &[(&str, &str)]) -> Change {
    Change::State(BuildInput {
        dockerfile: dockerfile.to_string(),
        files: files.iter().map(|(p, c)| ContextFile::text(p, c)).collect(),
        build_args: BTreeMap::new(),
        target: None,
        secrets: BTreeMap::new(),
    })
}

/// An edit that replaces texts of the Dockerfile, for lesson data.
pub fn replace(pairs: &[(&str, &str)]) -> Edit {
    Edit { replace: pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(), ..Edit::default() }
}

/// An edit that writes text files, for lesson data.
pub fn files(pairs: &[(&str, &str)]) -> Edit {
    Edit { files: pairs.iter().map(|(p, c)| ContextFile::text(p, c)).collect(), ..Edit::default() }
}
