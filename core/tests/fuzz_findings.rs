//! What the fuzzers (`fuzz/`, `scripts/fuzz.sh`) found, each kept as the
//! smallest input that showed it, checked for the property the fuzz target
//! asserts. A new finding gets a case here before its fix.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, SizeOptions};

/// The `size` target: every layer's estimated part is part of the layer.
fn check_size(dockerfile: &str) {
    let input = BuildInput { dockerfile: dockerfile.to_string(), ..Default::default() };
    let (report, _) = size::estimate(&input, &SizeOptions::default());
    for stage in std::iter::once(&report.image).chain(&report.other_stages) {
        for l in &stage.layers {
            assert!(
                l.estimated <= l.uncompressed,
                "line {}: estimated {} of a {} B layer",
                l.line,
                l.estimated,
                l.uncompressed
            );
        }
    }
}

#[test]
fn packages_deleted_in_their_own_step_are_no_estimate_of_it() {
    // Found by `size` from core/tests/corpus/php-laravel-fpm-cn.Dockerfile:
    // the build dependencies' estimate outlived their deletion.
    check_size(
        "FROM php:8.3-fpm-alpine\n\
         RUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS \\\n\
         \x20   && docker-php-ext-install pdo_mysql \\\n\
         \x20   && pecl install redis \\\n\
         \x20   && apk del .build-deps\n",
    );
}

/// The `highlight` target: every instruction the parser reads has its
/// keyword coloured as one.
fn check_colours(dockerfile: &str) {
    use dockerplay_core::syntax::{self, highlight};
    let tokens = highlight::tokens(dockerfile);
    let class_at = |offset: usize| tokens.iter().find(|t| t.span.contains(offset)).map(|t| t.class);
    for ins in &syntax::parse(dockerfile).0.instructions {
        assert_eq!(class_at(ins.keyword_span.start), Some(highlight::Class::Keyword), "line {}", ins.line);
    }
}

#[test]
fn an_escaped_escape_at_the_end_of_a_line_continues_nothing_in_colour_either() {
    // Found by `highlight`: the colouring read `\\` at the end of a line as
    // a continuation, which BuildKit (and the parser) do not, so the next
    // instruction was coloured as an argument.
    check_colours("FROM alpine\nRUN echo \\\\\nCOPY . .\n");
    check_colours("# escape=`\nFROM alpine\nRUN echo ``\nCOPY . .\n");
}

#[test]
fn any_whitespace_ends_the_keyword_in_colour_as_in_the_parser() {
    // Found by `highlight`: the parser ends the keyword at any whitespace
    // (a vertical tab here), the colouring only at a space or a tab.
    check_colours("FROM p\nCOPY\x0b\0 d");
    // And at any whitespace before it.
    check_colours("FROM d\n\x0bARG U");
}

#[test]
fn an_escaped_blank_joins_the_heredoc_marker_to_its_word_in_colour_too() {
    // Found by `highlight`: `\ <<E` is one word for BuildKit (and the
    // parser), so no heredoc; the colouring split it at the blank and read
    // the rest of the file as a heredoc body.
    check_colours("FROM p\nRUN \\ <<E\nCMD ");
    // Nor after quotes in the same word: BuildKit tests the word with its
    // quotes (`''<<.` is no heredoc marker).
    check_colours("FROM e\nRUN ''<<.\nRUN c");
}

#[test]
fn blanks_after_an_escaped_blank_end_the_word_before_a_heredoc() {
    // Found by `highlight`: the parser kept blanks after an escaped blank
    // in the word, as it does after `<<`, so `\  <<F` hid the heredoc that
    // BuildKit reads (its words: `\ `, `<<F`).
    let (file, _) = dockerplay_core::syntax::parse("FROM h\nRUN \\  <<F\nx\nF\n");
    assert_eq!(file.instructions[1].heredocs.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["F"]);
    check_colours("FROM h\nRUN \\  <<F\nx\nF\nFROM r\n");
}

/// The `lint_fix` target: no fix makes the file parse worse (more errors).
#[test]
fn a_heredoc_body_may_start_with_a_blank_line() {
    // Found by `highlight`: a body whose first line is blank starts with a
    // line break, which no colour covers; the target now looks at the
    // body's first character that is not a line break, as here.
    use dockerplay_core::syntax::{self, highlight};
    let text = "FROM a\nCOPY <<-A <<B /x\na\nA\n\nb\nB\n";
    let tokens = highlight::tokens(text);
    let (file, _) = syntax::parse(text);
    let b = &file.instructions[1].heredocs[1];
    let first = b.span.start + text[b.span.start..].find(|c| c != '\n').unwrap();
    let class = tokens.iter().find(|t| t.span.contains(first)).map(|t| t.class);
    assert_eq!((b.content.as_str(), class), ("\nb\n", Some(highlight::Class::Heredoc)));
}

#[test]
fn a_redirections_target_is_no_file_descriptor() {
    // Found by `highlight` once it coloured RUN from the shell lexer: in
    // `<8<<<x` the lexer read the target `8` as the file descriptor of a
    // second redirection and pushed that one first, so tokens came out of
    // order (the colouring's debug assertion stops on that).
    check_colours("FROM p\nRUN mkdir -p <8<<<x\n");
    let tokens = dockerplay_core::shell::lex::lex_script("a <8<<<x 2>y");
    for pair in tokens.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:?}");
    }
}

fn check_fixes_parse_no_worse(dockerfile: &str) {
    use dockerplay_core::lint::{self, CheckOptions};
    use dockerplay_core::{syntax, Severity};
    let errors = |t: &str| syntax::parse(t).1.iter().filter(|d| d.severity == Severity::Error).count();
    let input = BuildInput { dockerfile: dockerfile.to_string(), ..Default::default() };
    let (findings, _) = lint::check(&input, &CheckOptions { all_stages: true, ..CheckOptions::default() });
    // Each fix alone, as a click applies it, safe or not.
    for f in findings.iter().filter(|f| f.fix.is_some()) {
        let mut alone = f.clone();
        if let Some(fix) = &mut alone.fix {
            fix.safe = true;
        }
        let fixed = lint::fix::apply_fixes(dockerfile, std::slice::from_ref(&alone));
        assert!(errors(&fixed) <= errors(dockerfile), "the fix of {} parses worse: {fixed:?}", f.code);
    }
}

#[test]
fn no_slash_is_added_to_a_heredoc_marker_read_as_a_destination() {
    // Found by `lint_fix`: DP321 (DL3021) added `/` to the destination of
    // `COPY l u <<`, which BuildKit then reads as a heredoc named `/`.
    check_fixes_parse_no_worse("COPY l u <<");
}

#[test]
fn the_exec_form_fix_keeps_a_blank_after_a_keyword_continued_at_once() {
    // Found by `lint_fix` (2026-12-03): `CMD\` then the command on the next
    // line became `CMD["..."]`, which BuildKit does not parse.
    check_fixes_parse_no_worse("FROM alpine\nCMD\\\n    CGO_ENABLED=0\n");
}

#[test]
fn a_line_holding_only_the_escape_continues_to_the_keyword_in_colour_too() {
    // Found by `highlight` (2026-12-03): BuildKit joins the lines before it
    // reads the keyword, so the keyword of an instruction whose first line
    // is only the escape character is on a later line, past comments.
    check_colours("# escape=`\nFROM a\"x\n`\n  # c\nSHELL [\"p\"]\n");
    check_colours("FROM a\n\\\n\n  # c\nRUN echo \\\n  hi\n");
    let tokens = dockerplay_core::syntax::highlight::tokens("FROM a\n\\\n  # c\nSHELL [\"p\"]\n");
    assert!(tokens.windows(2).all(|p| p[0].span.end <= p[1].span.start), "{tokens:?}");
}

#[test]
fn the_key_value_fix_leaves_a_key_with_a_quote_alone() {
    // Found by `lint_fix` (2026-12-03): `ENV A"b c d` became `ENV A"b="c d"`,
    // which reads the quote as opening a string.
    check_fixes_parse_no_worse("FROM alpine\nENV UV_CO\"ripcou c0755 mvnw mvnw\nCOPY . .\n");
}
