//! `check --fix` and `--fix --dry-run`: files are rewritten in place, a dry
//! run prints a unified diff and writes nothing, and no fixture of the
//! project gets a file that parses worse from the fixes.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use dockerplay_core::{syntax, Severity};
use std::path::{Path, PathBuf};
use std::process::Command;

fn dockerplay(args: &[&str], dir: &Path) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// A fresh directory with these files.
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dockerplay-fix-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const CASING: &str = "from alpine:3.20 as Build\nRUN echo hi\n";
const CLEAN: &str = "FROM alpine:3.20\nUSER 10001\n";

#[test]
fn fix_writes_every_file_and_leaves_clean_ones_alone() {
    let dir = tree("write", &[("Dockerfile", CASING), ("web/app.Dockerfile", CASING), ("ok/Dockerfile", CLEAN)]);
    let (stdout, stderr, _) = dockerplay(&["check", "--fix", "--no-fail", "."], &dir);
    let fixed = "FROM alpine:3.20 AS build\nRUN echo hi\n";
    assert_eq!(std::fs::read_to_string(dir.join("Dockerfile")).unwrap(), fixed);
    assert_eq!(std::fs::read_to_string(dir.join("web/app.Dockerfile")).unwrap(), fixed);
    assert_eq!(std::fs::read_to_string(dir.join("ok/Dockerfile")).unwrap(), CLEAN);
    assert!(
        stderr.contains("fixed Dockerfile")
            && stderr.contains("fixed web/app.Dockerfile")
            && !stderr.contains("ok/Dockerfile"),
        "{stderr}"
    );
    // What is left is reported: nothing fixable.
    assert!(!stdout.contains("(fixable)"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = tree("dry", &[("Dockerfile", CASING), ("ok/Dockerfile", CLEAN)]);
    let (stdout, _, code) = dockerplay(&["check", "--fix", "--dry-run", "."], &dir);
    assert_eq!(std::fs::read_to_string(dir.join("Dockerfile")).unwrap(), CASING);
    assert_eq!(stdout, "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n-from alpine:3.20 as Build\n+FROM alpine:3.20 AS build\n RUN echo hi\n");
    // The exit code still says what the files hold.
    assert_eq!(code, Some(1));
    // Nothing fixable: an empty diff, not a list of findings.
    let (nothing, _, _) = dockerplay(&["check", "--fix", "--dry-run", "ok"], &dir);
    assert_eq!(nothing, "");
    // The diff applies with patch(1) where it is installed.
    if Command::new("patch").arg("--version").output().is_ok() {
        let mut child = Command::new("patch")
            .args(["-p1", "--quiet"])
            .current_dir(&dir)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(stdout.as_bytes()).unwrap();
        assert!(child.wait().unwrap().success());
        assert_eq!(
            std::fs::read_to_string(dir.join("Dockerfile")).unwrap(),
            "FROM alpine:3.20 AS build\nRUN echo hi\n"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dry_run_needs_fix() {
    let dir = tree("flag", &[("Dockerfile", CLEAN)]);
    let (_, stderr, code) = dockerplay(&["check", "--dry-run", "Dockerfile"], &dir);
    assert_eq!(code, Some(2), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn dockerfiles(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            dockerfiles(&p, out);
        } else if p.extension().is_some_and(|e| e == "Dockerfile") || p.file_name().is_some_and(|n| n == "Dockerfile") {
            out.push(p);
        }
    }
}

fn errors(text: &str) -> usize {
    syntax::parse(text).1.iter().filter(|d| d.severity == Severity::Error).count()
}

/// Every fixture under core/tests and cli/tests, with every rule on and
/// every stage in scope: the safe fixes never add a parse error. (They may
/// change the number of instructions: DP203 merges consecutive RUNs.)
#[test]
fn fixes_never_make_a_fixture_parse_worse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files = Vec::new();
    dockerfiles(&root.join("core/tests"), &mut files);
    dockerfiles(&root.join("cli/tests"), &mut files);
    assert!(files.len() > 100, "found only {} fixtures", files.len());
    let opts = CheckOptions { all_stages: true, experimental: true, enable: vec!["all".into()], ..Default::default() };
    let mut changed = 0;
    for path in &files {
        let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let input = BuildInput { dockerfile: text.clone(), ..Default::default() };
        let fixed = lint::fix_all_safe(&input, &opts);
        if fixed == text {
            continue;
        }
        changed += 1;
        assert!(errors(&fixed) <= errors(&text), "{}: the fixes add parse errors", path.display());
    }
    assert!(changed > 20, "only {changed} fixtures had a safe fix; the test would prove little");
}
