//! The editor's Dockerfile knowledge (`dockerplay_core::ide`): each case is
//! a Dockerfile with the caret at `$0` and what the editor would offer
//! there. Update the snapshots with `UPDATE_EXPECT=1`.

use dockerplay_core::ide::{self, Lang};
use dockerplay_core::inputs::BuildInput;
use dockerplay_core::syntax;
use expect_test::{expect, Expect};

/// The text without the `$0` marker, and the marker's byte offset.
fn caret(input: &str) -> (String, usize) {
    let at = input.find("$0").expect("a $0 marks the caret");
    (input.replacen("$0", "", 1), at)
}

/// Completions: the replaced word, then `label (detail)`, at most 12.
fn check_complete(input: &str, expect: Expect) {
    let (text, at) = caret(input);
    let out = match ide::complete(&text, at, Lang::En) {
        None => "none\n".to_string(),
        Some(c) => {
            let mut out = format!(
                "replace {:?}{}\n",
                &text[c.span.start..c.span.end],
                if c.after_trigger { " (opens unasked)" } else { "" }
            );
            for i in c.items.iter().take(12) {
                out.push_str(&format!(
                    "{} {}{}\n",
                    i.kind.as_str(),
                    i.label,
                    i.detail.as_ref().map(|d| format!(" ({d})")).unwrap_or_default()
                ));
            }
            if c.items.len() > 12 {
                out.push_str(&format!("... {} in all\n", c.items.len()));
            }
            out
        }
    };
    expect.assert_eq(&out);
}

#[test]
fn instructions_at_the_start_of_a_line() {
    check_complete(
        "FROM alpine\nCO$0",
        expect![[r#"
        replace "CO"
        keyword FROM
        keyword RUN
        keyword CMD
        keyword LABEL
        keyword EXPOSE
        keyword ENV
        keyword ADD
        keyword COPY
        keyword ENTRYPOINT
        keyword VOLUME
        keyword USER
        keyword WORKDIR
        ... 17 in all
    "#]],
    );
    // Not on a continuation line, which is still the RUN's.
    check_complete(
        "FROM alpine\nRUN echo a && \\\n    ec$0",
        expect![[r#"
        none
    "#]],
    );
}

#[test]
fn flags_and_mount_keys_and_values() {
    check_complete(
        "FROM alpine\nCOPY --$0",
        expect![[r#"
        replace "--"
        property --from
        property --chown
        property --chmod
        property --link
        property --parents
        property --exclude
    "#]],
    );
    check_complete(
        "FROM alpine\nRUN --mount=type=cache,sh$0",
        expect![[r#"
        replace "sh" (opens unasked)
        property type
        property target
        property source
        property from
        property id
        property sharing
        property mode
        property uid
        property gid
        property size
        property env
        property readonly
        ... 13 in all
    "#]],
    );
    check_complete(
        "FROM alpine\nRUN --mount=type=$0",
        expect![[r#"
        replace "" (opens unasked)
        enum bind
        enum cache
        enum tmpfs
        enum secret
        enum ssh
    "#]],
    );
}

#[test]
fn stage_names_after_from_and_in_from_lines() {
    let file = "FROM golang:1.22 AS build\nRUN go build\nFROM alpine AS test\nFROM alpine\n";
    check_complete(
        &format!("{file}COPY --from=$0"),
        expect![[r#"
        replace "" (opens unasked)
        class build (golang:1.22)
        class test (alpine)
    "#]],
    );
    check_complete(
        &format!("{file}RUN --mount=from=b$0"),
        expect![[r#"
        replace "b" (opens unasked)
        class build (golang:1.22)
        class test (alpine)
    "#]],
    );
    // A FROM offers the earlier stages, then catalogued images with sizes.
    check_complete(
        &format!("{file}FROM pyth$0"),
        expect![[r#"
            replace "pyth"
            class build (golang:1.22)
            class test (alpine)
            type python:3.11 (1105 MB)
            type python:3.11-slim (123 MB)
            type python:3.12 (1110 MB)
            type python:3.12-alpine (39.5 MB)
            type python:3.12-slim (117 MB)
            type python:3.13-slim (116 MB)
            type python:3.14-slim (117 MB)
        "#]],
    );
}

#[test]
fn variables_declared_before_the_caret() {
    check_complete(
        "ARG VERSION=1.2\nFROM alpine\nENV APP_HOME=/app\nRUN echo ${$0",
        expect![[r#"
        replace "" (opens unasked)
        variable VERSION (1.2)
        variable APP_HOME (/app)
    "#]],
    );
    check_complete(
        "FROM alpine\nENV APP_HOME=/app\nWORKDIR $AP$0",
        expect![[r#"
        replace "AP" (opens unasked)
        variable APP_HOME (/app)
    "#]],
    );
}

#[test]
fn packages_after_install_commands() {
    check_complete(
        "FROM debian\nRUN apt-get update && apt-get install -y cur$0",
        expect![[r#"
        replace "cur"
        namespace curl (0.5 MB)
    "#]],
    );
    check_complete(
        "FROM alpine\nRUN apk add --no-cache chr$0",
        expect![[r#"
        replace "chr"
        namespace chrony (0.3 MB)
        namespace chrony-openrc (0.0 MB)
    "#]],
    );
    check_complete(
        "FROM python\nRUN pip install fl$0",
        expect![[r#"
        replace "fl"
        namespace flask (2.3 MB)
    "#]],
    );
    check_complete(
        "FROM node\nRUN npm install exp$0",
        expect![[r#"
        replace "exp"
        namespace express (2.9 MB)
    "#]],
    );
    // Not an install: nothing to offer.
    check_complete(
        "FROM alpine\nRUN echo cur$0",
        expect![[r#"
        none
    "#]],
    );
}

/// Hover text at the caret, or `none`.
fn check_hover(input: &str, lang: Lang, expect: Expect) {
    let (text, at) = caret(input);
    let out = match ide::hover(&text, at, lang) {
        None => "none".to_string(),
        Some(h) => format!("over {:?}\n{}", &text[h.span.start..h.span.end], h.text),
    };
    expect.assert_eq(&out);
}

#[test]
fn hover_documents_instructions_in_both_languages() {
    check_hover(
        "FROM alpine\nWOR$0KDIR /app\n",
        Lang::En,
        expect![[r#"
        over "WORKDIR"
        Sets the working directory for the following steps, creating it if needed.

        `WORKDIR /path`"#]],
    );
    check_hover(
        "FROM alpine\nWOR$0KDIR /app\n",
        Lang::Zh,
        expect![[r#"
        over "WORKDIR"
        为后续步骤设置工作目录，不存在时会创建。

        `WORKDIR /path`"#]],
    );
}

#[test]
fn a_findings_hover_reads_its_message_in_the_language_asked() {
    let input =
        dockerplay_core::inputs::BuildInput { dockerfile: "FROM alpine AS Build\n".into(), ..Default::default() };
    let (findings, _) = dockerplay_core::lint::check(&input, &Default::default());
    let f = findings.iter().find(|f| f.code == "DP001").expect("DP001");
    assert!(ide::rule_hover(f, Lang::En).contains("\n\nStage name 'Build' should be lowercase\n\n"));
    assert!(ide::rule_hover(f, Lang::Zh).contains("\n\n构建阶段名“Build”应使用小写\n\n"));
}

#[test]
fn hover_gives_a_variables_value_at_that_line() {
    let file = "ARG V=1\nFROM alpine\nARG V\nENV HOME_DIR=/srv\nRUN echo $HOME_D$0IR $V\nENV HOME_DIR=/opt\n";
    check_hover(
        file,
        Lang::En,
        expect![[r#"
        over "HOME_DIR"
        `HOME_DIR` = `/srv`

        ENV line 4"#]],
    );
    check_hover(
        &file.replace("$HOME_D$0IR $V", "$HOME_DIR $$0V"),
        Lang::En,
        expect![[r#"
        over "V"
        `V` = `1`

        ARG line 3"#]],
    );
    check_hover(
        "FROM alpine\nRUN echo ${NOPE$0}\n",
        Lang::En,
        expect![[r#"
        over "NOPE"
        `NOPE`: no value here (empty unless given with --build-arg)"#]],
    );
    // The references are the ones the colours show (the one shell lexer's):
    // a second one in the same token, and none in single quotes.
    check_hover(
        "FROM alpine\nENV A=1 B=2\nRUN echo $A${B$0} '$A'\n",
        Lang::En,
        expect![[r#"
            over "B"
            `B` = `2`

            ENV line 2"#]],
    );
    check_hover("FROM alpine\nENV A=1\nRUN echo '$A$0'\n", Lang::En, expect!["none"]);
}

#[test]
fn hover_gives_a_base_images_size_or_its_stage() {
    check_hover(
        "FROM python:3.1$02-slim AS build\n",
        Lang::En,
        expect![[r#"
        over "python:3.12-slim"
        `docker.io/library/python:3.12-slim`

        117 MB uncompressed, 43.2 MB compressed download (catalogue figures of 2026-08-05)"#]],
    );
    check_hover(
        "FROM python:3.12-slim AS build\nFROM bu$0ild\n",
        Lang::En,
        expect![[r#"
        over "build"
        stage `build`, line 1"#]],
    );
    check_hover(
        "FROM example.com/my/own:1$0\n",
        Lang::En,
        expect![[r#"
        over "example.com/my/own:1"
        `example.com/my/own:1`: not in the size catalogue"#]],
    );
}

/// A finding's hover in the reader's language: the head (code, other
/// tools' codes, title) and the doc's first section heading.
fn check_rule_hover(input: &str, code: &str, lang: Lang, expect: Expect) {
    let input = BuildInput { dockerfile: input.into(), ..Default::default() };
    let (findings, _) = dockerplay_core::lint::check(&input, &Default::default());
    let Some(f) = findings.iter().find(|f| f.code == code) else { panic!("no {code} in {findings:?}") };
    let text = ide::rule_hover(f, lang);
    let head = text.lines().next().unwrap_or("");
    let section = text.lines().find(|l| l.starts_with("## ")).unwrap_or("");
    expect.assert_eq(&format!("{head}\n{section}"));
}

#[test]
fn a_findings_hover_documents_its_rule_in_the_readers_language() {
    check_rule_hover(
        "FROM alpine:3.20\nRUN sudo apk add curl\n",
        "DP207",
        Lang::En,
        expect![[r#"
            DP207 (DL3004) · Do not use `sudo` in RUN.
            ## What it does"#]],
    );
    check_rule_hover(
        "FROM alpine:3.20\nRUN sudo apk add curl\n",
        "DP207",
        Lang::Zh,
        expect![[r#"
            DP207 (DL3004) · 不要在 RUN 中使用 sudo
            ## 作用"#]],
    );
    // A hadolint mirror's title comes from the hadolint table.
    check_rule_hover(
        "FROM alpine:3.20\nRUN apt update\n",
        "DP327",
        Lang::Zh,
        expect![[r#"
            DP327 (DL3027) · 请用 apt-get 或 apt-cache，而不是 apt
            ## 作用"#]],
    );
}

/// The span the definition jumps to, as `line:text`.
fn check_definition(input: &str, expect: Expect) {
    let (text, at) = caret(input);
    let out = match ide::definition(&text, at) {
        None => "none".to_string(),
        Some(s) => format!("{} {:?}", text[..s.start].matches('\n').count() + 1, &text[s.start..s.end]),
    };
    expect.assert_eq(&out);
}

#[test]
fn definitions_of_stages_and_variables() {
    let file = "ARG GO=1.22\nFROM golang:${GO} AS Build\nENV OUT=/bin/app\nRUN go build -o $OUT\n";
    check_definition(&format!("{file}FROM alpine\nCOPY --from=bui$0ld /bin/app /app\n"), expect![[r#"2 "Build""#]]);
    check_definition(&format!("{file}FROM bu$0ild AS again\n"), expect![[r#"2 "Build""#]]);
    check_definition(&file.replace("-o $OUT", "-o $O$0UT"), expect![[r#"3 "OUT""#]]);
    check_definition(&file.replace("${GO}", "${G$0O}"), expect![[r#"1 "GO""#]]);
    check_definition(&format!("{file}FROM alpine\nRUN --mount=from=build,target=/b ls$0\n"), expect!["none"]);
}

/// The text after renaming the stage at the caret to `name`.
fn check_rename(input: &str, name: &str, expect: Expect) {
    let (text, at) = caret(input);
    let out = match ide::rename(&text, at, name) {
        None => "refused".to_string(),
        Some(mut edits) => {
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            let mut t = text.clone();
            for e in edits {
                t.replace_range(e.span.start..e.span.end, &e.replacement);
            }
            t
        }
    };
    expect.assert_eq(&out);
}

#[test]
fn renaming_a_stage_changes_every_use() {
    let file = "FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nRUN --mount=type=cache,from=build,target=/x go test\nFROM alpine\nCOPY --from=build /a /b\nCOPY --from=\"build\" /c /d\n";
    check_rename(
        &file.replacen("AS build", "AS bu$0ild", 1),
        "compile",
        expect![[r#"
        FROM golang:1.22 AS compile
        RUN go build
        FROM compile AS test
        RUN --mount=type=cache,from=compile,target=/x go test
        FROM alpine
        COPY --from=compile /a /b
        COPY --from="compile" /c /d
    "#]],
    );
    check_rename(
        &file.replacen("--from=build", "--from=b$0uild", 1),
        "compile",
        expect![[r#"
        FROM golang:1.22 AS compile
        RUN go build
        FROM compile AS test
        RUN --mount=type=cache,from=compile,target=/x go test
        FROM alpine
        COPY --from=compile /a /b
        COPY --from="compile" /c /d
    "#]],
    );
    check_rename(&file.replacen("AS build", "AS bu$0ild", 1), "9bad name", expect!["refused"]);
    check_rename(&file.replacen("go build", "go bu$0ild", 1), "x", expect!["refused"]);
}

#[test]
fn each_stage_folds_after_its_from_line() {
    let text = "FROM golang AS build\nRUN a\nRUN b\nFROM alpine\nFROM alpine\nCOPY --from=build /a /b\n";
    let (file, _) = syntax::parse(text);
    let folds: Vec<String> = ide::folds(&file).iter().map(|s| format!("{:?}", &text[s.start..s.end])).collect();
    expect![[r#"
        "\nRUN a\nRUN b"
        "\nCOPY --from=build /a /b""#]]
    .assert_eq(&folds.join("\n"));
}
