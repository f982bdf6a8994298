//! `--lang` and the locale: `parse`, `graph`, `size` and `simulate` give
//! their diagnostics, cache reasons and size caveats in the reader's
//! language, with the message's id and arguments next to the text.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// A Dockerfile with a parse error on most lines and graph problems.
const BROKEN: &str = "FRUM alpine\nFROM alpine AS 1st\nRUN --network=wifi true\nCOPY a\nFROM Build AS app\nCOPY --from=biuld /a /b\nENV\nHEALTHCHECK --retries=many CMD true\n";

/// Runs the binary on `input` (standard input) with `env` set and the
/// locale variables cleared otherwise.
fn dockerplay(args: &[&str], env: &[(&str, &str)], input: &str) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dockerplay"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped());
    for var in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let mut child = cmd.spawn().expect("the binary runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("input written");
    let out = child.wait_with_output().expect("the binary exits");
    assert!(out.status.success(), "{args:?}: exit {:?}", out.status.code());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn has_chinese(t: &str) -> bool {
    t.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
}

fn diagnostics(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).expect("JSON");
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

#[test]
fn parse_json_in_chinese_has_chinese_for_every_diagnostic() {
    let zh = diagnostics(&dockerplay(&["parse", "-", "--lang", "zh-CN", "--format", "json"], &[], BROKEN));
    let en = diagnostics(&dockerplay(&["parse", "-", "--lang", "en", "--format", "json"], &[], BROKEN));
    assert!(zh.len() >= 6, "{zh:?}");
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        let text = z["message"].as_str().unwrap_or_default();
        assert!(has_chinese(text), "no Chinese: {text}");
        assert!(!text.contains('{'), "a placeholder is left: {text}");
        // The id and the arguments do not depend on the language.
        assert_eq!(z["message_id"], e["message_id"]);
        assert!(z["message_id"].as_str().is_some_and(|id| id.starts_with("parse.")), "{z}");
        assert!(!has_chinese(e["message"].as_str().unwrap_or_default()), "{e}");
    }
    let typo = zh.iter().find(|d| d["message_id"] == "parse.unknown-instruction-typo").expect("the FRUM typo");
    assert_eq!(typo["message_args"], serde_json::json!({"word": "FRUM", "keyword": "FROM"}));
    assert_eq!(typo["message"], "未知指令：FRUM（是不是想写 FROM？）");
}

#[test]
fn the_locale_is_the_default_and_lang_wins() {
    let from_locale = dockerplay(&["parse", "-", "--format", "json"], &[("LANG", "zh_CN.UTF-8")], BROKEN);
    assert!(diagnostics(&from_locale).iter().all(|d| has_chinese(d["message"].as_str().unwrap_or_default())));
    let text = dockerplay(&["parse", "-"], &[("LANG", "zh_CN.UTF-8")], BROKEN);
    assert!(text.contains("未知指令：FRUM"), "{text}");
    let english = dockerplay(&["parse", "-", "--lang", "en"], &[("LANG", "zh_CN.UTF-8")], BROKEN);
    assert!(english.contains("unknown instruction: FRUM (did you mean FROM?)") && !has_chinese(&english));
    let plain = dockerplay(&["parse", "-"], &[], BROKEN);
    assert!(!has_chinese(&plain), "{plain}");
}

#[test]
fn graph_diagnostics_in_chinese() {
    let input = "FROM alpine AS build\nFROM Build AS app\nCOPY --from=later /a /b\nFROM alpine AS later\nFROM app\n";
    let out = dockerplay(&["graph", "-", "--lang", "zh-CN"], &[], input);
    let diags = diagnostics(&out);
    let ids: Vec<&str> = diags.iter().filter_map(|d| d["message_id"].as_str()).collect();
    assert_eq!(ids, ["graph.stage-case", "graph.copy-later-stage"]);
    assert!(diags.iter().all(|d| has_chinese(d["message"].as_str().unwrap_or_default())), "{out}");
}

#[test]
fn simulate_reasons_and_report_in_chinese() {
    let text = dockerplay(&["simulate", "-", "--lang", "zh-CN"], &[], "FROM alpine\nRUN echo hi\n");
    assert!(text.contains("第 1 次构建：目标阶段"), "{text}");
    assert!(text.contains("首次构建"), "{text}");
    let json: Value = serde_json::from_str(&dockerplay(
        &["simulate", "-", "--lang", "zh-CN", "--format", "json"],
        &[],
        "FROM alpine\nRUN echo hi\n",
    ))
    .expect("JSON");
    let reasons: Vec<&str> =
        json["builds"][0]["steps"].as_array().into_iter().flatten().filter_map(|s| s["reason"].as_str()).collect();
    assert!(!reasons.is_empty() && reasons.iter().all(|r| has_chinese(r)), "{reasons:?}");
}

#[test]
fn size_caveats_reasons_and_diagnostics_in_chinese() {
    let dockerfile = "FROM python:3.12-alpine\nRUN apt-get install -y curl && ./build.sh\n";
    let json: Value =
        serde_json::from_str(&dockerplay(&["size", "-", "--lang", "zh-CN", "--format", "json"], &[], dockerfile))
            .expect("JSON");
    let caveats: Vec<&str> = json["bases"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|b| b["caveats"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    assert!(!caveats.is_empty() && caveats.iter().all(|c| has_chinese(c)), "{caveats:?}");
    let reasons: Vec<&str> =
        json["report"]["unknowns"].as_array().into_iter().flatten().filter_map(|u| u["reason"].as_str()).collect();
    assert!(!reasons.is_empty() && reasons.iter().all(|r| has_chinese(r)), "{reasons:?}");
    assert!(diagnostics(&json.to_string()).iter().all(|d| has_chinese(d["message"].as_str().unwrap_or_default())));
    assert!(json["chart_svg"].as_str().is_some_and(has_chinese));
    // The text format's prose too: why a size is unknown.
    let text = dockerplay(&["size", "-", "--lang", "zh-CN"], &[], dockerfile);
    let unknown: Vec<&str> = text.lines().filter(|l| l.starts_with("unknown: ")).collect();
    assert!(!unknown.is_empty() && unknown.iter().all(|l| has_chinese(l)), "{text}");
}

#[test]
fn simulate_ci_findings_in_chinese() {
    let scenario = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/simulate/ci-traps.json"))
        .expect("the CI scenario");
    let json: Value =
        serde_json::from_str(&dockerplay(&["simulate", "-", "--lang", "zh-CN", "--format", "json"], &[], &scenario))
            .expect("JSON");
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    assert!(findings.len() >= 3, "{json}");
    for f in &findings {
        let text = f["message"].as_str().unwrap_or_default();
        assert!(has_chinese(text) && !text.contains('{'), "{f}");
        assert!(f["message_id"].as_str().is_some_and(|id| id.starts_with("DP5")), "{f}");
        if let Some(title) = f["ci_fix"]["title"].as_str() {
            assert!(has_chinese(title), "{f}");
        }
    }
    let text = dockerplay(&["simulate", "-", "--lang", "zh-CN"], &[], &scenario);
    let listed = text.split("CI 缓存问题：").nth(1).expect("the findings' heading in Chinese");
    assert!(listed.lines().filter(|l| !l.trim().is_empty()).all(has_chinese), "{listed}");
}

#[test]
fn sarif_rules_are_described_in_chinese() {
    let sarif: Value = serde_json::from_str(&dockerplay(
        &["check", "-", "--lang", "zh-CN", "--format", "sarif", "--failure-threshold", "none"],
        &[],
        "FROM ubuntu\nRUN apt-get install -y curl\nCMD node server.js\n",
    ))
    .expect("SARIF");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    assert!(rules.len() >= 3, "{sarif}");
    for r in rules.iter().filter(|r| r["id"].as_str().is_some_and(|id| id.starts_with("DP"))) {
        assert!(has_chinese(r["shortDescription"]["text"].as_str().unwrap_or_default()), "{r}");
        assert!(r["fullDescription"]["text"].as_str().is_some_and(|d| d.contains("## 作用")), "{r}");
    }
}
