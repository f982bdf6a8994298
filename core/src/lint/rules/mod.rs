//! One file per rule. BuildKit's checks and the lessons live here;
//! hadolint's mirrors in `hadolint/`. Every rule is also listed in
//! `registry.rs`.

pub mod hadolint;

pub mod stage_name_casing;
