//! Several files in one run: `check` reports each finding with its file and
//! exits on the worst finding of any file; `parse`, `size` and `graph` give
//! one JSON line per file.

use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hadolint-config");

fn dockerplay(args: &[&str]) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(DIR)
        .output()
        .expect("the binary runs");
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code())
}

#[test]
fn check_exit_code_is_the_worst_across_files() {
    // web/Dockerfile.dev's worst finding is a warning (DL3003); the API's
    // is an error (DL3026, an untrusted registry).
    let (_, code) = dockerplay(&["check", "web/Dockerfile.dev", "--failure-threshold", "error"]);
    assert_eq!(code, Some(0));
    let (out, code) = dockerplay(&[
        "check",
        "web/Dockerfile.dev",
        "services/api/api.Dockerfile",
        "--failure-threshold",
        "error",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(1));
    let findings: Vec<serde_json::Value> = serde_json::from_str(&out).expect("one JSON array");
    let mut files: Vec<&str> = findings.iter().filter_map(|f| f["file"].as_str()).collect();
    files.dedup();
    assert_eq!(files, ["web/Dockerfile.dev", "services/api/api.Dockerfile"]);
    // --no-fail keeps the findings and exits 0.
    let (out2, code) = dockerplay(&[
        "check",
        "web/Dockerfile.dev",
        "services/api/api.Dockerfile",
        "--failure-threshold",
        "error",
        "--format",
        "json",
        "--no-fail",
    ]);
    assert_eq!((out2, code), (out, Some(0)));
}

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

#[test]
fn parse_size_and_graph_give_json_lines_per_file() {
    let (out, code) = dockerplay(&["parse", ".", "--format", "json"]);
    assert_eq!(code, Some(0));
    let lines = json_lines(&out);
    let files: Vec<&str> = lines.iter().filter_map(|l| l["file"].as_str()).collect();
    assert_eq!(files, ["Dockerfile", "services/api/api.Dockerfile", "web/Containerfile", "web/Dockerfile.dev"]);
    assert_eq!(lines[1]["stages"].as_array().map(Vec::len), Some(3));

    let (out, _) = dockerplay(&["graph", "services/api/api.Dockerfile", "web/Dockerfile.dev"]);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["file"], "web/Dockerfile.dev");
    assert_eq!(lines[1]["edges"][0]["from"], "dev");

    let (out, _) = dockerplay(&["size", "Dockerfile", "web/Containerfile", "--format", "json"]);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert!(
        lines.iter().all(|l| l["report"]["image"]["uncompressed"].as_u64().is_some_and(|b| b > 1_000_000)),
        "{out}"
    );

    // dot and svg are one drawing per run.
    let (_, code) = dockerplay(&["graph", "Dockerfile", "web/Containerfile", "--format", "svg"]);
    assert_eq!(code, Some(2));
}
