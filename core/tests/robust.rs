//! The parser never panics and always covers its input sensibly, whatever
//! it is given: random bytes, mutations of real Dockerfiles, huge pastes.
//! A small deterministic generator keeps the runs reproducible.

mod support;
use support::Rng;

use dockerplay_core::syntax;

const SEED_TEXT: &str = "# syntax=docker/dockerfile:1\n# escape=\\\nARG V=1\nFROM node:${V} AS build\nWORKDIR /app\nCOPY --link package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n  && echo ok\nRUN <<EOF\necho hi\nEOF\nCOPY <<-X /a\n\tx\n\tX\nENV A=1 B=\"2 3\"\nHEALTHCHECK --interval=5s CMD [\"true\"]\nONBUILD RUN make\nFROM build\nCOPY --from=build /app /app\nCMD [\"node\"]\n";

/// Tokens that stress the grammar when spliced in at random.
const PIECES: &[&str] = &[
    "\\",
    "\\\n",
    "`",
    "\n",
    "\r\n",
    "<<",
    "<<-EOF",
    "EOF\n",
    "\"",
    "'",
    "${",
    "}",
    "[",
    "]",
    "--mount=",
    "--",
    "#",
    "# escape=`\n",
    "\u{feff}",
    "\t",
    "你好",
    "é",
    "\0",
    "=",
    ",",
    "FROM",
    "RUN",
    "ONBUILD ",
    "\u{10FFFF}",
];

/// Checks what must hold for any input: no panic, spans inside the text and
/// on char boundaries, lines ordered.
fn assert_sane(text: &str) {
    let (df, diags) = syntax::parse(text);
    for i in &df.instructions {
        assert!(
            i.span.end <= text.len() && text.is_char_boundary(i.span.start) && text.is_char_boundary(i.span.end),
            "instruction span {:?} in {text:?}",
            i.span
        );
        assert!(i.line >= 1 && i.line <= i.end_line);
        assert_eq!(&*i.text, &text[i.span.start..i.span.end]);
        for f in &i.flags {
            assert!(
                f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end)
            );
        }
    }
    for d in &diags {
        assert!(
            d.span.start <= d.span.end
                && d.span.end <= text.len()
                && text.is_char_boundary(d.span.start)
                && text.is_char_boundary(d.span.end),
            "diagnostic span {:?}",
            d.span
        );
        assert!(!d.message.en().is_empty());
        assert!(d.message.is_complete(), "{} lacks an argument", d.message.id());
    }
    for s in &df.stages {
        assert!(s.from < df.instructions.len());
        assert!(s.instructions.iter().all(|&i| i < df.instructions.len() && df.instructions[i].stage == Some(s.index)));
    }
}

#[test]
fn random_bytes_never_break_the_parser() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2_000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        assert_sane(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn mutated_dockerfiles_never_break_the_parser() {
    let mut rng = Rng(42);
    for _ in 0..3_000 {
        let mut text = SEED_TEXT.to_string();
        for _ in 0..1 + rng.below(6) {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
                1 => {
                    let mut end = (at + rng.below(12)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, "");
                }
                _ => {
                    let piece = PIECES[rng.below(PIECES.len())].repeat(1 + rng.below(4));
                    text.insert_str(at, &piece);
                }
            }
        }
        assert_sane(&text);
    }
}

#[test]
fn a_one_megabyte_paste_parses_whole() {
    let mut text = String::with_capacity(1 << 20);
    let mut n = 0;
    while text.len() < 1 << 20 {
        text.push_str(&format!(
            "RUN echo step {n} && apt-get install -y pkg{n} \\\n    && rm -rf /var/lib/apt/lists/*\n"
        ));
        n += 1;
    }
    let text = format!("FROM debian:bookworm\n{text}");
    let (df, diags) = syntax::parse(&text);
    assert_eq!(df.instructions.len(), n + 1);
    assert!(diags.is_empty());
}

#[test]
fn pathological_lines_parse() {
    for text in [
        "\\\n".repeat(50_000),
        "FROM a\nRUN ".to_string() + &"\\\n".repeat(50_000),
        "FROM a\nRUN <<A <<B <<C\n".to_string(),
        "[".repeat(100_000),
        "\n".repeat(100_000),
        "FROM a\nENV ".to_string() + &"\"".repeat(10_001),
    ] {
        assert_sane(&text);
    }
}
