//! `dockerplay simulate`. Not written yet.

use std::process::ExitCode;

pub fn run(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`simulate` is not implemented yet".into())
}
