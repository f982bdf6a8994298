//! `check --fix`: every safe fix applied, written back to the file, or
//! shown as a unified diff with `--dry-run`. A fixed text that parses
//! worse than the original (more parse errors) is never written: the file
//! is left as it was and the run says so.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use dockerplay_core::{syntax, Severity};

/// The parser's error count: what "parses worse" is measured by.
pub fn parse_errors(text: &str) -> usize {
    syntax::parse(text).1.iter().filter(|d| d.severity == Severity::Error).count()
}

/// The input with every safe fix applied, or None when nothing changes or
/// the result would parse worse (then the reason).
pub fn fixed(input: &BuildInput, opts: &CheckOptions) -> Result<Option<String>, String> {
    let after = lint::fix_all_safe(input, opts);
    if after == input.dockerfile {
        return Ok(None);
    }
    let (before_errors, after_errors) = (parse_errors(&input.dockerfile), parse_errors(&after));
    if after_errors > before_errors {
        return Err(format!("the fixes would leave {after_errors} parse errors where there were {before_errors}; the file was left as it was"));
    }
    Ok(Some(after))
}

/// A unified diff (`diff -u` / `git diff` style, three lines of context)
/// between a file and its fixed text; `patch -p1` applies it.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    let name = name.trim_start_matches("./");
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_headers_and_hunks() {
        let d = unified_diff("./app/Dockerfile", "from alpine\nRUN a\n", "FROM alpine\nRUN a\n");
        assert_eq!(
            d,
            "--- a/app/Dockerfile\n+++ b/app/Dockerfile\n@@ -1,2 +1,2 @@\n-from alpine\n+FROM alpine\n RUN a\n"
        );
    }

    #[test]
    fn fixes_apply_and_nothing_to_fix_is_none() {
        let input = BuildInput { dockerfile: "FROM alpine:3.20 as Build\n".into(), ..Default::default() };
        assert_eq!(fixed(&input, &CheckOptions::default()), Ok(Some("FROM alpine:3.20 AS build\n".into())));
        let clean = BuildInput { dockerfile: "FROM alpine:3.20\n".into(), ..Default::default() };
        assert_eq!(fixed(&clean, &CheckOptions::default()), Ok(None));
    }
}
