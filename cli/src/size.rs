//! `dockerplay size`. Not written yet.

use std::process::ExitCode;

pub fn run(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`size` is not implemented yet".into())
}
