//! `dockerplay simulate FILE [--format json|text]`: the layer cache
//! simulation over the builds of a scenario file (docs/scenario.md). A FILE
//! that is not JSON is taken as a Dockerfile: one build, empty context.

use crate::args::{read_input, scan};
use dockerplay_core::cache::ci_rules::{self, CiFinding};
use dockerplay_core::cache::{render_text_in, simulate, simulate_ci, CacheSpec, Options, Simulation};
use dockerplay_core::inputs::{BuildInput, CiBuild, Scenario};
use dockerplay_core::{Diagnostic, Lang, Message};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = scan(argv, &["format", "lang"])?;
    let format = args.format(&["text", "json"])?;
    let lang = args.lang()?;
    let file = args.file()?;
    let text = read_input(file)?;
    let (scenario, ci) = load_ci(&text).map_err(|e| format!("{file}: {e}"))?;
    // Without CI fields, the plain model of one persistent builder.
    let (sim, diags) = if ci.iter().all(CiBuild::is_plain) {
        simulate(&scenario)
    } else {
        simulate_ci(&scenario, &ci, &Options::default())
    };
    // The CI cache traps (docs/rules.md, DP501-DP599) need CI fields to
    // report anything; a plain scenario gets none.
    let findings = ci_rules::check(&scenario, &ci, &Options::default());
    let mut out = match format.as_str() {
        "json" => {
            let mut v = to_json(&scenario, &sim, &diags, lang);
            if let Some(obj) = v.as_object_mut() {
                obj.insert("findings".into(), findings_json(&scenario, &findings, lang));
            }
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        _ => {
            let mut s = render_text_in(&sim, lang);
            s += &findings_text(&scenario, &findings, lang);
            for d in &diags {
                s += &format!("{}: {}\n", d.severity.as_str(), d.message.render(lang));
            }
            s
        }
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), std::mem::take(&mut out).as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// A scenario from JSON with the CI fields of its builds, or a one-build
/// scenario from a Dockerfile. Malformed scenarios fail with a message that
/// names the bad field.
pub fn load_ci(text: &str) -> Result<(Scenario, Vec<CiBuild>), String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !trimmed.starts_with('{') {
        return Ok((
            Scenario {
                builds: vec![BuildInput { dockerfile: text.to_string(), ..Default::default() }],
                ..Default::default()
            },
            Vec::new(),
        ));
    }
    let mut value: Value = serde_json::from_str(trimmed).map_err(|e| format!("not valid JSON: {e}"))?;
    check_scenario(&mut value)?;
    let ci = CiBuild::from_scenario_json(&value).map_err(|e| format!("malformed scenario: {e}"))?;
    let scenario = serde_json::from_value(value).map_err(|e| format!("malformed scenario: {e}"))?;
    Ok((scenario, ci))
}

/// The CI fields of one build (docs/scenario.md, "CI"): each checked so that
/// the message names the field.
fn check_ci(b: &Map<String, Value>, at: &str) -> Result<(), String> {
    string_field(b, "runner", at, false)?;
    if b.get("runner").and_then(Value::as_str).is_some_and(|r| r.trim().is_empty()) {
        return Err(format!("{at}.runner must name a runner (\"persistent\", \"fresh\" or a name)"));
    }
    string_field(b, "push", at, false)?;
    for flag in ["pull", "no_cache"] {
        if b.get(flag).is_some_and(|v| !v.is_boolean()) {
            return Err(format!("{at}.{flag} must be true or false"));
        }
    }
    for (list, export) in [("cache_from", false), ("cache_to", true)] {
        let Some(v) = b.get(list) else { continue };
        let items = v
            .as_array()
            .ok_or_else(|| format!("{at}.{list} must be a list of strings like \"type=registry,ref=...\""))?;
        for (j, item) in items.iter().enumerate() {
            let text = item
                .as_str()
                .ok_or_else(|| format!("{at}.{list}[{j}] must be a string like \"type=registry,ref=...\""))?;
            CacheSpec::parse(text, export).map_err(|e| format!("{at}.{list}[{j}]: {e}"))?;
        }
    }
    if let Some(v) = b.get("no_cache_filter") {
        let items = v.as_array().ok_or_else(|| format!("{at}.no_cache_filter must be a list of stage names"))?;
        if let Some(j) = items.iter().position(|s| s.as_str().is_none_or(|s| s.is_empty())) {
            return Err(format!("{at}.no_cache_filter[{j}] must be a stage name"));
        }
    }
    if let Some(images) = b.get("images") {
        check_images(images, &format!("{at}.images"))?;
    }
    Ok(())
}

fn check_images(images: &Value, at: &str) -> Result<(), String> {
    let images = images.as_object().ok_or_else(|| format!("{at} must be an object of image references"))?;
    for (r, info) in images {
        let at = format!("{at}[{r:?}]");
        let info = info.as_object().ok_or_else(|| format!("{at} must be an object with \"id\""))?;
        string_field(info, "id", &at, true)?;
        if info.get("size").is_some_and(|s| !s.is_u64()) {
            return Err(format!("{at}.size must be a whole number of bytes"));
        }
    }
    Ok(())
}

/// Walks the scenario and reports the first bad field by its path
/// (`builds[1].files[0].mode`), which serde alone cannot do for untagged
/// file bodies. Octal modes given as numbers (`644`) become strings.
fn check_scenario(v: &mut Value) -> Result<(), String> {
    let top = v.as_object_mut().ok_or("the scenario must be a JSON object")?;
    if let Some(images) = top.get("images") {
        check_images(images, "images")?;
    }
    let builds = top.get_mut("builds").ok_or("missing field builds (a list of builds)")?;
    let builds = builds.as_array_mut().ok_or("builds must be a list")?;
    for (i, build) in builds.iter_mut().enumerate() {
        let at = format!("builds[{i}]");
        let b = build.as_object_mut().ok_or_else(|| format!("{at} must be an object"))?;
        string_field(b, "dockerfile", &at, true)?;
        string_field(b, "target", &at, false)?;
        check_ci(b, &at)?;
        for map in ["build_args", "secrets"] {
            if let Some(m) = b.get(map) {
                let m = m.as_object().ok_or_else(|| format!("{at}.{map} must be an object of strings"))?;
                if let Some((k, _)) = m.iter().find(|(_, v)| !v.is_string()) {
                    return Err(format!("{at}.{map}.{k} must be a string"));
                }
            }
        }
        if let Some(files) = b.get_mut("files") {
            let files = files.as_array_mut().ok_or_else(|| format!("{at}.files must be a list"))?;
            for (j, file) in files.iter_mut().enumerate() {
                check_file(file, &format!("{at}.files[{j}]"))?;
            }
        }
    }
    Ok(())
}

fn check_file(file: &mut Value, at: &str) -> Result<(), String> {
    let f = file.as_object_mut().ok_or_else(|| format!("{at} must be an object"))?;
    string_field(f, "path", at, true)?;
    if f.get("path").and_then(Value::as_str).is_some_and(|p| p.trim_matches('/').is_empty()) {
        return Err(format!("{at}.path must name a file or directory"));
    }
    if let Some(mode) = f.get("mode").cloned() {
        let text = match &mode {
            Value::String(s) => s.clone(),
            Value::Number(n) if n.is_u64() => n.to_string(),
            _ => return Err(format!("{at}.mode must be an octal string like \"644\"")),
        };
        if text.is_empty() || text.len() > 4 || !text.chars().all(|c| ('0'..='7').contains(&c)) {
            return Err(format!("{at}.mode must be octal permission bits like \"644\" or \"755\", not {mode}"));
        }
        f.insert("mode".into(), Value::String(text));
    }
    let is_dir = match f.get("type") {
        None => false,
        Some(Value::String(t)) if t == "dir" => true,
        Some(Value::String(t)) if t == "file" => {
            f.remove("type");
            false
        }
        Some(other) => return Err(format!("{at}.type must be \"dir\" (or \"file\"), not {other}")),
    };
    let has = |k: &str| f.contains_key(k);
    match (is_dir, has("content"), has("size") || has("digest")) {
        (true, false, false) => Ok(()),
        (true, _, _) => Err(format!("{at}: a directory has no content, size or digest")),
        (false, true, false) => string_field(f, "content", at, true),
        (false, true, true) => Err(format!("{at}: give either content or size+digest, not both")),
        (false, false, true) => {
            if !f.get("size").is_some_and(Value::is_u64) {
                return Err(format!("{at}.size must be a whole number of bytes"));
            }
            let digest = f
                .get("digest")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{at}.digest is missing (a blob needs size and digest)"))?;
            match digest.split_once(':') {
                Some((alg, hex))
                    if !alg.is_empty() && !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) =>
                {
                    Ok(())
                }
                _ => Err(format!("{at}.digest must look like \"sha256:<hex>\", not {digest:?}")),
            }
        }
        (false, false, false) => Err(format!("{at} needs content (text), size+digest (binary) or \"type\": \"dir\"")),
    }
}

fn string_field(obj: &Map<String, Value>, key: &str, at: &str, required: bool) -> Result<(), String> {
    match obj.get(key) {
        Some(Value::String(_)) => Ok(()),
        None | Some(Value::Null) if !required => Ok(()),
        None => Err(format!("{at}.{key} is missing")),
        Some(_) => Err(format!("{at}.{key} must be a string")),
    }
}

/// The line of a finding in the Dockerfile of the first build it names.
fn finding_line(scenario: &Scenario, f: &CiFinding) -> u32 {
    let text = f.builds.first().and_then(|n| scenario.builds.get(n - 1)).map_or("", |b| b.dockerfile.as_str());
    dockerplay_core::LineIndex::new(text).line(f.finding.span.start)
}

/// The CI findings as JSON: each with its rule's code and name, severity,
/// the builds it affects (1-based), its line in the first of them, the
/// message, and the change of the CI fields that fixes it, if any.
fn findings_json(scenario: &Scenario, findings: &[CiFinding], lang: Lang) -> Value {
    let list: Vec<Value> = findings
        .iter()
        .map(|f| {
            let finding = json!({
                "code": f.finding.code,
                "name": dockerplay_core::lint::rule(f.finding.code).map(|r| r.name),
                "severity": f.finding.severity,
                "builds": f.builds,
                "line": finding_line(scenario, f),
                "ci_fix": f.ci_fix.as_ref().map(|x| json!({
                    "title": x.title.render(lang),
                    "builds": x.builds,
                    "field": x.field,
                    "value": x.value,
                })),
            });
            crate::parse::with_message(finding, &f.finding.message, lang)
        })
        .collect();
    Value::Array(list)
}

// The words of the CI findings' text, in the reader's language.
static CI_HEADING: Message = Message::new("cli.ci-heading", "CI cache findings:", "CI 缓存问题：");
static CI_FINDING: Message = Message::new(
    "cli.ci-finding",
    "{code} {severity} (builds {builds}, line {line}): {message}",
    "{code} {severity}（第 {builds} 次构建，第 {line} 行）：{message}",
);
static CI_FIX: Message = Message::new(
    "cli.ci-fix",
    "  fix: {title} (builds {builds}: {field} = {value})",
    "  修复：{title}（第 {builds} 次构建：{field} = {value}）",
);

/// The CI findings as text, after the table.
fn findings_text(scenario: &Scenario, findings: &[CiFinding], lang: Lang) -> String {
    let mut s = String::new();
    if !findings.is_empty() {
        s += &format!("\n{}\n", CI_HEADING.msg().render(lang));
    }
    for f in findings {
        let builds: Vec<String> = f.builds.iter().map(usize::to_string).collect();
        let line = CI_FINDING
            .msg()
            .arg("code", f.finding.code)
            .arg("severity", f.finding.severity.as_str())
            .arg("builds", builds.join(", "))
            .arg("line", finding_line(scenario, f))
            .arg_msg("message", f.finding.message.clone());
        s += &format!("{}\n", line.render(lang));
        if let Some(fix) = &f.ci_fix {
            let builds: Vec<String> = fix.builds.iter().map(usize::to_string).collect();
            let fix = CI_FIX
                .msg()
                .arg_msg("title", fix.title.clone())
                .arg("builds", builds.join(", "))
                .arg("field", &fix.field)
                .arg("value", &fix.value);
            s += &format!("{}\n", fix.render(lang));
        }
    }
    s
}

/// The contract's output: per build, one entry per instruction with
/// `stage`, `line`, `instruction` (its text), `status` and `reason` (in
/// words), plus the structured reason and the other step fields.
fn to_json(scenario: &Scenario, sim: &Simulation, diags: &[Diagnostic], lang: Lang) -> Value {
    let builds: Vec<Value> = sim
        .builds
        .iter()
        .enumerate()
        .map(|(n, b)| {
            // Sizes come from the size model: the target's final image in
            // uncompressed bytes, as `docker image inspect .Size` reports.
            let sized = scenario.builds.get(n).map(|input| crate::size::image_size(input, &scenario.images));
            let layer_bytes = |index: usize| {
                sized.as_ref().and_then(|z| z.layers.iter().find(|(i, _)| *i == index)).map(|(_, bytes)| *bytes)
            };
            let steps: Vec<Value> = b
                .steps
                .iter()
                .map(|s| {
                    json!({
                        "size": layer_bytes(s.instruction),
                        "stage": s.stage,
                        "stage_index": s.stage_index,
                        "line": s.line,
                        "end_line": s.end_line,
                        "instruction": s.text,
                        "index": s.instruction,
                        "keyword": s.keyword,
                        "status": s.status,
                        "reason": s.reason.msg().render(lang),
                        "reason_detail": s.reason,
                        "key": s.key,
                        "est_seconds": s.est_seconds,
                        "config_changed": s.config_changed,
                        "warm_cache_mount": s.warm_cache_mount,
                        "linked": s.linked,
                        "reads": s.reads,
                    })
                })
                .collect();
            let mut out = json!({
                "target": b.target,
                "steps": steps,
                "image": {
                    "id": b.image.id,
                    "layers": b.image.layers,
                    "changed": b.image.changed,
                    "size": sized.as_ref().map(|z| z.size),
                    "size_complete": sized.as_ref().map(|z| z.complete),
                },
                "hits": b.hits,
                "misses": b.misses,
                "cold_seconds": b.cold_seconds,
                "warm_seconds": b.warm_seconds,
            });
            if let (Some(ci), Some(obj)) = (&b.ci, out.as_object_mut()) {
                obj.insert("ci".into(), json!(ci));
            }
            out
        })
        .collect();
    // Spans index the Dockerfile of the build the message names; the
    // message is what a script needs.
    let diags: Vec<Value> =
        diags.iter().map(|d| crate::parse::with_message(json!({ "severity": d.severity }), &d.message, lang)).collect();
    json!({ "builds": builds, "diagnostics": diags })
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(input: &str, expect: Expect) {
        let out = match load_ci(input) {
            Ok((s, _)) => format!("ok: {} build(s)", s.builds.len()),
            Err(e) => format!("error: {e}"),
        };
        expect.assert_eq(&out);
    }

    #[test]
    fn malformed_scenarios_name_the_field() {
        check(
            r#"{"builds": [{"dockerfile": "FROM a"}, {"dockerfile": "FROM a", "files": [{"path": "a", "content": "x"}, {"path": "b", "content": "y", "mode": "9"}]}]}"#,
            expect![[r#"error: builds[1].files[1].mode must be octal permission bits like "644" or "755", not "9""#]],
        );
        check(
            r#"{"builds": [{"dockerfile": "FROM a", "files": [{"path": "b.bin", "size": 3}]}]}"#,
            expect!["error: builds[0].files[0].digest is missing (a blob needs size and digest)"],
        );
        check(
            r#"{"builds": [{"dockerfile": "FROM a", "files": [{"path": "b.bin", "size": "3", "digest": "sha256:00"}]}]}"#,
            expect!["error: builds[0].files[0].size must be a whole number of bytes"],
        );
        check(r#"{"builds": [{"dockerfile": 3}]}"#, expect!["error: builds[0].dockerfile must be a string"]);
        check(
            r#"{"builds": [{"dockerfile": "FROM a", "build_args": {"A": 1}}]}"#,
            expect!["error: builds[0].build_args.A must be a string"],
        );
        check(
            r#"{"images": {"alpine": {"size": 1}}, "builds": []}"#,
            expect![[r#"error: images["alpine"].id is missing"#]],
        );
        check(r#"{"build": []}"#, expect!["error: missing field builds (a list of builds)"]);
        check(r#"{"builds": [}"#, expect!["error: not valid JSON: expected value at line 1 column 13"]);
    }

    /// The CI fields (docs/scenario.md, "CI") are checked field by field.
    #[test]
    fn malformed_ci_fields_name_the_field() {
        let one = |fields: &str| {
            format!(r#"{{"builds": [{{"dockerfile": "FROM a"}}, {{"dockerfile": "FROM a", {fields}}}]}}"#)
        };
        check(
            &one(r#""cache_to": ["type=registry,ref=r,mode=maxx"]"#),
            expect![[r#"error: builds[1].cache_to[0]: mode must be min or max, not "maxx""#]],
        );
        check(
            &one(r#""cache_to": ["type=registry"]"#),
            expect!["error: builds[1].cache_to[0]: ref is missing (type=registry needs it)"],
        );
        check(&one(r#""cache_from": ["type=inline"]"#), expect!["error: builds[1].cache_from[0]: type=inline is for --cache-to only: import an inline cache with type=registry,ref=IMAGE"]);
        check(
            &one(r#""cache_from": "type=gha""#),
            expect![[r#"error: builds[1].cache_from must be a list of strings like "type=registry,ref=...""#]],
        );
        check(
            &one(r#""cache_from": [{"type": "gha"}]"#),
            expect![[r#"error: builds[1].cache_from[0] must be a string like "type=registry,ref=...""#]],
        );
        check(
            &one(r#""cache_to": ["type=gha,scop=main"]"#),
            expect!["error: builds[1].cache_to[0]: scop is not an option of type=gha"],
        );
        check(&one(r#""runner": 2"#), expect!["error: builds[1].runner must be a string"]);
        check(
            &one(r#""runner": " ""#),
            expect![[r#"error: builds[1].runner must name a runner ("persistent", "fresh" or a name)"#]],
        );
        check(&one(r#""pull": "yes""#), expect!["error: builds[1].pull must be true or false"]);
        check(&one(r#""no_cache": 1"#), expect!["error: builds[1].no_cache must be true or false"]);
        check(
            &one(r#""no_cache_filter": "build""#),
            expect!["error: builds[1].no_cache_filter must be a list of stage names"],
        );
        check(
            &one(r#""no_cache_filter": ["build", ""]"#),
            expect!["error: builds[1].no_cache_filter[1] must be a stage name"],
        );
        check(&one(r#""push": ["r"]"#), expect!["error: builds[1].push must be a string"]);
        check(
            &one(r#""images": {"base:1": {"digest": "x"}}"#),
            expect![[r#"error: builds[1].images["base:1"].id is missing"#]],
        );
        check(
            &one(
                r#""runner": "fresh", "cache_from": ["type=gha,scope=main"], "cache_to": ["type=gha,scope=main,mode=max", "type=inline"], "pull": true, "no_cache_filter": ["build"], "push": "r/app", "images": {"base:1": {"id": "sha256:b"}}"#,
            ),
            expect!["ok: 2 build(s)"],
        );
    }

    /// CI fields switch on the CI model, and its report says where the
    /// cache came from and went.
    #[test]
    fn ci_scenarios_report_imports_and_exports() {
        let text = r#"{"builds": [
            {"dockerfile": "FROM a AS deps\nRUN make deps\nFROM deps\nCOPY x /x\n", "files": [{"path": "x", "content": "1"}], "runner": "fresh", "cache_to": ["type=gha,mode=max"]},
            {"dockerfile": "FROM a AS deps\nRUN make deps\nFROM deps\nCOPY x /x\n", "files": [{"path": "x", "content": "2"}], "runner": "fresh", "cache_from": ["type=gha"]}]}"#;
        let (scenario, ci) = load_ci(text).unwrap_or_else(|e| panic!("{e}"));
        let (sim, diags) = simulate_ci(&scenario, &ci, &Options::default());
        let out = to_json(&scenario, &sim, &diags, Lang::En);
        let b = &out["builds"][1];
        let steps: Vec<String> = b["steps"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| format!("{} {} ({})", s["line"], s["status"], s["reason"].as_str().unwrap_or("")))
            .collect();
        expect![[r#"
            [
              "1 \"hit\" (cached (a later step was found, so this one is never run))",
              "2 \"hit\" (cached (imported from gha:buildkit))",
              "3 \"no_step\" (continues from stage deps)",
              "4 \"miss\" (not in this runner's cache or an imported one)"
            ]"#]]
        .assert_eq(&serde_json::to_string_pretty(&steps).unwrap_or_default());
        expect![[r#"{"exported":[],"imported":["gha:buildkit"],"imported_hits":1,"runner":"fresh"}"#]]
            .assert_eq(&b["ci"].to_string());
        expect![[r#"{"exported":[{"location":"gha:buildkit","mode":"max","records":3,"with_layers":3}],"imported":[],"imported_hits":0,"runner":"fresh"}"#]].assert_eq(&out["builds"][0]["ci"].to_string());
    }

    #[test]
    fn accepted_inputs() {
        check(
            r#"{"builds": [{"dockerfile": "FROM a", "files": [{"path": "d/", "type": "dir", "mode": 700}, {"path": "x", "size": 1, "digest": "sha256:ab"}]}]}"#,
            expect!["ok: 1 build(s)"],
        );
        check("FROM alpine\nRUN true\n", expect!["ok: 1 build(s)"]);
    }

    /// The JSON follows the contract in docs/scenario.md.
    #[test]
    fn json_output_contract() {
        let (scenario, _) = load_ci(r#"{"builds": [{"dockerfile": "FROM alpine AS a\nCOPY x /x\n", "files": [{"path": "x", "content": "1"}]},
                                          {"dockerfile": "FROM alpine AS a\nCOPY x /x\n", "files": [{"path": "x", "content": "2"}]}]}"#)
        .unwrap_or_default();
        let (sim, diags) = simulate(&scenario);
        let out =
            serde_json::to_string_pretty(&to_json(&scenario, &sim, &diags, Lang::En)["builds"][1]).unwrap_or_default();
        expect![[r#"
            {
              "cold_seconds": 5.5,
              "hits": 1,
              "image": {
                "changed": true,
                "id": "e0b0b2e96f554fb1",
                "layers": "a87ed1a721d732ef",
                "size": 8420001,
                "size_complete": true
              },
              "misses": 1,
              "steps": [
                {
                  "config_changed": false,
                  "end_line": 1,
                  "est_seconds": 5.0,
                  "index": 0,
                  "instruction": "FROM alpine AS a",
                  "key": "c17647b1440cd0d3",
                  "keyword": "FROM",
                  "line": 1,
                  "linked": false,
                  "reads": [],
                  "reason": "cached (from build 1)",
                  "reason_detail": {
                    "build": 1,
                    "kind": "cached"
                  },
                  "size": null,
                  "stage": "a",
                  "stage_index": 0,
                  "status": "hit",
                  "warm_cache_mount": false
                },
                {
                  "config_changed": false,
                  "end_line": 2,
                  "est_seconds": 0.5,
                  "index": 1,
                  "instruction": "COPY x /x",
                  "key": "a87ed1a721d732ef",
                  "keyword": "COPY",
                  "line": 2,
                  "linked": false,
                  "reads": [
                    "x"
                  ],
                  "reason": "`x` changed",
                  "reason_detail": {
                    "kind": "file_changed",
                    "path": "x"
                  },
                  "size": 1,
                  "stage": "a",
                  "stage_index": 0,
                  "status": "miss",
                  "warm_cache_mount": false
                }
              ],
              "target": "a",
              "warm_seconds": 0.5
            }"#]]
        .assert_eq(&out);
    }
}
