//! Just enough of the POSIX shell to read RUN lines: lists split on `&&`,
//! `||`, `;`, `&`, newlines and pipes, quote removal, `$VAR`/`${VAR}`
//! expansion, redirections and `<<` heredocs. Anything dynamic (command
//! substitution, loops, conditionals) is marked so that the size model
//! flags it instead of guessing.

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
}

const CONTROL: [&str; 16] =
    ["if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "{", "}", "(", ")"];

/// Splits a script into simple commands, expanding variables from `env`
/// (and from `export`/assignments seen earlier in the same script).
pub fn parse(script: &str, env: &BTreeMap<String, String>) -> Vec<SimpleCommand> {
    let mut env = env.clone();
    let mut out = Vec::new();
    for (segment, piped) in split_lists(script) {
        let mut cmd = words_of(&segment, &env);
        cmd.piped = piped;
        cmd.text = segment.trim().to_string();
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

/// Splits on unquoted list operators; the flag says whether the segment is
/// part of a pipeline.
fn split_lists(script: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = script.chars().collect();
    let mut segments: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut piped_next = false;
    let mut i = 0;
    let (mut single, mut double) = (false, false);
    let mut depth = 0usize;
    let flush = |cur: &mut String, segments: &mut Vec<(String, bool)>, piped: bool| {
        if !cur.trim().is_empty() {
            segments.push((std::mem::take(cur), piped));
        }
        cur.clear();
    };
    while i < chars.len() {
        let c = chars[i];
        if single {
            cur.push(c);
            if c == '\'' {
                single = false;
            }
            i += 1;
            continue;
        }
        if c == '\\' && i + 1 < chars.len() {
            if chars[i + 1] == '\n' {
                cur.push(' ');
            } else {
                cur.push(c);
                cur.push(chars[i + 1]);
            }
            i += 2;
            continue;
        }
        if double {
            cur.push(c);
            if c == '"' {
                double = false;
            }
            i += 1;
            continue;
        }
        match c {
            '\'' => {
                single = true;
                cur.push(c);
            }
            '"' => {
                double = true;
                cur.push(c);
            }
            '(' if i > 0 && chars[i - 1] == '$' => {
                depth += 1;
                cur.push(c);
            }
            ')' if depth > 0 => {
                depth -= 1;
                cur.push(c);
            }
            '#' if depth == 0 && (cur.is_empty() || cur.ends_with(char::is_whitespace)) => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            _ if depth > 0 => cur.push(c),
            '&' if chars.get(i + 1) == Some(&'&') => {
                flush(&mut cur, &mut segments, piped_next);
                piped_next = false;
                i += 2;
                continue;
            }
            '|' if chars.get(i + 1) == Some(&'|') => {
                flush(&mut cur, &mut segments, piped_next);
                piped_next = false;
                i += 2;
                continue;
            }
            '|' => {
                flush(&mut cur, &mut segments, true);
                if let Some(last) = segments.last_mut() {
                    last.1 = true;
                }
                piped_next = true;
            }
            '&' if chars.get(i + 1) == Some(&'>') || (i > 0 && chars[i - 1] == '>') => cur.push(c),
            ';' | '\n' | '&' => {
                flush(&mut cur, &mut segments, piped_next);
                piped_next = false;
            }
            _ => cur.push(c),
        }
        i += 1;
    }
    flush(&mut cur, &mut segments, piped_next);
    segments
}

/// Reads the words and redirections of one simple command.
fn words_of(segment: &str, env: &BTreeMap<String, String>) -> SimpleCommand {
    let chars: Vec<char> = segment.chars().collect();
    let mut cmd = SimpleCommand::default();
    let mut i = 0;
    let mut pending_redirect: Option<String> = None;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        // A redirection operator, possibly with a file descriptor.
        let start = i;
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j < chars.len()
            && (chars[j] == '>' || chars[j] == '<' || (chars[j] == '&' && chars.get(j + 1) == Some(&'>')))
        {
            let mut op: String = chars[start..j].iter().collect();
            while j < chars.len() && matches!(chars[j], '>' | '<' | '&' | '-') && op.len() < 4 {
                op.push(chars[j]);
                j += 1;
            }
            i = j;
            pending_redirect = Some(op);
            continue;
        }
        let (word, next, dynamic) = read_word(&chars, i, env);
        i = next;
        cmd.dynamic |= dynamic;
        if let Some(op) = pending_redirect.take() {
            cmd.redirects.push(Redirect { op, target: word });
            continue;
        }
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
    cmd
}

/// One word starting at `i`: quotes removed, variables expanded. Returns the
/// word, the index after it, and whether it was dynamic.
fn read_word(chars: &[char], mut i: usize, env: &BTreeMap<String, String>) -> (String, usize, bool) {
    let mut out = String::new();
    let mut dynamic = false;
    while i < chars.len() && !chars[i].is_whitespace() {
        let c = chars[i];
        match c {
            '\'' => {
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    out.push(chars[i]);
                    i += 1;
                }
                i += 1;
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' && i + 1 < chars.len() && matches!(chars[i + 1], '"' | '\\' | '$' | '`') {
                        out.push(chars[i + 1]);
                        i += 2;
                    } else if chars[i] == '$' {
                        let (v, n, d) = dollar(chars, i, env);
                        out.push_str(&v);
                        dynamic |= d;
                        i = n;
                    } else {
                        if chars[i] == '`' {
                            dynamic = true;
                        }
                        out.push(chars[i]);
                        i += 1;
                    }
                }
                i += 1;
            }
            '\\' if i + 1 < chars.len() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '$' => {
                let (v, n, d) = dollar(chars, i, env);
                out.push_str(&v);
                dynamic |= d;
                i = n;
            }
            '`' => {
                dynamic = true;
                out.push(c);
                i += 1;
            }
            '>' | '<' => break,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    (out, i, dynamic)
}

/// `$NAME`, `${NAME}`, `${NAME:-default}`, `$(...)` at `i` (which holds `$`).
fn dollar(chars: &[char], i: usize, env: &BTreeMap<String, String>) -> (String, usize, bool) {
    let lookup = |name: &str| env.get(name).cloned().unwrap_or_default();
    match chars.get(i + 1) {
        Some('{') => {
            let mut j = i + 2;
            let mut inner = String::new();
            while j < chars.len() && chars[j] != '}' {
                inner.push(chars[j]);
                j += 1;
            }
            let value = match inner.find([':', '-', '=', '+', '?', '#', '%']) {
                Some(k) => {
                    let (name, op) = inner.split_at(k);
                    let set = env.get(name).is_some_and(|v| !v.is_empty());
                    let arg = op.trim_start_matches(':');
                    match arg.chars().next() {
                        Some('-') | Some('=') if !set => arg[1..].to_string(),
                        Some('+') if set => arg[1..].to_string(),
                        Some('+') => String::new(),
                        _ => lookup(name),
                    }
                }
                None => lookup(&inner),
            };
            (value, j + 1, false)
        }
        Some('(') => {
            let mut depth = 0;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            (String::new(), j + 1, true)
        }
        Some(c) if c.is_ascii_alphabetic() || *c == '_' => {
            let mut j = i + 1;
            let mut name = String::new();
            while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '_') {
                name.push(chars[j]);
                j += 1;
            }
            (lookup(&name), j, false)
        }
        Some(c) if c.is_ascii_digit() || matches!(c, '@' | '*' | '#' | '?' | '$' | '!' | '-') => {
            (String::new(), i + 2, false)
        }
        _ => ("$".to_string(), i + 1, false),
    }
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
