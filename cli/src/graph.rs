//! `dockerplay graph`. Not written yet.

use std::process::ExitCode;

pub fn run(_argv: &[String]) -> Result<ExitCode, String> {
    Err("`graph` is not implemented yet".into())
}
