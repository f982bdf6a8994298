//! CI set-ups for the page's CI view (issue 18): a runner kind and a cache
//! preset become the CI fields of every recorded build, and a workflow
//! snippet that configures the same cache (GitHub Actions with
//! `docker/build-push-action`, GitLab CI, or a plain `docker buildx build`).

use crate::inputs::CiBuild;
use serde::{Deserialize, Serialize};

/// How the cache travels between CI builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// No cache export or import.
    None,
    /// GitHub Actions' cache service, `mode=max`.
    Gha,
    /// A cache image in the registry, `mode=min`.
    RegistryMin,
    /// A cache image in the registry, `mode=max`.
    RegistryMax,
    /// The cache inside the pushed image (always min).
    Inline,
}

pub const PRESETS: [Preset; 5] = [Preset::Gha, Preset::RegistryMax, Preset::RegistryMin, Preset::Inline, Preset::None];

/// Where the builds run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunnerKind {
    /// A new machine for every build (hosted CI runners).
    Fresh,
    /// One machine that keeps its cache (a self-hosted runner).
    Persistent,
}

/// The workflow file formats a snippet can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flavor {
    GithubActions,
    GitlabCi,
    Buildx,
}

pub const FLAVORS: [Flavor; 3] = [Flavor::GithubActions, Flavor::GitlabCi, Flavor::Buildx];

/// The image the snippets push, and the reference their registry cache uses.
const IMAGE: &str = "ghcr.io/OWNER/APP";

impl Preset {
    /// `--cache-from` and `--cache-to` for this preset, pushing `image`.
    pub fn cache(self, image: &str) -> (Option<String>, Option<String>) {
        match self {
            Preset::None => (None, None),
            Preset::Gha => (Some("type=gha".into()), Some("type=gha,mode=max".into())),
            Preset::RegistryMin => (
                Some(format!("type=registry,ref={image}:buildcache")),
                Some(format!("type=registry,ref={image}:buildcache,mode=min")),
            ),
            Preset::RegistryMax => (
                Some(format!("type=registry,ref={image}:buildcache")),
                Some(format!("type=registry,ref={image}:buildcache,mode=max")),
            ),
            Preset::Inline => (Some(format!("type=registry,ref={image}:latest")), Some("type=inline".into())),
        }
    }
}

/// The CI fields of `n` builds of one branch in a row with this set-up.
pub fn ci_builds(preset: Preset, runner: RunnerKind, n: usize) -> Vec<CiBuild> {
    let (from, to) = preset.cache(IMAGE);
    (0..n)
        .map(|_| CiBuild {
            runner: Some(match runner {
                RunnerKind::Fresh => "fresh".into(),
                RunnerKind::Persistent => "persistent".into(),
            }),
            cache_from: from.clone().into_iter().collect(),
            cache_to: to.clone().into_iter().collect(),
            push: Some(format!("{IMAGE}:latest")),
            ..Default::default()
        })
        .collect()
}

/// Build minutes a month at `per_day` builds a day that each take
/// `seconds`, over 30 days.
pub fn minutes_per_month(seconds: f64, per_day: u32) -> f64 {
    seconds.max(0.0) * f64::from(per_day) * 30.0 / 60.0
}

/// A workflow that builds and pushes the image with this cache set-up.
/// `target` is the `--target`, if any.
pub fn snippet(preset: Preset, flavor: Flavor, target: Option<&str>) -> String {
    match flavor {
        Flavor::GithubActions => github(preset, target),
        Flavor::GitlabCi => gitlab(preset, target),
        Flavor::Buildx => buildx(preset, target, IMAGE, "latest"),
    }
}

fn github(preset: Preset, target: Option<&str>) -> String {
    let (from, to) = preset.cache(IMAGE);
    let mut s = String::from(
        "name: build\n\
         on:\n  push:\n    branches: [main]\n\
         permissions:\n  contents: read\n  packages: write\n\
         jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n\
         \x20     - uses: actions/checkout@v4\n\
         \x20     - uses: docker/setup-buildx-action@v3\n\
         \x20     - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n\
         \x20         username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n\
         \x20     - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: true\n",
    );
    s += &format!("          tags: {IMAGE}:latest\n");
    if let Some(t) = target {
        s += &format!("          target: {}\n", quote(t));
    }
    if let Some(f) = from {
        s += &format!("          cache-from: {f}\n");
    }
    if let Some(t) = to {
        s += &format!("          cache-to: {t}\n");
    }
    s
}

fn gitlab(preset: Preset, target: Option<&str>) -> String {
    let image = "$CI_REGISTRY_IMAGE";
    // GitHub's cache service is not reachable from GitLab: the registry
    // keeps the same `mode=max` cache there.
    let preset = if preset == Preset::Gha { Preset::RegistryMax } else { preset };
    let mut s = String::new();
    s += "build:\n  image: docker:27\n  services:\n    - docker:27-dind\n  variables:\n    DOCKER_TLS_CERTDIR: \"/certs\"\n";
    s +=
        "  before_script:\n    - docker login -u \"$CI_REGISTRY_USER\" -p \"$CI_REGISTRY_PASSWORD\" \"$CI_REGISTRY\"\n";
    s += "    - docker buildx create --use --driver docker-container\n";
    s += "  script:\n";
    s += &format!(
        "    - {}\n",
        quote(buildx(preset, target, image, "latest").replace(" \\\n    ", " ").trim_end())
    );
    s
}

fn buildx(preset: Preset, target: Option<&str>, image: &str, tag: &str) -> String {
    let (from, to) = preset.cache(image);
    let mut parts = vec![format!("docker buildx build --push -t {image}:{tag}")];
    if let Some(t) = target {
        parts.push(format!("--target {t}"));
    }
    if let Some(f) = from {
        parts.push(format!("--cache-from {f}"));
    }
    if let Some(t) = to {
        parts.push(format!("--cache-to {t}"));
    }
    parts.push(".".into());
    parts.join(" \\\n    ") + "\n"
}

/// A YAML double-quoted scalar.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            '\n' => out += "\\n",
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every snippet of every preset is YAML (the workflow files) that says
    /// what the preset says: the same cache-from and cache-to, the target.
    #[test]
    fn snippets_are_valid_yaml_carrying_the_preset() {
        for preset in PRESETS {
            for target in [None, Some("app")] {
                let (from, to) = preset.cache(IMAGE);
                let gh: serde_yaml::Value = serde_yaml::from_str(&snippet(preset, Flavor::GithubActions, target))
                    .unwrap_or_else(|e| panic!("{preset:?}: {e}"));
                let steps = gh["jobs"]["build"]["steps"].as_sequence().cloned().unwrap_or_default();
                let with = steps
                    .iter()
                    .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("docker/build-push-action")))
                    .map(|s| s["with"].clone())
                    .unwrap_or_default();
                assert_eq!(with["cache-from"].as_str().map(str::to_string), from, "{preset:?}");
                assert_eq!(with["cache-to"].as_str().map(str::to_string), to, "{preset:?}");
                assert_eq!(with["target"].as_str(), target, "{preset:?}");
                assert_eq!(with["push"].as_bool(), Some(true));

                let gl: serde_yaml::Value = serde_yaml::from_str(&snippet(preset, Flavor::GitlabCi, target))
                    .unwrap_or_else(|e| panic!("{preset:?}: {e}"));
                let script = gl["build"]["script"][0].as_str().unwrap_or_default().to_string();
                assert!(script.starts_with("docker buildx build --push -t $CI_REGISTRY_IMAGE:latest"), "{script}");
                assert_eq!(script.contains("--target app"), target.is_some(), "{script}");
                let has_max = script.contains("mode=max");
                assert_eq!(has_max, matches!(preset, Preset::Gha | Preset::RegistryMax), "{preset:?}: {script}");
                assert!(!script.contains("type=gha"), "GitLab cannot reach the GitHub cache: {script}");

                let cli = snippet(preset, Flavor::Buildx, target);
                assert_eq!(cli.contains("--cache-to"), preset != Preset::None, "{cli}");
            }
        }
    }

    /// On fresh runners, an edit of the build stage's sources re-runs the
    /// expensive dependency stage with a min cache (its layers are not in
    /// the image), so a min cache saves nothing over none here, while a max
    /// cache keeps the dependencies. An unchanged rebuild runs nothing with
    /// either, and everything without a cache.
    #[test]
    fn presets_differ_where_buildkit_does() {
        use crate::inputs::{BuildInput, ContextFile, Scenario};
        let df = "FROM golang:1.22 AS deps\nCOPY go.mod ./\nRUN go mod download\nFROM deps AS build\nCOPY main.go ./\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n";
        let build = |src: &str| BuildInput {
            dockerfile: df.into(),
            files: vec![ContextFile::text("go.mod", "module x"), ContextFile::text("main.go", src)],
            ..Default::default()
        };
        let scenario = Scenario { builds: vec![build("v1"), build("v2")], ..Default::default() };
        let warm = |scenario: &Scenario, preset| {
            let (sim, _) =
                crate::cache::simulate_ci(scenario, &ci_builds(preset, RunnerKind::Fresh, 2), &Default::default());
            sim.builds[1].warm_seconds
        };
        let at = |preset| warm(&scenario, preset);
        let (none, min, max, gha, inline) =
            (at(Preset::None), at(Preset::RegistryMin), at(Preset::RegistryMax), at(Preset::Gha), at(Preset::Inline));
        assert!(none == min && min > max, "none {none}, min {min}, max {max}");
        assert_eq!((gha, inline), (max, min));
        let same = Scenario { builds: vec![build("v1"), build("v1")], ..Default::default() };
        assert_eq!((warm(&same, Preset::RegistryMin), warm(&same, Preset::RegistryMax)), (0.0, 0.0));
        assert_eq!(warm(&same, Preset::None), none);
        let (persistent, _) = crate::cache::simulate_ci(
            &scenario,
            &ci_builds(Preset::None, RunnerKind::Persistent, 2),
            &Default::default(),
        );
        // A persistent runner also keeps the final stage's base, which a
        // fresh one pulls (5 s by the default estimate).
        assert_eq!(persistent.builds[1].warm_seconds, max - 5.0);
    }

    /// Each preset's entries are what `dockerplay simulate` accepts.
    #[test]
    fn presets_make_valid_ci_fields() {
        for preset in PRESETS {
            for b in ci_builds(preset, RunnerKind::Fresh, 2) {
                for f in &b.cache_from {
                    assert!(crate::cache::CacheSpec::parse(f, false).is_ok(), "{f}");
                }
                for t in &b.cache_to {
                    assert!(crate::cache::CacheSpec::parse(t, true).is_ok(), "{t}");
                }
            }
        }
        assert_eq!(minutes_per_month(60.0, 10), 300.0);
    }
}
