//! RUN scripts as the size model reads them: the tokens of the one shell
//! lexer ([`crate::shell::lex`]) split into simple commands on `&&`, `||`,
//! `;`, `&`, newlines and pipes, their words expanded by the one expander
//! ([`crate::shell::expand::expand_shell`]), redirections and `<<`
//! heredocs. Parentheses are subshells: their commands run, and the
//! working directory comes back after them. Anything dynamic (command
//! substitution, loops, conditionals) is marked so that the size model flags it instead of
//! guessing.

use crate::shell::expand::expand_shell;
use crate::shell::lex::{lex_script, Kind, Op, Token, Word};
use crate::span::Span;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Redirect {
    /// `>`, `>>`, `<`, `<<`, `2>`, `&>` ...
    pub op: String,
    pub target: String,
}

/// One simple command.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SimpleCommand {
    /// `NAME=value` words before the command.
    pub assignments: Vec<(String, String)>,
    pub words: Vec<String>,
    pub redirects: Vec<Redirect>,
    /// Part of a pipeline (reads or feeds another command).
    pub piped: bool,
    /// Contains `$(...)`, backticks or a shell control keyword.
    pub dynamic: bool,
    /// The command as written, for messages and estimate keys.
    pub text: String,
    /// Subshells `(` opened just before the command and closed `)` just
    /// after it: the shell restores the working directory at a close.
    pub opens: usize,
    pub closes: usize,
}

const CONTROL: [&str; 14] =
    ["if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "{", "}"];

/// Splits a script into simple commands, expanding variables from `env`
/// (and from `export`/assignments seen earlier in the same script).
pub fn parse(script: &str, env: &BTreeMap<String, String>) -> Vec<SimpleCommand> {
    let mut env = env.clone();
    let mut out = Vec::new();
    for segment in segments(script) {
        let mut cmd = command(&segment.tokens, &env);
        cmd.piped = segment.piped;
        cmd.opens = segment.opens;
        cmd.closes = segment.closes;
        cmd.text = segment.text(script);
        if cmd.words.first().is_some_and(|w| CONTROL.contains(&w.as_str())) {
            cmd.dynamic = true;
        }
        if cmd.words.is_empty() {
            for (k, v) in &cmd.assignments {
                env.insert(k.clone(), v.clone());
            }
        }
        if cmd.words.first().is_some_and(|w| w == "export") {
            for w in &cmd.words[1..] {
                if let Some((k, v)) = w.split_once('=') {
                    env.insert(k.to_string(), v.to_string());
                }
            }
        }
        if !cmd.words.is_empty() || !cmd.redirects.is_empty() {
            out.push(cmd);
        }
    }
    out
}

/// Is the line only heredoc redirections (`<<EOF`, `<<A <<B`)? Then the
/// heredoc bodies are the scripts BuildKit runs.
pub fn only_heredocs(line: &str) -> bool {
    let tokens = lex_script(line);
    !tokens.is_empty()
        && tokens.iter().all(|t| matches!(&t.kind, Kind::Redirect(r) if r.heredoc) || t.kind == Kind::Comment)
}

/// The tokens of one simple command.
#[derive(Default)]
struct Segment {
    tokens: Vec<Token>,
    /// Part of a pipeline.
    piped: bool,
    opens: usize,
    closes: usize,
}

impl Segment {
    /// The command as written, from its first token to its last, with
    /// line continuations as spaces.
    fn text(&self, script: &str) -> String {
        match (self.tokens.first(), self.tokens.last()) {
            (Some(first), Some(last)) => {
                Span::new(first.span.start, last.span.end).slice(script).replace("\\\n", " ").trim().to_string()
            }
            _ => String::new(),
        }
    }
}

/// Splits the script's tokens into simple commands on list operators and
/// parentheses; comments and `case` patterns (`amd64)`, `a|b)`) are
/// dropped.
fn segments(script: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut cur = Segment::default();
    let mut piped_next = false;
    // After `;;`, or after `case WORD in` and a `|`, the words up to `)`
    // are a pattern.
    let mut in_pattern = false;
    // `(` seen since the last command.
    let mut opens = 0;
    fn flush(cur: &mut Segment, out: &mut Vec<Segment>, piped: bool, opens: &mut usize) {
        let mut segment = std::mem::take(cur);
        if !segment.tokens.is_empty() {
            segment.piped |= piped;
            segment.opens = std::mem::take(opens);
            out.push(segment);
        }
    }
    let starts_case = |cur: &Segment| {
        cur.tokens.first().is_some_and(|t| matches!(&t.kind, Kind::Word(w) if w.raw == "case" && !w.quoted))
    };
    for token in lex_script(script) {
        match token.kind {
            Kind::Comment => {}
            Kind::Op(Op::Pipe | Op::Close) if in_pattern => {
                cur = Segment::default();
                in_pattern = token.kind == Kind::Op(Op::Pipe);
            }
            Kind::Op(Op::CaseEnd) => {
                flush(&mut cur, &mut out, piped_next, &mut opens);
                piped_next = false;
                in_pattern = true;
            }
            Kind::Op(Op::Pipe | Op::Close) if starts_case(&cur) => {
                // `case x in a)`, `case x in a|b)`: the first pattern ends
                // the `case` line; with `|`, its alternatives follow.
                in_pattern = token.kind == Kind::Op(Op::Pipe);
                flush(&mut cur, &mut out, piped_next, &mut opens);
                piped_next = false;
            }
            Kind::Op(Op::Pipe) => {
                flush(&mut cur, &mut out, true, &mut opens);
                if let Some(last) = out.last_mut() {
                    last.piped = true;
                }
                piped_next = true;
            }
            Kind::Op(Op::Open) => {
                flush(&mut cur, &mut out, piped_next, &mut opens);
                piped_next = false;
                opens += 1;
            }
            Kind::Op(Op::Close) => {
                flush(&mut cur, &mut out, piped_next, &mut opens);
                piped_next = false;
                if let Some(last) = out.last_mut() {
                    last.closes += 1;
                }
            }
            Kind::Op(_) => {
                // A newline between `;;` and the next pattern keeps it one.
                in_pattern &= cur.tokens.is_empty();
                flush(&mut cur, &mut out, piped_next, &mut opens);
                piped_next = false;
            }
            Kind::Word(_) | Kind::Redirect(_) => cur.tokens.push(token),
        }
    }
    flush(&mut cur, &mut out, piped_next, &mut opens);
    out
}

/// Reads the words and redirections of one simple command: quotes
/// removed, variables expanded.
fn command(tokens: &[Token], env: &BTreeMap<String, String>) -> SimpleCommand {
    let lookup = |name: &str| env.get(name).cloned();
    let mut dynamic = false;
    let mut word = |w: &Word| match expand_shell(&w.raw, &lookup) {
        Ok(e) => {
            dynamic |= e.dynamic;
            e.value
        }
        // An unterminated quote runs to the end, as the lexer read it.
        Err(_) => w.unquoted.clone(),
    };
    let mut cmd = SimpleCommand::default();
    for token in tokens {
        match &token.kind {
            Kind::Redirect(r) => {
                // A redirection without a target does nothing the model sees.
                if let Some(target) = &r.target {
                    let target = word(target);
                    cmd.redirects.push(Redirect { op: r.op.clone(), target });
                }
            }
            Kind::Word(w) => {
                let word = word(w);
                if cmd.words.is_empty() {
                    if let Some((k, v)) = word.split_once('=') {
                        if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                            cmd.assignments.push((k.to_string(), v.to_string()));
                            continue;
                        }
                    }
                }
                cmd.words.push(word);
            }
            Kind::Op(_) | Kind::Comment => {}
        }
    }
    cmd.dynamic = dynamic;
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Parses `script` with `HOME=/root` and lists each simple command:
    /// words, redirections, and the piped/dynamic marks.
    fn check(script: &str, expect: Expect) {
        let env = BTreeMap::from([("HOME".to_string(), "/root".to_string())]);
        let mut out = String::new();
        for c in parse(script, &env) {
            out += &format!("{:?}", c.words);
            for r in &c.redirects {
                out += &format!(" {}{}", r.op, r.target);
            }
            if c.piped {
                out += " piped";
            }
            if c.dynamic {
                out += " dynamic";
            }
            out += "\n";
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn lists_split_on_operators_outside_quotes() {
        check(
            "apt-get update && apt-get install -y curl || true; echo 'a && b' \"c; d\"\nrm -rf /x",
            expect![[r#"
                ["apt-get", "update"]
                ["apt-get", "install", "-y", "curl"]
                ["true"]
                ["echo", "a && b", "c; d"]
                ["rm", "-rf", "/x"]
            "#]],
        );
    }

    #[test]
    fn continuation_lines_and_comments() {
        check(
            "set -eux; \\\n  mkdir -p /a \\\n  # a comment && rm /a\n  && touch /a/b",
            expect![[r#"
                ["set", "-eux"]
                ["mkdir", "-p", "/a"]
                ["touch", "/a/b"]
            "#]],
        );
    }

    #[test]
    fn variables_expand_and_assignments_carry_over() {
        check(
            "export D=/data; N=3; dd of=$D/f count=${N} bs=${BS:-1M}; echo ~ $HOME \"${HOME}/x\" '$HOME'",
            expect![[r#"
                ["export", "D=/data"]
                ["dd", "of=/data/f", "count=3", "bs=1M"]
                ["echo", "~", "/root", "/root/x", "$HOME"]
            "#]],
        );
    }

    #[test]
    fn redirections_and_heredocs() {
        check(
            "echo hi > /a 2>/dev/null; printf x >>/b; cat <<'EOF' > /c; cmd &>/d",
            expect![[r#"
                ["echo", "hi"] >/a 2>/dev/null
                ["printf", "x"] >>/b
                ["cat"] <<EOF >/c
                ["cmd"] &>/d
            "#]],
        );
    }

    #[test]
    fn pipes_and_dynamic_parts_are_marked() {
        check(
            "curl -fsSL https://x | tar -xz -C /opt; apt-get install $(cat pkgs); for f in a b; do rm $f; done",
            expect![[r#"
                ["curl", "-fsSL", "https://x"] piped
                ["tar", "-xz", "-C", "/opt"] piped
                ["apt-get", "install", ""] dynamic
                ["for", "f", "in", "a", "b"] dynamic
                ["do", "rm", ""] dynamic
                ["done"] dynamic
            "#]],
        );
    }
}
