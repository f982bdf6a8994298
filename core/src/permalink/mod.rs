//! Permalinks: the playground state in a URL fragment (issue 6). Not written yet.
