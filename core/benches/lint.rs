//! Findings benchmark: every rule over the 5,000-instruction Dockerfile the
//! parse benchmark uses, all stages checked; prints the median and best
//! times. `cargo bench -p dockerplay-core --bench lint`. The CLI against
//! hadolint on the same size of file is scripts/bench-check.sh.

use dockerplay_core::fixtures::big_dockerfile;
use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use std::time::Instant;

fn main() {
    let input = BuildInput { dockerfile: big_dockerfile(5_000), ..Default::default() };
    let opts = CheckOptions { all_stages: true, experimental: true, enable: vec!["all".into()], ..Default::default() };
    let (findings, _) = lint::check(&input, &opts);
    assert!(!findings.is_empty(), "the generated file has something to report");
    let mut times = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        std::hint::black_box(lint::check(std::hint::black_box(&input), &opts));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "check 5,000 instructions ({} rules, {} findings): median {:.2} ms, best {:.2} ms (native, parse included)",
        lint::rules().len(),
        findings.len(),
        times[times.len() / 2],
        times[0]
    );
}
