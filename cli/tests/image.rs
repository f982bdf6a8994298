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

/// The image as `scripts/cli-image.sh` last built it here
/// (`tests/real-sizes/cli-image.json`): its real size must lie in the
/// range we estimate from the Dockerfile alone.
#[test]
fn size_prices_a_scratch_image_holding_only_the_binary() {
    let (stdout, stderr, code) = dockerplay(&["size", "Dockerfile", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let image = &v["report"]["image"];
    assert_eq!(image["base"]["reference"], "scratch");
    assert_eq!(image["base"]["basis"], "exact");
    // The final stage holds the binary the build stage made and stripped,
    // which the model sizes as a program with a range; nothing else in it
    // weighs anything.
    let layers = image["layers"].as_array().expect("layers");
    let weighing: Vec<&serde_json::Value> = layers.iter().filter(|l| l["high"].as_u64() > Some(0)).collect();
    assert_eq!(weighing.len(), 1, "{layers:?}");
    assert_eq!(weighing[0]["source"], "model");
    let record = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/real-sizes/cli-image.json"))
        .expect("tests/real-sizes/cli-image.json");
    let real = serde_json::from_str::<serde_json::Value>(&record).unwrap()["size"].as_u64().expect("size");
    let (low, high) = (image["low"].as_u64().unwrap(), image["high"].as_u64().unwrap());
    assert!(low <= real && real <= high, "the real image, {real} B, is outside our range {low}..{high} B");
}
