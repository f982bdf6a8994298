//! The Dockerplay web app. Stub: being written.

fn main() {}
