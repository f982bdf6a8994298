//! Code Climate issues (the Code Climate engine specification, "Data
//! Types: Issues"): `type`, `check_name`, `description`, `categories`,
//! `location` (path and lines), `severity`, and a `fingerprint` that stays
//! the same while the finding does, even when lines move.
//!
//! - `codeclimate`: the engine stream, each issue followed by a NUL byte,
//!   as the specification has engines write them.
//! - `gitlab_codeclimate`: one JSON array, the Code Quality report GitLab
//!   reads (`artifacts: reports: codequality`), which requires
//!   `description`, `check_name`, `fingerprint`, `severity`,
//!   `location.path` and `location.lines.begin`.

use super::{display_code, FileReport};
use crate::config::Level;
use dockerplay_core::cache::sha256;
use dockerplay_core::lint::{self, Category};
use serde_json::{json, Value};

/// The specification's categories for ours.
fn category(c: Option<Category>) -> &'static str {
    match c {
        Some(Category::Correctness) | None => "Bug Risk",
        Some(Category::Security) => "Security",
        Some(Category::Cache) | Some(Category::Size) => "Performance",
        Some(Category::Style) => "Style",
        Some(Category::Maintainability) => "Clarity",
    }
}

/// The specification's severities (hadolint maps its levels the same way).
fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "blocker",
        Level::Warning => "major",
        Level::Info => "info",
        Level::Style => "minor",
    }
}

pub fn issues(reports: &[FileReport]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for report in reports {
        for (r, at) in report.located() {
            let f = &r.finding;
            let rule = lint::rule(f.code);
            // The file, the rule, the message and the flagged text (not its
            // line number), so that an edit above it keeps the issue the same
            // one; a repeat of all four counts its occurrence, so that
            // fingerprints stay unique, as GitLab requires.
            let flagged = report.text.get(f.span.start..f.span.end).unwrap_or("");
            let mut key = format!("{}\0{}\0{}\0{}", report.name, f.code, f.message, flagged.trim());
            let repeat = seen.iter().filter(|k| **k == key).count();
            seen.push(key.clone());
            if repeat > 0 {
                key.push_str(&format!("\0{repeat}"));
            }
            let fingerprint = sha256::digest(key.as_bytes()).trim_start_matches("sha256:")[..32].to_string();
            out.push(json!({
                "type": "issue",
                "check_name": display_code(f),
                "description": r.message,
                "categories": [category(rule.map(|r| r.category))],
                "location": {"path": report.name, "lines": {"begin": at.line, "end": at.end_line}},
                "severity": severity(r.level),
                "fingerprint": fingerprint,
            }));
        }
    }
    out
}

pub fn render(reports: &[FileReport], gitlab: bool) -> String {
    let issues = issues(reports);
    if gitlab {
        return serde_json::to_string_pretty(&Value::Array(issues)).unwrap_or_default() + "\n";
    }
    issues.iter().map(|i| format!("{i}\0")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATEGORIES: &[&str] =
        &["Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance", "Security", "Style"];
    const SEVERITIES: &[&str] = &["info", "minor", "major", "critical", "blocker"];

    /// The specification's required fields with their types and allowed
    /// values, and GitLab's additions.
    fn assert_issue(issue: &Value) {
        assert_eq!(issue["type"], "issue");
        assert!(issue["check_name"].as_str().is_some_and(|s| !s.is_empty()), "{issue}");
        assert!(issue["description"].as_str().is_some_and(|s| !s.is_empty()), "{issue}");
        let categories = issue["categories"].as_array().expect("categories");
        assert!(
            !categories.is_empty() && categories.iter().all(|c| CATEGORIES.contains(&c.as_str().unwrap_or(""))),
            "{issue}"
        );
        let location = &issue["location"];
        assert!(location["path"].as_str().is_some_and(|s| !s.is_empty()));
        let (begin, end) =
            (location["lines"]["begin"].as_u64().unwrap_or(0), location["lines"]["end"].as_u64().unwrap_or(0));
        assert!(begin >= 1 && end >= begin, "{issue}");
        assert!(SEVERITIES.contains(&issue["severity"].as_str().unwrap_or("")), "{issue}");
        assert!(issue["fingerprint"].as_str().is_some_and(|s| !s.is_empty()));
    }

    #[test]
    fn engine_stream_is_nul_separated_issues() {
        let reports = super::super::tests::sample();
        let out = render(&reports, false);
        assert!(out.ends_with('\0'));
        let issues: Vec<Value> =
            out.split('\0').filter(|s| !s.is_empty()).map(|s| serde_json::from_str(s).expect("JSON")).collect();
        assert_eq!(issues.len(), reports.iter().map(|r| r.findings.len()).sum::<usize>());
        issues.iter().for_each(assert_issue);
    }

    #[test]
    fn gitlab_report_is_an_array_with_unique_fingerprints() {
        let reports = super::super::tests::sample();
        let issues: Vec<Value> = serde_json::from_str(&render(&reports, true)).expect("a JSON array");
        issues.iter().for_each(assert_issue);
        let mut prints: Vec<&str> = issues.iter().filter_map(|i| i["fingerprint"].as_str()).collect();
        prints.sort();
        prints.dedup();
        assert_eq!(prints.len(), issues.len());
    }

    #[test]
    fn fingerprints_survive_lines_moving() {
        let reports = super::super::tests::sample();
        let before = issues(&reports[1..2]);
        let mut moved = super::super::tests::sample();
        let report = &mut moved[1];
        report.text = format!("# a comment\n{}", report.text);
        for r in &mut report.findings {
            r.finding.span = dockerplay_core::Span::new(r.finding.span.start + 12, r.finding.span.end + 12);
        }
        let after = issues(&moved[1..2]);
        assert_eq!(
            before.iter().map(|i| &i["fingerprint"]).collect::<Vec<_>>(),
            after.iter().map(|i| &i["fingerprint"]).collect::<Vec<_>>()
        );
        assert_ne!(before[0]["location"], after[0]["location"]);
    }
}
