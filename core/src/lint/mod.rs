//! Best-practice findings (issue 7): BuildKit's build checks, hadolint's
//! rules and Dockerplay's image-optimisation lessons, with fixes.
//!
//! The shape follows ruff: one file per rule under `rules/`, its
//! documentation in its doc comment (captured at compile time by
//! [`declare_rule!`] so the page can show it), and one table of every rule
//! in [`registry`]. [`check`] parses the input, runs every rule over every
//! stage (a few rules are off unless enabled, see [`CheckOptions::enable`]),
//! marks findings in stages the target does not build, and drops what the
//! file suppresses.
//!
//! ```
//! use dockerplay_core::inputs::BuildInput;
//! use dockerplay_core::lint::{check, CheckOptions};
//! let input = BuildInput { dockerfile: "FROM alpine:3.20\n".into(), ..Default::default() };
//! let (findings, _diagnostics) = check(&input, &CheckOptions::default());
//! assert!(findings.iter().all(|f| f.code.starts_with("DP")));
//! ```

pub mod compile;
pub mod context;
pub mod docs_zh;
pub mod engine;
pub mod fix;
pub mod i18n;
pub mod pkg;
pub mod registry;
pub mod rules;
pub mod shell;
pub mod suppress;
pub mod util;

pub use context::Context;
pub use engine::{check, check_parsed, CheckOptions, LabelType, RuleSettings};
pub use fix::{apply_fixes, fix_all_safe};
pub use registry::{rule, rules, OffByDefault};

/// What a rule file needs, in one `use`.
pub mod prelude {
    pub use super::context::{stage_refs, Context};
    pub use super::shell::{Connector, ShellCommand, ShellWord};
    pub use super::{Category, Edit, Finding, Fix, LabelType, Rule};
    pub use crate::declare_rule;
    pub use crate::diag::Severity;
    pub use crate::message::{Message, Msg};
    pub use crate::span::Span;
    pub use crate::syntax::*;
}

use crate::diag::Severity;
use crate::message::{Message, Msg};
use crate::span::Span;
use serde::Serialize;

/// What a rule is about, for grouping and filtering in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// The build fails or does something other than what the file says.
    Correctness,
    /// Secrets or privileges leak into the image.
    Security,
    /// Edits invalidate more of the layer cache than they need to.
    Cache,
    /// The image is bigger than it needs to be.
    Size,
    /// Casing, formatting and deprecated spellings.
    Style,
    /// Builds that are not reproducible or are hard to maintain.
    Maintainability,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Security => "security",
            Category::Cache => "cache",
            Category::Size => "size",
            Category::Style => "style",
            Category::Maintainability => "maintainability",
        }
    }
}

/// One rule: its identity, its documentation and its check.
///
/// Rules are `static`s declared with [`declare_rule!`] and listed once in
/// [`registry`]. Codes are unique; so are `also` equivalents.
#[derive(Debug)]
pub struct Rule {
    /// `DPnnn`; the ranges are documented at the top of `registry.rs`.
    pub code: &'static str,
    /// The rule's name: BuildKit's check name where it mirrors one (so
    /// `# check=skip=` works with it), else kebab-case.
    pub name: &'static str,
    /// The equivalent code in another tool: `DL3008` or
    /// `BuildKit:StageNameCasing`.
    pub also: Option<&'static str>,
    /// Default severity; `# check=error=true` raises BuildKit's to errors.
    pub severity: Severity,
    pub category: Category,
    /// The doc comment, as Markdown, with sections `## What it does`,
    /// `## Why`, `## Example` and `## Fix`. Its first line is the summary.
    pub doc: &'static str,
    /// Every message the rule's findings and fixes use, declared in the
    /// rule's own file, so a test can hold each to its translation.
    pub messages: &'static [&'static Message],
    pub check: fn(&Context, &mut Vec<Finding>),
}

impl Rule {
    /// A finding of this rule with its default severity and no fix.
    pub fn finding(&'static self, span: Span, message: Msg) -> Finding {
        Finding { code: self.code, span, message, severity: self.severity, fix: None, stage_built: true }
    }

    /// The documentation with the one space rustdoc leaves after `///`
    /// removed from every line.
    pub fn doc_text(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The first line of the documentation.
    pub fn summary(&self) -> &'static str {
        self.doc.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
    }

    /// Whether the rule is off unless asked for, and why (the table is
    /// `registry::OFF_BY_DEFAULT`).
    pub fn off_by_default(&self) -> Option<OffByDefault> {
        registry::off_by_default(self)
    }

    /// The BuildKit check this rule mirrors, if any (`StageNameCasing`).
    pub fn buildkit_name(&self) -> Option<&'static str> {
        self.also.and_then(|a| a.strip_prefix("BuildKit:"))
    }

    /// Every code of another tool a finding of this rule answers to: its
    /// `also`, and for a BuildKit check and its hadolint mirror (the
    /// `rules::hadolint::TWINS`), the twin's code too, so that one finding
    /// names both (`BuildKit:JSONArgsRecommended` and `DL3025`).
    pub fn aliases(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.also.into_iter().collect();
        for (dl, bk) in rules::hadolint::TWINS {
            if self.buildkit_name() == Some(*bk) {
                out.push(dl);
            }
            if self.also == Some(*dl) {
                if let Some(twin) = registry::rules().iter().find(|r| r.buildkit_name() == Some(*bk)) {
                    out.extend(twin.also);
                }
            }
        }
        out
    }
}

/// One problem found in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's `DPnnn` code; [`rule`] finds the rest of its record.
    pub code: &'static str,
    /// Byte span in the Dockerfile text; underlined in the page.
    pub span: Span,
    /// What is wrong, as a message id and its arguments; the page and the
    /// CLI render it in the reader's language.
    pub message: Msg,
    pub severity: Severity,
    /// An edit that resolves the finding, if one can be proposed.
    pub fix: Option<Fix>,
    /// False when the finding is in a stage the target does not build
    /// (set by the engine; hadolint and `docker build --check` report such
    /// findings, a plain build does not).
    pub stage_built: bool,
}

impl Finding {
    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }
}

/// Text edits that resolve a finding. `safe` fixes keep the build's meaning
/// (e.g. upper-casing a keyword); unsafe ones change it (e.g. pinning a
/// version) and are only offered one by one, never in "fix all".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, for the button ("Rename to `builder`").
    pub title: Msg,
    /// Non-overlapping edits into the original text.
    pub edits: Vec<Edit>,
    pub safe: bool,
}

impl Fix {
    pub fn safe(title: Msg, edits: Vec<Edit>) -> Fix {
        Fix { title, edits, safe: true }
    }

    pub fn unsafe_(title: Msg, edits: Vec<Edit>) -> Fix {
        Fix { title, edits, safe: false }
    }
}

/// Replace `span` of the original text with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Edit {
        Edit { span, replacement: replacement.into() }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit { span: Span::new(at, at), replacement: text.into() }
    }

    pub fn delete(span: Span) -> Edit {
        Edit { span, replacement: String::new() }
    }
}

/// Declares a rule `static` whose `doc` field is its own doc comment, so the
/// documentation is written once, next to the code, and shown in the page.
///
/// ```text
/// declare_rule! {
///     /// Stage names should be lowercase.
///     ///
///     /// ## What it does
///     /// ...
///     pub static RULE = Rule {
///         code: "DP001",
///         name: "StageNameCasing",
///         also: Some("BuildKit:StageNameCasing"),
///         severity: Severity::Warning,
///         category: Category::Style,
///         messages: &[&LOWERCASE, &RENAME],
///         check,
///     };
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub static $id:ident = Rule { $($field:ident $(: $value:expr)?),* $(,)? };
    ) => {
        $(#[doc = $doc])+
        pub static $id: $crate::lint::Rule = $crate::lint::Rule {
            doc: concat!($($doc, "\n"),+),
            $($field $(: $value)?),*
        };
    };
}
