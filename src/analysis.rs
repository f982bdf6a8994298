//! Everything the page shows about the current inputs, computed from them in
//! one place (the app memoises it on the Dockerfile text). Later panels add
//! their core analyses here.

use std::ops::Deref;
use std::rc::Rc;
use std::sync::Arc;

use dockerplay_core::syntax::{Dockerfile, Incremental};
use dockerplay_core::{Diagnostic, LineIndex};

pub struct Analysis {
    pub text: String,
    pub lines: LineIndex,
    pub file: Arc<Dockerfile>,
    /// Sorted by position.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// The parse, kept so that the next text re-parses only what changed.
    parse: Incremental,
}

impl Analysis {
    pub fn new(text: &str) -> Analysis {
        Analysis::from_parse(text, Incremental::new(text))
    }

    /// The analysis of `text`, an edit of `self.text`: only the lines the
    /// edit touched are parsed again (`syntax::Incremental`), which is what
    /// makes a keystroke cheap; the result equals `Analysis::new(text)`.
    pub fn edit(&self, text: &str) -> Analysis {
        Analysis::from_parse(text, self.parse.edit(text))
    }

    fn from_parse(text: &str, parse: Incremental) -> Analysis {
        let mut diagnostics = parse.diagnostics().to_vec();
        diagnostics.sort_by_key(|d| (d.span.start, d.severity));
        Analysis {
            text: text.to_string(),
            lines: LineIndex::new(text),
            file: parse.dockerfile().clone(),
            diagnostics: Rc::new(diagnostics),
            parse,
        }
    }

    /// The parse, for queries that re-parse an edited text.
    pub fn parse(&self) -> &Incremental {
        &self.parse
    }

    /// Index into `file.instructions` of the instruction at a byte offset:
    /// the one whose lines hold it, else the last one before it.
    pub fn instruction_at(&self, offset: usize) -> Option<usize> {
        let line = self.lines.line(offset);
        let mut best = None;
        for (i, ins) in self.file.instructions.iter().enumerate() {
            if ins.line > line {
                break;
            }
            best = Some(i);
            if line <= ins.end_line {
                break;
            }
        }
        best
    }
}

/// A shared analysis for component props: equal when it is the same
/// computation, which is all a re-render needs to know.
#[derive(Clone)]
pub struct AnalysisRef(pub Rc<Analysis>);

impl PartialEq for AnalysisRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for AnalysisRef {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        &self.0
    }
}
