//! Our estimates against images built for real (issue 14).
//!
//! Every case under `tests/real-sizes/cases/` is a Dockerfile (and its
//! context) that `scripts/real-sizes.sh` built with Docker on this project's
//! machine; its `real.json` holds what Docker reported: each layer's bytes
//! from the image history and the image's `.Size`. This test estimates the
//! same Dockerfiles and compares the bytes the Dockerfile adds (the layers
//! of the final stage; the base is the catalogue's business) with the real
//! ones.
//!
//! Error is |estimate - real| / max(real, 1 MB): the floor keeps a layer of
//! a few kilobytes (a `useradd`) from swamping the figures with a huge ratio
//! over a negligible size.
//!
//! `tests/real-sizes/baseline.tsv` holds each case's allowed error. A case
//! that gets worse than its baseline fails the test; when the model improves,
//! `UPDATE_BASELINE=1 cargo test -p dockerplay-core --test size_real`
//! tightens the baseline to the new errors.

use dockerplay_core::inputs::{BuildInput, ContextFile, FileBody};
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_core::syntax;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Real {
    size: u64,
    layers: Vec<RealLayer>,
    engine: String,
}

#[derive(Deserialize)]
struct RealLayer {
    size: u64,
    created_by: String,
}

/// One compared case.
struct Outcome {
    name: String,
    real_added: u64,
    estimate_added: u64,
    /// The estimate's range for the added bytes.
    low: u64,
    high: u64,
    /// Bytes of the estimate that rest on a range rather than an exact figure.
    ranged: u64,
    /// The whole image: real `.Size`, our estimate and its range.
    real_size: u64,
    image: (u64, u64, u64),
    /// Per-layer (real, estimate) of the final stage's layer-creating steps.
    layers: Vec<(String, u64, u64)>,
}

const FLOOR: f64 = 1_000_000.0;

fn error(estimate: u64, real: u64) -> f64 {
    (estimate as f64 - real as f64).abs() / (real as f64).max(FLOOR)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/real-sizes")
}

fn context_files(dir: &Path, prefix: &str, out: &mut Vec<ContextFile>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.path().is_dir() {
            context_files(&e.path(), &format!("{name}/"), out);
        } else {
            let content = std::fs::read_to_string(e.path()).expect("context files are text");
            out.push(ContextFile { path: name, body: FileBody::Text { content }, mode: None });
        }
    }
}

fn run_case(name: &str) -> Outcome {
    let dir = root().join("cases").join(name);
    let dockerfile = std::fs::read_to_string(dir.join("Dockerfile")).unwrap();
    let real: Real = serde_json::from_str(&std::fs::read_to_string(dir.join("real.json")).unwrap()).unwrap();
    let mut files = Vec::new();
    context_files(&dir.join("context"), "", &mut files);
    let input = BuildInput { dockerfile, files, ..Default::default() };
    let (df, _) = syntax::parse(&input.dockerfile);
    let (rep, _) = size::estimate(&input, &SizeOptions::default());
    let target = df.stages.len() - 1;
    let stage = &df.stages[target];
    // The legacy builder records one history entry per instruction of the
    // final stage after FROM; the entries before them are the base's.
    let steps: Vec<usize> = stage.instructions.iter().copied().filter(|i| *i != stage.from).collect();
    assert!(real.layers.len() >= steps.len(), "{name}: history shorter than the final stage");
    let ours = &real.layers[real.layers.len() - steps.len()..];
    for (ii, layer) in steps.iter().zip(ours) {
        let kw = df.instructions[*ii].keyword.as_str();
        assert!(
            layer.created_by.to_ascii_uppercase().contains(kw) || layer.created_by.contains("/bin/sh -c "),
            "{name}: history entry `{}` does not match {kw}",
            layer.created_by
        );
    }
    let real_added: u64 = ours.iter().map(|l| l.size).sum();
    let est: Vec<&size::LayerSize> = rep.image.layers.iter().filter(|l| l.stage == target).collect();
    let estimate_added: u64 = est.iter().map(|l| l.uncompressed).sum();
    let low: u64 = est.iter().map(|l| l.low).sum();
    let high: u64 = est.iter().map(|l| l.high).sum();
    let ranged: u64 = est.iter().filter(|l| l.low != l.high).map(|l| l.uncompressed).sum();
    let mut layers = Vec::new();
    for (ii, real) in steps.iter().zip(ours) {
        let e = est.iter().find(|l| l.instruction == *ii).map_or(0, |l| l.uncompressed);
        if real.size > 0 || e > 0 {
            layers.push((format!("{name}:{}", df.instructions[*ii].line), real.size, e));
        }
    }
    Outcome {
        name: name.to_string(),
        real_added,
        estimate_added,
        low,
        high,
        ranged,
        real_size: real.size,
        image: (rep.image.uncompressed, rep.image.low, rep.image.high),
        layers,
    }
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("cases"))
        .expect("tests/real-sizes/cases")
        .flatten()
        .filter(|e| e.path().join("real.json").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return 0.0;
    }
    let rank = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

fn baseline_path() -> PathBuf {
    root().join("baseline.tsv")
}

fn read_baseline() -> BTreeMap<String, f64> {
    let text = std::fs::read_to_string(baseline_path()).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let (name, tol) = l.split_once('\t')?;
            Some((name.to_string(), tol.trim().parse().ok()?))
        })
        .collect()
}

/// The allowed error for a measured one: rounded up to the next half
/// percent, so that float noise cannot fail the test.
fn tolerance(err: f64) -> f64 {
    ((err * 200.0).ceil() + 1.0) / 200.0
}

#[test]
fn estimates_stay_within_the_recorded_baseline() {
    let names = cases();
    let min = std::env::var("REAL_SIZES_MIN").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    assert!(names.len() >= min, "the real-size corpus has {} built cases; it needs at least {min}", names.len());
    let outcomes: Vec<Outcome> = names.iter().map(|n| run_case(n)).collect();
    let errors: Vec<f64> = outcomes.iter().map(|o| error(o.estimate_added, o.real_added)).collect();
    let mut table = String::from("case\treal added\testimate\tlow\thigh\terror\n");
    for (o, e) in outcomes.iter().zip(&errors) {
        table +=
            &format!("{}\t{}\t{}\t{}\t{}\t{:.1}%\n", o.name, o.real_added, o.estimate_added, o.low, o.high, e * 100.0);
    }
    let layer_errors: Vec<f64> = outcomes.iter().flat_map(|o| o.layers.iter().map(|(_, r, e)| error(*e, *r))).collect();
    let total: u64 = outcomes.iter().map(|o| o.estimate_added).sum();
    let ranged: u64 = outcomes.iter().map(|o| o.ranged).sum();
    let within = outcomes.iter().filter(|o| o.low <= o.real_added && o.real_added <= o.high).count();
    let images_within = outcomes.iter().filter(|o| o.image.1 <= o.real_size && o.real_size <= o.image.2).count();
    let image_errors: Vec<f64> = outcomes.iter().map(|o| error(o.image.0, o.real_size)).collect();
    println!("{table}");
    println!(
        "cases {}: added bytes median error {:.1}%, p90 {:.1}%; layers {}: median {:.1}%, p90 {:.1}%; real within range {}/{}; ranged share of estimated bytes {:.1}%; whole images: median error {:.1}%, real within range {}/{}",
        outcomes.len(),
        percentile(errors.clone(), 0.5) * 100.0,
        percentile(errors.clone(), 0.9) * 100.0,
        layer_errors.len(),
        percentile(layer_errors.clone(), 0.5) * 100.0,
        percentile(layer_errors, 0.9) * 100.0,
        within,
        outcomes.len(),
        ranged as f64 * 100.0 / total.max(1) as f64,
        percentile(image_errors, 0.5) * 100.0,
        images_within,
        outcomes.len(),
    );
    if std::env::var_os("UPDATE_BASELINE").is_some() {
        let mut out = String::from(
            "# Allowed error per real-size case: |estimate - real| / max(real, 1 MB) of the bytes the\n\
             # Dockerfile adds. Written by UPDATE_BASELINE=1 (core/tests/size_real.rs); lower only.\n",
        );
        for (o, e) in outcomes.iter().zip(&errors) {
            out += &format!("{}\t{:.3}\n", o.name, tolerance(*e));
        }
        std::fs::write(baseline_path(), out).unwrap();
        return;
    }
    let baseline = read_baseline();
    let mut worse = Vec::new();
    for (o, e) in outcomes.iter().zip(&errors) {
        match baseline.get(&o.name) {
            Some(tol) if *e <= *tol => {}
            Some(tol) => worse.push(format!("{}: error {:.1}% > baseline {:.1}%", o.name, e * 100.0, tol * 100.0)),
            None => worse.push(format!("{}: not in baseline.tsv (run with UPDATE_BASELINE=1)", o.name)),
        }
    }
    assert!(worse.is_empty(), "regressions against tests/real-sizes/baseline.tsv:\n{}", worse.join("\n"));
}

#[test]
fn every_real_case_records_its_engine_and_whole_image() {
    for name in cases() {
        let dir = root().join("cases").join(&name);
        let real: Real = serde_json::from_str(&std::fs::read_to_string(dir.join("real.json")).unwrap()).unwrap();
        assert!(!real.engine.is_empty(), "{name}: no engine version");
        let sum: u64 = real.layers.iter().map(|l| l.size).sum();
        assert_eq!(sum, real.size, "{name}: layer sizes do not add up to .Size");
    }
}

/// The tutorial's static Redis shape (an Alpine build stage with
/// build-base, a download, `make`, `strip`, and the server copied into
/// `FROM scratch`) gets a range that holds the real size of the comparable
/// build in the corpus (`redis-static-scratch`: Debian's source package,
/// built statically on bookworm, since nothing else can be downloaded here).
#[test]
fn static_redis_range_holds_the_real_build() {
    let real: Real = serde_json::from_str(
        &std::fs::read_to_string(root().join("cases/redis-static-scratch/real.json"))
            .expect("redis-static-scratch was built"),
    )
    .unwrap();
    let dockerfile = "FROM alpine:3.20 AS build\n\
        RUN apk add --no-cache build-base linux-headers\n\
        WORKDIR /src\n\
        RUN wget -O redis.tar.gz https://download.redis.io/redis-stable.tar.gz \\\n && tar xzf redis.tar.gz --strip-components=1 && rm redis.tar.gz\n\
        RUN make MALLOC=libc BUILD_TLS=no LDFLAGS=-static\n\
        RUN strip src/redis-server\n\
        \n\
        FROM scratch\n\
        COPY --from=build /src/src/redis-server /redis-server\n\
        ENTRYPOINT [\"/redis-server\"]\n";
    let input = BuildInput { dockerfile: dockerfile.into(), ..Default::default() };
    let (rep, _) = size::estimate(&input, &SizeOptions::default());
    let image = &rep.image;
    assert!(image.uncompressed > 0, "the estimate is not a silent 0");
    assert!(
        image.low <= real.size && real.size <= image.high,
        "real {} B outside the estimate's range {}..{} B (estimate {} B)",
        real.size,
        image.low,
        image.high,
        image.uncompressed
    );
}
