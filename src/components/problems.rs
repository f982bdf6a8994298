//! The problems list: every diagnostic with its place; clicking one selects
//! it in the editor.

use std::rc::Rc;

use dockerplay_core::{Diagnostic, Severity, Span};
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub on_reveal: Callback<Span>,
}

#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let t = texts(props.lang);
    let a = &props.analysis;
    if props.diagnostics.is_empty() {
        return html! { <div class="problems"><p class="empty">{ t.problems_none }</p></div> };
    }
    html! {
        <ul class="problems">
            { for props.diagnostics.iter().map(|d| {
                let (line, col) = a.lines.line_col(&a.text, d.span.start);
                let span = d.span;
                let onclick = props.on_reveal.reform(move |_: MouseEvent| span);
                let severity = match d.severity {
                    Severity::Error => t.severity_error,
                    Severity::Warning => t.severity_warning,
                    Severity::Info => t.severity_info,
                };
                html! {
                    <li>
                        <button type="button" class={classes!("problem", format!("sev-{}", d.severity.as_str()))} {onclick}>
                            <span class="sev-dot" title={severity}></span>
                            <span class="visually-hidden">{ severity }</span>
                            <span class="msg">{ d.message.render(props.lang.core()) }</span>
                            <span class="where">{ format!("{} {line}, {} {col}", t.line_short, t.col_short) }</span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}
