//! Every rule's Chinese documentation (`lint::docs_zh`) against its English
//! doc comment: it exists, starts with the rule's Chinese title, has the
//! same sections in the same order, the same code blocks, and Chinese prose
//! in every section. A rule added without its Chinese doc fails here.

use dockerplay_core::lint::{self, docs_zh, Rule};
use dockerplay_core::Lang;

/// The parts of a Markdown doc the two languages must share.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    /// The `## ` headings, in order.
    headings: Vec<String>,
    /// The fenced code blocks, fences and info strings included.
    code: Vec<String>,
    /// The text outside code blocks, per section (the title is section 0).
    prose: Vec<String>,
}

fn shape(doc: &str) -> Shape {
    let mut s = Shape { prose: vec![String::new()], ..Shape::default() };
    let mut block: Option<String> = None;
    for line in doc.lines() {
        if let Some(b) = &mut block {
            b.push_str(line);
            b.push('\n');
            if line.trim() == "```" {
                s.code.push(block.take().unwrap_or_default());
            }
        } else if line.starts_with("```") {
            block = Some(format!("{line}\n"));
        } else if let Some(h) = line.strip_prefix("## ") {
            s.headings.push(h.to_string());
            s.prose.push(String::new());
        } else if let Some(p) = s.prose.last_mut() {
            p.push_str(line);
            p.push('\n');
        }
    }
    s
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// What is wrong with one rule's Chinese doc, if anything.
fn problems(rule: &Rule) -> Vec<String> {
    let Some(zh) = docs_zh::doc_zh(rule.code) else { return vec!["no Chinese doc".into()] };
    let mut out = Vec::new();
    let en = shape(&rule.doc_text());
    let got = shape(zh);
    let title = rule.title_in(Lang::Zh);
    if title == rule.summary() {
        out.push("no Chinese title in i18n.rs".into());
    }
    if zh.lines().next() != Some(title) || zh.lines().nth(1) != Some("") {
        out.push(format!("the first line is not the title {title:?} followed by a blank line"));
    }
    let want: Vec<&str> = en
        .headings
        .iter()
        .map(|h| docs_zh::SECTIONS.iter().find(|(e, _)| e == h).map_or(h.as_str(), |(_, z)| *z))
        .collect();
    if got.headings != want {
        out.push(format!("sections {:?}, want {want:?}", got.headings));
    }
    if got.code != en.code {
        out.push(format!("code blocks differ:\n{:?}\nwant\n{:?}", got.code, en.code));
    }
    for (heading, prose) in got.headings.iter().zip(&got.prose[1..]) {
        // Example and Fix may be a code block alone; the others say something.
        let needs_text = heading != "示例" && heading != "修复";
        if (needs_text || !prose.trim().is_empty()) && !prose.chars().any(is_cjk) {
            out.push(format!("section {heading:?} has no Chinese prose"));
        }
    }
    out
}

#[test]
fn every_rule_has_a_chinese_doc_shaped_like_its_english_one() {
    let mut failures = Vec::new();
    for rule in lint::rules() {
        for p in problems(rule) {
            failures.push(format!("{}: {p}", rule.code));
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_chinese_doc_belongs_to_a_registered_rule() {
    for (code, _) in docs_zh::DOCS_ZH {
        assert!(lint::rule(code).is_some(), "{code} has a Chinese doc but no rule");
    }
}

#[test]
fn a_missing_or_misshapen_doc_is_caught() {
    // The checks themselves: a doc whose code block was edited, or whose
    // sections are out of order, does not pass for its English one.
    let en = "Title.\n\n## What it does\nx\n\n## Why\ny\n\n## Example\n```dockerfile\nFROM a\n```\n\n## Fix\n```dockerfile\nFROM b\n```\n";
    let zh = "标题\n\n## 作用\n甲\n\n## 示例\n```dockerfile\nFROM a\n```\n\n## 原因\n乙\n\n## 修复\n```dockerfile\nFROM c\n```\n";
    let (e, z) = (shape(en), shape(zh));
    assert_eq!(e.headings, ["What it does", "Why", "Example", "Fix"]);
    assert_eq!(z.headings, ["作用", "示例", "原因", "修复"]);
    assert_ne!(e.code, z.code);
    assert_eq!(e.code[0], "```dockerfile\nFROM a\n```\n");
}

#[test]
fn the_language_picks_the_doc_and_the_title() {
    let rule = lint::rule("DP207").unwrap();
    assert_eq!(rule.doc_in(Lang::En), rule.doc_text());
    assert!(rule.doc_in(Lang::Zh).starts_with("不要在 RUN 中使用 sudo\n\n## 作用\n"));
    // hadolint mirrors take their title from the hadolint table.
    let mirror = lint::rule("DP327").unwrap();
    assert_ne!(mirror.title_in(Lang::Zh), mirror.summary());
    assert_eq!(mirror.title_in(Lang::En), mirror.summary());
}
