//! Cache simulation fixtures: one scenario file per semantics point of
//! issue 3 in `tests/cache/*.json`, each with its expected report in the
//! `.txt` next to it (update with `UPDATE_EXPECT=1`).

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
    heredoc,
    history,
}
