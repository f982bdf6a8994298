//! Output formats of `dockerplay check` for CI systems, one module each:
//! `checkstyle`, `codeclimate` (and `gitlab_codeclimate`), `gnu` and
//! `github` (workflow commands). `text`, `json` and `sarif` live in
//! `check.rs`. Every format reads the same [`FileReport`]s.

pub mod checkstyle;
pub mod codeclimate;
pub mod github;
pub mod gnu;

use crate::config::Level;
use dockerplay_core::lint::{self, Finding, Rule};
use dockerplay_core::LineIndex;

/// Every format `--format` takes.
pub const FORMATS: &[&str] =
    &["text", "json", "sarif", "checkstyle", "codeclimate", "gitlab_codeclimate", "gnu", "github"];

/// A format's name with hadolint's spellings mapped to ours (`tty` is
/// `text`).
pub fn canonical(name: &str) -> &str {
    match name {
        "tty" => "text",
        "gitlab-codeclimate" => "gitlab_codeclimate",
        other => other,
    }
}

/// The hadolint code a rule answers to, its own or its twin's (a BuildKit
/// check names its hadolint mirror among its aliases). Every reading of a
/// rule's aliases in the CI formats goes through here.
pub fn hadolint_code(rule: &Rule) -> Option<&'static str> {
    rule.aliases().into_iter().find(|a| a.starts_with("DL"))
}

/// One checked file: its name as given, its text and what was found.
pub struct FileReport {
    pub name: String,
    pub text: String,
    pub findings: Vec<Reported>,
}

/// A finding with its level after the configuration's overrides.
pub struct Reported {
    pub finding: Finding,
    pub level: Level,
    /// The finding's message in the reader's language.
    pub message: String,
}

/// Where a finding is: 1-based line and column of its start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl FileReport {
    /// Each finding with its position.
    pub fn located(&self) -> Vec<(&Reported, Position)> {
        let index = LineIndex::new(&self.text);
        self.findings
            .iter()
            .map(|r| {
                let (line, column) = index.line_col(&self.text, r.finding.span.start);
                let (end_line, end_column) = index.line_col(&self.text, r.finding.span.end);
                (r, Position { line, column, end_line, end_column })
            })
            .collect()
    }
}

/// The code a CI report shows: hadolint's for its mirrors, so that
/// existing dashboards and suppressions keep working, else ours.
pub fn display_code(finding: &Finding) -> &'static str {
    lint::rule(finding.code).and_then(hadolint_code).unwrap_or(finding.code)
}

/// Renders one of this module's formats.
pub fn render(format: &str, reports: &[FileReport]) -> String {
    match format {
        "checkstyle" => checkstyle::render(reports),
        "codeclimate" => codeclimate::render(reports, false),
        "gitlab_codeclimate" => codeclimate::render(reports, true),
        "github" => github::render(reports),
        _ => gnu::render(reports),
    }
}

/// One SARIF log of several files' logs: one run whose rules are every
/// run's, and whose results point into that list by `ruleIndex`.
pub fn merge_sarif(logs: Vec<serde_json::Value>) -> serde_json::Value {
    use serde_json::Value;
    let mut logs = logs.into_iter();
    let Some(mut merged) = logs.next() else { return Value::Null };
    let mut rules: Vec<Value> = merged["runs"][0]["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    let mut results: Vec<Value> = merged["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    for log in logs {
        for rule in log["runs"][0]["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default() {
            if !rules.iter().any(|r| r["id"] == rule["id"]) {
                rules.push(rule);
            }
        }
        results.extend(log["runs"][0]["results"].as_array().cloned().unwrap_or_default());
    }
    for result in &mut results {
        let index = rules.iter().position(|r| r["id"] == result["ruleId"]);
        result["ruleIndex"] = serde_json::json!(index);
    }
    merged["runs"][0]["tool"]["driver"]["rules"] = Value::Array(rules);
    merged["runs"][0]["results"] = Value::Array(results);
    merged
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::config::Config;
    use dockerplay_core::inputs::BuildInput;

    /// Reports for files with findings of every level, for the formats'
    /// tests: a name with characters the formats must escape.
    pub fn sample() -> Vec<FileReport> {
        let files = [
            ("app/Dockerfile", "FROM debian:12 as Build\nRUN apt-get install -y curl && cd /tmp\nLABEL Version=\"a<b&c\"\nMAINTAINER me\n"),
            ("odd, name:%.Dockerfile", "FROM alpine:3.20\nRUN apk add curl\n"),
            ("clean/Dockerfile", "FROM alpine:3.20\nUSER 10001\n"),
            // The same finding twice on one line: fingerprints must differ.
            ("twice/Dockerfile", "FROM alpine:3.20\nRUN apk add curl && apk add curl\n"),
        ];
        let config = Config::default();
        files
            .iter()
            .map(|(name, text)| {
                let input = BuildInput { dockerfile: text.to_string(), ..Default::default() };
                let (findings, _) = lint::check(&input, &config.check_options());
                let findings = findings
                    .into_iter()
                    .filter_map(|f| {
                        config.level(&f).map(|level| Reported { message: f.message.to_string(), finding: f, level })
                    })
                    .collect();
                FileReport { name: name.to_string(), text: text.to_string(), findings }
            })
            .collect()
    }
}
