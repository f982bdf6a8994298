//! The CI cache model held to a real BuildKit: every scenario in
//! `tests/ci-oracle/scenarios/` was run by `scripts/ci-oracle.sh`, which
//! recorded in `tests/ci-oracle/results/` which steps BuildKit took from its
//! cache (`cached` in `--progress=rawjson`) and which it executed. Here
//! `simulate_ci` must agree on every recorded step of every build.

use dockerplay_core::cache::{simulate_ci, Options, Reason, Status};
use dockerplay_core::inputs::{CiBuild, Scenario};
use dockerplay_core::syntax::{parse, Args, Dockerfile, Keyword};
use serde_json::Value;
use std::collections::BTreeMap;

fn oracle_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ci-oracle")
}

/// BuildKit names a step's vertex `[STAGE i/N] ...`, counting per stage the
/// FROM of an image and every ADD, COPY, RUN and WORKDIR
/// (dockerfile2llb/convert.go `cmdTotal` and `prefixCommand`; a stage
/// without a name is `stage-N`). The instruction index of each name.
fn vertex_names(df: &Dockerfile) -> BTreeMap<(String, usize), usize> {
    let mut out = BTreeMap::new();
    for s in &df.stages {
        // The one stage of a single-stage file has no name in the prefix
        // (convert.go: `if len(allDispatchStates.states) == 1`), unless an
        // implicit stage joins it: every `RUN --mount` adds one
        // (convert_runmount.go `detectRunMount`), and so does `COPY --from`
        // an image (convert.go, `unregistered: true`).
        let name = if df.stages.len() == 1 && !implicit_stage(df) { String::new() } else { s.display_name() };
        let mut n = 0;
        let from_image = !s.base_expanded.eq_ignore_ascii_case("scratch") && s.base_stage.is_none();
        if from_image {
            n += 1;
            out.insert((name.to_lowercase(), n), s.from);
        }
        for &i in &s.instructions {
            let counted =
                matches!(df.instructions[i].keyword, Keyword::Add | Keyword::Copy | Keyword::Run | Keyword::Workdir);
            if counted && !matches!(df.instructions[i].args, Args::Invalid) {
                n += 1;
                out.insert((name.to_lowercase(), n), i);
            }
        }
    }
    out
}

fn implicit_stage(df: &Dockerfile) -> bool {
    df.instructions.iter().any(|i| match &i.args {
        Args::Run(r) => !r.mounts.is_empty(),
        Args::Copy(c) | Args::Add(c) => c.from.as_deref().is_some_and(|f| df.stage_ref(f, df.stages.len()).is_none()),
        _ => false,
    })
}

/// `[build 2/3] RUN ...` → ("build", 2).
fn split_name(name: &str) -> Option<(String, usize)> {
    let inner = name.strip_prefix('[')?.split(']').next()?;
    let (stage, count) = inner.rsplit_once(' ').unwrap_or(("", inner));
    let (i, _) = count.trim().split_once('/')?;
    Some((stage.trim().to_lowercase(), i.trim().parse().ok()?))
}

/// Compares one scenario; returns one line per disagreement.
fn compare(name: &str) -> Vec<String> {
    let dir = oracle_dir();
    let read = |p: std::path::PathBuf| -> Value {
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let input = read(dir.join("scenarios").join(format!("{name}.json")));
    let result = read(dir.join("results").join(format!("{name}.json")));
    let scenario: Scenario = serde_json::from_value(input.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let ci = CiBuild::from_scenario_json(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (sim, _) = simulate_ci(&scenario, &ci, &Options::default());
    let mut problems = Vec::new();
    let recorded = result["builds"].as_array().cloned().unwrap_or_default();
    assert_eq!(recorded.len(), sim.builds.len(), "{name}: recorded builds");
    for (b, (rec, report)) in recorded.iter().zip(&sim.builds).enumerate() {
        assert!(
            rec["ok"].as_bool().unwrap_or(false),
            "{name}: build {} failed under BuildKit: {}",
            b + 1,
            rec["error"]
        );
        let (df, _) = parse(&scenario.builds[b].dockerfile);
        let names = vertex_names(&df);
        let mut seen = std::collections::BTreeSet::new();
        for v in rec["steps"].as_array().cloned().unwrap_or_default() {
            let vname = v["name"].as_str().unwrap_or_default();
            let Some(at) = split_name(vname) else { continue };
            // `COPY --link` is two vertices: the copy onto an empty base
            // (the step) and `LINK ...`, its merge onto the stage, which is
            // no step of its own (convert.go `dispatchCopy`, `llb.Merge`).
            if vname.split_once("] ").is_some_and(|(_, rest)| rest.starts_with("LINK ")) {
                continue;
            }
            let Some(&index) = names.get(&at) else {
                problems.push(format!("{name} build {}: no instruction for vertex {vname}", b + 1));
                continue;
            };
            seen.insert(index);
            let cached = v["cached"].as_bool().unwrap_or(false);
            let step = &report.steps[index];
            // BuildKit resolves an image to key its FROM and reports that
            // as a step that ran; it shows as cached only when its result
            // is loaded (solver/jobs.go `CacheMap`, vertices without
            // inputs), not when no later step needed it.
            let ours = match step.status {
                Status::Hit if step.keyword == "FROM" && step.reason == Reason::Unneeded => Status::Miss,
                s => s,
            };
            let want = if cached { Status::Hit } else { Status::Miss };
            if ours != want {
                problems.push(format!(
                    "{name} build {}: line {} `{}`: BuildKit {}, simulate {} ({})",
                    b + 1,
                    step.line,
                    step.text.lines().next().unwrap_or(""),
                    if cached { "cached" } else { "executed" },
                    ours.as_str(),
                    step.reason.message()
                ));
            }
        }
        // A step we key that BuildKit never showed is a disagreement too,
        // except the second of two identical steps (one vertex for both).
        let mut keys = std::collections::BTreeSet::new();
        for s in &report.steps {
            let same =
                matches!(s.reason, Reason::SameAs { .. }) || (!s.key.is_empty() && !keys.insert(s.key.to_string()));
            if matches!(s.status, Status::Hit | Status::Miss)
                && !seen.contains(&s.instruction)
                && !same
                && names.values().any(|&i| i == s.instruction)
            {
                problems.push(format!(
                    "{name} build {}: line {} `{}` has no BuildKit vertex",
                    b + 1,
                    s.line,
                    s.text.lines().next().unwrap_or("")
                ));
            }
        }
    }
    problems
}

/// Every recorded scenario; each has its scenario file.
fn recorded() -> Vec<String> {
    let dir = oracle_dir().join("results");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    names
}

#[test]
fn simulate_agrees_with_buildkit_on_every_recorded_step() {
    let names = recorded();
    assert!(names.len() >= 30, "only {} recorded scenarios", names.len());
    let mut problems = Vec::new();
    let mut steps = 0;
    for name in &names {
        problems.extend(compare(name));
        let result: Value = serde_json::from_str(
            &std::fs::read_to_string(oracle_dir().join("results").join(format!("{name}.json"))).unwrap_or_default(),
        )
        .unwrap_or_default();
        steps += result["builds"]
            .as_array()
            .map_or(0, |b| b.iter().map(|b| b["steps"].as_array().map_or(0, Vec::len)).sum());
    }
    assert!(problems.is_empty(), "{} of {steps} recorded steps disagree:\n{}", problems.len(), problems.join("\n"));
}

/// Every scenario was recorded, and with one BuildKit.
#[test]
fn every_scenario_is_recorded() {
    let dir = oracle_dir().join("scenarios");
    let mut scenarios: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    scenarios.sort();
    assert_eq!(scenarios, recorded());
    let versions: std::collections::BTreeSet<String> = recorded()
        .iter()
        .map(|n| {
            let v: Value = serde_json::from_str(
                &std::fs::read_to_string(oracle_dir().join("results").join(format!("{n}.json"))).unwrap_or_default(),
            )
            .unwrap_or_default();
            v["buildkit"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(versions.len(), 1, "{versions:?}");
}

#[test]
fn vertex_names_split() {
    assert_eq!(split_name("[build 2/3] RUN cat x"), Some(("build".into(), 2)));
    assert_eq!(split_name("[stage-1  1/10] FROM x"), Some(("stage-1".into(), 1)));
    assert_eq!(split_name("[internal] load"), None);
}

/// The recorded scenarios that use one persistent builder and nothing else
/// are the plain cache model's own case: `simulate` (the model the app and
/// the fixtures in `tests/cache/` use) decides every step as `simulate_ci`
/// does, which agrees with BuildKit. A FROM that BuildKit never loads is a
/// hit in both, with a different reason.
#[test]
fn the_plain_model_agrees_with_the_ci_model_on_a_persistent_builder() {
    let mut compared = 0;
    for name in recorded() {
        let text =
            std::fs::read_to_string(oracle_dir().join("scenarios").join(format!("{name}.json"))).unwrap_or_default();
        let input: Value = serde_json::from_str(&text).unwrap_or_default();
        let ci = CiBuild::from_scenario_json(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        if !ci.iter().all(CiBuild::is_plain) {
            continue;
        }
        let scenario: Scenario = serde_json::from_value(input).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (plain, _) = dockerplay_core::cache::simulate(&scenario);
        let (with_ci, _) = simulate_ci(&scenario, &ci, &Options::default());
        for (a, b) in plain.builds.iter().zip(&with_ci.builds) {
            let statuses =
                |r: &dockerplay_core::cache::BuildReport| r.steps.iter().map(|s| s.status).collect::<Vec<_>>();
            assert_eq!(statuses(a), statuses(b), "{name}");
            compared += 1;
        }
    }
    assert!(compared >= 10, "only {compared} plain builds recorded");
}
