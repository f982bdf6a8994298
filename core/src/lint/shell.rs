//! RUN commands as the rules see them: the tokens of the one shell lexer
//! ([`crate::shell::lex`]) grouped into simple commands, enough of the
//! shell's grammar to tell rules which programs a RUN runs and with which
//! arguments. Commands are split on `&&`, `||`, `;`, `|`, `&`, newlines and
//! subshell parentheses; words have their quotes removed (variables stay
//! unexpanded); redirections and comments are dropped; spans point into
//! the Dockerfile.
//!
//! Heredoc bodies are scripts when the RUN is only the heredoc
//! (`RUN <<EOF`) or feeds it to a shell (`RUN bash <<EOF`); BuildKit runs
//! them as such (BuildKit: frontend/dockerfile/dockerfile2llb/convert.go
//! dispatchRun, heredoc handling), so their commands are checked like the
//! RUN line's.

use crate::shell::lex::{self, Kind, Op, Source};
use crate::span::Span;
use crate::syntax::{Args, CommandForm, Instruction};
use serde::Serialize;

/// What joins a command to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Connector {
    /// `&&`
    And,
    /// `||`
    Or,
    /// `;`, a newline, or a parenthesis.
    Seq,
    /// `|`
    Pipe,
    /// `&`
    Background,
}

/// One shell word with quotes removed and its source span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShellWord {
    /// The word after quote removal; `$VAR`s and `$(...)` stay as written.
    pub value: String,
    pub span: Span,
    /// Some part of the word was quoted.
    pub quoted: bool,
}

/// One simple command: `NAME=value ... program arg ...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShellCommand {
    /// Leading `NAME=value` assignments.
    pub assignments: Vec<ShellWord>,
    /// The program and its arguments.
    pub words: Vec<ShellWord>,
    /// From the first to the last word, redirections included.
    pub span: Span,
    pub prev: Option<Connector>,
    pub next: Option<Connector>,
    /// The command comes from a heredoc body, not the RUN line.
    pub in_heredoc: bool,
}

impl ShellCommand {
    /// The program as written (`/usr/bin/apt-get`), if any.
    pub fn program_path(&self) -> Option<&str> {
        self.words.first().map(|w| w.value.as_str())
    }

    /// The program's file name (`apt-get` for `/usr/bin/apt-get`).
    pub fn program(&self) -> Option<&str> {
        self.program_path().map(|p| p.rsplit('/').next().unwrap_or(p))
    }

    /// The argument words after the program.
    pub fn args(&self) -> &[ShellWord] {
        self.words.get(1..).unwrap_or(&[])
    }

    /// The argument values after the program.
    pub fn arg_values(&self) -> impl Iterator<Item = &str> {
        self.args().iter().map(|w| w.value.as_str())
    }

    /// Arguments that are not options (do not start with `-`).
    pub fn positional(&self) -> impl Iterator<Item = &ShellWord> {
        self.args().iter().filter(|w| !w.value.starts_with('-') || w.value == "-")
    }

    /// The first positional argument: the subcommand of `apt-get install`.
    pub fn subcommand(&self) -> Option<&str> {
        self.positional().next().map(|w| w.value.as_str())
    }

    /// Is `-x` (alone or combined, as in `-qy`) or `--long` (alone or as
    /// `--long=value`) among the arguments? Either may be omitted.
    pub fn has_option(&self, short: Option<char>, long: Option<&str>) -> bool {
        self.args().iter().map(|w| w.value.as_str()).take_while(|a| *a != "--").any(|a| {
            if let Some(rest) = a.strip_prefix("--") {
                long.is_some_and(|l| {
                    let l = l.trim_start_matches('-');
                    rest == l || rest.strip_prefix(l).is_some_and(|r| r.starts_with('='))
                })
            } else if let Some(rest) = a.strip_prefix('-') {
                short.is_some_and(|s| {
                    !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric()) && rest.contains(s)
                })
            } else {
                false
            }
        })
    }

    /// Is this word among the arguments (exactly)?
    pub fn has_arg(&self, value: &str) -> bool {
        self.arg_values().any(|a| a == value)
    }

    /// The same command with wrappers that run another command removed:
    /// `sudo [-u user]`, `env [NAME=value]`, `nohup`, `exec`, `time`,
    /// `nice`, `command`. `sudo apt-get install x` becomes `apt-get install x`.
    pub fn unwrapped(&self) -> ShellCommand {
        let mut words: &[ShellWord] = &self.words;
        while let Some(first) = words.first() {
            let name = first.value.rsplit('/').next().unwrap_or(&first.value);
            let mut rest = &words[1..];
            match name {
                "sudo" => {
                    // Options that take a value: -u user, -g group, -C n, -D dir, -h host, -p prompt, -r role, -t type.
                    while let Some(w) = rest.first() {
                        if !w.value.starts_with('-') {
                            break;
                        }
                        let takes_value =
                            matches!(w.value.as_str(), "-u" | "-g" | "-C" | "-D" | "-h" | "-p" | "-r" | "-t" | "-U");
                        rest = &rest[if takes_value { 2.min(rest.len()) } else { 1 }..];
                    }
                }
                "env" => {
                    while let Some(w) = rest.first() {
                        if w.value.starts_with('-') || is_assignment(&w.value) {
                            rest = &rest[1..];
                        } else {
                            break;
                        }
                    }
                }
                "nice" => {
                    while rest.first().is_some_and(|w| w.value.starts_with('-')) {
                        let n = if rest[0].value == "-n" { 2 } else { 1 };
                        rest = &rest[n.min(rest.len())..];
                    }
                }
                "nohup" | "exec" | "time" | "command" => {
                    while rest.first().is_some_and(|w| w.value.starts_with('-')) {
                        rest = &rest[1..];
                    }
                }
                _ => break,
            }
            words = rest;
        }
        ShellCommand { words: words.to_vec(), ..self.clone() }
    }
}

/// The shell commands a RUN executes, heredoc scripts included, with spans
/// into `text`. Other instructions give none.
pub fn run_commands(text: &str, instr: &Instruction, escape: char) -> Vec<ShellCommand> {
    let Args::Run(run) = &instr.args else { return Vec::new() };
    match &run.command {
        CommandForm::Exec(argv) => exec_commands(argv, args_span(instr)),
        CommandForm::Shell(_) => {
            let start = instr
                .flags
                .iter()
                .map(|f| f.span.end)
                .max()
                .unwrap_or(instr.keyword_span.end)
                .max(instr.keyword_span.end);
            let source = Source::Dockerfile { escape, first_line: !instr.heredocs.is_empty() };
            let line = scan(text, start, instr.span.end, source);
            let mut commands = group(line.tokens, false);
            let only_heredoc = commands.is_empty() && !line.heredocs.is_empty();
            for (k, heredoc) in instr.heredocs.iter().enumerate() {
                let is_script = only_heredoc && k == 0
                    || line.heredocs.get(k).is_some_and(|(_, owner)| {
                        owner.and_then(|c| commands.get(c)).is_some_and(|c: &ShellCommand| {
                            matches!(c.program(), Some("sh" | "bash" | "ash" | "dash" | "zsh"))
                                && !c.has_option(Some('c'), None)
                        })
                    });
                if !is_script {
                    continue;
                }
                let body = heredoc_body(text, heredoc.span);
                if shebang_is_not_shell(body.slice(text)) {
                    continue;
                }
                let scanned = scan(text, body.start, body.end, Source::Script);
                commands.extend(group(scanned.tokens, true));
            }
            commands
        }
    }
}

/// Splits a script that is not in the Dockerfile's text (`sh -c "..."` of
/// an exec form, tests); spans are offsets into `script`.
pub fn split_script(script: &str) -> Vec<ShellCommand> {
    group(scan(script, 0, script.len(), Source::Script).tokens, false)
}

/// The exec form: one command, or the script of `sh -c "..."`.
fn exec_commands(argv: &[String], span: Span) -> Vec<ShellCommand> {
    let is_shell = argv.first().is_some_and(|p| matches!(p.rsplit('/').next(), Some("sh" | "bash" | "ash" | "dash")));
    if is_shell {
        if let Some(i) =
            argv.iter().position(|a| a == "-c" || (a.starts_with('-') && !a.starts_with("--") && a.contains('c')))
        {
            if let Some(script) = argv.get(i + 1) {
                let mut cmds = split_script(script);
                for c in &mut cmds {
                    c.span = span;
                    for w in c.words.iter_mut().chain(c.assignments.iter_mut()) {
                        w.span = span;
                    }
                }
                return cmds;
            }
        }
    }
    if argv.is_empty() {
        return Vec::new();
    }
    let words = argv.iter().map(|a| ShellWord { value: a.clone(), span, quoted: true }).collect();
    vec![ShellCommand { assignments: Vec::new(), words, span, prev: None, next: None, in_heredoc: false }]
}

fn args_span(instr: &Instruction) -> Span {
    let start =
        instr.flags.iter().map(|f| f.span.end).max().unwrap_or(instr.keyword_span.end).max(instr.keyword_span.end);
    Span::new(start, instr.span.end)
}

/// The body of a heredoc: its span without the terminator line.
fn heredoc_body(text: &str, span: Span) -> Span {
    let s = span.slice(text).trim_end_matches(['\n', '\r']);
    match s.rfind('\n') {
        Some(i) => Span::new(span.start, span.start + i + 1),
        None => Span::new(span.start, span.start),
    }
}

fn shebang_is_not_shell(body: &str) -> bool {
    match body.strip_prefix("#!") {
        Some(rest) => {
            let line = rest.lines().next().unwrap_or("");
            !line
                .split_whitespace()
                .any(|w| matches!(w.rsplit('/').next(), Some("sh" | "bash" | "ash" | "dash" | "zsh")))
        }
        None => false,
    }
}

fn is_assignment(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            let mut chars = name.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

#[derive(Debug)]
enum Token {
    Word(ShellWord),
    Op(Connector),
    /// `;;`, ending a `case` branch: the words up to the next `)` are a
    /// pattern, not a command.
    CaseEnd,
    /// `)`, which also ends a `case` pattern.
    Close,
    /// A redirection and its target, kept only for the command's span.
    Redirect(Span),
}

struct Scanned {
    tokens: Vec<Token>,
    /// Heredoc redirections on the line: delimiter, and the index of the
    /// command (as `group` will number them) they belong to.
    heredocs: Vec<(String, Option<usize>)>,
}

/// Reads `text[start..end]` with the one shell lexer and keeps what the
/// rules need: words, connectors and the spans of redirections.
fn scan(text: &str, start: usize, end: usize, source: Source) -> Scanned {
    let mut tokens: Vec<Token> = Vec::new();
    let mut heredocs = Vec::new();
    for token in lex::lex(text, Span::new(start, end), source) {
        let converted = match token.kind {
            Kind::Word(w) => Token::Word(ShellWord { value: w.unquoted, span: w.span, quoted: w.quoted }),
            Kind::Op(op) => match op {
                Op::And => Token::Op(Connector::And),
                Op::Or => Token::Op(Connector::Or),
                Op::Semi | Op::Newline | Op::Open => Token::Op(Connector::Seq),
                Op::Pipe => Token::Op(Connector::Pipe),
                Op::Background => Token::Op(Connector::Background),
                Op::CaseEnd => Token::CaseEnd,
                Op::Close => Token::Close,
            },
            Kind::Redirect(r) => {
                if r.heredoc {
                    let name = r.target.map(|w| w.unquoted).unwrap_or_default();
                    let has_words = tokens
                        .iter()
                        .rev()
                        .take_while(|t| !matches!(t, Token::Op(_) | Token::CaseEnd | Token::Close))
                        .any(|t| matches!(t, Token::Word(_)));
                    heredocs.push((name, has_words.then(|| command_index(&tokens))));
                }
                Token::Redirect(token.span)
            }
            Kind::Comment => continue,
        };
        tokens.push(converted);
    }
    Scanned { tokens, heredocs }
}

/// The number of commands `group` will have closed before the end of
/// `tokens`.
fn command_index(tokens: &[Token]) -> usize {
    let mut count = 0;
    let mut words = false;
    for t in tokens {
        match t {
            Token::Word(_) => words = true,
            Token::Op(_) | Token::CaseEnd | Token::Close => {
                if words {
                    count += 1;
                }
                words = false;
            }
            Token::Redirect(_) => {}
        }
    }
    count
}

/// Shell reserved words that may start a command without being its program.
const PREFIX_WORDS: [&str; 9] = ["if", "then", "else", "elif", "do", "while", "until", "!", "{"];

/// Groups tokens into simple commands.
fn group(tokens: Vec<Token>, in_heredoc: bool) -> Vec<ShellCommand> {
    let mut out: Vec<ShellCommand> = Vec::new();
    let mut words: Vec<ShellWord> = Vec::new();
    let mut span: Option<Span> = None;
    let mut prev: Option<Connector> = None;
    // Inside `case`, the words before `)` are a pattern (`amd64)`, `a|b)`).
    let mut in_pattern = false;
    let mut flush = |words: &mut Vec<ShellWord>,
                     span: &mut Option<Span>,
                     next: Option<Connector>,
                     prev: &mut Option<Connector>| {
        let mut ws: Vec<ShellWord> = std::mem::take(words);
        let mut k = 0;
        while k < ws.len() && PREFIX_WORDS.contains(&ws[k].value.as_str()) && !ws[k].quoted {
            k += 1;
        }
        ws.drain(..k);
        let a = ws.iter().take_while(|w| is_assignment(&w.value)).count();
        let assignments: Vec<ShellWord> = ws.drain(..a).collect();
        let closing = ws.first().is_some_and(|w| matches!(w.value.as_str(), "fi" | "done" | "esac" | "}") && !w.quoted);
        if closing {
            ws.remove(0);
        }
        let control =
            ws.first().is_some_and(|w| matches!(w.value.as_str(), "for" | "case" | "select" | "function") && !w.quoted);
        if control {
            ws.clear();
        }
        let mut pushed = false;
        if let Some(s) = span.take() {
            if !ws.is_empty() || !assignments.is_empty() {
                out.push(ShellCommand { assignments, words: ws, span: s, prev: *prev, next, in_heredoc });
                pushed = true;
            }
        }
        if let Some(last) = out.last_mut() {
            // A group or compound piped on (`{ a; b; } | tee f`, `( a ) | b`,
            // `done | sort`): its last command is the one the pipe reads.
            if last.next.is_none() || (!pushed && next == Some(Connector::Pipe)) {
                last.next = next;
            }
        }
        *prev = next;
        control
    };
    for token in tokens {
        match token {
            Token::Word(w) => {
                span = Some(span.map_or(w.span, |s| s.cover(w.span)));
                words.push(w);
            }
            Token::Redirect(r) => span = Some(span.map_or(r, |s| s.cover(r))),
            Token::Close | Token::Op(Connector::Pipe) if in_pattern => {
                // A `case` pattern: drop it; `|` separates alternatives.
                words.clear();
                span = None;
                prev = Some(Connector::Seq);
                in_pattern = matches!(token, Token::Op(Connector::Pipe));
            }
            Token::CaseEnd => {
                flush(&mut words, &mut span, Some(Connector::Seq), &mut prev);
                in_pattern = true;
            }
            Token::Close => {
                flush(&mut words, &mut span, Some(Connector::Seq), &mut prev);
            }
            Token::Op(c) => {
                let was_case = words.first().is_some_and(|w| w.value == "case" && !w.quoted);
                flush(&mut words, &mut span, Some(c), &mut prev);
                // `case x in a|b)`: the first pattern's alternatives follow.
                in_pattern = was_case && c == Connector::Pipe;
            }
        }
    }
    flush(&mut words, &mut span, None, &mut prev);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(script: &str) -> String {
        split_script(script)
            .iter()
            .map(|c| {
                let argv: Vec<&str> = c.words.iter().map(|w| w.value.as_str()).collect();
                let env: Vec<&str> = c.assignments.iter().map(|w| w.value.as_str()).collect();
                format!("{:?} {:?} env={:?} next={:?} `{}`", c.prev, argv, env, c.next, c.span.slice(script))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn splits_lists_pipes_and_quotes() {
        expect_test::expect![[r#"
            None ["apt-get", "update"] env=[] next=Some(And) `apt-get update`
            Some(And) ["apt-get", "install", "-y", "curl", "a b"] env=[] next=Some(And) `apt-get install -y curl "a b" 2>&1 > /dev/null`
            Some(And) ["rm", "-rf", "/var/lib/apt/lists/*"] env=[] next=Some(Seq) `rm -rf /var/lib/apt/lists/*`
            Some(Seq) ["curl", "-fsSL", "$URL"] env=["X=1"] next=Some(Pipe) `X=1 curl -fsSL "$URL"`
            Some(Pipe) ["sh", "-s", "--", "$(uname -m)"] env=[] next=Some(Or) `sh -s -- $(uname -m)`
            Some(Or) ["true"] env=[] next=None `true`"#]]
        .assert_eq(&show(
            "apt-get update && apt-get install -y curl \"a b\" 2>&1 > /dev/null && rm -rf /var/lib/apt/lists/*; X=1 curl -fsSL \"$URL\" | sh -s -- $(uname -m) || true",
        ));
    }

    #[test]
    fn a_piped_group_pipes_its_last_command() {
        expect_test::expect![[r#"
            None ["echo", "a"] env=[] next=Some(Seq) `{ echo a`
            Some(Seq) ["echo", "b"] env=[] next=Some(Pipe) `echo b`
            Some(Pipe) ["tee", "f"] env=[] next=Some(Seq) `tee f`
            Some(Seq) ["echo", "c"] env=[] next=Some(Pipe) `echo c`
            Some(Pipe) ["sort"] env=[] next=None `sort`"#]]
        .assert_eq(&show("{ echo a; echo b; } | tee f; ( echo c ) | sort"));
    }

    #[test]
    fn control_words_and_comments() {
        expect_test::expect![[r#"
            None ["[", "-f", "x", "]"] env=[] next=Some(Seq) `if [ -f x ]`
            Some(Seq) ["pip", "install", "y"] env=[] next=Some(Seq) `then pip install y`
            Some(Seq) ["echo", "done"] env=[] next=Some(Seq) `echo done`"#]]
        .assert_eq(&show("if [ -f x ]; then pip install y; fi\n# a comment; rm -rf /\necho done\n"));
    }

    #[test]
    fn case_patterns_are_not_commands() {
        expect_test::expect![[r#"
            Some(Seq) ["echo", "x86"] env=[] next=Some(Seq) `echo x86`
            Some(Seq) ["echo", "arm"] env=[] next=Some(Seq) `echo arm`
            Some(Seq) ["echo", "other"] env=[] next=Some(Seq) `echo other`
            Some(Seq) ["uname"] env=[] next=None `uname`"#]]
        .assert_eq(&show(
            "case \"$(uname -m)\" in x86_64|amd64) echo x86 ;; arm64|aarch64) echo arm;; *) echo other;; esac; uname",
        ));
    }

    #[test]
    fn options_and_wrappers() {
        let c =
            &split_script("sudo -u root env DEBIAN_FRONTEND=x apt-get -qy --no-install-recommends=1 install curl")[0];
        let u = c.unwrapped();
        assert_eq!(u.program(), Some("apt-get"));
        assert_eq!(u.subcommand(), Some("install"));
        assert!(u.has_option(Some('y'), Some("yes")));
        assert!(u.has_option(None, Some("no-install-recommends")));
        assert!(!u.has_option(Some('f'), None));
    }
}

#[cfg(test)]
mod heredoc_tests {
    use super::*;
    use crate::syntax;

    fn programs(dockerfile: &str) -> Vec<Vec<String>> {
        let (df, _) = syntax::parse(dockerfile);
        df.instructions
            .iter()
            .map(|i| {
                run_commands(dockerfile, i, df.escape).iter().filter_map(|c| c.program().map(str::to_string)).collect()
            })
            .collect()
    }

    #[test]
    fn heredoc_scripts_are_split_like_run_lines() {
        let text = "FROM alpine\nRUN <<EOF\napk add curl\nrm -rf /tmp/x\nEOF\nRUN bash -e <<'EOS'\nsudo true\nEOS\nRUN python3 <<EOF\nimport os\nEOF\nRUN cat <<EOF > /etc/motd\nhello && world\nEOF\nRUN apt-get update && \\\n    # a comment line\n    apt-get install -y \\\n      curl\n";
        assert_eq!(
            programs(text),
            vec![
                vec![],
                vec!["apk".to_string(), "rm".to_string()],
                vec!["bash".to_string(), "sudo".to_string()],
                vec!["python3".to_string()],
                vec!["cat".to_string()],
                vec!["apt-get".to_string(), "apt-get".to_string()],
            ]
        );
    }

    #[test]
    fn spans_point_into_the_dockerfile() {
        let text = "FROM alpine\nRUN --mount=type=cache,target=/root/.npm npm ci && \\\n    npm run build\n";
        let (df, _) = syntax::parse(text);
        let cmds = run_commands(text, &df.instructions[1], df.escape);
        let spans: Vec<&str> = cmds.iter().map(|c| c.span.slice(text)).collect();
        assert_eq!(spans, vec!["npm ci", "npm run build"]);
    }
}
