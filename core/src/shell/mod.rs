//! The one shell reader. `lex` splits RUN commands and scripts into
//! spanned tokens; `expand` is BuildKit's word expansion, which reads the
//! words of every instruction BuildKit expands and, with the shell's
//! additions, the words of RUN scripts. Lint, size, cache and the editor
//! read shell text only through these two modules.

pub mod expand;
pub mod lex;
pub mod messages;
