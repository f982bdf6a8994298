//! `dockerplay check`. Not written yet.

use std::process::ExitCode;

pub fn run(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`check` is not implemented yet".into())
}
