//! Differential: a chain of edits re-parsed incrementally, each from the
//! previous re-parse, equals a fresh parse of the same text, in full
//! (instructions, spans, lines, stages, comments, diagnostics).
#![no_main]

use dockerplay_core::syntax::{self, Incremental};
use libfuzzer_sys::fuzz_target;

fn rendered(df: &syntax::Dockerfile, diags: &[dockerplay_core::Diagnostic]) -> String {
    serde_json::to_string(&(df, diags)).expect("a parse serialises")
}

fuzz_target!(|data: &[u8]| {
    let (text, mut u) = dockerplay_fuzz::split(data);
    let mut inc = Incremental::new(&text);
    for _ in 0..8 {
        let next = dockerplay_fuzz::edit(&mut u, inc.text());
        inc = inc.edit(&next);
        let (df, diags) = syntax::parse(inc.text());
        let fresh = rendered(&df, &diags);
        let reused = rendered(inc.dockerfile(), inc.diagnostics());
        assert!(fresh == reused, "re-parse differs from a fresh parse of {:?}\nfresh:    {fresh}\nre-parse: {reused}", inc.text());
        if u.is_empty() {
            break;
        }
    }
});
