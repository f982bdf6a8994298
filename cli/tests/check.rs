//! `dockerplay check` as a user runs it: the binary, its arguments, its
//! output and exit code.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `dockerplay check - ARGS` on `dockerfile`: (stdout, exit code).
fn check(dockerfile: &str, args: &[&str]) -> (String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .arg("check")
        .arg("-")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A run that fails on its arguments exits before reading the file, so
    // the pipe may close early; the exit code tells what happened.
    let _ = child.stdin.take().expect("stdin").write_all(dockerfile.as_bytes());
    let out = child.wait_with_output().expect("exit");
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code())
}

/// A file with an inline pragma and no HEALTHCHECK, that no rule which is
/// on by default flags.
const FILE: &str = "FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\nUSER 10001\n";

#[test]
fn off_by_default_rules_run_only_with_enable() {
    assert_eq!(check(FILE, &[]), (String::new(), Some(0)));
    let (out, code) = check(FILE, &["--enable", "DL3057", "--enable=DP101"]);
    assert_eq!(
        out,
        "Dockerfile:1:1 DP357 info: The image has no HEALTHCHECK, so Docker cannot tell a hung container from a working one [DL3057]\n\
         Dockerfile:2:1 DP101 warning: Avoid inline ignore pragmas: fix what this one hides, or ignore the rule for the whole file [DL1001]\n"
    );
    assert_eq!(code, Some(1));
    let (out, _) = check(FILE, &["--enable", "all", "--failure-threshold", "none"]);
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn enabled_rules_are_still_suppressed_by_the_file() {
    let file = format!("# hadolint global ignore=DL1001,DL3057\n{FILE}");
    assert_eq!(check(&file, &["--enable", "all"]), (String::new(), Some(0)));
}

#[test]
fn enable_rejects_a_name_of_no_rule() {
    let (out, code) = check(FILE, &["--enable", "DL3057,DL9999"]);
    assert_eq!((out.as_str(), code), ("", Some(2)));
    let (_, code) = check(FILE, &["--enable", "DL3057"]);
    assert_eq!(code, Some(1), "the same run with a known name reports");
}
