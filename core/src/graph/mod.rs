//! The multi-stage build graph and its layout (issue 5). Not written yet.
