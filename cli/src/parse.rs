//! `dockerplay parse`. Stub: being written.

use std::process::ExitCode;

pub fn run(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`parse` is not implemented yet".into())
}
