//! A generated many-stage Dockerfile for the graph benchmarks, shared by
//! the native run (core/benches/graph.rs) and any in-browser run so both
//! measure the same graph. Nothing in the app calls it.

use std::fmt::Write;

/// A Dockerfile of `n` stages: each builds on an image or one of the four
/// stages before it and copies from up to two earlier stages (any of them,
/// so edges span many layers) and now and then from an external image. A
/// fixed pseudo-random sequence keeps it the same on every run.
pub fn many_stages(n: usize) -> String {
    let mut state: u64 = 42;
    let mut next = move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % m.max(1)
    };
    let mut text = String::from("ARG GO=1.22\n");
    for i in 0..n {
        if i == 0 || next(3) == 0 {
            let _ = writeln!(text, "FROM golang:${{GO}} AS s{i}");
        } else {
            let _ = writeln!(text, "FROM s{} AS s{i}", i - 1 - next(i.min(4)));
        }
        let _ = writeln!(text, "RUN make part-{i}");
        for _ in 0..next(3) {
            if i > 0 {
                let _ = writeln!(text, "COPY --from=s{} /out /in/{i}", next(i));
            }
        }
        if next(10) == 0 {
            let _ = writeln!(text, "COPY --from=busybox:1.36 /bin/sh /bin/sh");
        }
    }
    text
}
