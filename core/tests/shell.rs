//! The one shell reader: each case is a script, lexed into tokens (with
//! the source text each span covers), each word expanded as a RUN word
//! with a fixed environment, and the variable references BuildKit's
//! expansion of the whole text looks up. Update with `UPDATE_EXPECT=1`.

use dockerplay_core::shell::expand::{expand_shell, var_refs};
use dockerplay_core::shell::lex::{lex, lex_script, Kind, Source, Token, Word};
use dockerplay_core::Span;
use expect_test::{expect, Expect};

const ENV: &[(&str, &str)] = &[("NAME", "world"), ("EMPTY", ""), ("DIR", "/opt/应用")];

fn lookup(name: &str) -> Option<String> {
    ENV.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
}

fn word(w: &Word) -> String {
    let expanded = match expand_shell(&w.raw, &lookup) {
        Ok(e) if e.dynamic => format!("{:?} dynamic", e.value),
        Ok(e) => format!("{:?}", e.value),
        Err(e) => format!("error: {e}"),
    };
    let quoted = if w.quoted { " quoted" } else { "" };
    format!("word {:?} unquoted={:?} expands={expanded}{quoted}", w.raw, w.unquoted)
}

fn show(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        let line = match &t.kind {
            Kind::Word(w) => word(w),
            Kind::Op(op) => format!("op {op:?}"),
            Kind::Redirect(r) => {
                let heredoc = if r.heredoc { " heredoc" } else { "" };
                let target = r.target.as_ref().map_or("none".to_string(), word);
                format!("redirect {:?}{heredoc} -> {target}", r.op)
            }
            Kind::Comment => "comment".to_string(),
        };
        out += &format!("{:<24} {line}\n", format!("{:?}", t.span.slice(text)));
    }
    let refs: Vec<String> = var_refs(text, '\\')
        .iter()
        .map(|r| format!("{}{}@{:?}", r.name, if r.has_modifier { "+mod" } else { "" }, &text[r.start..r.end]))
        .collect();
    out += &format!("refs: {}\n", refs.join(" "));
    out
}

/// Lexes `script` as a shell script.
fn check(script: &str, expect: Expect) {
    expect.assert_eq(&show(script, &lex_script(script)));
}

/// Lexes the arguments of a RUN instruction `text` (after `RUN `) as the
/// Dockerfile holds them, with its escape character.
fn check_run(text: &str, escape: char, expect: Expect) {
    let tokens = lex(text, Span::new(4, text.len()), Source::Dockerfile { escape, first_line: false });
    expect.assert_eq(&show(text, &tokens));
}

#[test]
fn operators_and_redirections() {
    check(
        "a && b || c; d | e |& f & g 2>&1 >/dev/null >> log <in ;; (h) &> all",
        expect![[r##"
            "a"                      word "a" unquoted="a" expands="a"
            "&&"                     op And
            "b"                      word "b" unquoted="b" expands="b"
            "||"                     op Or
            "c"                      word "c" unquoted="c" expands="c"
            ";"                      op Semi
            "d"                      word "d" unquoted="d" expands="d"
            "|"                      op Pipe
            "e"                      word "e" unquoted="e" expands="e"
            "|&"                     op Pipe
            "f"                      word "f" unquoted="f" expands="f"
            "&"                      op Background
            "g"                      word "g" unquoted="g" expands="g"
            "2>&1"                   redirect "2>&" -> word "1" unquoted="1" expands="1"
            ">/dev/null"             redirect ">" -> word "/dev/null" unquoted="/dev/null" expands="/dev/null"
            ">> log"                 redirect ">>" -> word "log" unquoted="log" expands="log"
            "<in"                    redirect "<" -> word "in" unquoted="in" expands="in"
            ";;"                     op CaseEnd
            "("                      op Open
            "h"                      word "h" unquoted="h" expands="h"
            ")"                      op Close
            "&> all"                 redirect "&>" -> word "all" unquoted="all" expands="all"
            refs: 
        "##]],
    );
}

#[test]
fn quotes_and_escapes() {
    check(
        r#"echo 'a $NAME' "b $NAME \"q\" \$x" c\ d \$NAME "\n" '' a#b # a comment"#,
        expect![[r##"
            "echo"                   word "echo" unquoted="echo" expands="echo"
            "'a $NAME'"              word "'a $NAME'" unquoted="a $NAME" expands="a $NAME" quoted
            "\"b $NAME \\\"q\\\" \\$x\"" word "\"b $NAME \\\"q\\\" \\$x\"" unquoted="b $NAME \"q\" $x" expands="b world \"q\" $x" quoted
            "c\\ d"                  word "c\\ d" unquoted="c d" expands="c d"
            "\\$NAME"                word "\\$NAME" unquoted="$NAME" expands="$NAME"
            "\"\\n\""                word "\"\\n\"" unquoted="\\n" expands="\\n" quoted
            "''"                     word "''" unquoted="" expands="" quoted
            "a#b"                    word "a#b" unquoted="a#b" expands="a#b"
            "# a comment"            comment
            refs: NAME@"$NAME"
        "##]],
    );
}

#[test]
fn default_values_with_and_without_colon() {
    // `${V-x}` uses x only when V is unset; `${V:-x}` also when it is empty
    // (BuildKit: frontend/dockerfile/shell/lex.go processDollar).
    check(
        "echo ${EMPTY-x} ${EMPTY:-x} ${UNSET-x} ${UNSET:-x} ${NAME:+set} ${EMPTY+set} ${UNSET:=d} ${UNSET:?no}",
        expect![[r#"
            "echo"                   word "echo" unquoted="echo" expands="echo"
            "${EMPTY-x}"             word "${EMPTY-x}" unquoted="${EMPTY-x}" expands=""
            "${EMPTY:-x}"            word "${EMPTY:-x}" unquoted="${EMPTY:-x}" expands="x"
            "${UNSET-x}"             word "${UNSET-x}" unquoted="${UNSET-x}" expands="x"
            "${UNSET:-x}"            word "${UNSET:-x}" unquoted="${UNSET:-x}" expands="x"
            "${NAME:+set}"           word "${NAME:+set}" unquoted="${NAME:+set}" expands="set"
            "${EMPTY+set}"           word "${EMPTY+set}" unquoted="${EMPTY+set}" expands="set"
            "${UNSET:=d}"            word "${UNSET:=d}" unquoted="${UNSET:=d}" expands="d"
            "${UNSET:?no}"           word "${UNSET:?no}" unquoted="${UNSET:?no}" expands=error: UNSET: no
            refs: EMPTY+mod@"${EMPTY-x}" EMPTY+mod@"${EMPTY:-x}" UNSET+mod@"${UNSET-x}" UNSET+mod@"${UNSET:-x}" NAME+mod@"${NAME:+set}" EMPTY+mod@"${EMPTY+set}" UNSET+mod@"${UNSET:=d}"
        "#]],
    );
}

#[test]
fn nested_braces() {
    check(
        r#"cp ${A:-${B:-"$NAME x"}}/f "${DIR}/${UNSET:-$EMPTY}" $1 $@"#,
        expect![[r##"
            "cp"                     word "cp" unquoted="cp" expands="cp"
            "${A:-${B:-\"$NAME x\"}}/f" word "${A:-${B:-\"$NAME x\"}}/f" unquoted="${A:-${B:-\"$NAME x\"}}/f" expands="world x/f"
            "\"${DIR}/${UNSET:-$EMPTY}\"" word "\"${DIR}/${UNSET:-$EMPTY}\"" unquoted="${DIR}/${UNSET:-$EMPTY}" expands="/opt/应用/" quoted
            "$1"                     word "$1" unquoted="$1" expands=""
            "$@"                     word "$@" unquoted="$@" expands=""
            refs: A+mod@"${A:-${B:-\"$NAME x\"}}" B+mod@"${B:-\"$NAME x\"}" NAME@"$NAME" DIR@"${DIR}" UNSET+mod@"${UNSET:-$EMPTY}" EMPTY@"$EMPTY"
        "##]],
    );
}

#[test]
fn command_substitutions_stay_words() {
    check(
        r#"echo $(uname -m | tr a-z A-Z) "v=$(cat "f g")" `date +%s` $((1 + 2)) x$(a; b)y"#,
        expect![[r##"
            "echo"                   word "echo" unquoted="echo" expands="echo"
            "$(uname -m | tr a-z A-Z)" word "$(uname -m | tr a-z A-Z)" unquoted="$(uname -m | tr a-z A-Z)" expands="" dynamic
            "\"v=$(cat \"f g\")\""   word "\"v=$(cat \"f g\")\"" unquoted="v=$(cat \"f g\")" expands="v=" dynamic quoted
            "`date +%s`"             word "`date +%s`" unquoted="`date +%s`" expands="`date +%s`" dynamic
            "$((1 + 2))"             word "$((1 + 2))" unquoted="$((1 + 2))" expands="" dynamic
            "x$(a; b)y"              word "x$(a; b)y" unquoted="x$(a; b)y" expands="xy" dynamic
            refs: 
        "##]],
    );
}

#[test]
fn heredoc_redirections() {
    check(
        "cat <<EOF >/a; cat <<-'END' | sh; tr a b <<< \"$NAME\"; bash << \"X Y\"",
        expect![[r##"
            "cat"                    word "cat" unquoted="cat" expands="cat"
            "<<EOF"                  redirect "<<" heredoc -> word "EOF" unquoted="EOF" expands="EOF"
            ">/a"                    redirect ">" -> word "/a" unquoted="/a" expands="/a"
            ";"                      op Semi
            "cat"                    word "cat" unquoted="cat" expands="cat"
            "<<-'END'"               redirect "<<-" heredoc -> word "'END'" unquoted="END" expands="END" quoted
            "|"                      op Pipe
            "sh"                     word "sh" unquoted="sh" expands="sh"
            ";"                      op Semi
            "tr"                     word "tr" unquoted="tr" expands="tr"
            "a"                      word "a" unquoted="a" expands="a"
            "b"                      word "b" unquoted="b" expands="b"
            "<<< \"$NAME\""          redirect "<<<" -> word "\"$NAME\"" unquoted="$NAME" expands="world" quoted
            ";"                      op Semi
            "bash"                   word "bash" unquoted="bash" expands="bash"
            "<< \"X Y\""             redirect "<<" heredoc -> word "\"X Y\"" unquoted="X Y" expands="X Y" quoted
            refs: NAME@"$NAME"
        "##]],
    );
}

#[test]
fn cjk_text_keeps_char_boundaries() {
    check(
        "echo 你好 \"世界 $NAME\" '日本語'>文件 \\中",
        expect![[r#"
            "echo"                   word "echo" unquoted="echo" expands="echo"
            "你好"                     word "你好" unquoted="你好" expands="你好"
            "\"世界 $NAME\""           word "\"世界 $NAME\"" unquoted="世界 $NAME" expands="世界 world" quoted
            "'日本語'"                  word "'日本語'" unquoted="日本語" expands="日本語" quoted
            ">文件"                    redirect ">" -> word "文件" unquoted="文件" expands="文件"
            "\\中"                    word "\\中" unquoted="中" expands="中"
            refs: NAME@"$NAME"
        "#]],
    );
}

#[test]
fn dockerfile_continuations_drop_comment_lines() {
    check_run(
        "RUN apt-get update && \\\n  # a comment line\n\n  apt-get install -y \\\n    cu\\\nrl",
        '\\',
        expect![[r##"
            "apt-get"                word "apt-get" unquoted="apt-get" expands="apt-get"
            "update"                 word "update" unquoted="update" expands="update"
            "&&"                     op And
            "apt-get"                word "apt-get" unquoted="apt-get" expands="apt-get"
            "install"                word "install" unquoted="install" expands="install"
            "-y"                     word "-y" unquoted="-y" expands="-y"
            "cu\\\nrl"               word "curl" unquoted="curl" expands="curl"
            refs: 
        "##]],
    );
    check_run(
        "RUN echo a`\n  b\\c",
        '`',
        expect![[r#"
            "echo"                   word "echo" unquoted="echo" expands="echo"
            "a`\n"                   word "a" unquoted="a" expands="a"
            "b\\c"                   word "b\\c" unquoted="bc" expands="bc"
            refs: 
        "#]],
    );
}

#[test]
fn script_continuations_are_the_shells() {
    // In a script, a comment after a continuation is a comment to the end of
    // its line, which ends the command (POSIX shell).
    check(
        "make \\\n  # flags\n  install",
        expect![[r##"
            "make"                   word "make" unquoted="make" expands="make"
            "# flags"                comment
            "\n"                     op Newline
            "install"                word "install" unquoted="install" expands="install"
            refs: 
        "##]],
    );
}

/// The parts of each word (what the editor colours), with the text each
/// span covers.
fn check_parts(text: &str, from: usize, source: Source, expect: Expect) {
    let mut out = String::new();
    for t in lex(text, Span::new(from, text.len()), source) {
        let word = match &t.kind {
            Kind::Word(w) => w,
            Kind::Redirect(r) => match &r.target {
                Some(w) => w,
                None => continue,
            },
            _ => continue,
        };
        let parts: Vec<String> = word.parts.iter().map(|p| format!("{:?}@{:?}", p.kind, p.span.slice(text))).collect();
        out += &format!("{:<20} {}\n", format!("{:?}", word.raw), parts.join(" "));
    }
    expect.assert_eq(&out);
}

#[test]
fn word_parts_for_colouring() {
    check_parts(
        r#"RUN echo "a $HOME ${X:-"y"} $(date)" '$NO' $V${W}x \$E $1 `id` >"$OUT" a\
  "b""#,
        4,
        Source::Dockerfile { escape: '\\', first_line: false },
        expect![[r#"
            "echo"               
            "\"a $HOME ${X:-\"y\"} $(date)\"" DoubleQuoted@"\"a $HOME ${X:-\"y\"} $(date)\"" Param@"$HOME" Param@"${X:-\"y\"}" Command@"$(date)"
            "'$NO'"              SingleQuoted@"'$NO'"
            "$V${W}x"            Param@"$V" Param@"${W}"
            "\\$E"               
            "$1"                 Param@"$1"
            "`id`"               Command@"`id`"
            "\"$OUT\""           DoubleQuoted@"\"$OUT\"" Param@"$OUT"
            "a"                  
            "\"b\""              DoubleQuoted@"\"b\""
        "#]],
    );
}

#[test]
fn arguments_are_split_at_blanks_only() {
    // BuildKit's words for ENV, COPY and the rest: no operators, no
    // command substitutions, the Dockerfile's escape character.
    check_parts(
        "ENV A=\"x `\" $B\" C=$D&&E>F G=$(h) `$I\n",
        4,
        Source::Arguments { escape: '`' },
        expect![[r#"
            "A=\"x `\" $B\""     DoubleQuoted@"\"x `\" $B\"" Param@"$B"
            "C=$D&&E>F"          Param@"$D"
            "G=$(h)"             
            "`$I"                
        "#]],
    );
}
