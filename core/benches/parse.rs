//! Parsing benchmark: a 5,000-instruction Dockerfile, parsed repeatedly;
//! prints the median and best times. `cargo bench -p dockerplay-core --bench parse`.
//! The same text is parsed in the browser by tests/bench_parse.rs.

use dockerplay_core::{fixtures::big_dockerfile, syntax};
use std::time::Instant;

fn main() {
    let text = big_dockerfile(5_000);
    let (df, diags) = syntax::parse(&text);
    assert_eq!(df.instructions.len(), 5_000, "the generator makes 5,000 instructions");
    assert!(diags.is_empty(), "{diags:?}");
    let mut times = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        std::hint::black_box(syntax::parse(std::hint::black_box(&text)));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "parse 5,000 instructions ({} KB): median {:.2} ms, best {:.2} ms (native)",
        text.len() / 1024,
        times[times.len() / 2],
        times[0]
    );
}
