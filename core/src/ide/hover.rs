//! Hover text: an instruction's documentation, a variable's value at that
//! line, a base image's size, a stage's definition, a finding's rule.

use super::docs::{self, words};
use super::navigate::declaration;
use super::{clamp, instruction_at, stage_named, variable_at, Lang};
use crate::lint::{self, Finding};
use crate::size::catalogue::{self, Basis};
use crate::size::megabytes as mb;
use crate::span::Span;
use crate::syntax::{self, Args};

/// Text to show over a span: paragraphs separated by blank lines, code
/// between backticks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub span: Span,
    pub text: String,
}

pub fn hover(text: &str, offset: usize, lang: Lang) -> Option<Hover> {
    let offset = clamp(text, offset);
    let (file, _) = syntax::parse(text);
    let w = words(lang);
    if let Some(name) = variable_at(text, offset) {
        let var = &text[name.start..name.end];
        let text = match declaration(&file, var, offset) {
            Some(d) => match d.value {
                Some(v) => format!("`{var}` = `{v}`\n\n{} {} {}", d.keyword.as_str(), w.line, d.line),
                None => format!("`{var}`: {}\n\n{} {} {}", w.no_value, d.keyword.as_str(), w.line, d.line),
            },
            None => format!("`{var}`: {}", w.no_value),
        };
        return Some(Hover { span: name, text });
    }
    let ins = instruction_at(&file, offset)?;
    if ins.keyword_span.start <= offset && offset <= ins.keyword_span.end {
        return Some(Hover { span: ins.keyword_span, text: docs::instruction(ins.keyword, lang).to_string() });
    }
    if let Args::From(from) = &ins.args {
        let image = from.image.span;
        if image.start <= offset && offset <= image.end {
            if let Some(stage) = stage_named(&file, &from.image.text, ins.stage) {
                return Some(Hover {
                    span: image,
                    text: format!("{} `{}`, {} {}", w.stage, from.image.text, w.line, stage.line),
                });
            }
            let expanded =
                ins.stage.and_then(|s| file.stages.get(s)).map_or(from.image.text.as_str(), |s| &s.base_expanded);
            let base = catalogue::lookup(expanded, None);
            let text = if base.is_known() {
                let source = match (&base.basis, &base.estimated_from) {
                    (Basis::NearestTag, Some(from)) => format!("{} `{from}`", w.estimated),
                    _ => format!("{} {}", w.measured, base.data_date),
                };
                format!(
                    "`{}`\n\n{} {}, {} {} ({source})",
                    base.reference,
                    mb(base.uncompressed),
                    w.uncompressed,
                    mb(base.compressed),
                    w.compressed
                )
            } else {
                format!("`{}`: {}", base.reference, w.unknown_image)
            };
            return Some(Hover { span: image, text });
        }
    }
    None
}

/// A finding's rule: its code, title and documentation, in the reader's
/// language.
pub fn rule_hover(finding: &Finding, lang: Lang) -> String {
    let message = finding.message.render(lang);
    let Some(rule) = lint::rule(finding.code) else { return format!("{} · {message}", finding.code) };
    let title = rule.title_in(lang);
    let also = rule.also.map(|a| format!(" ({a})")).unwrap_or_default();
    // The doc's first line is its title, which the hover's head shows.
    let body: String = rule.doc_in(lang).lines().skip(1).collect::<Vec<_>>().join("\n");
    format!("{}{also} · {title}\n\n{message}\n\n{}", rule.code, body.trim())
}
