//! Parsing benchmark: a 5,000-instruction Dockerfile, parsed repeatedly;
//! prints the median and best times. Run with `cargo bench -p dockerplay-core --bench parse`.

use dockerplay_core::syntax;
use std::time::Instant;

/// A Dockerfile of `n` instructions mixing every common kind, continuations
/// and heredocs included, so the figure reflects real files.
pub fn big_dockerfile(n: usize) -> String {
    let mut out = String::from("# syntax=docker/dockerfile:1\nARG BASE=debian:bookworm\n");
    let mut count = 1;
    let mut stage = 0;
    while count < n {
        match (count - 1) % 10 {
            0 => {
                out.push_str(&format!("FROM ${{BASE}} AS s{stage}\n"));
                stage += 1;
            }
            1 => out.push_str("WORKDIR /app\n"),
            2 => out.push_str("COPY --link --chown=1000:1000 package*.json ./\n"),
            3 => out.push_str("RUN --mount=type=cache,target=/root/.npm \\\n    npm ci \\\n    # comment\n    && npm run build\n"),
            4 => out.push_str("ENV NODE_ENV=production PORT=8080\n"),
            5 => out.push_str("RUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n"),
            6 => out.push_str("LABEL org.opencontainers.image.title=\"demo\"\n"),
            7 => out.push_str("COPY --from=s0 /app/dist /srv\n"),
            8 => out.push_str("EXPOSE 8080/tcp\n"),
            _ => out.push_str("CMD [\"node\", \"server.js\"]\n"),
        }
        count += 1;
    }
    out
}

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
    println!("parse 5,000 instructions ({} KB): median {:.2} ms, best {:.2} ms (native)", text.len() / 1024, times[times.len() / 2], times[0]);
}
