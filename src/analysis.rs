//! Everything the page shows about the current inputs, computed from them in
//! one place (the app memoises it on the Dockerfile text). Later panels add
//! their core analyses here.

use std::ops::Deref;
use std::rc::Rc;

use dockerplay_core::syntax::{self, Dockerfile};
use dockerplay_core::{Diagnostic, LineIndex};

pub struct Analysis {
    pub text: String,
    pub lines: LineIndex,
    pub file: Dockerfile,
    /// Sorted by position.
    pub diagnostics: Rc<Vec<Diagnostic>>,
}

impl Analysis {
    pub fn new(text: &str) -> Analysis {
        let (file, mut diagnostics) = syntax::parse(text);
        diagnostics.sort_by_key(|d| (d.span.start, d.severity));
        Analysis { text: text.to_string(), lines: LineIndex::new(text), file, diagnostics: Rc::new(diagnostics) }
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
