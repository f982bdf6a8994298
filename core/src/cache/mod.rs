//! Layer cache simulation across builds (issue 3).

pub mod sha256;
