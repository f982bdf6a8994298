//! Image size estimates (issue 4). Not written yet.
