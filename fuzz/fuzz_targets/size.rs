//! The size estimate over any Dockerfile and context: no panic, figures
//! that fit together (an image is at least its layers, an estimate is part
//! of its layer, a config-only step stores nothing, efficiency between 0
//! and 1), and the comparison with other bases.
#![no_main]

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_fuzz::{build_args, context_files, split, target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, mut u) = split(data);
    let input = BuildInput {
        dockerfile: text,
        files: context_files(&mut u),
        build_args: build_args(&mut u),
        target: target(&mut u),
        ..Default::default()
    };
    let opts = SizeOptions::default();
    let (report, _) = size::estimate(&input, &opts);
    for stage in std::iter::once(&report.image).chain(&report.other_stages) {
        assert!(stage.uncompressed >= stage.added_uncompressed, "stage {}: {} < its layers {}", stage.name, stage.uncompressed, stage.added_uncompressed);
        for l in &stage.layers {
            let input = || serde_json::to_string(&input).unwrap_or_default();
            assert!(l.estimated <= l.uncompressed, "line {}: estimate {} > layer {}\ninput: {}", l.line, l.estimated, l.uncompressed, input());
            assert!(l.creates_layer || l.uncompressed == 0, "line {}: a config-only step stores {} bytes", l.line, l.uncompressed);
        }
    }
    assert!((0.0..=1.0).contains(&report.efficiency), "efficiency {}", report.efficiency);
    let _ = size::compare_bases(&input, &opts);
});
