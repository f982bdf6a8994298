//! Cache simulation fixtures: one scenario file per semantics point of
//! issue 3 in `tests/cache/*.json`, each with its expected report in the
//! `.txt` next to it (update with `UPDATE_EXPECT=1`).

mod support;
use support::Rng;

use dockerplay_core::cache::{render_text, simulate};
use dockerplay_core::inputs::Scenario;
use expect_test::expect_file;

/// Simulates the scenario in `tests/cache/<name>.json` and compares the text
/// report (plus diagnostics) with `tests/cache/<name>.txt`.
fn check(name: &str) {
    let path = format!("{}/tests/cache/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let scenario: Scenario = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (sim, diags) = simulate(&scenario);
    let mut out = render_text(&sim);
    for d in diags {
        out += &format!("diagnostic: {}: {}\n", d.severity.as_str(), d.message);
    }
    expect_file![format!("{}/tests/cache/{name}.txt", env!("CARGO_MANIFEST_DIR"))].assert_eq(&out);
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { check(stringify!($name)); })*
    };
}

fixtures! {
    chain,
    run_command,
    run_env,
    metadata,
    workdir_user,
    copy_content,
    copy_link,
    from_digest,
    multistage,
    mounts,
    mounts_from,
    heredoc,
    history,
    copy_from_derived,
}

const SEED: &str = "ARG V=3.20\nFROM alpine:${V} AS build\nWORKDIR /app\nCOPY --link src/ ./src/\nRUN --mount=type=cache,target=/c --mount=type=bind,source=a.txt,target=/a make \\\n  && echo ok\nRUN <<EOF\necho hi\nEOF\nCOPY <<-X /a\n\tx\n\tX\nENV A=1 B=\"2 3\"\nARG B\nUSER 0\nFROM build AS two\nCOPY --from=build /app /app\nADD --chmod=600 *.txt /t/\nFROM scratch\nCOPY --from=two /t /t\nCMD [\"x\"]\n";
const PIECES: &[&str] = &[
    "\\\n",
    "\n",
    "<<",
    "EOF\n",
    "\"",
    "${",
    "}",
    "[",
    "--mount=type=bind,from=build,target=/x",
    "--from=0",
    "--link",
    "#",
    "FROM build\n",
    "RUN x\n",
    "COPY . .\n",
    "WORKDIR ..\n",
    "=",
    ",",
    "你好",
    "*",
    "/",
];

/// Whatever the input, the simulation does not panic, reports one step per
/// instruction in file order, and a build repeated unchanged re-runs nothing.
#[test]
fn any_input_gives_a_sane_report() {
    let mut rng = Rng(0x5eed_cace);
    let files = vec![
        dockerplay_core::inputs::ContextFile::text("a.txt", "a"),
        dockerplay_core::inputs::ContextFile::text("src/m.c", "int main;"),
        dockerplay_core::inputs::ContextFile::text(".dockerignore", "*.md\n!src\n"),
    ];
    for _ in 0..150 {
        let mut text = SEED.to_string();
        for _ in 0..rng.below(4) + 1 {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, PIECES[rng.below(PIECES.len())]);
        }
        let build = dockerplay_core::inputs::BuildInput {
            dockerfile: text.clone(),
            files: files.clone(),
            ..Default::default()
        };
        let scenario = Scenario { builds: vec![build.clone(), build], ..Default::default() };
        let (sim, _) = simulate(&scenario);
        let (df, _) = dockerplay_core::syntax::parse(&text);
        for b in &sim.builds {
            assert_eq!(b.steps.len(), df.instructions.len(), "{text:?}");
            assert!(b.steps.windows(2).all(|w| w[0].line <= w[1].line), "{text:?}");
            assert!(b.steps.iter().enumerate().all(|(i, s)| s.instruction == i), "steps out of file order: {text:?}");
        }
        assert!(
            sim.builds[0].steps.iter().all(|s| s.status != dockerplay_core::cache::Status::Hit),
            "a first build hit: {text:?}"
        );
        assert_eq!(sim.builds[1].misses, 0, "an unchanged rebuild re-ran steps: {text:?}\n{}", render_text(&sim));
    }
}

/// The app's live view (`what_if` against a recorded `History`) reports
/// exactly what a full simulation reports for the same build.
#[test]
fn what_if_matches_the_full_simulation() {
    use dockerplay_core::cache::{what_if, History, Options};
    for name in ["copy_content", "multistage", "mounts", "run_env"] {
        let path = format!("{}/tests/cache/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let scenario: Scenario =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or_default();
        let (sim, _) = simulate(&scenario);
        let mut history = History::new();
        for (i, build) in scenario.builds.iter().enumerate() {
            let (report, _) = what_if(&history, build, &scenario.images, &Options::default());
            assert_eq!(report, sim.builds[i], "{name} build {}", i + 1);
            history.record(&history.preview(build, &scenario.images, &Options::default()));
        }
        assert!(!scenario.builds.is_empty(), "{name} has builds");
    }
}

/// Per-step time overrides replace the defaults, keyed by instruction text.
#[test]
fn time_overrides() {
    use dockerplay_core::cache::{simulate_with, Options};
    let build = dockerplay_core::inputs::BuildInput {
        dockerfile: "FROM alpine\nRUN make\nRUN make\n".into(),
        ..Default::default()
    };
    let scenario = Scenario { builds: vec![build], ..Default::default() };
    let mut options = Options::default();
    options.seconds.insert("RUN make".into(), 42.0);
    let (sim, _) = simulate_with(&scenario, &options);
    let secs: Vec<f64> = sim.builds[0].steps.iter().map(|s| s.est_seconds).collect();
    assert_eq!(secs, vec![5.0, 42.0, 42.0]);
    // The second `RUN make` has the first as its parent, so it is another
    // step and both run: 5 + 42 + 42.
    assert_eq!(sim.builds[0].cold_seconds, 89.0);
}

/// Over the real-world corpus: a first build runs every step it builds, an
/// unchanged rebuild runs none, and after a file edit every miss is
/// explained by content or by its parent, never by a command change.
#[test]
fn corpus_builds() {
    use dockerplay_core::cache::Status;
    let dir = format!("{}/tests/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let files = vec![dockerplay_core::inputs::ContextFile::text("app.txt", "1")];
        let edited = vec![dockerplay_core::inputs::ContextFile::text("app.txt", "2")];
        let build = |files: &Vec<dockerplay_core::inputs::ContextFile>| dockerplay_core::inputs::BuildInput {
            dockerfile: text.clone(),
            files: files.clone(),
            ..Default::default()
        };
        let scenario = Scenario { builds: vec![build(&files), build(&files), build(&edited)], ..Default::default() };
        let (sim, _) = simulate(&scenario);
        let name = entry.file_name();
        assert!(sim.builds[0].steps.iter().all(|s| s.status != Status::Hit), "{name:?}");
        assert_eq!(sim.builds[1].misses, 0, "{name:?}\n{}", render_text(&sim));
        for (a, b) in sim.builds[1].steps.iter().zip(&sim.builds[2].steps) {
            if b.status == Status::Miss && a.status == Status::Hit {
                assert!(
                    !matches!(
                        b.reason,
                        dockerplay_core::cache::Reason::CommandChanged | dockerplay_core::cache::Reason::FirstBuild
                    ),
                    "{name:?} line {}: {:?}",
                    b.line,
                    b.reason
                );
            }
        }
        seen += 1;
    }
    assert!(seen >= 10, "corpus found: {seen}");
}

/// Each step lists the context files it reads, after `.dockerignore`.
#[test]
fn steps_list_the_files_they_read() {
    use dockerplay_core::inputs::{BuildInput, ContextFile};
    let build = BuildInput {
        dockerfile: "FROM node\nCOPY package.json ./\nRUN --mount=type=bind,source=src,target=/s ls /s\nCOPY . .\n"
            .into(),
        files: vec![
            ContextFile::text("package.json", "{}"),
            ContextFile::text("src/a.js", "a"),
            ContextFile::text("README.md", "r"),
            ContextFile::text(".dockerignore", "*.md\n"),
        ],
        ..Default::default()
    };
    let (sim, _) = simulate(&Scenario { builds: vec![build], ..Default::default() });
    let reads: Vec<String> = sim.builds[0].steps.iter().map(|s| s.reads.join(" ")).collect();
    assert_eq!(reads, vec!["", "package.json", "src/a.js", ".dockerignore Dockerfile package.json src/a.js"]);
}
