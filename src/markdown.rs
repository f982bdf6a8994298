//! The little Markdown that lesson texts use: paragraphs (blank lines),
//! `code`, **strong** and *emphasis*. Rendered as Yew nodes, never as raw
//! HTML, so a lesson's text cannot inject markup.

use yew::prelude::*;

/// Inline spans of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Code(String),
    Strong(String),
    Em(String),
}

/// Splits a paragraph into spans. An unclosed marker is kept as text.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (marker, make): (&str, fn(String) -> Span) = if rest.starts_with('`') {
            ("`", Span::Code)
        } else if rest.starts_with("**") {
            ("**", Span::Strong)
        } else if c == '*' {
            ("*", Span::Em)
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let body = &rest[marker.len()..];
        match body.find(marker).filter(|&end| end > 0) {
            Some(end) => {
                if !plain.is_empty() {
                    out.push(Span::Text(std::mem::take(&mut plain)));
                }
                out.push(make(body[..end].to_string()));
                rest = &body[end + marker.len()..];
            }
            None => {
                plain.push_str(marker);
                rest = body;
            }
        }
    }
    if !plain.is_empty() {
        out.push(Span::Text(plain));
    }
    out
}

/// Paragraphs of spans as HTML.
pub fn render(text: &str) -> Html {
    html! {
        { for text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| html! {
            <p>{ for spans(p.trim()).into_iter().map(|s| match s {
                Span::Text(t) => html! { t },
                Span::Code(t) => html! { <code>{ t }</code> },
                Span::Strong(t) => html! { <strong>{ t }</strong> },
                Span::Em(t) => html! { <em>{ t }</em> },
            }) }</p>
        }) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markers_become_spans_and_unclosed_ones_stay_text() {
        assert_eq!(
            spans("run `npm ci` **once**, *then* 缓存"),
            vec![
                Span::Text("run ".into()),
                Span::Code("npm ci".into()),
                Span::Text(" ".into()),
                Span::Strong("once".into()),
                Span::Text(", ".into()),
                Span::Em("then".into()),
                Span::Text(" 缓存".into()),
            ]
        );
        assert_eq!(spans("a * b `c"), vec![Span::Text("a * b `c".into())]);
    }
}
