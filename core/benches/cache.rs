//! Cache simulation speed: 50 builds of a 200-instruction Dockerfile, each
//! build editing one source file or one RUN line, as a user typing would.
//! Prints milliseconds; the aim is under 10 ms native
//! (`cargo bench -p dockerplay-core --bench cache`).

use dockerplay_core::cache::{simulate, History, Options};
use dockerplay_core::inputs::{BuildInput, ContextFile, Scenario};
use std::time::Instant;

fn dockerfile(variant: usize) -> String {
    let mut s = String::from("ARG BASE=debian:12\nFROM ${BASE} AS build\nWORKDIR /src\nENV CI=1\n");
    let mut n = 4;
    let mut i = 0;
    while n < 196 {
        match i % 6 {
            0 => s += &format!("COPY src/file{i}.txt ./src/\n"),
            1 => s += &format!("RUN echo step {i} \\\n    && echo more {}\n", if i == variant % 180 { variant } else { 0 }),
            2 => s += &format!("ENV STEP_{i}=value{i}\n"),
            3 => s += &format!("RUN --mount=type=cache,target=/root/.cache/{i} echo cached {i}\n"),
            4 => s += &format!("LABEL step{i}=yes\n"),
            _ => s += &format!("ARG A{i}=x\n"),
        }
        n += 1;
        i += 1;
    }
    s += "FROM debian:12\nCOPY --from=build /src/src/file0.txt /app/\nCOPY --from=build /src /app/src\nCMD [\"/app/run\"]\n";
    s
}

fn files(edit: usize) -> Vec<ContextFile> {
    (0..200).map(|i| ContextFile::text(&format!("src/file{i}.txt"), &format!("content {i} {}", if i == edit { edit } else { 0 }))).collect()
}

fn main() {
    let builds: Vec<BuildInput> = (0..50)
        .map(|b| BuildInput { dockerfile: dockerfile(if b % 2 == 0 { b } else { 0 }), files: files(if b % 2 == 1 { b * 3 } else { 999 }), ..Default::default() })
        .collect();
    let lines = builds[0].dockerfile.lines().count();
    let scenario = Scenario { builds, ..Default::default() };
    // `CACHE_BENCH_PHASE=parse|context|simulate` repeats one phase, for
    // `perf stat` on a busy machine where wall-clock times mislead.
    if let Ok(phase) = std::env::var("CACHE_BENCH_PHASE") {
        for _ in 0..10 {
            match phase.as_str() {
                "parse" => scenario.builds.iter().for_each(|b| drop(std::hint::black_box(dockerplay_core::syntax::parse(&b.dockerfile)))),
                "context" => scenario.builds.iter().for_each(|b| drop(std::hint::black_box(dockerplay_core::context::Context::from_build(b)))),
                _ => drop(std::hint::black_box(simulate(&scenario))),
            }
        }
        return;
    }

    // Warm up, then take the best of several runs.
    let (sim, _) = simulate(&scenario);
    assert_eq!(sim.builds.len(), 50);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let (sim, _) = simulate(&scenario);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(sim);
    }
    let steps = sim.builds[0].steps.len();
    println!("simulate: 50 builds x {steps} instructions ({lines} lines): {best:.2} ms (aim < 10 ms)");

    // The floor: parsing the 50 Dockerfiles alone.
    let mut parse_best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for b in &scenario.builds {
            std::hint::black_box(dockerplay_core::syntax::parse(&b.dockerfile));
        }
        parse_best = parse_best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("  of which parsing the 50 Dockerfiles: {parse_best:.2} ms");

    // The live view: one build against a recorded history.
    let mut history = History::new();
    for b in &scenario.builds {
        let outcome = history.preview(b, &scenario.images, &Options::default());
        history.record(&outcome);
    }
    let current = &scenario.builds[7];
    let mut best = f64::MAX;
    for _ in 0..20 {
        let start = Instant::now();
        std::hint::black_box(history.preview(current, &scenario.images, &Options::default()));
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("what-if: one build against 50 recorded builds: {best:.3} ms");
}

