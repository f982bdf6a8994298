//! Configuration as a user meets it: a broken file stops the run and says
//! where, `--config` picks a file, and `dockerplay.toml` adds our settings.

use std::path::PathBuf;
use std::process::Command;

fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dockerplay-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn run(dir: &PathBuf, args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .env_remove("HADOLINT_IGNORE")
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

const FILE: &str = "FROM alpine:3.20\nRUN apk add curl\nUSER 10001\n";

#[test]
fn a_broken_hadolint_file_names_file_line_and_key() {
    let dir = tree(
        "broken",
        &[("Dockerfile", FILE), (".hadolint.yaml", "ignored:\n  - DL3018\nfailure-threshold: severe\n")],
    );
    let (stdout, stderr, code) = run(&dir, &["check", "Dockerfile"]);
    assert_eq!((stdout.as_str(), code), ("", Some(2)));
    assert_eq!(
        stderr.trim(),
        "dockerplay: .hadolint.yaml:3: key `failure-threshold`: `severe` must be error, warning, info, style or none"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_found_file_applies_and_config_overrides_it() {
    let dir = tree(
        "found",
        &[
            ("Dockerfile", FILE),
            (".hadolint.yaml", "ignored: [DL3018]\n"),
            ("strict.yaml", "override:\n  error: [DL3018]\n"),
        ],
    );
    let (stdout, _, _) = run(&dir, &["check", "Dockerfile", "--format", "gnu"]);
    assert!(!stdout.contains("DL3018"), "{stdout}");
    // --config replaces the search: DL3018 is back, raised to an error.
    let (stdout, _, code) = run(
        &dir,
        &["check", "Dockerfile", "--format", "gnu", "--config", "strict.yaml", "--failure-threshold", "error"],
    );
    assert!(stdout.contains(":2:13: DL3018 error: "), "{stdout}");
    assert_eq!(code, Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dockerplay_toml_adds_rules_language_and_buildkit_settings() {
    let toml = "enable = [\"DL3057\"]\nlanguage = \"zh\"\nbuildkit-check = \"skip=JSONArgsRecommended\"\n";
    let dir = tree("toml", &[("Dockerfile", "FROM alpine:3.20\nUSER 10001\nCMD run\n"), ("dockerplay.toml", toml)]);
    let (stdout, stderr, _) = run(&dir, &["check", "Dockerfile", "--format", "gnu"]);
    // DL3057 is on, in Chinese; JSONArgsRecommended (CMD run) is skipped.
    assert!(
        stdout.contains("DL3057 info: 镜像没有 HEALTHCHECK，Docker 无法分辨容器是卡住了还是在正常工作"),
        "{stdout}{stderr}"
    );
    assert!(!stdout.contains("DP007") && !stdout.contains("DL3025"), "{stdout}");
    let (_, stderr, code) = run(&dir, &["check", "Dockerfile", "--config", "missing.toml"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("cannot read missing.toml"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
