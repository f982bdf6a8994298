//! hadolint's rules (DL1001, DL3000–DL3067, DL4000–DL4006), owned by the
//! "hadolint" helper. List each rule in `RULES`; `registry.rs` appends this
//! slice to the table and documents the code ranges.

use crate::lint::Rule;

pub static RULES: &[&Rule] = &[];

/// hadolint rules and the BuildKit checks that say the same thing, as
/// (DL code, BuildKit name): a suppression naming either silences both
/// (see `registry::names`).
pub static TWINS: &[(&str, &str)] = &[];
