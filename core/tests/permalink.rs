//! Permalinks (issue 6, acceptance 1): round trips over the corpus, unicode
//! and large files; every way a hostile or damaged link can fail; a
//! fuzz-style run showing that decoding never panics.

mod support;
use support::Rng;

use dockerplay_core::inputs::{BuildInput, ContextFile, DirTag, FileBody};
use dockerplay_core::permalink::{
    decode, decode_url, encode, encode_payload, link_length, markdown, url, validate, DecodeError, LinkLength,
    ShareState, MAX_DECODED_BYTES, MAX_DOCKERFILE_BYTES,
};
use expect_test::{expect, Expect};
use std::path::PathBuf;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            name.ends_with(".Dockerfile").then(|| (name, std::fs::read_to_string(&path).expect("corpus file is UTF-8")))
        })
        .collect();
    files.sort();
    files
}

/// Encodes, decodes and compares; returns the fragment for further checks.
fn round_trip(state: &ShareState) -> String {
    let fragment = encode(state);
    assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{fragment}");
    match decode(&fragment) {
        Ok(back) => assert!(back == *state, "round trip changed the state of {:?}", state.dockerfile.get(..60)),
        Err(e) => panic!("round trip failed: {e}"),
    }
    fragment
}

/// Decodes `input` and renders the outcome: the error's variant and banner
/// text, or a summary of the state.
fn check(input: &str, expect: Expect) {
    let actual = match decode_url(input) {
        Ok(state) => format!(
            "ok: {} Dockerfile bytes, {} files, {} earlier builds",
            state.dockerfile.len(),
            state.files.len(),
            state.history.len()
        ),
        Err(e) => format!("{e:?}\n{e}"),
    };
    expect.assert_eq(&actual);
}

fn full_state(dockerfile: &str) -> ShareState {
    ShareState {
        dockerfile: dockerfile.to_string(),
        files: vec![
            ContextFile::text("package.json", "{\"name\": \"demo\", \"version\": \"1.0.0\"}\n"),
            ContextFile {
                path: "assets/logo.png".into(),
                body: FileBody::Blob {
                    size: 48_213,
                    digest: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
                },
                mode: None,
            },
            ContextFile {
                path: "scripts/".into(),
                body: FileBody::Dir { kind: DirTag::Dir },
                mode: Some("750".into()),
            },
        ],
        history: vec![BuildInput {
            dockerfile: "FROM alpine:3.20\nRUN echo 第一次构建\n".into(),
            files: vec![ContextFile::text("a.txt", "old\n")],
            build_args: [("VERSION".to_string(), "1.0".to_string())].into(),
            target: Some("build".into()),
            // Links keep a secret's id, never its value (see the test below).
            secrets: [("npmrc".to_string(), String::new())].into(),
        }]
        .into(),
        build_args: [("VERSION".to_string(), "1.1".to_string()), ("DEBUG".to_string(), String::new())].into(),
        target: Some("runner".into()),
        panel: Some("cache".into()),
        lang: Some("zh-CN".into()),
        size_estimates: [("RUN ./build.sh".to_string(), 250_000_000)].into(),
        image_sizes: [("example.com/team/app:1".to_string(), 80_000_000)].into(),
        // Lessons have a test file of their own (lesson_links.rs).
        lesson: None,
        lesson_step: 0,
    }
}

#[test]
fn every_corpus_file_round_trips_alone_and_in_a_full_state() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "the corpus has {} files", corpus.len());
    for (name, text) in &corpus {
        let alone = round_trip(&ShareState::from_dockerfile(text));
        // The link is much shorter than the text it carries.
        assert!(
            alone.len() * 10 < text.len() * 9 || text.len() < 200,
            "{name}: {} chars for {} bytes",
            alone.len(),
            text.len()
        );
        let full = round_trip(&full_state(text));
        assert!(full.len() > alone.len(), "{name}: the extra state costs something");
    }
}

#[test]
fn each_field_survives_on_its_own() {
    let base = ShareState::from_dockerfile("FROM scratch\n");
    let full = full_state("FROM scratch\n");
    let variants = [
        ShareState { files: full.files.clone(), ..base.clone() },
        ShareState { history: full.history.clone(), ..base.clone() },
        ShareState { build_args: full.build_args.clone(), ..base.clone() },
        ShareState { target: Some(String::new()), ..base.clone() },
        ShareState { panel: Some("graph".into()), ..base.clone() },
        ShareState { lang: Some("en".into()), ..base.clone() },
        ShareState { size_estimates: full.size_estimates.clone(), ..base.clone() },
        ShareState { image_sizes: full.image_sizes.clone(), ..base.clone() },
    ];
    for state in &variants {
        assert!(!state.is_dockerfile_only());
        round_trip(state);
    }
}

/// Sizes typed in the Size panel travel with the link and come back as
/// typed, and a link without them still opens with none.
#[test]
fn typed_sizes_round_trip() {
    let state = ShareState {
        size_estimates: [("RUN make".to_string(), 12_500_000), ("ADD https://example.com/a.tgz".to_string(), 0)].into(),
        image_sizes: [("docker.io/library/node:18-slim".to_string(), 190_000_000)].into(),
        ..ShareState::from_dockerfile("FROM node:18-slim\nRUN make\n")
    };
    round_trip(&state);
    let json = serde_json::to_string(&state).unwrap();
    expect![[r#"{"dockerfile":"FROM node:18-slim\nRUN make\n","size_estimates":{"ADD https://example.com/a.tgz":0,"RUN make":12500000},"image_sizes":{"docker.io/library/node:18-slim":190000000}}"#]]
        .assert_eq(&json);
    let old: ShareState = serde_json::from_str(r#"{"dockerfile":"FROM a\n"}"#).unwrap();
    assert!(old.size_estimates.is_empty() && old.image_sizes.is_empty());
}

#[test]
fn unicode_and_awkward_text_round_trips() {
    let texts = [
        "",
        "\n",
        "FROM alpine\r\nRUN echo hi\r\n",
        "\u{feff}FROM alpine\n",
        "# 构建阶段：安装依赖并编译\nFROM node:20 AS 构建\nRUN echo \"你好，世界\" > /问候.txt\n",
        "# 🐳 emoji 🚀 and combining marks: e\u{301} a\u{308}\nLABEL description=\"مرحبا بالعالم\"\n",
        "RUN printf 'nul:\\0 and a real one: \u{0}'\n",
        "{\"looks\": \"like JSON\"}",
        "{",
        // A NUL byte separates the Dockerfile from the JSON of the rest, so a
        // Dockerfile holding one goes inside the JSON.
        "\u{0}",
        "FROM a\u{0}{\"panel\":\"x\"}",
        "\u{10ffff}\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
    ];
    for text in texts {
        round_trip(&ShareState::from_dockerfile(text));
        round_trip(&full_state(text));
    }
}

/// Text of `len` bytes built by a seeded generator: mostly Dockerfile lines
/// (compressible, as real files are) or arbitrary code points (not).
fn generated_text(corpus: &[(String, String)], seed: u64, len: usize, dockerfile_like: bool) -> String {
    let mut rng = Rng(seed);
    let mut text = String::new();
    while text.len() < len {
        if dockerfile_like {
            let (_, file) = &corpus[rng.below(corpus.len())];
            let line = file.lines().nth(rng.below(file.lines().count().max(1))).unwrap_or("");
            text.push_str(line);
            text.push_str(&format!(" # {}\n", rng.next() % 100_000));
        } else if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
            text.push(c);
        }
    }
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

#[test]
fn hundred_kilobyte_files_round_trip() {
    let corpus = corpus();
    for (seed, dockerfile_like) in [(1, true), (2, false)] {
        let text = generated_text(&corpus, seed, 100 * 1024, dockerfile_like);
        assert!(text.len() > 100 * 1024 - 4);
        let fragment = round_trip(&ShareState::from_dockerfile(&text));
        if dockerfile_like {
            assert!(fragment.len() < text.len() / 2, "{} chars for {} bytes", fragment.len(), text.len());
        }
        round_trip(&full_state(&text));
    }
}

#[test]
fn the_dockerfile_size_limit_is_checked_on_both_sides() {
    let at_limit = "#".repeat(MAX_DOCKERFILE_BYTES);
    round_trip(&ShareState::from_dockerfile(&at_limit));
    let over = ShareState::from_dockerfile(&"#".repeat(MAX_DOCKERFILE_BYTES + 1));
    let too_large = DecodeError::DockerfileTooLarge { size: MAX_DOCKERFILE_BYTES + 1, limit: MAX_DOCKERFILE_BYTES };
    assert_eq!(validate(&over), Err(too_large.clone()));
    assert_eq!(decode(&encode(&over)), Err(too_large.clone()));
    // An earlier build counts as much as the current one.
    let mut in_history = ShareState::from_dockerfile("FROM scratch\n");
    std::sync::Arc::make_mut(&mut in_history.history)
        .push(BuildInput { dockerfile: over.dockerfile.clone(), ..BuildInput::default() });
    assert_eq!(decode(&encode(&in_history)), Err(too_large));
}

#[test]
fn hostile_and_damaged_links() {
    let good = encode(&ShareState::from_dockerfile("FROM alpine:3.20\nRUN apk add --no-cache curl\n"));
    check(&good, expect![[r#"ok: 45 Dockerfile bytes, 0 files, 0 earlier builds"#]]);
    check(
        &format!("https://dockerplay.example/play/?embed=1#{good}"),
        expect![[r#"ok: 45 Dockerfile bytes, 0 files, 0 earlier builds"#]],
    );

    check(
        "",
        expect![[r#"
        Empty
        the link holds no playground state (nothing after `#`)"#]],
    );
    check(
        "https://dockerplay.example/#",
        expect![[r#"
        Empty
        the link holds no playground state (nothing after `#`)"#]],
    );
    check(
        "https://dockerplay.example/?embed=1",
        expect![[r#"
        Empty
        the link holds no playground state (nothing after `#`)"#]],
    );

    check(
        &format!("9{}", &good[1..]),
        expect![[r#"
        UnknownVersion { found: '9' }
        the link is in an unknown format `9`: it may come from a newer Dockerplay"#]],
    );
    check(
        "#é",
        expect![[r#"
        UnknownVersion { found: 'é' }
        the link is in an unknown format `é`: it may come from a newer Dockerplay"#]],
    );

    check(
        &format!("{}%2F{}", &good[..5], &good[5..]),
        expect![[r#"
        BadBase64 { offset: Some(4) }
        the link is damaged: character 5 of its state is not one a link can hold"#]],
    );
    check(
        "1ABCDE",
        expect![[r#"
        BadBase64 { offset: None }
        the link is damaged: its state has an impossible length (was it cut short?)"#]],
    );

    // Block type 3 is reserved (RFC 1951 section 3.2.3): 0x07 is a final
    // block of that type.
    check(
        &format!("1{}", "Bw"),
        expect![[r#"
        BadDeflate { truncated: false }
        the link is damaged: its state does not decompress"#]],
    );
    check(
        &good[..good.len() - 4],
        expect![[r#"
        BadDeflate { truncated: true }
        the link is cut short: its state ends too early (some apps shorten long links)"#]],
    );

    // Three megabytes of one letter deflate to a few kilobytes.
    let bomb = encode_payload(&vec![b'A'; 3 * 1024 * 1024]);
    assert!(bomb.len() < 8_000, "{}", bomb.len());
    check(
        &bomb,
        expect![[r#"
        DecompressionBomb { limit: 2097152 }
        the link's state expands to more than 2097152 bytes; it was not opened"#]],
    );
    let exactly = encode_payload(&vec![b'A'; MAX_DECODED_BYTES]);
    check(
        &exactly,
        expect![[r#"
        DockerfileTooLarge { size: 2097152, limit: 524288 }
        the link holds a Dockerfile of 2097152 bytes, more than the 524288 bytes the playground opens"#]],
    );

    check(
        &encode_payload(b"\0{\"dockerfile\": 5}"),
        expect![[r#"
        InvalidState { reason: "invalid type: integer `5`, expected a string at line 1 column 16" }
        the link's state is not valid: invalid type: integer `5`, expected a string at line 1 column 16"#]],
    );
    check(
        &encode_payload(b"FROM a\0{\"target\": \"b\""),
        expect![[r#"
        InvalidState { reason: "EOF while parsing an object at line 1 column 14" }
        the link's state is not valid: EOF while parsing an object at line 1 column 14"#]],
    );
    // Unknown fields are skipped (a later version may add some), and skipping
    // deep nesting must not overflow the stack.
    let deep = format!("\0{{\"extra\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    check(&encode_payload(deep.as_bytes()), expect!["ok: 0 Dockerfile bytes, 0 files, 0 earlier builds"]);
    check(
        &encode_payload(b"FROM a\0{\"dockerfile\": \"FROM b\"}"),
        expect![[r#"
        InvalidState { reason: "it holds two Dockerfiles" }
        the link's state is not valid: it holds two Dockerfiles"#]],
    );
    check(
        &encode_payload(b"FROM a\0\"panel\""),
        expect![[r#"
        InvalidState { reason: "invalid type: string \"panel\", expected struct ShareState at line 1 column 7" }
        the link's state is not valid: invalid type: string "panel", expected struct ShareState at line 1 column 7"#]],
    );
    check(
        &encode_payload(b"FROM alpine\n\xff\xfe"),
        expect![[r#"
        InvalidState { reason: "the Dockerfile is not UTF-8 text (byte 12)" }
        the link's state is not valid: the Dockerfile is not UTF-8 text (byte 12)"#]],
    );

    let huge = encode(&ShareState::from_dockerfile(&"RUN true\n".repeat(100_000)));
    check(
        &huge,
        expect![[r#"
        DockerfileTooLarge { size: 900000, limit: 524288 }
        the link holds a Dockerfile of 900000 bytes, more than the 524288 bytes the playground opens"#]],
    );
}

#[test]
fn links_are_built_on_any_base_and_read_back() {
    let state = full_state("FROM alpine\n");
    for base in [
        "https://dockerplay.example/",
        "https://example.org/docs/play/index.html?embed=1&readonly=1",
        "file:///home/me/dist/index.html",
        "",
    ] {
        let link = url(base, &state);
        assert!(link.starts_with(&format!("{base}#1")), "{link}");
        assert_eq!(decode_url(&link), Ok(state.clone()));
    }
    // A base that already holds a state has it replaced, not extended.
    let old = url("https://dockerplay.example/", &ShareState::from_dockerfile("FROM old\n"));
    assert_eq!(decode_url(&url(&old, &state)), Ok(state.clone()));
    // The fragment on its own, with or without `#`, and wrapped by a mail
    // client.
    let fragment = encode(&state);
    let (head, tail) = fragment.split_at(fragment.len() / 2);
    for pasted in [fragment.clone(), format!("#{fragment}"), format!("  {head}\n{tail}\n")] {
        assert_eq!(decode_url(&pasted), Ok(state.clone()));
    }
}

#[test]
fn defaults_are_left_out_of_the_json() {
    let json = |s: &ShareState| serde_json::to_string(s).unwrap();
    expect![[r#"{"dockerfile":"FROM scratch\n"}"#]].assert_eq(&json(&ShareState::from_dockerfile("FROM scratch\n")));
    let state =
        ShareState { lang: Some("zh-CN".into()), target: Some("build".into()), ..ShareState::from_dockerfile("") };
    expect![[r#"{"target":"build","lang":"zh-CN"}"#]].assert_eq(&json(&state));
    // Fields a later version adds are ignored; missing ones take defaults.
    assert_eq!(
        serde_json::from_str::<ShareState>(r#"{"lang":"en","theme":"dark"}"#).unwrap(),
        ShareState { lang: Some("en".into()), ..ShareState::default() }
    );
}

/// Links in the wild must open forever: this one was made by the first
/// version of the format and pins the dictionary and the framing.
#[test]
fn a_version_1_link_still_opens() {
    let frozen = [
        "1g_W6sdVvCF9gWkS4jkOqzeBOw6zAcDUFSKrbAQ",
        "1QyoQwTrAAwBP9i54unQvF0M17gFGJH0xeUjjnLG1wGFJ1MHHMKByQ-BIJ-r4og7qGGItAA",
    ];
    let states: Vec<_> = frozen.iter().map(|link| decode(link)).collect();
    expect![[r##"
        [
            Ok(
                ShareState {
                    dockerfile: "# 构建\nFROM node:20-alpine AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
                    files: [],
                    history: [],
                    build_args: {},
                    target: None,
                    panel: None,
                    lang: None,
                    size_estimates: {},
                    image_sizes: {},
                    lesson: None,
                    lesson_step: 0,
                },
            ),
            Ok(
                ShareState {
                    dockerfile: "FROM alpine\nRUN echo 你好\n",
                    files: [],
                    history: [
                        BuildInput {
                            dockerfile: "FROM alpine\n",
                            files: [],
                            build_args: {},
                            target: None,
                            secrets: {},
                        },
                    ],
                    build_args: {
                        "V": "1",
                    },
                    target: None,
                    panel: Some(
                        "size",
                    ),
                    lang: Some(
                        "zh-CN",
                    ),
                    size_estimates: {},
                    image_sizes: {},
                    lesson: None,
                    lesson_step: 0,
                },
            ),
        ]
    "##]].assert_debug_eq(&states);
}

#[test]
fn link_length_warnings_and_markdown() {
    assert_eq!(link_length(2_000), LinkLength::Fine);
    assert_eq!(link_length(2_001), LinkLength::TooLongForChat);
    assert_eq!(link_length(8_001), LinkLength::TooLongForHosts);
    expect![[r#"
        [Open in Dockerplay](https://dockerplay.example/#1abc)

        ````dockerfile
        # escape=`
        RUN echo ```code```
        ````
    "#]]
    .assert_eq(&markdown("https://dockerplay.example/#1abc", "# escape=`\nRUN echo ```code```\n"));
}

/// Random and mutated links never panic; whatever decodes is a state that
/// itself round-trips.
#[test]
fn decoding_never_panics_on_random_or_mutated_links() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let corpus = corpus();
    let seeds: Vec<String> = corpus
        .iter()
        .take(8)
        .map(|(_, text)| encode(&ShareState::from_dockerfile(text)))
        .chain([encode(&full_state("FROM alpine\n"))])
        .collect();
    let (mut decoded, mut refused) = (0, 0);
    for round in 0..4_000 {
        let link = if round % 4 == 0 {
            // Random text in the link alphabet, and now and then other bytes.
            let len = rng.below(300);
            let mut s = String::from("1");
            for _ in 0..len {
                if rng.below(50) == 0 {
                    s.push(char::from_u32(rng.below(0x800) as u32).unwrap_or('?'));
                } else {
                    s.push(char::from(ALPHABET[rng.below(64)]));
                }
            }
            s
        } else {
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
            String::from_utf8(bytes).unwrap_or_default()
        };
        match decode(&link) {
            Ok(state) => {
                decoded += 1;
                round_trip(&state);
            }
            Err(_) => refused += 1,
        }
    }
    // Both outcomes happen, so the run exercised more than one path.
    assert!(decoded > 0 && refused > 1_000, "decoded {decoded}, refused {refused}");
}

/// Random states (random text, random fields) round-trip.
#[test]
fn random_states_round_trip() {
    let mut rng = Rng(42);
    let corpus = corpus();
    let text = |seed: u64, len: usize, dockerfile_like: bool| generated_text(&corpus, seed, len, dockerfile_like);
    for seed in 0..200u64 {
        let dockerfile = text(seed + 10, rng.below(3_000), seed % 2 == 0);
        let mut state = ShareState::from_dockerfile(&dockerfile);
        if rng.below(2) == 0 {
            state.files.push(ContextFile::text(&text(seed, 20, false), &text(seed + 1, rng.below(500), true)));
        }
        if rng.below(3) == 0 {
            state.build_args.insert(text(seed + 2, 8, false), text(seed + 3, 8, false));
        }
        if rng.below(3) == 0 {
            state.panel = Some(text(seed + 4, 5, false));
        }
        round_trip(&state);
    }
}

#[test]
fn secret_values_never_travel_in_links() {
    let mut state = full_state("FROM alpine\n");
    std::sync::Arc::make_mut(&mut state.history)[0]
        .secrets
        .insert("npmrc".into(), "//registry/:_authToken=s3cr3t".into());
    let back = decode(&encode(&state)).expect("decodes");
    assert_eq!(back.history[0].secrets.get("npmrc").map(String::as_str), Some(""), "the id stays, the value goes");
    let mut expected = state.clone();
    std::sync::Arc::make_mut(&mut expected.history)[0].secrets.insert("npmrc".into(), String::new());
    assert_eq!(back, expected, "nothing else changes");
}
