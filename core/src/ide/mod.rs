//! What the editor knows about a Dockerfile at a position: completions,
//! hover text, definitions, renames and fold ranges. The page's editor
//! (CodeMirror) only displays these; all Dockerfile knowledge stays here.
//!
//! Every function takes the text and a byte offset, parses the text itself
//! (a parse of a few hundred lines is well under a millisecond), and never
//! panics: an offset outside the text or inside a character is clamped.
//!
//! - `complete.rs`: completion at an offset.
//! - `hover.rs` and `docs.rs`: hover text, the instructions' documentation.
//! - `navigate.rs`: definitions, stage renames, fold ranges.

mod complete;
mod docs;
mod hover;
mod navigate;

pub use complete::{complete, complete_parsed, Completions, Item, Kind};
pub use hover::{hover, rule_hover, Hover};
pub use navigate::{definition, folds, rename, rename_target, TextEdit};

use crate::span::Span;
use crate::syntax::highlight::Class;
use crate::syntax::{self, Dockerfile, Instruction};

/// The language of documentation and labels.
pub use crate::message::Lang;

/// The escape character the text declares (`# escape=`), else `\`.
pub fn escape_char(text: &str) -> char {
    let (file, _) = syntax::parse(text);
    if file.escape == '\0' {
        '\\'
    } else {
        file.escape
    }
}

/// The largest char boundary of `text` at or before `offset`.
fn clamp(text: &str, offset: usize) -> usize {
    let mut b = offset.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The instruction whose text holds `offset` (its end included, so a caret
/// just after the last character still counts).
fn instruction_at(file: &Dockerfile, offset: usize) -> Option<&Instruction> {
    file.instructions.iter().map(|i| &**i).find(|i| i.span.start <= offset && offset <= i.span.end)
}

/// Characters of a word the editor completes or looks up: names, images,
/// paths, flags.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':' | '@')
}

/// The span of the word around `offset`, by `is_word`.
fn word_at(text: &str, offset: usize, is: impl Fn(char) -> bool) -> Span {
    let offset = clamp(text, offset);
    let start = text[..offset].char_indices().rev().take_while(|(_, c)| is(*c)).last().map_or(offset, |(i, _)| i);
    let end = offset + text[offset..].chars().take_while(|c| is(*c)).map(char::len_utf8).sum::<usize>();
    Span::new(start, end)
}

/// A variable name character.
fn is_name(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A variable reference around `offset` (`$NAME` or `${NAME...}`): the
/// name's span. The references are the ones the editor colours, which the
/// one shell lexer finds (not in single quotes, not escaped).
fn variable_at(text: &str, offset: usize) -> Option<Span> {
    let var = syntax::highlight::tokens(text)
        .into_iter()
        .find(|t| t.class == Class::Variable && t.span.start < offset && offset <= t.span.end)?;
    // Adjacent references are one token (`$A${B}`): find the one here.
    let mut at = var.span.start;
    while at < var.span.end {
        let from = at + if text[at..].starts_with("${") { 2 } else { 1 };
        let name = Span::new(from, from + crate::shell::expand::name_len(&text[from..var.span.end]));
        if name.start <= offset && offset <= name.end {
            return (!name.is_empty()).then_some(name);
        }
        // On to the next `$` of the token.
        at = text[name.end..var.span.end].find('$').map_or(var.span.end, |i| name.end + i);
    }
    None
}

/// The stage a name or index refers to (BuildKit compares names without
/// case), among the stages before `before` (a stage index), or all.
fn stage_named<'a>(file: &'a Dockerfile, name: &str, before: Option<usize>) -> Option<&'a syntax::Stage> {
    let limit = before.unwrap_or(file.stages.len());
    file.stages[..limit.min(file.stages.len())]
        .iter()
        .rev()
        .find(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)))
        .or_else(|| name.parse::<usize>().ok().filter(|i| *i < limit).and_then(|i| file.stages.get(i)))
}
