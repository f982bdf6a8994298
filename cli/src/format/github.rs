//! GitHub Actions workflow commands ("Workflow commands for GitHub
//! Actions": `::error file=F,line=L,col=C,endLine=,endColumn=,title=T::MESSAGE`),
//! which the runner turns into annotations on the pull request's diff.
//! Errors are `error`, warnings `warning`, info and style `notice`.
//!
//! Escaping, as the runner's command parser undoes it: in the message `%`,
//! `\r` and `\n` become `%25`, `%0D` and `%0A`; in a property also `:` and
//! `,` become `%3A` and `%2C`.

use super::{display_code, FileReport};
use crate::config::Level;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for (r, at) in report.located() {
            let command = match r.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info | Level::Style => "notice",
            };
            let code = display_code(&r.finding);
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&report.name),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                property(&format!("{code} ({})", r.level.as_str())),
                data(&r.message)
            ));
        }
    }
    out
}

/// A command's message.
pub fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A command's property value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Undoes the runner's escaping (what the runner does on reading).
    fn unescape(s: &str) -> String {
        s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    }

    /// Each line is `::LEVEL PROPS::MESSAGE` as documented: a known command,
    /// `key=value` properties separated by `,` with no raw `,` `:` or line
    /// break inside a value, and the file and positions read back exactly.
    #[test]
    fn commands_follow_the_documented_syntax() {
        let reports = super::super::tests::sample();
        let out = render(&reports);
        let total: usize = reports.iter().map(|r| r.findings.len()).sum();
        assert_eq!(out.lines().count(), total);
        let mut files = Vec::new();
        for line in out.lines() {
            let body = line.strip_prefix("::").expect("starts with ::");
            let (head, message) = body.split_once("::").expect("properties end with ::");
            let (command, props) = head.split_once(' ').expect("a command then properties");
            assert!(["error", "warning", "notice"].contains(&command), "{line}");
            let props: Vec<(&str, &str)> = props.split(',').map(|p| p.split_once('=').expect("key=value")).collect();
            let keys: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"]);
            for (k, v) in &props {
                assert!(!v.contains([':', '\n', '\r']), "{k}={v}");
                if ["line", "col", "endLine", "endColumn"].contains(k) {
                    assert!(v.parse::<u32>().is_ok_and(|n| n > 0), "{k}={v}");
                }
            }
            assert!(!message.contains(['\n', '\r']));
            files.push(unescape(props[0].1));
        }
        assert!(files.contains(&"odd, name:%.Dockerfile".to_string()), "{files:?}");
    }

    #[test]
    fn escaping_round_trips() {
        let nasty = "50% done,\r\nnext: a:b";
        assert_eq!(data(nasty), "50%25 done,%0D%0Anext: a:b");
        assert_eq!(property(nasty), "50%25 done%2C%0D%0Anext%3A a%3Ab");
        assert_eq!(unescape(&property(nasty)), nasty);
    }
}
