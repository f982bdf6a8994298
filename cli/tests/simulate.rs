//! `dockerplay simulate` on a scenario with CI fields: the cache report per
//! build, then the CI cache findings (DP501–DP599), in JSON and in text.

use std::process::Command;

const SCENARIO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/simulate/ci-traps.json");

fn dockerplay(args: &[&str]) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_dockerplay")).args(args).output().expect("the binary runs");
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code())
}

/// Three fresh-runner builds of one Go project: two of the image with a
/// registry cache in the default mode (min) and `--pull`, then the `test`
/// target exporting to the same ref. Every trap shows, with its fix.
#[test]
fn simulate_reports_ci_findings_in_json() {
    let (out, code) = dockerplay(&["simulate", SCENARIO, "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["builds"].as_array().map(Vec::len), Some(3));
    let findings = v["findings"].as_array().cloned().unwrap_or_default();
    let codes: Vec<&str> = findings.iter().filter_map(|f| f["code"].as_str()).collect();
    assert_eq!(codes, ["DP501", "DP502", "DP503", "DP504"], "{out}");
    let min = &findings[0];
    assert_eq!(min["name"], "cache-min-skips-stages");
    assert_eq!(min["builds"], serde_json::json!([1, 2]));
    assert_eq!(min["line"], 1);
    assert_eq!(
        min["ci_fix"],
        serde_json::json!({"title": "export with mode=max", "builds": [1, 2], "field": "cache_to[0]",
                           "value": "type=registry,ref=ghcr.io/o/app:cache,mode=max"})
    );
    // The cache mount is the slow download's only cache in builds 1 and 2;
    // build 3 exports mode=max, which keeps the step.
    assert_eq!(findings[1]["builds"], serde_json::json!([1, 2]));
    assert_eq!(findings[1]["line"], 4);
    // --pull is set on builds 1 and 2 only.
    assert_eq!(findings[2]["builds"], serde_json::json!([1, 2]));
    assert!(findings[2]["ci_fix"].is_null());
    // Targets app and test share the ref.
    assert_eq!(findings[3]["builds"], serde_json::json!([1, 2, 3]));
    assert_eq!(findings[3]["ci_fix"]["value"], "type=registry,ref=ghcr.io/o/app:cache-test,mode=max");
}

#[test]
fn simulate_reports_ci_findings_in_text() {
    let (out, code) = dockerplay(&["simulate", SCENARIO]);
    assert_eq!(code, Some(0));
    let findings = out.split_once("CI cache findings:\n").map(|(_, f)| f).unwrap_or_default();
    expect_test::expect![[r#"
        DP501 warning (builds 1, 2, line 1): mode=min (to registry:ghcr.io/o/app:cache) exports only the final image's layers: stage `build` (~81 s of RUN, COPY and ADD by the step estimates) is not in it, so a runner without this build's local cache runs it again on every build
          fix: export with mode=max (builds 1, 2: cache_to[0] = type=registry,ref=ghcr.io/o/app:cache,mode=max)
        DP502 warning (builds 1, 2, line 4): on a fresh runner the cache mount at /go/pkg/mod starts empty (cache mounts never travel with an exported cache), and mode=min leaves stage `build` out of the exported cache, so this step (~20 s) runs in full on every build
          fix: export with mode=max, which keeps this step's result (builds 1, 2: cache_to[0] = type=registry,ref=ghcr.io/o/app:cache,mode=max)
        DP503 info (builds 1, 2, line 1): `golang:1.22` is a tag and is pulled with --pull: whenever it moves, the 4 steps built on it (~81 s) run again, on every runner and from every imported cache
        DP504 warning (builds 1, 2, 3, line 9): targets `app` and `test` export their cache to the same place, registry:ghcr.io/o/app:cache: each export replaces the one before, so the next build of one target imports another target's cache and runs again what they do not share
          fix: give target `test` a cache location of its own (and import it with cache_from), apart from `app`'s (builds 3: cache_to[0] = type=registry,ref=ghcr.io/o/app:cache-test,mode=max)
        warning: build 1: nothing is cached at registry:ghcr.io/o/app:cache yet
    "#]]
    .assert_eq(findings);
}

/// A plain scenario (no CI fields) has no CI findings.
#[test]
fn plain_scenarios_have_no_ci_findings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/cache/multistage.json");
    let (out, code) = dockerplay(&["simulate", dir, "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["findings"], serde_json::json!([]));
}
