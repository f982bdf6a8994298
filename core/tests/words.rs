//! BuildKit's word expansion: each case is `word` with an environment and
//! the expanded result (or the error). Update with `UPDATE_EXPECT=1`.

use dockerplay_core::shell::expand::{expand, expand_words, glob_match};
use expect_test::{expect, Expect};

const ENV: &[(&str, &str)] = &[
    ("NAME", "world"),
    ("EMPTY", ""),
    ("PATH", "/usr/local/bin:/usr/bin"),
    ("FILE", "archive.tar.gz"),
    ("SPACED", "a b  c"),
];

fn lookup(name: &str) -> Option<String> {
    ENV.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
}

fn check(cases: &[&str], expect: Expect) {
    let mut out = String::new();
    for word in cases {
        let result = match expand(word, '\\', &lookup) {
            Ok(s) => format!("{s:?}"),
            Err(e) => format!("error: {e}"),
        };
        out.push_str(&format!("{word:<28} => {result}\n"));
    }
    expect.assert_eq(&out);
}

#[test]
fn plain_and_braced_variables() {
    check(
        &["$NAME", "${NAME}", "hello-$NAME!", "$UNSET.", "$", "a$1b", "${NAME}s", "cost: $5"],
        expect![[r#"
            $NAME                        => "world"
            ${NAME}                      => "world"
            hello-$NAME!                 => "hello-world!"
            $UNSET.                      => "."
            $                            => "$"
            a$1b                         => "ab"
            ${NAME}s                     => "worlds"
            cost: $5                     => "cost: "
        "#]],
    );
}

#[test]
fn default_and_alternative_values() {
    check(
        &[
            "${UNSET:-dflt}",
            "${EMPTY:-dflt}",
            "${EMPTY-dflt}",
            "${UNSET-dflt}",
            "${NAME:+alt}",
            "${EMPTY:+alt}",
            "${EMPTY+alt}",
            "${UNSET+alt}",
            "${UNSET:-$NAME}",
        ],
        expect![[r#"
            ${UNSET:-dflt}               => "dflt"
            ${EMPTY:-dflt}               => "dflt"
            ${EMPTY-dflt}                => ""
            ${UNSET-dflt}                => "dflt"
            ${NAME:+alt}                 => "alt"
            ${EMPTY:+alt}                => ""
            ${EMPTY+alt}                 => "alt"
            ${UNSET+alt}                 => ""
            ${UNSET:-$NAME}              => "world"
        "#]],
    );
}

#[test]
fn required_values() {
    check(
        &["${NAME:?must be set}", "${UNSET:?must be set}", "${EMPTY:?}", "${UNSET?}"],
        expect![[r#"
        ${NAME:?must be set}         => "world"
        ${UNSET:?must be set}        => error: UNSET: must be set
        ${EMPTY:?}                   => error: EMPTY: is not allowed to be empty
        ${UNSET?}                    => error: UNSET: is not allowed to be unset
    "#]],
    );
}

#[test]
fn prefix_suffix_and_replacement() {
    check(
        &["${FILE#*.}", "${FILE##*.}", "${FILE%.*}", "${FILE%%.*}", "${PATH//:/ }", "${PATH/:/;}", "${FILE#nomatch}"],
        expect![[r#"
            ${FILE#*.}                   => "tar.gz"
            ${FILE##*.}                  => "gz"
            ${FILE%.*}                   => "archive.tar"
            ${FILE%%.*}                  => "archive"
            ${PATH//:/ }                 => "/usr/local/bin /usr/bin"
            ${PATH/:/;}                  => "/usr/local/bin;/usr/bin"
            ${FILE#nomatch}              => "archive.tar.gz"
        "#]],
    );
}

#[test]
fn quotes_and_escapes() {
    check(
        &[
            r#"'$NAME'"#,
            r#""$NAME""#,
            r#""a \"q\" \$x""#,
            r#"a\ b"#,
            r#"\$NAME"#,
            r#""\n stays""#,
            r#"'unterminated"#,
            r#""unterminated"#,
            "${NAME",
            "${}",
            "${NAME:x}",
        ],
        expect![[r#"
            '$NAME'                      => "$NAME"
            "$NAME"                      => "world"
            "a \"q\" \$x"                => "a \"q\" $x"
            a\ b                         => "a b"
            \$NAME                       => "$NAME"
            "\n stays"                   => "\\n stays"
            'unterminated                => error: unexpected end of statement while looking for matching single-quote
            "unterminated                => error: unexpected end of statement while looking for matching double-quote
            ${NAME                       => error: syntax error: missing '}'
            ${}                          => error: syntax error: bad substitution
            ${NAME:x}                    => error: unsupported modifier (:x) in substitution
        "#]],
    );
}

#[test]
fn words_split_on_unquoted_whitespace_and_variable_values() {
    let words = expand_words(r#"a "b c" $SPACED '$NAME' d\ e"#, '\\', &lookup).unwrap();
    expect![[r#"
        [
            "a",
            "b c",
            "a",
            "b",
            "c",
            "$NAME",
            "d e",
        ]
    "#]]
    .assert_debug_eq(&words);
}

#[test]
fn backtick_escape() {
    assert_eq!(expand("a` b", '`', &lookup).unwrap(), "a b");
    assert_eq!(expand(r"c:\dir", '`', &lookup).unwrap(), r"c:\dir");
}

#[test]
fn shell_patterns() {
    let cases = [
        ("*.go", "main.go", true),
        ("*.go", "main.rs", false),
        ("a?c", "abc", true),
        ("[a-c]x", "bx", true),
        ("[!a-c]x", "bx", false),
        ("\\*", "*", true),
        ("*a*b*", "xxaxxbxx", true),
    ];
    for (p, t, want) in cases {
        assert_eq!(glob_match(p, t), want, "{p} vs {t}");
    }
}
