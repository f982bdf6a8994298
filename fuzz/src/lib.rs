//! What the fuzz targets share: how an input's bytes become a Dockerfile and
//! a list of choices, the edits a user makes, and the invariants every
//! parse must meet.
//!
//! An input is the Dockerfile's bytes, then optionally a 0xFF byte and the
//! choices (edits, files, build args) that a target reads with
//! `arbitrary::Unstructured`. 0xFF never occurs in UTF-8, so a plain
//! Dockerfile from `core/tests/corpus` is a good seed for every target, and
//! the fuzzer grows the choices by appending to it.

use arbitrary::Unstructured;
use dockerplay_core::syntax::Dockerfile;
use dockerplay_core::Diagnostic;

/// The Dockerfile (invalid UTF-8 replaced, as a browser's text box would
/// hold it) and the choices after the first 0xFF byte.
pub fn split(data: &[u8]) -> (String, Unstructured<'_>) {
    let at = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let text = String::from_utf8_lossy(&data[..at]).into_owned();
    let rest = data.get(at + 1..).unwrap_or(&[]);
    (text, Unstructured::new(rest))
}

/// Pieces that change how the lines around them group: continuations,
/// heredocs, quotes, directives, stage boundaries.
pub const PIECES: &[&str] = &[
    "\\", "\\\n", "`", "\n", "\r\n", "\n\n", "<<EOF", "<<-EOF", "EOF\n", "\"", "'", "#", "# escape=`\n",
    "# syntax=docker/dockerfile:1\n", "# check=skip=all\n", "RUN x", "\nFROM a AS b\n", "\nFROM b\n", "ONBUILD ",
    "--mount=type=cache,target=/c ", "--from=b ", "--link ", "${A:-x}", "$B", "ARG A=1\n", "ENV B=2\n", "你好", "\t", " ",
    "COPY . .\n", "WORKDIR /app\n", "USER 1000\n", "\u{feff}", "\0",
];

/// Rounds a byte offset down to a char boundary of `text`.
pub fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One edit of `text` chosen by `u`: an insertion, a deletion or a
/// replacement, with a piece from [`PIECES`] or a short string of the
/// fuzzer's own. With no choices left it inserts "a" at the start.
pub fn edit(u: &mut Unstructured, text: &str) -> String {
    let at = floor_boundary(text, u.int_in_range(0..=text.len()).unwrap_or(0));
    let len = u.int_in_range(0..=40usize).unwrap_or(0);
    let end = floor_boundary(text, at + len);
    let insert: String = match u.int_in_range(0..=3u8).unwrap_or(0) {
        0 => String::new(),
        1 => u.choose(PIECES).map(|p| p.to_string()).unwrap_or_default(),
        2 => u.arbitrary::<char>().map(String::from).unwrap_or_else(|_| "a".into()),
        _ => {
            let s: &str = u.arbitrary().unwrap_or("a");
            s.chars().take(24).collect()
        }
    };
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..at]);
    out.push_str(&insert);
    out.push_str(&text[end..]);
    out
}

/// What holds for every parse: spans inside the text and on char
/// boundaries, an instruction's text is its span, lines ordered, stages
/// point at existing instructions that belong to them.
pub fn assert_parse_sane(text: &str, df: &Dockerfile, diags: &[Diagnostic]) {
    let in_text = |s: dockerplay_core::Span| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    for i in &df.instructions {
        assert!(in_text(i.span), "instruction span {:?}", i.span);
        assert_eq!(&*i.text, &text[i.span.start..i.span.end]);
        assert!(i.line >= 1 && i.line <= i.end_line, "lines {}..{}", i.line, i.end_line);
        for f in &i.flags {
            assert!(in_text(f.span), "flag span {:?}", f.span);
        }
    }
    for pair in df.instructions.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "instructions overlap: {:?} {:?}", pair[0].span, pair[1].span);
    }
    for d in diags {
        assert!(in_text(d.span), "diagnostic span {:?}: {}", d.span, d.message);
        assert!(!d.message.en().is_empty());
        assert!(d.message.is_complete(), "{} lacks an argument", d.message.id());
    }
    for s in &df.stages {
        assert!(s.from < df.instructions.len());
        for &i in &s.instructions {
            assert!(i < df.instructions.len() && df.instructions[i].stage == Some(s.index));
        }
    }
}

/// Context paths a Dockerfile is likely to name, and odd ones.
const PATHS: &[&str] = &[
    "package.json", "package-lock.json", "src/main.rs", "src/lib.rs", "Cargo.toml", "app/", "app/main.py",
    "requirements.txt", ".dockerignore", "go.mod", "cmd/server/main.go", "a b", "*", "../x", "./y", "dir/", "dir/sub/f",
    "你好.txt", "Dockerfile", ".git/HEAD", "node_modules/x/index.js",
];

/// A `.dockerignore` line or a file's content.
const CONTENTS: &[&str] =
    &["", "x", "node_modules\n", "**/*.log\n!keep.log\n", "*\n!src\n", ".git\n", "fn main() {}\n", "{\"name\":\"a\"}\n"];

/// A virtual build context of up to 12 entries: texts, blobs and
/// directories at likely or arbitrary paths, with optional modes.
pub fn context_files(u: &mut Unstructured) -> Vec<dockerplay_core::inputs::ContextFile> {
    use dockerplay_core::inputs::{ContextFile, DirTag, FileBody};
    let n = u.int_in_range(0..=12usize).unwrap_or(0);
    (0..n)
        .map(|_| {
            let path = if u.ratio(3, 4).unwrap_or(true) {
                u.choose(PATHS).map(|p| p.to_string()).unwrap_or_default()
            } else {
                u.arbitrary::<String>().unwrap_or_default()
            };
            let body = match u.int_in_range(0..=5u8).unwrap_or(0) {
                0 => FileBody::Dir { kind: DirTag::Dir },
                1 => FileBody::Blob {
                    size: u.arbitrary().unwrap_or(0),
                    digest: if u.arbitrary().unwrap_or(false) {
                        u.arbitrary().unwrap_or_default()
                    } else {
                        format!("sha256:{:064x}", u.arbitrary::<u64>().unwrap_or(0))
                    },
                },
                2 => FileBody::Text { content: u.arbitrary().unwrap_or_default() },
                _ => FileBody::Text { content: u.choose(CONTENTS).map(|c| c.to_string()).unwrap_or_default() },
            };
            let mode = match u.int_in_range(0..=3u8).unwrap_or(0) {
                0 => Some(u.choose(&["755", "600", "4755", "x", ""]).map(|m| m.to_string()).unwrap_or_default()),
                _ => None,
            };
            ContextFile { path, body, mode }
        })
        .collect()
}

/// Up to three build args, by names a Dockerfile is likely to declare.
pub fn build_args(u: &mut Unstructured) -> std::collections::BTreeMap<String, String> {
    let n = u.int_in_range(0..=3usize).unwrap_or(0);
    (0..n)
        .map(|_| {
            let name = u.choose(&["A", "B", "VERSION", "NODE_VERSION", "TARGETPLATFORM", "HTTP_PROXY"]).copied().unwrap_or("A");
            let value = u.choose(&["1", "", "alpine", "3.12", "$A", "a b"]).copied().unwrap_or("1");
            (name.to_string(), value.to_string())
        })
        .collect()
}

/// A target: none, a stage name the text may define, or anything.
pub fn target(u: &mut Unstructured) -> Option<String> {
    match u.int_in_range(0..=3u8).unwrap_or(0) {
        0 => Some(u.choose(&["build", "b", "base", "final", "stage-0", ""]).map(|s| s.to_string()).unwrap_or_default()),
        1 => Some(u.arbitrary().unwrap_or_default()),
        _ => None,
    }
}
