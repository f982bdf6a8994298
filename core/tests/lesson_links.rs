//! Lessons in permalinks (issue 16): a lesson written in the page travels
//! in the link's state like any other field. Round trips of the built-in
//! lessons (as written, with edits, and as "Record a lesson" would make
//! them, with whole states) and of recorded ones, the link length of each
//! built-in lesson, and every way a hostile lesson is refused with a
//! sentence instead of a panic or a hang.
//!
//! `cargo test -p dockerplay-core --test lesson_links -- --nocapture`
//! prints the link lengths.

mod support;
use support::Rng;

use dockerplay_core::inputs::{BuildInput, ContextFile};
use dockerplay_core::lesson::{builtin, limits, Change, Edit, Lesson, Step, Text};
use dockerplay_core::permalink::{decode, encode, encode_payload, url, ShareState};
use expect_test::{expect, Expect};
use std::sync::Arc;

const BASE: &str = "https://dockerplay.example/";

/// A lesson as a link carries it: claims are only made by built-in
/// lessons' tests and do not travel.
fn shared(lesson: &Lesson) -> Lesson {
    let mut l = lesson.clone();
    l.steps.iter_mut().for_each(|s| s.claims.clear());
    l
}

/// The same lesson with every step a whole state, as recording builds in
/// the page makes it.
fn as_recorded(lesson: &Lesson) -> Lesson {
    let states = lesson.inputs(lesson.steps.len());
    Lesson::recorded(lesson.title.clone(), states.into_iter().zip(lesson.steps.iter().map(|s| s.text.clone())))
}

/// Encodes the state that opens `lesson` at `step`, decodes it, and
/// compares; returns the fragment.
fn round_trip(lesson: Lesson, step: usize) -> String {
    let state = ShareState::at_lesson_step(Arc::new(lesson), step);
    let fragment = encode(&state);
    match decode(&fragment) {
        Ok(back) => assert!(back == state, "the lesson changed on its way through the link"),
        Err(e) => panic!("the lesson link does not open: {e}"),
    }
    fragment
}

#[test]
fn built_in_lessons_round_trip_and_their_link_lengths() {
    let mut table = String::new();
    for lesson in builtin::all() {
        let written = round_trip(shared(&lesson), 0);
        let recorded = round_trip(as_recorded(&lesson), 0);
        // Any step opens, and the state is the step's.
        let last = lesson.steps.len() - 1;
        let at_last = decode(&round_trip(shared(&lesson), last)).expect("opens");
        assert_eq!((at_last.current_build(), at_last.history.len()), (lesson.input(last), last));
        let json = serde_json::to_string(&shared(&lesson)).expect("serialises").len();
        // What the texts cost: the same lesson in one language, and
        // without any text.
        let only = |keep: fn(&Text) -> Text| {
            let mut l = shared(&lesson);
            l.title = keep(&l.title);
            l.steps.iter_mut().for_each(|s| s.text = keep(&s.text));
            round_trip(l, 0)
        };
        let english = only(|t| Text { zh: String::new(), ..t.clone() });
        let chinese = only(|t| Text { en: String::new(), ..t.clone() });
        let silent = only(|_| Text::default());
        let link = |fragment: &String| BASE.len() + 1 + fragment.len();
        let line = format!(
            "{:<10} {:>2} steps, {:>5} B JSON | link chars: {:>4} as written, {:>4} as recorded, {:>4} English only, {:>4} Chinese only, {:>4} without texts",
            lesson.id,
            lesson.steps.len(),
            json,
            link(&written),
            link(&recorded),
            link(&english),
            link(&chinese),
            link(&silent),
        );
        println!("{line}");
        table.push_str(&line);
        table.push('\n');
    }
    // The figures in the report; `UPDATE_EXPECT=1` refreshes them when a
    // lesson or the dictionary changes.
    expect![[r#"
        checklist   8 steps,  5821 B JSON | link chars: 3044 as written, 3005 as recorded, 1721 English only, 2059 Chinese only,  736 without texts
        layers      5 steps,  3107 B JSON | link chars: 2039 as written, 1983 as recorded, 1067 English only, 1275 Chinese only,  321 without texts
        tiny-redis  6 steps,  4040 B JSON | link chars: 2464 as written, 2400 as recorded, 1393 English only, 1656 Chinese only,  540 without texts
        caching     9 steps,  4598 B JSON | link chars: 2601 as written, 2596 as recorded, 1457 English only, 1776 Chinese only,  641 without texts
    "#]]
    .assert_eq(&table);
}

/// The link opens the same lesson for any base, as the page's share
/// dialog and `dockerplay share` build them.
#[test]
fn a_lesson_link_is_a_link_like_any_other() {
    let lesson = Arc::new(shared(&builtin::lesson("layers").expect("built in")));
    let state = ShareState::at_lesson_step(lesson.clone(), 1);
    let link = url("http://localhost:8080/play/?embed=1", &state);
    assert!(link.starts_with("http://localhost:8080/play/?embed=1#1"), "{link}");
    let back = dockerplay_core::permalink::decode_url(&link).expect("opens");
    assert_eq!((back.lesson, back.lesson_step), (Some(lesson), 1));
}

/// What "Record a lesson" makes: whole states, notes in one language or
/// both, files, build args and a target, and edits that clear a target.
#[test]
fn recorded_lessons_round_trip() {
    let build = |dockerfile: &str, files: &[(&str, &str)]| BuildInput {
        dockerfile: dockerfile.into(),
        files: files.iter().map(|(p, c)| ContextFile::text(p, c)).collect(),
        ..BuildInput::default()
    };
    let mut second = build("FROM alpine\nCOPY . .\nRUN make\n", &[("Makefile", "all:\n\ttrue\n")]);
    second.build_args.insert("V".into(), "2".into());
    second.target = Some("build".into());
    second.secrets.insert("token".into(), "s3cr3t".into());
    let mut lesson = Lesson::recorded(
        Text::new("", "缓存"),
        [
            (build("FROM alpine\n", &[]), Text::new("**Start** here.", "")),
            (second, Text::new("", "复制 `Makefile`，然后构建。")),
        ],
    );
    lesson.steps.push(Step {
        change: Change::Edit(Edit { target: Some(None), ..Edit::default() }),
        text: Text::default(),
        claims: vec![],
    });
    // A note in one language shows in the other too.
    assert_eq!(lesson.steps[0].text.get("zh-CN"), "**Start** here.");
    assert_eq!(lesson.steps[1].text.get("en"), "复制 `Makefile`，然后构建。");
    // Secret values never leave; their ids do.
    match &lesson.steps[1].change {
        Change::State(b) => assert_eq!(b.secrets.get("token").map(String::as_str), Some("")),
        Change::Edit(_) => panic!("recorded steps are whole states"),
    }
    for step in 0..3 {
        round_trip(lesson.clone(), step);
    }
    let back = decode(&round_trip(lesson.clone(), 2)).expect("opens");
    assert_eq!(back.target, None, "the last step's edit cleared the target");
    assert_eq!(back.build_args.get("V").map(String::as_str), Some("2"));
}

/// Decodes a state written as JSON (after an empty Dockerfile part) and
/// renders the outcome.
fn check(json: &str, expect: Expect) {
    let mut payload = vec![0u8];
    payload.extend_from_slice(json.as_bytes());
    let actual = match decode(&encode_payload(&payload)) {
        Ok(state) => format!(
            "ok: step {} of {} steps",
            state.lesson_step + 1,
            state.lesson.as_ref().map_or(0, |l| l.steps.len())
        ),
        Err(e) => format!("{e}"),
    };
    expect.assert_eq(&actual);
}

fn steps(n: usize, step: &str) -> String {
    vec![step; n].join(",")
}

#[test]
fn hostile_and_damaged_lessons_are_refused_with_a_reason() {
    let state = r#"{"state":{"dockerfile":"FROM a\n"}}"#;
    check(&format!(r#"{{"lesson":{{"steps":[{state}]}}}}"#), expect!["ok: step 1 of 1 steps"]);
    check(r#"{"lesson":{"steps":[]}}"#, expect!["the link's lesson cannot be opened: the lesson has no steps"]);
    check(r#"{"lesson":{}}"#, expect!["the link's state is not valid: missing field `steps` at line 1 column 12"]);
    check(
        r#"{"lesson":5}"#,
        expect!["the link's state is not valid: invalid type: integer `5`, expected struct Lesson at line 1 column 11"],
    );
    check(
        r#"{"lesson":{"steps":[{"text":{"en":"no change"}}]}}"#,
        expect![[r#"the link's state is not valid: a lesson step needs a "state" or an "edit" at line 1 column 48"#]],
    );
    check(
        r#"{"lesson":{"steps":[{"state":{"dockerfile":"FROM a"},"edit":{}}]}}"#,
        expect![[
            r#"the link's state is not valid: a lesson step has both a "state" and an "edit" at line 1 column 64"#
        ]],
    );
    check(
        &format!(r#"{{"lesson":{{"steps":[{state}]}},"lesson_step":3}}"#),
        expect!["the link's lesson cannot be opened: the link opens step 4 of a lesson of 1 steps"],
    );
    check(
        r#"{"lesson_step":2}"#,
        expect!["the link's lesson cannot be opened: the link opens step 3 of a lesson of 0 steps"],
    );
    check(
        &format!(r#"{{"lesson":{{"steps":[{}]}}}}"#, steps(limits::MAX_STEPS + 1, state)),
        expect!["the link's lesson cannot be opened: the lesson has 101 steps, more than the 100 a lesson may have"],
    );
    // Many small edits that would each search every file.
    let files = (0..1_500).map(|i| format!(r#"{{"path":"f{i}","content":""}}"#)).collect::<Vec<_>>().join(",");
    let edit = format!(r#"{{"edit":{{"files":[{files}]}}}}"#);
    check(&format!(r#"{{"lesson":{{"steps":[{state},{edit},{edit}]}}}}"#), expect!["the link's lesson cannot be opened: the lesson's steps change 3000 files, texts and build args, more than the 2000 a lesson may"]);
    // Edits that grow the Dockerfile step by step past the limit: each
    // step inserts 300 KB at the start.
    let grow = format!(r#"{{"edit":{{"replace":[["","{}"]]}}}}"#, "#".repeat(300 * 1024));
    check(&format!(r#"{{"lesson":{{"steps":[{state},{grow},{grow}]}}}}"#), expect!["the link's lesson cannot be opened: step 3 of the lesson has a Dockerfile of 614407 bytes, more than the 524288 bytes the playground opens"]);
    // A state that is allowed, then empty edits, each a copy of it to
    // keep: 400 KB that compress to almost nothing, kept 31 times.
    let big = format!(r#"{{"state":{{"dockerfile":"{}"}}}}"#, "#".repeat(400 * 1024));
    check(
        &format!(r#"{{"lesson":{{"steps":[{big},{}]}}}}"#, steps(30, r#"{"edit":{}}"#)),
        expect!["the link's lesson cannot be opened: the lesson's steps together hold more than 8388608 bytes"],
    );
    // And a link that inflates past the decoder's limit never gets as far.
    let huge = format!(r#"{{"state":{{"dockerfile":"{}"}}}}"#, "#".repeat(500 * 1024));
    check(
        &format!(r#"{{"lesson":{{"steps":[{}]}}}}"#, steps(5, &huge)),
        expect!["the link's state expands to more than 2097152 bytes; it was not opened"],
    );
    // An edit first applies to an empty state; a missing text changes nothing.
    check(r#"{"lesson":{"steps":[{"edit":{"replace":[["x","y"]]}}]}}"#, expect!["ok: step 1 of 1 steps"]);
}

/// Mutated lesson links never panic, and a lesson that opens can be
/// played: every step's state and change can be computed.
#[test]
fn mutated_lesson_links_never_panic() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let seeds: Vec<String> = builtin::all()
        .iter()
        .flat_map(|l| {
            [
                encode(&ShareState::at_lesson_step(Arc::new(shared(l)), 1)),
                encode(&ShareState::at_lesson_step(Arc::new(as_recorded(l)), 0)),
            ]
        })
        .collect();
    let mut rng = Rng(0x1e55_0a5e);
    let (mut opened, mut refused) = (0, 0);
    for _ in 0..600 {
        let mut bytes = seeds[rng.below(seeds.len())].clone().into_bytes();
        for _ in 0..1 + rng.below(3) {
            let at = 1 + rng.below(bytes.len() - 1);
            match rng.below(4) {
                0 => bytes[at] = ALPHABET[rng.below(64)],
                1 => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, ALPHABET[rng.below(64)]),
                _ => bytes.truncate(at.max(2)),
            }
        }
        match decode(&String::from_utf8(bytes).unwrap_or_default()) {
            Ok(state) => {
                opened += 1;
                if let Some(lesson) = &state.lesson {
                    let _ = lesson.change(state.lesson_step);
                }
            }
            Err(_) => refused += 1,
        }
    }
    assert!(opened > 0 && refused > 300, "opened {opened}, refused {refused}");
}
