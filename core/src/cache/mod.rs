//! Layer cache simulation across builds (issue 3). Not written yet.
