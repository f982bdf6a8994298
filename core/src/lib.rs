//! Dockerplay's analyses: pure functions from text to plain data.
//!
//! Nothing here does IO or panics on any input; every analysis returns its
//! result together with diagnostics instead of failing.

pub mod cache;
pub mod context;
pub mod diag;
pub mod fixtures;
pub mod graph;
pub mod ide;
pub mod inputs;
pub mod lesson;
pub mod lint;
pub mod message;
pub mod permalink;
pub mod reference;
pub mod shell;
pub mod size;
pub mod span;
pub mod syntax;

pub use diag::{Diagnostic, Severity};
pub use message::{Lang, Message, Msg};
pub use span::{LineIndex, Span};
