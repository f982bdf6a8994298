//! Embed mode (`?embed=1`): its query parameters, the iframe snippet, and
//! the `postMessage` API between the iframe and its host page, as pure
//! functions over strings. `browser` does the posting and listening;
//! docs/embed.md documents all of it for tutorial authors.

use serde::{Deserialize, Serialize};

use crate::browser::parse_query;
use crate::state::Panel;

/// The query parameters of an embedded playground.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedParams {
    /// `embed=1`: the compact layout without the header.
    pub embed: bool,
    /// `readonly=1`: the reader can look but not edit.
    pub readonly: bool,
    /// `panels=outline,cache`: the tabs that show, in the app's order;
    /// `None` shows them all.
    pub panels: Option<Vec<Panel>>,
    /// `theme=dark|light`: `Some(true)` for dark; `None` follows the reader.
    pub dark: Option<bool>,
    /// `target=build`: the stage to build.
    pub target: Option<String>,
    /// `lesson=layers`: follow a built-in lesson (also outside embeds).
    pub lesson: Option<String>,
    /// `step=3`: the lesson's step, 1-based as readers count; 0 without one.
    pub step: usize,
}

fn flag(search: &str, name: &str) -> bool {
    parse_query(search, name).is_some_and(|v| matches!(v.as_str(), "" | "1" | "true" | "yes"))
}

impl EmbedParams {
    /// Reads the parameters from a query string such as `?embed=1&readonly=1`.
    /// Unknown panel names are skipped; a list with none known shows all.
    pub fn from_query(search: &str) -> EmbedParams {
        let panels = parse_query(search, "panels").and_then(|list| {
            let names: Vec<&str> = list.split(',').map(str::trim).collect();
            let shown: Vec<Panel> = Panel::ALL.into_iter().filter(|p| names.contains(&p.as_str())).collect();
            (!shown.is_empty()).then_some(shown)
        });
        EmbedParams {
            embed: flag(search, "embed"),
            readonly: flag(search, "readonly"),
            panels,
            dark: parse_query(search, "theme").and_then(|t| match t.as_str() {
                "dark" => Some(true),
                "light" => Some(false),
                _ => None,
            }),
            target: parse_query(search, "target").filter(|t| !t.is_empty()),
            lesson: parse_query(search, "lesson").filter(|l| !l.is_empty()),
            step: parse_query(search, "step").and_then(|s| s.parse().ok()).unwrap_or(0),
        }
    }
}

/// The page's address without query and fragment: where the full
/// playground and the embed both live.
pub fn page_of(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The full playground with the same state: the embed parameters go, the
/// language stays (the reader chose to read in it).
pub fn full_playground_url(href: &str, fragment: &str, lang: Option<&str>) -> String {
    let lang = lang.map(|l| format!("?lang={l}")).unwrap_or_default();
    format!("{}{lang}#{fragment}", page_of(href))
}

/// The `<iframe>` to paste into a page, showing `fragment`.
pub fn snippet(href: &str, fragment: &str) -> String {
    format!(
        "<iframe src=\"{}?embed=1#{fragment}\" title=\"Dockerplay\" width=\"100%\" height=\"480\" \
         style=\"border:0\" loading=\"lazy\"></iframe>",
        page_of(href)
    )
}

/// Messages the iframe sends to its host.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Outgoing {
    /// The content's height in CSS pixels, to size the iframe.
    #[serde(rename = "dockerplay:height")]
    Height { height: u32 },
    /// The Dockerfile after an edit.
    #[serde(rename = "dockerplay:change")]
    Change { dockerfile: String },
    /// The lesson's step the reader is on (1-based) and how many it has.
    #[serde(rename = "dockerplay:step")]
    Step { lesson: String, step: usize, steps: usize },
}

/// Messages a host may send to the iframe.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type")]
pub enum Incoming {
    /// Replaces the Dockerfile.
    #[serde(rename = "dockerplay:set")]
    Set { dockerfile: String },
    /// Goes to a step of the open lesson (1-based).
    #[serde(rename = "dockerplay:step")]
    Step { step: usize },
}

impl Outgoing {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Incoming {
    /// Reads a message's data as JSON; anything else a page might post
    /// (other libraries share the channel) is `None`.
    pub fn from_json(json: &str) -> Option<Incoming> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(search: &str, expect: EmbedParams) {
        assert_eq!(EmbedParams::from_query(search), expect, "{search:?}");
    }

    #[test]
    fn embed_parameters_are_read() {
        check("", EmbedParams::default());
        check("?lang=zh-CN", EmbedParams::default());
        check(
            "?embed=1&readonly=1&panels=cache,outline,nope&theme=dark&target=build",
            EmbedParams {
                embed: true,
                readonly: true,
                panels: Some(vec![Panel::Outline, Panel::Cache]),
                dark: Some(true),
                target: Some("build".into()),
                ..Default::default()
            },
        );
        check("?embed=0&readonly&theme=blue&panels=nope&target=", EmbedParams { readonly: true, ..Default::default() });
        check("?embed=true&theme=light", EmbedParams { embed: true, dark: Some(false), ..Default::default() });
        check(
            "?embed=1&lesson=layers&step=3",
            EmbedParams { embed: true, lesson: Some("layers".into()), step: 3, ..Default::default() },
        );
        check("?lesson=&step=x", EmbedParams::default());
    }

    #[test]
    fn links_from_an_embed_drop_its_parameters() {
        let href = "https://d.dev/play/index.html?embed=1&readonly=1#1old";
        assert_eq!(full_playground_url(href, "1new", None), "https://d.dev/play/index.html#1new");
        assert_eq!(full_playground_url(href, "1new", Some("zh-CN")), "https://d.dev/play/index.html?lang=zh-CN#1new");
        assert_eq!(
            snippet("https://d.dev/play/#1old", "1x"),
            "<iframe src=\"https://d.dev/play/?embed=1#1x\" title=\"Dockerplay\" width=\"100%\" height=\"480\" \
             style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn messages_have_the_documented_shape() {
        assert_eq!(Outgoing::Height { height: 412 }.to_json(), r#"{"type":"dockerplay:height","height":412}"#);
        assert_eq!(
            Outgoing::Change { dockerfile: "FROM a\n".into() }.to_json(),
            r#"{"type":"dockerplay:change","dockerfile":"FROM a\n"}"#
        );
        assert_eq!(
            Incoming::from_json(r#"{"type":"dockerplay:set","dockerfile":"FROM b"}"#),
            Some(Incoming::Set { dockerfile: "FROM b".into() })
        );
        assert_eq!(
            Outgoing::Step { lesson: "layers".into(), step: 2, steps: 5 }.to_json(),
            r#"{"type":"dockerplay:step","lesson":"layers","step":2,"steps":5}"#
        );
        assert_eq!(Incoming::from_json(r#"{"type":"dockerplay:step","step":3}"#), Some(Incoming::Step { step: 3 }));
        for other in [r#"{"type":"webpack:ok"}"#, r#"{"type":"dockerplay:set"}"#, "42", "null", "not json"] {
            assert_eq!(Incoming::from_json(other), None, "{other}");
        }
    }
}
