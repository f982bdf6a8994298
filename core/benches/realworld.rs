//! Parse, lint and size over real-world Dockerfiles: every `*.Dockerfile`
//! in the vendored corpus, `tests/corpus/realworld` (public repositories'
//! files with their licences; see its `index.tsv`), or in
//! `$DOCKERPLAY_CORPUS` when that is set; each analysis timed over the whole
//! corpus, median of 15 rounds. Without a corpus it says so and measures
//! nothing. `cargo bench -p dockerplay-core --bench realworld`.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_core::syntax;
use std::time::Instant;

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let dir = std::env::var_os("DOCKERPLAY_CORPUS")
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/realworld").into());
    let mut texts: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".Dockerfile"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect(),
        Err(e) => {
            println!("real-world corpus ABSENT: {}: {e} (nothing measured)", dir.to_string_lossy());
            return;
        }
    };
    texts.sort();
    if texts.is_empty() {
        println!("real-world corpus ABSENT: no *.Dockerfile in {} (nothing measured)", dir.to_string_lossy());
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let inputs: Vec<BuildInput> =
        texts.iter().map(|t| BuildInput { dockerfile: t.clone(), ..Default::default() }).collect();
    let what = format!("{} real-world Dockerfiles, {} KB", texts.len(), bytes / 1024);
    let parse = median_ms(|| texts.iter().for_each(|t| drop(std::hint::black_box(syntax::parse(t)))));
    let opts = CheckOptions::default();
    let check = median_ms(|| inputs.iter().for_each(|i| drop(std::hint::black_box(lint::check(i, &opts)))));
    let size_opts = SizeOptions::default();
    let size = median_ms(|| inputs.iter().for_each(|i| drop(std::hint::black_box(size::estimate(i, &size_opts)))));
    println!("parse {what}: median {parse:.2} ms for all (native)");
    println!("check {what}: median {check:.2} ms for all (native)");
    println!("size estimate {what}: median {size:.2} ms for all (native)");
}
