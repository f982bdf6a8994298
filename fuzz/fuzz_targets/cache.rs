//! The cache simulation over random scenarios: a first build from the
//! input's Dockerfile, context and build args, then up to five builds that
//! each repeat, edit the Dockerfile, change, add or drop a context file,
//! change the build args or the target, or apply a one-click what-if.
//!
//! Beyond not panicking: every build reports one step per instruction,
//! its hit and miss counts agree with its steps, and a build identical to
//! the one before it misses nothing and yields the same image (if any).
#![no_main]

use dockerplay_core::cache::{self, Status};
use dockerplay_core::inputs::{BuildInput, ContextFile, Scenario};
use dockerplay_core::syntax;
use dockerplay_fuzz::{build_args, context_files, edit, split, target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, mut u) = split(data);
    let first = BuildInput {
        dockerfile: text,
        files: context_files(&mut u),
        build_args: build_args(&mut u),
        target: target(&mut u),
        ..Default::default()
    };
    let mut builds = vec![first];
    let mut repeats = Vec::new();
    for _ in 0..u.int_in_range(0..=5usize).unwrap_or(1) {
        let mut next = builds.last().cloned().unwrap_or_default();
        match u.int_in_range(0..=6u8).unwrap_or(0) {
            0 => repeats.push(builds.len()),
            1 => next.dockerfile = edit(&mut u, &next.dockerfile),
            2 if !next.files.is_empty() => {
                let i = u.choose_index(next.files.len()).unwrap_or(0);
                next.files[i] = ContextFile::text(&next.files[i].path.clone(), &u.arbitrary::<String>().unwrap_or_default());
            }
            3 => next.files.extend(context_files(&mut u).into_iter().take(1)),
            4 if !next.files.is_empty() => {
                let i = u.choose_index(next.files.len()).unwrap_or(0);
                next.files.remove(i);
            }
            5 => next.build_args = build_args(&mut u),
            _ => match cache::source_files(&next).first() {
                Some(path) => next = cache::with_file_edited(&next, path),
                None => next.target = target(&mut u),
            },
        }
        builds.push(next);
    }
    let scenario = Scenario { builds, ..Default::default() };
    let (sim, _) = cache::simulate(&scenario);
    assert_eq!(sim.builds.len(), scenario.builds.len());
    for (input, report) in scenario.builds.iter().zip(&sim.builds) {
        let (df, _) = syntax::parse(&input.dockerfile);
        assert_eq!(report.steps.len(), df.instructions.len(), "one step per instruction");
        let count = |s: Status| report.steps.iter().filter(|step| step.status == s).count();
        assert_eq!(report.hits, count(Status::Hit));
        assert_eq!(report.misses, count(Status::Miss));
        for step in &report.steps {
            assert!(step.instruction < df.instructions.len());
            assert!(step.est_seconds.is_finite() && step.est_seconds >= 0.0, "step time {}", step.est_seconds);
        }
    }
    for &i in &repeats {
        let report = &sim.builds[i];
        let missed: Vec<_> = report.steps.iter().filter(|s| s.status == Status::Miss).map(|s| (&s.text, &s.reason)).collect();
        let scenario = || serde_json::to_string(&scenario).unwrap_or_default();
        assert!(missed.is_empty(), "build {} repeats build {} yet misses {missed:?}\nscenario: {}", i + 1, i, scenario());
        // A build without an image (no stage) reports `changed` as it did.
        let same_image = report.image.id.is_empty() || !report.image.changed;
        assert!(same_image, "build {} repeats build {} yet changes the image\nscenario: {}", i + 1, i, scenario());
    }
});
