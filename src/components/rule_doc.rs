//! A rule's documentation (its doc comment, Markdown with the sections What
//! it does / Why / Example / Fix), shown under a finding.
//!
//! The Markdown is read by a small parser of our own into plain blocks and
//! rendered as Yew nodes, so every character of the text is a text node:
//! nothing is ever parsed as HTML. It knows what rule docs use: headings,
//! paragraphs, bullet lists, fenced code blocks, `inline code` and **bold**.

use dockerplay_core::lint::{self, Rule};
use yew::prelude::*;

use crate::i18n::{texts, Lang, Texts};

/// One block of a Markdown document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    /// Lines joined with spaces, as Markdown reflows them.
    Paragraph(String),
    List(Vec<String>),
    Code(String),
}

/// A run of a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    Code(&'a str),
    Strong(&'a str),
}

/// Splits a Markdown document into blocks. Anything it does not know is
/// kept as paragraph text, so nothing is lost.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut code: Option<Vec<&str>> = None;

    fn flush(out: &mut Vec<Block>, paragraph: &mut Vec<&str>, list: &mut Vec<String>) {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(std::mem::take(list)));
        }
    }

    for line in markdown.lines() {
        if let Some(body) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                out.push(Block::Code(body.join("\n")));
                code = None;
            } else {
                body.push(line);
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            flush(&mut out, &mut paragraph, &mut list);
            code = Some(Vec::new());
        } else if trimmed.is_empty() {
            flush(&mut out, &mut paragraph, &mut list);
        } else if let Some(title) = heading(trimmed) {
            flush(&mut out, &mut paragraph, &mut list);
            out.push(Block::Heading(title.to_string()));
        } else if let Some(item) = trimmed.strip_prefix("- ").or_else(|| trimmed.strip_prefix("* ")) {
            if !paragraph.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            list.push(item.trim().to_string());
        } else if !list.is_empty() && line.starts_with(' ') {
            // An indented line continues the list item above it.
            let last = list.last_mut().expect("the list is not empty");
            last.push(' ');
            last.push_str(trimmed);
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            paragraph.push(trimmed);
        }
    }
    // An unclosed fence still shows its lines.
    if let Some(body) = code {
        out.push(Block::Code(body.join("\n")));
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

/// The text of an ATX heading (`## Why`), if the line is one.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim().trim_end_matches('#').trim_end())
}

/// Splits a paragraph into text, `code` and **strong** runs. An unmatched
/// marker stays text.
pub fn inlines(text: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let next = [rest.find('`').map(|i| (i, "`")), rest.find("**").map(|i| (i, "**"))]
            .into_iter()
            .flatten()
            .min_by_key(|(i, _)| *i);
        let Some((at, marker)) = next else { break };
        let inner = &rest[at + marker.len()..];
        let Some(close) = inner.find(marker).filter(|c| *c > 0) else {
            // No closing marker: the opening one is plain text.
            let keep = at + marker.len();
            push_text(&mut out, &rest[..keep]);
            rest = &rest[keep..];
            continue;
        };
        push_text(&mut out, &rest[..at]);
        let body = &inner[..close];
        out.push(if marker == "`" { Inline::Code(body) } else { Inline::Strong(body) });
        rest = &inner[close + marker.len()..];
    }
    push_text(&mut out, rest);
    out
}

/// Appends a text run unless it is empty.
fn push_text<'a>(out: &mut Vec<Inline<'a>>, text: &'a str) {
    if text.is_empty() {
        return;
    }
    out.push(Inline::Text(text));
}

/// Renders a paragraph's inline Markdown.
pub fn inline_html(text: &str) -> Html {
    html! {
        { for inlines(text).into_iter().map(|run| match run {
            Inline::Text(s) => html! { s },
            Inline::Code(s) => html! { <code>{ s }</code> },
            Inline::Strong(s) => html! { <strong>{ s }</strong> },
        }) }
    }
}

/// The rule's title in the UI language: the Chinese title where there is
/// one, else the English summary (the doc's first line).
pub fn rule_title(rule: &Rule, lang: Lang) -> &'static str {
    rule.title_in(core_lang(lang))
}

/// The page's language as core names it.
fn core_lang(lang: Lang) -> dockerplay_core::Lang {
    match lang {
        Lang::En => dockerplay_core::Lang::En,
        Lang::Zh => dockerplay_core::Lang::Zh,
    }
}

/// How the equivalent rule of another tool is shown: `hadolint DL3027`,
/// `BuildKit StageNameCasing`.
pub fn also_label(also: &str) -> String {
    match also.strip_prefix("BuildKit:") {
        Some(name) => format!("BuildKit {name}"),
        None if also.starts_with("DL") => format!("hadolint {also}"),
        None => also.to_string(),
    }
}

fn severity_text(t: &Texts, rule: &Rule) -> &'static str {
    match rule.severity {
        dockerplay_core::Severity::Error => t.severity_error,
        dockerplay_core::Severity::Warning => t.severity_warning,
        dockerplay_core::Severity::Info => t.severity_info,
    }
}

#[derive(Properties, PartialEq)]
pub struct RuleDocProps {
    pub lang: Lang,
    /// The rule's `DPnnn` code.
    pub code: AttrValue,
}

#[component]
pub fn RuleDoc(props: &RuleDocProps) -> Html {
    let t = texts(props.lang);
    let Some(rule) = lint::rule(&props.code) else { return Html::default() };
    // The title is the first paragraph of the doc in either language; the
    // head shows it, so the body starts at the first section.
    let doc = blocks(&rule.doc_in(core_lang(props.lang)));
    let body = match doc.iter().position(|b| matches!(b, Block::Heading(_))) {
        Some(first) => &doc[first..],
        None => &doc[..],
    };
    html! {
        <div class="rule-doc">
            <div class="rule-head">
                <span class="rule-title">{ inline_html(rule_title(rule, props.lang)) }</span>
                <span class="rule-meta">
                    <span>{ rule.name }</span>
                    if let Some(also) = rule.also {
                        <span>{ also_label(also) }</span>
                    }
                    <span class={classes!(format!("sev-{}", rule.severity.as_str()))}>{ severity_text(t, rule) }</span>
                </span>
            </div>
            { for body.iter().map(|b| match b {
                Block::Heading(h) => html! { <h4>{ inline_html(h) }</h4> },
                Block::Paragraph(p) => html! { <p>{ inline_html(p) }</p> },
                Block::List(items) => html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline_html(i) }</li> }) }</ul> },
                Block::Code(c) => html! { <pre><code>{ c }</code></pre> },
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_doc_becomes_headings_paragraphs_lists_and_code() {
        let md = "Use `apt-get`.\n\n## What it does\nFlags RUN commands\nthat call `apt`.\n\n## Example\n```dockerfile\nRUN apt update\n  && apt install\n```\n- one\n  more\n- **two**\nafter\n";
        assert_eq!(
            blocks(md),
            [
                Block::Paragraph("Use `apt-get`.".into()),
                Block::Heading("What it does".into()),
                Block::Paragraph("Flags RUN commands that call `apt`.".into()),
                Block::Heading("Example".into()),
                Block::Code("RUN apt update\n  && apt install".into()),
                Block::List(vec!["one more".into(), "**two**".into()]),
                Block::Paragraph("after".into()),
            ]
        );
    }

    #[test]
    fn an_unclosed_fence_keeps_its_lines_and_hash_words_are_not_headings() {
        assert_eq!(
            blocks("#nohead\n```\ncode <b>"),
            [Block::Paragraph("#nohead".into()), Block::Code("code <b>".into())]
        );
    }

    #[test]
    fn inline_code_and_strong_are_split_out_and_stray_markers_stay_text() {
        assert_eq!(
            inlines("run `a*b` then **now** or ` alone"),
            [
                Inline::Text("run "),
                Inline::Code("a*b"),
                Inline::Text(" then "),
                Inline::Strong("now"),
                Inline::Text(" or `"),
                Inline::Text(" alone"),
            ]
        );
        assert_eq!(inlines("``"), [Inline::Text("`"), Inline::Text("`")]);
    }

    #[test]
    fn every_rule_doc_has_its_four_sections() {
        for rule in lint::rules() {
            let headings: Vec<String> = blocks(&rule.doc_text())
                .into_iter()
                .filter_map(|b| if let Block::Heading(h) = b { Some(h) } else { None })
                .collect();
            for want in ["What it does", "Why", "Example", "Fix"] {
                assert!(headings.iter().any(|h| h == want), "{} lacks {want:?}: {headings:?}", rule.code);
            }
        }
    }

    #[test]
    fn titles_follow_the_language_and_equivalents_name_their_tool() {
        let rule = lint::rule("DP327").unwrap();
        assert_eq!(rule_title(rule, Lang::En), rule.summary());
        assert_ne!(rule_title(rule, Lang::Zh), rule.summary());
        assert_eq!(also_label("DL3027"), "hadolint DL3027");
        assert_eq!(also_label("BuildKit:StageNameCasing"), "BuildKit StageNameCasing");
    }
}
