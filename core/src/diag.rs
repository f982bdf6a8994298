//! Diagnostics: what went wrong in the input, where, and how badly.
//! Analyses return `(result, Vec<Diagnostic>)` and never fail outright.
//! A diagnostic's message is a [`Msg`], rendered in the reader's language.

use crate::message::Msg;
use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub span: Span,
    pub severity: Severity,
    pub message: Msg,
}

impl Diagnostic {
    pub fn error(span: Span, message: Msg) -> Diagnostic {
        Diagnostic { span, severity: Severity::Error, message }
    }

    pub fn warning(span: Span, message: Msg) -> Diagnostic {
        Diagnostic { span, severity: Severity::Warning, message }
    }

    pub fn info(span: Span, message: Msg) -> Diagnostic {
        Diagnostic { span, severity: Severity::Info, message }
    }
}
