//! Parsing Dockerfiles as BuildKit's frontend does.

pub mod ast;
mod parse;
pub mod words;

pub use ast::*;
pub use parse::parse;
