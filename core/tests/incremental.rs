//! Re-parsing after an edit gives exactly what parsing from scratch gives:
//! the same instructions, spans, lines, stages, comments and diagnostics.
//! Random edits of the real-world corpus, including ones that open or close
//! continuations, heredocs and quotes, or touch the directive block.

mod support;
use support::Rng;

use dockerplay_core::syntax::{self, Incremental};

/// Tokens that change how the lines around them group, spliced in at random.
const PIECES: &[&str] = &[
    "\\",
    "\\\n",
    "`",
    "\n",
    "\r\n",
    "\n\n",
    "<<EOF",
    "<<-EOF",
    "EOF\n",
    "\"",
    "'",
    "#",
    "# escape=`\n",
    "RUN x",
    "\nFROM a AS b\n",
    "ONBUILD ",
    "--mount=type=cache,target=/c ",
    "你好",
    "\t",
    " ",
];

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .map(|e| std::fs::read_to_string(e.expect("corpus entry").path()).expect("corpus file"))
        .collect();
    texts.sort();
    assert!(texts.len() > 10, "the corpus is there");
    texts
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random edit, as a user typing or pasting would make.
fn edit(rng: &mut Rng, text: &str) -> String {
    let mut t = text.to_string();
    let at = char_boundary(&t, rng.below(t.len() + 1));
    match rng.below(4) {
        0 => t.insert_str(at, PIECES[rng.below(PIECES.len())]),
        1 => {
            let end = char_boundary(&t, (at + rng.below(40)).min(t.len()));
            t.replace_range(at..end, "");
        }
        2 => {
            let end = char_boundary(&t, (at + rng.below(8)).min(t.len()));
            t.replace_range(at..end, PIECES[rng.below(PIECES.len())]);
        }
        // A one-character change, the common case while typing.
        _ => t.insert(at, ['a', '0', '=', '$', '-'][rng.below(5)]),
    }
    t
}

/// Both results, rendered in full.
fn same_as_fresh(inc: &Incremental, context: &str) {
    let (df, diags) = syntax::parse(inc.text());
    let fresh = serde_json::to_string_pretty(&(&df, &diags)).expect("serialise");
    let reused = serde_json::to_string_pretty(&(&**inc.dockerfile(), inc.diagnostics())).expect("serialise");
    if fresh != reused {
        let first = fresh.lines().zip(reused.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let around = |s: &str| s.lines().skip(first.saturating_sub(8)).take(16).collect::<Vec<_>>().join("\n");
        panic!(
            "{context}: re-parse differs from a fresh parse of {:?}\nfresh:\n{}\nre-parsed:\n{}",
            inc.text(),
            around(&fresh),
            around(&reused)
        );
    }
}

#[test]
fn edits_of_real_dockerfiles_reparse_as_fresh_parses() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for (n, text) in corpus().iter().enumerate() {
        for round in 0..40 {
            // A chain of edits, each re-parsed from the previous re-parse, so
            // that lines moved once are moved again.
            let mut inc = Incremental::new(text);
            for step in 0..5 {
                let next = edit(&mut rng, inc.text());
                inc = inc.edit(&next);
                same_as_fresh(&inc, &format!("corpus file {n}, round {round}, edit {step}"));
            }
        }
    }
}

#[test]
fn typing_a_line_character_by_character_reparses_as_fresh_parses() {
    let text = &corpus()[0];
    let mut rng = Rng(7);
    for _ in 0..30 {
        let mut at = char_boundary(text, rng.below(text.len()));
        let mut inc = Incremental::new(text);
        for c in "RUN echo \"hi\" \\\n  && ls <<EOF\nx\nEOF\n".chars() {
            let mut t = inc.text().to_string();
            t.insert(at, c);
            at += c.len_utf8();
            inc = inc.edit(&t);
            same_as_fresh(&inc, "typing");
        }
    }
}

#[test]
fn an_unchanged_text_and_edits_at_either_end_reparse_as_fresh_parses() {
    let text =
        "# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine:${V}\nRUN echo a \\\n  b\nCOPY <<EOF /x\nbody\nEOF\n";
    let inc = Incremental::new(text);
    for next in [
        text.to_string(),
        format!("# escape=`\n{text}"),
        format!("{text}RUN more"),
        text.trim_end().to_string(),
        text.replace("# syntax=docker/dockerfile:1\n", ""),
        text.replace("EOF\n", ""),
        String::new(),
    ] {
        same_as_fresh(&inc.edit(&next), &format!("edit to {next:?}"));
    }
    // A line that ran to the end of the text goes on when text is appended.
    for (old, new) in [
        ("FROM a\nRUN x \\", "FROM a\nRUN x \\\n  y\n"),
        ("FROM a\nRUN <<EOF\nbody", "FROM a\nRUN <<EOF\nbody\nEOF\nRUN z\n"),
        ("FROM a\nRUN x", "FROM a\nRUN xy"),
    ] {
        same_as_fresh(&Incremental::new(old).edit(new), &format!("{old:?} to {new:?}"));
    }
}
