//! Small text edits the editor makes for the user.

/// What Enter inserts with the caret at byte `caret`: a line break and an
/// indentation. A line that continues (`RUN apt-get update && \`) keeps its
/// indentation, or gets four spaces (the usual style) after an instruction's
/// first line; the line after an instruction's last continued line goes back
/// to the margin; any other line keeps its indentation.
pub fn newline_with_indent(text: &str, caret: usize, escape: char) -> String {
    let caret = crate::textpos::floor_boundary(text, caret);
    let before = &text[..caret];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    let previous = before[..line_start.saturating_sub(1)].rsplit('\n').next().filter(|_| line_start > 0);
    let continues = |l: &str| !l.trim_start().starts_with('#') && l.trim_end().ends_with(escape);
    let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    if continues(line) {
        if indent.is_empty() {
            "\n    ".to_string()
        } else {
            format!("\n{indent}")
        }
    } else if previous.is_some_and(continues) {
        "\n".to_string()
    } else {
        format!("\n{indent}")
    }
}

#[cfg(test)]
mod tests {
    use super::newline_with_indent;

    /// `|` marks the caret in `text`.
    fn check(text: &str, expect: &str) {
        let caret = text.find('|').unwrap();
        let text = text.replace('|', "");
        assert_eq!(newline_with_indent(&text, caret, '\\'), expect, "{text:?}");
    }

    #[test]
    fn enter_keeps_or_starts_continuation_indentation() {
        check("FROM x|", "\n");
        check("RUN apt-get update && \\|", "\n    ");
        check("RUN a \\\n    b \\|", "\n    ");
        check("RUN a \\\n\tb \\|", "\n\t");
        check("RUN a \\\n    b|", "\n");
        check("RUN <<EOF\n  body|", "\n  ");
        check("  RUN a|b", "\n  ");
        check("# comment \\|", "\n");
        check("中文 \\|\nnext", "\n    ");
    }
}
