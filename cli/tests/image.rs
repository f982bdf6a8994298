//! The project's own Dockerfile for the CLI image: `dockerplay check` finds
//! nothing in it, and `dockerplay size` prices it as an image of nothing but
//! the binary on `scratch` (the binary's bytes are unknown until it is
//! built; scripts/cli-image.sh builds the real image and prints its size).

use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn dockerplay(args: &[&str]) -> (String, String, Option<i32>) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_dockerplay")).args(args).current_dir(ROOT).output().expect("the binary runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn check_finds_nothing_in_the_cli_dockerfile() {
    let (stdout, stderr, code) = dockerplay(&["check", "Dockerfile", "--context", "."]);
    assert_eq!((stdout.as_str(), code), ("", Some(0)), "{stderr}");
    // Its ignore pragmas are about the cache mounts only: with them off, the
    // same run reports those and nothing else.
    let (stdout, _, _) = dockerplay(&["check", "Dockerfile", "--disable-ignore-pragma", "--format", "gnu"]);
    assert!(!stdout.is_empty() && stdout.lines().all(|l| l.contains(" DP212 ")), "{stdout}");
}

#[test]
fn size_prices_a_scratch_image_holding_only_the_binary() {
    let (stdout, stderr, code) = dockerplay(&["size", "Dockerfile", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let image = &v["report"]["image"];
    assert_eq!(image["base"]["reference"], "scratch");
    assert_eq!(image["base"]["basis"], "exact");
    // The final stage's only unknown is the binary copied from the build
    // stage; everything else in it is known to be (nearly) empty.
    let unknowns: Vec<String> = v["report"]["unknowns"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|u| u["key"].as_str().map(str::to_string))
        .collect();
    assert!(unknowns.iter().any(|k| k == "copy:--from=build /out/dockerplay"), "{unknowns:?}");
    assert_eq!(v["report"]["complete"], false);
    assert!(image["uncompressed"].as_u64().is_some_and(|b| b < 4096), "{image}");
}
