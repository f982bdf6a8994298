//! `dockerplay check` as a user runs it: the binary, its arguments, its
//! output and exit code.

use std::io::Write;
use std::process::{Command, Stdio};

/// The variables a locale is read from (`Lang::from_env`).
const LOCALE: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

/// Runs `dockerplay check - ARGS` on `dockerfile`: (stdout, exit code). The
/// locale is cleared, so the messages are English whatever the machine's.
fn check(dockerfile: &str, args: &[&str]) -> (String, Option<i32>) {
    check_in(dockerfile, args, &[])
}

/// [`check`] with the locale's variables set to `env`.
fn check_in(dockerfile: &str, args: &[&str], env: &[(&str, &str)]) -> (String, Option<i32>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dockerplay"));
    for var in LOCALE {
        command.env_remove(var);
    }
    let mut child = command
        .envs(env.iter().copied())
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

/// Whether `s` has a Chinese character.
fn chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
}

/// The findings of a JSON run.
fn json(out: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(out).expect("JSON").as_array().cloned().unwrap_or_default()
}

/// A file most rules have something to say about, fixes included.
const MANY: &str = "FROM ubuntu AS Builder\nMAINTAINER me\nRUN apt-get update\nRUN apt-get install curl\n\
                    RUN sudo pip install flask\nWORKDIR app\nADD app.py /app/\nEXPOSE 80/TCP\nCMD python app.py\n";

#[test]
fn lang_zh_cn_renders_every_finding_and_fix_title_in_chinese() {
    let (out, _) = check(MANY, &["--lang", "zh-CN", "--format", "json", "--enable", "all"]);
    let findings = json(&out);
    assert!(findings.len() >= 10, "{out}");
    // ShellCheck's messages come from its binary, in English only.
    for f in findings.iter().filter(|f| !f["code"].as_str().unwrap_or("").starts_with("SC")) {
        let message = f["message"].as_str().unwrap_or("");
        assert!(chinese(message), "{f}");
        let id = f["message_id"].as_str().unwrap_or("");
        assert!(id.starts_with(&format!("{}.", f["code"].as_str().unwrap_or(""))), "{f}");
        assert!(f["message_args"].is_object(), "{f}");
        if let Some(title) = f["fix"]["title"].as_str() {
            assert!(chinese(title), "{f}");
        }
    }
    // The same finding in English has the same id and arguments.
    let (en, _) = check(MANY, &["--lang", "en", "--format", "json", "--enable", "all"]);
    let pin = |all: &[serde_json::Value]| {
        all.iter().find(|f| f["message_id"] == "DP308.pin").map(|f| (f["message"].clone(), f["message_args"].clone()))
    };
    let (zh_pin, en_pin) = (pin(&findings), pin(&json(&en)));
    assert_eq!(en_pin.as_ref().map(|p| &p.1), Some(&serde_json::json!({"package": "curl"})));
    assert_eq!(zh_pin.as_ref().map(|p| &p.1), en_pin.as_ref().map(|p| &p.1));
    assert_eq!(
        en_pin.map(|p| p.0),
        Some(serde_json::json!("Pin the version of `curl`: `apt-get install curl=<version>`"))
    );
}

#[test]
fn every_format_speaks_the_chosen_language() {
    for format in ["text", "sarif", "checkstyle", "codeclimate", "gitlab_codeclimate", "gnu", "github"] {
        let (zh, _) = check(MANY, &["--lang", "zh-CN", "--format", format]);
        assert!(zh.contains("请固定 `curl` 的版本"), "{format}: {zh}");
        let (en, _) = check(MANY, &["--format", format]);
        assert!(!chinese(&en) && en.contains("Pin the version of `curl`"), "{format}: {en}");
    }
}

#[test]
fn the_text_formats_notes_follow_the_language() {
    let file = "FROM alpine:3.20 AS tools\nRUN apt install x\nFROM alpine:3.20\n";
    let (en, _) = check(file, &[]);
    assert!(en.contains(" (in a stage the target does not build) (fixable)"), "{en}");
    let (zh, _) = check(file, &["--lang", "zh-CN"]);
    assert!(zh.contains("（所在的构建阶段不在目标的构建范围内）（可自动修复）"), "{zh}");
}

#[test]
fn the_locale_is_the_default_and_lang_wins() {
    let zh = [("LANG", "zh_CN.UTF-8")];
    let (out, _) = check_in(MANY, &["--format", "json"], &zh);
    assert!(json(&out).iter().all(|f| chinese(f["message"].as_str().unwrap_or(""))), "{out}");
    let (out, _) = check_in(MANY, &["--format", "json", "--lang", "en"], &zh);
    assert!(!chinese(&out), "{out}");
    // LC_ALL outranks LANG, as gettext reads them.
    let (out, _) = check_in(MANY, &["--format", "gnu"], &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")]);
    assert!(!chinese(&out), "{out}");
    let (out, code) = check(MANY, &["--lang", "fr"]);
    assert_eq!((out.as_str(), code), ("", Some(2)));
}

#[test]
fn the_real_world_corpus_reads_in_chinese() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/realworld");
    // Without ShellCheck on PATH: its messages are English by design, and it
    // would only make the run slower.
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env("PATH", "")
        .args(["check", dir, "--lang", "zh-CN", "--format", "json", "--enable", "all", "--no-fail"])
        .output()
        .expect("the binary runs");
    let findings = json(&String::from_utf8_lossy(&out.stdout));
    assert!(findings.len() > 1000, "{} findings", findings.len());
    for f in &findings {
        assert!(chinese(f["message"].as_str().unwrap_or("")), "{f}");
        assert!(f["fix"]["title"].as_str().is_none_or(chinese), "{f}");
    }
}
