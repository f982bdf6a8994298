//! The editor's colouring (`syntax::highlight::tokens`): each case is a
//! Dockerfile shown one source line per output line, each coloured range as
//! `class:text`. Shell-form commands are coloured from the one shell lexer
//! (`shell::lex`), so these cases also show what lint and size read.
//! Update with `UPDATE_EXPECT=1`.

use dockerplay_core::syntax::highlight::tokens;
use expect_test::{expect, Expect};

fn check(text: &str, expect: Expect) {
    let toks = tokens(text);
    let mut out = String::new();
    let mut line_start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let line_end = line_start + line.len();
        let parts: Vec<String> = toks
            .iter()
            .filter(|t| t.span.start < line_end && t.span.end > line_start)
            .map(|t| {
                let (s, e) = (t.span.start.max(line_start), t.span.end.min(line_end));
                format!("{}:{}", &t.class.css()[4..], text[s..e].trim_end_matches(['\n', '\r']))
            })
            .collect();
        if !parts.is_empty() {
            out += &format!("{}| {}\n", i + 1, parts.join("  "));
        }
        line_start = line_end;
    }
    expect.assert_eq(&out);
}

#[test]
fn shell_operators_redirections_and_comments() {
    check(
        "RUN apt-get update && apt-get install -y curl | tee log; echo done >/dev/null 2>&1 || (exit 1) # why\n",
        expect![[r#"
            1| kw:RUN  op:&&  op:|  op:;  op:>  op:2>&  op:||  op:(  op:)  comment:# why
        "#]],
    );
}

#[test]
fn shell_quotes_and_expansions() {
    check(
        r#"RUN echo "a $HOME ${X:-"y"} $(date) `id`" '$NO' $V${W}x \$ESC $1 $(cmd "$IN")"#,
        expect![[r#"
            1| kw:RUN  str:"a   var:$HOME  str:   var:${X:-"y"}  str: $(date) `id`"  str:'$NO'  var:$V${W}
        "#]],
    );
}

#[test]
fn a_hash_inside_a_word_is_no_comment() {
    check(
        "RUN echo a#b '#c' # d\nCMD [\"sh\", \"-c\", \"echo $X # e\"]\n",
        expect![[r#"
            1| kw:RUN  str:'#c'  comment:# d
            2| kw:CMD  str:"sh"  str:"-c"  str:"echo $X # e"
        "#]],
    );
}

#[test]
fn continuations_split_shell_colours_around_comment_lines() {
    check(
        "RUN a && \\\n  # between\n  b \"x \\\n  y\" | \\\n\n  c\nENV K=v\n",
        expect![[r#"
            1| kw:RUN  op:&&
            2| comment:# between
            3| str:"x 
            4| str:  y"  op:|
            7| kw:ENV  key:K
        "#]],
    );
}

#[test]
fn heredoc_words_are_buildkits_not_the_shells() {
    // `cat<<EOF` is one word for BuildKit, so no heredoc: the shell's
    // redirection is an operator and the next line an instruction.
    check(
        "RUN cat<<EOF\nRUN <<EOF sh -x > out\necho hi\nEOF\n",
        expect![[r#"
            1| kw:RUN  op:<<
            2| kw:RUN  heredoc-delim:<<EOF  op:>
            3| heredoc:echo hi
            4| heredoc-delim:EOF
        "#]],
    );
}

#[test]
fn healthcheck_and_onbuild_colour_the_command_they_hold() {
    check(
        "HEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\nHEALTHCHECK NONE\nONBUILD RUN --mount=type=cache,target=/c make && echo \"$A\"\nONBUILD COPY <<F /f\nbody\nF\n",
        expect![[r#"
            1| kw:HEALTHCHECK  flag:--interval=5s  kw:CMD  op:||
            2| kw:HEALTHCHECK  kw:NONE
            3| kw:ONBUILD  kw:RUN  flag:--mount=type=cache,target=/c  op:&&  str:"  var:$A  str:"
            4| kw:ONBUILD  kw:COPY  heredoc-delim:<<F
            5| heredoc:body
            6| heredoc-delim:F
        "#]],
    );
}

#[test]
fn dockerfile_words_expand_as_buildkit_does() {
    // Outside RUN there are no shell operators: `&&` and `>` are text, and
    // the escape character is the Dockerfile's.
    check(
        "# escape=`\nENV A=\"x `\"$B\" C=$D&&E>F\nLABEL a.b-c='$X' d=`$Y\nCOPY --from=s ${SRC:-.} /d/\n",
        expect![[r#"
            1| directive:# escape=`
            2| kw:ENV  key:A  str:"x `"  var:$B  str:"  key:C  var:$D
            3| kw:LABEL  key:a.b-c  str:'$X'  key:d
            4| kw:COPY  flag:--from=s  var:${SRC:-.}
        "#]],
    );
}
