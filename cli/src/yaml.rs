//! A reader for the part of YAML that configuration files use: block
//! mappings and sequences (a sequence may sit at its key's indentation),
//! `- key: value` items, flow collections (`[a, b]`, `{a: b}`, also over
//! several lines), plain, single- and double-quoted scalars, comments and a
//! `---` document start. Anchors, tags and block scalars (`|`, `>`) are
//! refused with the line they are on, rather than misread.
//!
//! Every node keeps its line, so a configuration error can name it.

/// A value with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub line: usize,
    pub node: Node,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    /// A scalar's text, quotes removed; `quoted` tells `"true"` from `true`.
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Item>),
    Map(Vec<(String, Item)>),
}

/// A syntax error: the line and what is wrong there.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

fn error<T>(line: usize, message: impl Into<String>) -> Result<T, Error> {
    Err(Error { line, message: message.into() })
}

/// One meaningful line: its indentation, its text without the comment, and
/// its number.
#[derive(Debug, Clone)]
struct Line {
    indent: usize,
    text: String,
    number: usize,
}

/// Parses a document. An empty document is `Null`.
pub fn parse(text: &str) -> Result<Item, Error> {
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let body = strip_comment(raw);
        let trimmed = body.trim_end();
        let content = trimmed.trim_start();
        if content.is_empty() || content == "---" || content == "..." {
            continue;
        }
        let lead = &trimmed[..trimmed.len() - content.len()];
        if lead.contains('\t') {
            return error(number, "tabs are not allowed in YAML indentation");
        }
        lines.push(Line { indent: lead.len(), text: content.to_string(), number });
    }
    if lines.is_empty() {
        return Ok(Item { line: 1, node: Node::Null });
    }
    let mut at = 0;
    let indent = lines[0].indent;
    let item = block(&mut lines, &mut at, indent)?;
    if let Some(extra) = lines.get(at) {
        return error(extra.number, "unexpected text: check the indentation");
    }
    Ok(item)
}

/// Removes a `#` comment that starts the line or follows a blank, outside
/// quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t') => return &line[..i],
            None => {}
        }
        prev = c;
    }
    if line.trim_start().starts_with('#') {
        return "";
    }
    line
}

/// The block starting at `lines[*at]`, whose entries sit at `indent`.
fn block(lines: &mut Vec<Line>, at: &mut usize, indent: usize) -> Result<Item, Error> {
    let first = lines[*at].clone();
    if is_seq_entry(&first.text) {
        let mut items = Vec::new();
        while let Some(line) = lines.get(*at).cloned() {
            if line.indent != indent || !is_seq_entry(&line.text) {
                break;
            }
            let rest = line.text[1..].trim_start().to_string();
            if rest.is_empty() {
                *at += 1;
                items.push(nested(lines, at, indent, line.number, false)?);
            } else {
                // `- key: value` or `- - x`: the rest is a block of its own,
                // indented by where it starts.
                let inner = line.indent + (line.text.len() - rest.len());
                lines[*at] = Line { indent: inner, text: rest, number: line.number };
                items.push(block(lines, at, inner)?);
            }
        }
        return Ok(Item { line: first.number, node: Node::Seq(items) });
    }
    if let Some((_, _)) = split_key(&first.text, first.number)? {
        let mut entries: Vec<(String, Item)> = Vec::new();
        while let Some(line) = lines.get(*at).cloned() {
            if line.indent != indent {
                if line.indent > indent {
                    return error(line.number, "unexpected indentation");
                }
                break;
            }
            let Some((key, value)) = split_key(&line.text, line.number)? else {
                return error(line.number, "expected `key: value`");
            };
            *at += 1;
            let item = if value.is_empty() {
                nested(lines, at, indent, line.number, true)?
            } else {
                inline(lines, at, &value, line.number)?
            };
            entries.push((key, item));
        }
        return Ok(Item { line: first.number, node: Node::Map(entries) });
    }
    *at += 1;
    inline(lines, at, &first.text, first.number)
}

/// The value under a key or `-` whose own line ends there: a deeper block,
/// a sequence at the key's own indentation (`key:` then `- a`), or null.
fn nested(lines: &mut Vec<Line>, at: &mut usize, indent: usize, number: usize, under_key: bool) -> Result<Item, Error> {
    match lines.get(*at) {
        Some(next) if next.indent > indent => {
            let inner = next.indent;
            block(lines, at, inner)
        }
        Some(next) if under_key && next.indent == indent && is_seq_entry(&next.text) => block(lines, at, indent),
        _ => Ok(Item { line: number, node: Node::Null }),
    }
}

fn is_seq_entry(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// `key: value` (the value may be empty), with a plain or quoted key; None
/// when the line is not a mapping entry.
fn split_key(text: &str, line: usize) -> Result<Option<(String, String)>, Error> {
    let (key, rest) = if text.starts_with('"') || text.starts_with('\'') {
        let (key, used) = quoted(text, line)?;
        let rest = text[used..].trim_start();
        match rest.strip_prefix(':') {
            Some(r) if r.is_empty() || r.starts_with(' ') => (key, r),
            _ => return Ok(None),
        }
    } else {
        if text.starts_with(['[', '{']) {
            return Ok(None);
        }
        let Some(i) = text.find(": ").or_else(|| text.strip_suffix(':').map(|t| t.len())) else { return Ok(None) };
        (text[..i].trim().to_string(), &text[i + 1..])
    };
    Ok(Some((key, rest.trim().to_string())))
}

/// A value written on its line: a flow collection (continued on the next
/// lines until its brackets close) or a scalar.
fn inline(lines: &[Line], at: &mut usize, value: &str, line: usize) -> Result<Item, Error> {
    let mut text = value.to_string();
    if text.starts_with(['[', '{']) {
        while !balanced(&text) {
            let Some(next) = lines.get(*at) else { return error(line, "a `[` or `{` is never closed") };
            text.push(' ');
            text.push_str(&next.text);
            *at += 1;
        }
        let mut p = Flow { chars: text.chars().collect(), at: 0, line };
        let node = p.value()?;
        p.blanks();
        if p.at < p.chars.len() {
            return error(line, "unexpected text after the closing bracket");
        }
        return Ok(Item { line, node });
    }
    if text.starts_with(['|', '>']) {
        return error(line, "block scalars (`|`, `>`) are not supported here; write the value on one line");
    }
    if text.starts_with(['&', '*', '!']) {
        return error(line, "anchors, aliases and tags are not supported here");
    }
    if text.starts_with('"') || text.starts_with('\'') {
        let (s, used) = quoted(&text, line)?;
        if !text[used..].trim().is_empty() {
            return error(line, "unexpected text after the closing quote");
        }
        return Ok(Item { line, node: Node::Scalar { text: s, quoted: true } });
    }
    Ok(Item { line, node: plain(&text) })
}

fn plain(text: &str) -> Node {
    match text.trim() {
        "" | "~" | "null" | "Null" | "NULL" => Node::Null,
        t => Node::Scalar { text: t.to_string(), quoted: false },
    }
}

/// Whether every `[`/`{` outside quotes is closed.
fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                _ => {}
            },
        }
    }
    depth <= 0 && quote.is_none()
}

/// A quoted scalar at the start of `text`: its value and the bytes used.
fn quoted(text: &str, line: usize) -> Result<(String, usize), Error> {
    let q = text.chars().next().unwrap_or('"');
    let mut out = String::new();
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == q {
            if q == '\'' && chars.peek().map(|(_, n)| *n) == Some('\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            return Ok((out, i + 1));
        }
        if q == '"' && c == '\\' {
            let Some((_, e)) = chars.next() else { break };
            out.push(match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' => '\0',
                '"' | '\\' | '/' | ' ' => e,
                _ => return error(line, format!("unknown escape `\\{e}` in a double-quoted string")),
            });
            continue;
        }
        out.push(c);
    }
    error(line, "a quoted string is never closed")
}

/// A flow collection's reader.
struct Flow {
    chars: Vec<char>,
    at: usize,
    line: usize,
}

impl Flow {
    fn blanks(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Node, Error> {
        self.blanks();
        match self.chars.get(self.at) {
            Some('[') => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.blanks();
                    if self.eat(']') {
                        break;
                    }
                    items.push(Item { line: self.line, node: self.value()? });
                    self.blanks();
                    if self.eat(']') {
                        break;
                    }
                    if !self.eat(',') {
                        return error(self.line, "expected `,` or `]` in a flow sequence");
                    }
                }
                Ok(Node::Seq(items))
            }
            Some('{') => {
                self.at += 1;
                let mut entries = Vec::new();
                loop {
                    self.blanks();
                    if self.eat('}') {
                        break;
                    }
                    let key = match self.value()? {
                        Node::Scalar { text, .. } => text,
                        _ => return error(self.line, "a flow mapping's key must be a scalar"),
                    };
                    self.blanks();
                    if !self.eat(':') {
                        return error(self.line, format!("expected `:` after `{key}`"));
                    }
                    let value = self.value()?;
                    entries.push((key, Item { line: self.line, node: value }));
                    self.blanks();
                    if self.eat('}') {
                        break;
                    }
                    if !self.eat(',') {
                        return error(self.line, "expected `,` or `}` in a flow mapping");
                    }
                }
                Ok(Node::Map(entries))
            }
            Some('"') | Some('\'') => {
                let rest: String = self.chars[self.at..].iter().collect();
                let (s, used) = quoted(&rest, self.line)?;
                self.at += rest[..used].chars().count();
                Ok(Node::Scalar { text: s, quoted: true })
            }
            _ => {
                let start = self.at;
                while let Some(&c) = self.chars.get(self.at) {
                    let colon = c == ':' && self.chars.get(self.at + 1).is_none_or(|n| n.is_whitespace());
                    if c == ',' || c == ']' || c == '}' || colon {
                        break;
                    }
                    self.at += 1;
                }
                let text: String = self.chars[start..self.at].iter().collect();
                Ok(plain(&text))
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.chars.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a parse as a compact outline with lines, for snapshots.
    fn outline(item: &Item) -> String {
        match &item.node {
            Node::Null => format!("null@{}", item.line),
            Node::Scalar { text, quoted } => format!("{}{text:?}@{}", if *quoted { "q" } else { "" }, item.line),
            Node::Seq(items) => format!("[{}]", items.iter().map(outline).collect::<Vec<_>>().join(", ")),
            Node::Map(entries) => format!(
                "{{{}}}",
                entries.iter().map(|(k, v)| format!("{k}: {}", outline(v))).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    fn check(text: &str, expect: expect_test::Expect) {
        let got = match parse(text) {
            Ok(item) => outline(&item),
            Err(e) => format!("error at line {}: {}", e.line, e.message),
        };
        expect.assert_eq(&got);
    }

    #[test]
    fn hadolint_config_shapes() {
        check(
            "---\n# comment\nignored:\n  - DL3000 # why\n  - SC1010\noverride:\n  error:\n  - DL3001\n  info: [DL3002, \"DL3003\"]\ntrustedRegistries:\n- docker.io\n- '*.gcr.io'\nlabel-schema:\n  author: text\n  url: url\nstrict-labels: true\nfailure-threshold: warning\n",
            expect_test::expect![[r#"{ignored: ["DL3000"@4, "SC1010"@5], override: {error: ["DL3001"@8], info: ["DL3002"@9, q"DL3003"@9]}, trustedRegistries: ["docker.io"@11, q"*.gcr.io"@12], label-schema: {author: "text"@14, url: "url"@15}, strict-labels: "true"@16, failure-threshold: "warning"@17}"#]],
        );
    }

    #[test]
    fn items_that_are_mappings_and_multi_line_flow() {
        check("- a: 1\n  b: [x,\n     y]\n- c\n", expect_test::expect![[r#"[{a: "1"@1, b: ["x"@2, "y"@2]}, "c"@4]"#]]);
        check("k: {a: 'it''s', b: \"x#y\"} # c\n", expect_test::expect![[r#"{k: {a: q"it's"@1, b: q"x#y"@1}}"#]]);
        check("", expect_test::expect!["null@1"]);
        check("a:\nb: 2\n", expect_test::expect![[r#"{a: null@1, b: "2"@2}"#]]);
    }

    #[test]
    fn errors_name_their_line() {
        check("a: 1\n  b: 2\n", expect_test::expect!["error at line 2: unexpected indentation"]);
        check("a:\n\t- x\n", expect_test::expect!["error at line 2: tabs are not allowed in YAML indentation"]);
        check("a: [1, 2\nb: 3\n", expect_test::expect!["error at line 1: a `[` or `{` is never closed"]);
        check(
            "a: |\n  text\n",
            expect_test::expect![
                "error at line 1: block scalars (`|`, `>`) are not supported here; write the value on one line"
            ],
        );
        check("a: \"open\n", expect_test::expect!["error at line 1: a quoted string is never closed"]);
        check("just text\n", expect_test::expect![[r#""just text"@1"#]]);
    }
}
