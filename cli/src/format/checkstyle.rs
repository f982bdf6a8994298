//! Checkstyle's XML report, which Jenkins (warnings-ng), reviewdog and
//! many CI dashboards read: `<checkstyle version="4.3">`, one `<file
//! name="...">` per file checked, one `<error line column severity message
//! source/>` per finding. Severities are checkstyle's `error`, `warning`
//! and `info` (style findings are `info`).

use super::{display_code, FileReport};
use crate::config::Level;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for report in reports {
        out.push_str(&format!("  <file name=\"{}\">\n", escape(&report.name)));
        for (r, at) in report.located() {
            let severity = match r.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info | Level::Style => "info",
            };
            out.push_str(&format!(
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"{}\"/>\n",
                at.line,
                at.column,
                escape(&r.message),
                display_code(&r.finding)
            ));
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}

/// XML attribute text: the five predefined entities, and line breaks and
/// tabs as character references so attribute normalisation keeps them.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An XML element: name, attributes (entities decoded), children.
    #[derive(Debug)]
    struct Element {
        name: String,
        attributes: Vec<(String, String)>,
        children: Vec<Element>,
    }

    impl Element {
        fn attr(&self, name: &str) -> Option<&str> {
            self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
        }
    }

    /// A strict reader for the XML subset a report uses (a declaration,
    /// elements, attributes in double quotes, entity and character
    /// references, whitespace between elements); anything else fails.
    fn parse_xml(text: &str) -> Result<Element, String> {
        let mut rest = text.trim_start();
        if let Some(r) = rest.strip_prefix("<?xml") {
            rest = &r[r.find("?>").ok_or("unclosed declaration")? + 2..];
        }
        let (root, rest) = element(rest.trim_start())?;
        if !rest.trim().is_empty() {
            return Err(format!("text after the root element: {rest:?}"));
        }
        Ok(root)
    }

    fn element(s: &str) -> Result<(Element, &str), String> {
        let s = s.strip_prefix('<').ok_or("expected `<`")?;
        let end = s.find(|c: char| c.is_whitespace() || c == '/' || c == '>').ok_or("unclosed tag")?;
        let name = s[..end].to_string();
        let mut s = &s[end..];
        let mut attributes = Vec::new();
        loop {
            s = s.trim_start();
            if let Some(r) = s.strip_prefix("/>") {
                return Ok((Element { name, attributes, children: vec![] }, r));
            }
            if let Some(r) = s.strip_prefix('>') {
                s = r;
                break;
            }
            let eq = s.find('=').ok_or("attribute without `=`")?;
            let key = s[..eq].trim().to_string();
            let r = s[eq + 1..].strip_prefix('"').ok_or("attribute value not in double quotes")?;
            let close = r.find('"').ok_or("unclosed attribute")?;
            if r[..close].contains('<') {
                return Err("`<` in an attribute".into());
            }
            attributes.push((key, decode(&r[..close])?));
            s = &r[close + 1..];
        }
        let mut children = Vec::new();
        loop {
            s = s.trim_start();
            if let Some(r) = s.strip_prefix("</") {
                let r = r.strip_prefix(name.as_str()).ok_or("mismatched closing tag")?;
                let r = r.trim_start().strip_prefix('>').ok_or("bad closing tag")?;
                return Ok((Element { name, attributes, children }, r));
            }
            let (child, r) = element(s)?;
            children.push(child);
            s = r;
        }
    }

    fn decode(s: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').ok_or("unterminated entity")? + i;
            let entity = &rest[i + 1..end];
            out.push(match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                e if e.starts_with('#') => {
                    char::from_u32(e[1..].parse().map_err(|_| "bad reference")?).ok_or("bad reference")?
                }
                e => return Err(format!("unknown entity &{e};")),
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// The report parses as XML with checkstyle's structure: a
    /// `checkstyle` root with a version, a `file` per file checked (clean
    /// ones too), `error` elements with a positive line and column, one of
    /// checkstyle's severities, the message and the rule as `source`.
    #[test]
    fn report_has_checkstyles_structure() {
        let reports = super::super::tests::sample();
        let root = parse_xml(&render(&reports)).expect("well-formed XML");
        assert_eq!(root.name, "checkstyle");
        assert!(root.attr("version").is_some());
        assert_eq!(root.children.len(), reports.len());
        for (file, report) in root.children.iter().zip(&reports) {
            assert_eq!(file.name, "file");
            assert_eq!(file.attr("name"), Some(report.name.as_str()));
            assert_eq!(file.children.len(), report.findings.len());
            for (error, r) in file.children.iter().zip(&report.findings) {
                assert_eq!(error.name, "error");
                assert!(error.children.is_empty());
                for key in ["line", "column"] {
                    assert!(error.attr(key).and_then(|v| v.parse::<u32>().ok()).is_some_and(|n| n > 0), "{error:?}");
                }
                assert!(["error", "warning", "info"].contains(&error.attr("severity").unwrap_or("")), "{error:?}");
                assert_eq!(error.attr("message"), Some(r.message.as_str()));
                assert!(error.attr("source").is_some_and(|s| !s.is_empty()));
            }
        }
    }

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(decode(&escape("a<b & \"c\" 'd'\n")), Ok("a<b & \"c\" 'd'\n".to_string()));
        assert!(parse_xml("<a b=\"<\"/>").is_err(), "the reader refuses what XML refuses");
    }
}
