//! `dockerplay share` and `dockerplay open`. Not written yet.

use std::process::ExitCode;

pub fn run(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`share` is not implemented yet".into())
}

pub fn run_open(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`open` is not implemented yet".into())
}
