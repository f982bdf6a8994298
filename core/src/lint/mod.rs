//! Best-practice findings (issue 7). Not written yet.
