//! Parsing Dockerfiles as BuildKit's frontend does.

pub mod ast;
pub mod highlight;
mod incremental;
pub mod messages;
mod parse;

pub use ast::*;
pub use incremental::{map_offset, Incremental};
pub(crate) use parse::heredoc_word;
pub use parse::parse;
