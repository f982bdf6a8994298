//! `dockerplay share --lesson` and `dockerplay open --print lesson` as a
//! user runs them: a lesson file becomes a link that opens on its step, the
//! link gives the lesson back, and misuse says what is wrong.

use expect_test::{expect, Expect};
use std::process::Command;

const LESSON: &str = r#"{
  "title": {"en": "Order for the cache", "zh": "为缓存排序"},
  "steps": [
    {"state": {"dockerfile": "FROM node:20\nCOPY . .\nRUN npm ci\n", "files": [{"path": "package.json", "content": "{}"}]},
     "text": {"en": "Every edit reinstalls the packages."}},
    {"edit": {"replace": [["COPY . .\nRUN npm ci\n", "COPY package.json .\nRUN npm ci\nCOPY . .\n"]]},
     "text": {"zh": "先复制 `package.json`。"}}
  ]
}"#;

/// Runs the binary; standard input is `input`.
fn dockerplay(args: &[&str], input: &str) -> (String, String, Option<i32>) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dockerplay"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A run that stops at a bad argument may exit before it reads its
    // input: the pipe is then closed, which is no failure of the test.
    match child.stdin.take().expect("stdin").write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing the input: {e}"),
        _ => {}
    }
    let out = child.wait_with_output().expect("the binary ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// Standard error and the exit code of a run that should fail.
fn check(args: &[&str], input: &str, expect: Expect) {
    let (_, err, code) = dockerplay(args, input);
    expect.assert_eq(&format!("{code:?}: {}", err.trim()));
}

#[test]
fn a_lesson_file_round_trips_through_share_and_open() {
    let (link, _, code) = dockerplay(&["share", "--lesson", "-", "--step", "2"], LESSON);
    assert_eq!(code, Some(0));
    let link = link.trim();
    assert!(link.starts_with("https://dockerplay.example/#1"), "{link}");
    // The reader lands on step 2's Dockerfile, and is told of the lesson.
    let (dockerfile, note, _) = dockerplay(&["open", "-"], link);
    assert_eq!(dockerfile, "FROM node:20\nCOPY package.json .\nRUN npm ci\nCOPY . .\n");
    assert!(note.contains("a lesson of 2 steps, at step 2"), "{note}");
    // The lesson comes back as the same JSON, which shares to the same link.
    let (json, _, _) = dockerplay(&["open", link, "--print", "lesson"], "");
    let back: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let mut sent: serde_json::Value = serde_json::from_str(LESSON).expect("JSON");
    // Only the default build fields differ: the output spells them out.
    assert_eq!(back["steps"][1], sent["steps"][1]);
    sent["steps"][0]["state"]["files"][0]["content"] = "{}".into();
    assert_eq!(back["steps"][0]["state"]["files"], sent["steps"][0]["state"]["files"]);
    assert_eq!(back["title"], sent["title"]);
    let (again, _, _) = dockerplay(&["share", "--lesson", "-", "--step", "2"], &json);
    assert_eq!(again.trim(), link);
}

#[test]
fn misuse_and_bad_lessons_say_why() {
    check(
        &["share", "Dockerfile", "--lesson", "-"],
        LESSON,
        expect!["Some(2): dockerplay: --lesson FILE takes the place of the Dockerfile: give one or the other"],
    );
    check(&["share", "-", "--step", "2"], "FROM a\n", expect!["Some(2): dockerplay: --step needs --lesson"]);
    check(
        &["share", "--lesson", "-", "--step", "0"],
        LESSON,
        expect!["Some(2): dockerplay: --step must be a number from 1"],
    );
    check(&["share", "--lesson", "-", "--step", "3"], LESSON, expect!["Some(2): dockerplay: cannot share -: the link's lesson cannot be opened: the link opens step 3 of a lesson of 2 steps"]);
    check(
        &["share", "--lesson", "-"],
        r#"{"steps": []}"#,
        expect!["Some(2): dockerplay: cannot share -: the link's lesson cannot be opened: the lesson has no steps"],
    );
    check(
        &["share", "--lesson", "-"],
        r#"{"steps": [{"text": {"en": "no state"}}]}"#,
        expect![[
            r#"Some(2): dockerplay: cannot read the lesson -: a lesson step needs a "state" or an "edit" at line 1 column 40"#
        ]],
    );
    let (plain, _, _) = dockerplay(&["share", "-"], "FROM a\n");
    check(&["open", plain.trim(), "--print", "lesson"], "", expect!["Some(2): dockerplay: the link holds no lesson"]);
    check(
        &["open", plain.trim(), "--print", "json"],
        "",
        expect!["Some(2): dockerplay: --print must be one of dockerfile, lesson"],
    );
}
