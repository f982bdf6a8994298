//! hadolint's rules (DL1001, DL3000–DL3067, DL4000–DL4006), owned by the
//! "hadolint" helper. List each rule in `RULES`; `registry.rs` appends this
//! slice to the table and documents the code ranges.

use crate::lint::Rule;

pub static RULES: &[&Rule] = &[];
