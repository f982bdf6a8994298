//! Parsing Dockerfiles as BuildKit's frontend does.

pub mod ast;
mod incremental;
mod parse;

pub use ast::*;
pub use incremental::Incremental;
pub use parse::parse;
