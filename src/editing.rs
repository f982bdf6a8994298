//! Small text edits the editor makes for the user.

/// What Enter inserts with the caret at byte `caret`: a line break and the
/// current line's indentation. After the first line of an instruction that
/// continues (`RUN apt-get update && \`), the new line is indented by four
/// spaces, the usual style for continuation lines.
pub fn newline_with_indent(text: &str, caret: usize, escape: char) -> String {
    let caret = crate::textpos::floor_boundary(text, caret);
    let before = &text[..caret];
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let continues = line.trim_end().ends_with(escape);
    if indent.is_empty() && continues && !line.trim_start().starts_with('#') {
        "\n    ".to_string()
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
        check("RUN a \\\n\tb|", "\n\t");
        check("  RUN a|b", "\n  ");
        check("# comment \\|", "\n");
        check("中文 \\|\nnext", "\n    ");
    }
}
