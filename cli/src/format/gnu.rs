//! GNU's error format (GNU Coding Standards, "Formatting Error Messages"):
//! `FILE:LINE:COLUMN: CODE severity: message`, one line per finding, which
//! editors (Emacs' compilation mode, Vim's quickfix) jump to.

use super::{display_code, FileReport};

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for (r, at) in report.located() {
            // A message is one line by the format's definition.
            let message = r.message.replace(['\n', '\r'], " ");
            out.push_str(&format!(
                "{}:{}:{}: {} {}: {message}\n",
                report.name,
                at.line,
                at.column,
                display_code(&r.finding),
                r.level.as_str()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line is `FILE:LINE:COLUMN: message` with positive numbers, as
    /// the GNU standard's first form says, and names a file of the run.
    #[test]
    fn lines_follow_the_gnu_form() {
        let reports = super::super::tests::sample();
        let out = render(&reports);
        let total: usize = reports.iter().map(|r| r.findings.len()).sum();
        assert_eq!(out.lines().count(), total);
        assert!(total >= 4);
        for line in out.lines() {
            let report =
                reports.iter().find(|r| line.starts_with(&format!("{}:", r.name))).unwrap_or_else(|| panic!("{line}"));
            let rest = &line[report.name.len() + 1..];
            let mut parts = rest.splitn(3, ':');
            let (l, c, message) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            assert!(l.parse::<u32>().is_ok_and(|n| n > 0) && c.parse::<u32>().is_ok_and(|n| n > 0), "{line}");
            assert!(message.starts_with(' ') && message.len() > 1, "{line}");
        }
        assert!(out.contains("app/Dockerfile:1:19: DP001 warning: "), "{out}");
    }
}
