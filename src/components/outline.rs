//! The outline: stages and their instructions, following the caret.

use dockerplay_core::syntax::Instruction;
use dockerplay_core::Span;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::browser;
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    /// The instruction at the editor's caret (an index into the
    /// analysis's instructions): the outline renders again when the caret
    /// enters another instruction, not on every keystroke.
    pub active: Option<usize>,
    pub on_reveal: Callback<Span>,
}

/// What a row shows of an instruction: its first line after the keyword,
/// whitespace collapsed, shortened to fit.
pub fn summary(ins: &Instruction) -> String {
    const MAX: usize = 72;
    let first = ins.text.lines().next().unwrap_or("");
    let rest = first.get(ins.keyword_text.len()..).unwrap_or("").trim();
    let rest = rest.strip_suffix('\\').unwrap_or(rest).trim_end();
    let mut out: String = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let continued = ins.end_line > ins.line;
    if out.chars().count() > MAX {
        out = out.chars().take(MAX - 1).collect::<String>() + "…";
    } else if continued {
        out.push_str(" …");
    }
    out
}

#[component]
pub fn Outline(props: &OutlineProps) -> Html {
    let t = texts(props.lang);
    let a = &props.analysis;
    let file = &a.file;
    let active = props.active.filter(|i| *i < file.instructions.len());
    let active_stage = active.and_then(|i| file.instructions[i].stage);
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(active, move |_| browser::reveal(&list, ".ins.active"));
    }

    let row = |i: usize| {
        let ins = &file.instructions[i];
        let span = Span::new(ins.span.start, ins.span.start);
        let onclick = props.on_reveal.reform(move |_: MouseEvent| span);
        html! {
            <li>
                <button type="button" class={classes!("ins", (active == Some(i)).then_some("active"))} {onclick}
                    aria-current={(active == Some(i)).then_some("true")}>
                    <span class="kw">{ ins.keyword.as_str() }</span>
                    <span class="cmd">{ summary(ins) }</span>
                    <span class="ln">{ ins.line }</span>
                </button>
            </li>
        }
    };

    if file.instructions.is_empty() {
        return html! { <div class="outline" ref={list}><p class="empty">{ t.outline_empty }</p></div> };
    }
    let globals: Vec<usize> = (0..file.instructions.len()).filter(|&i| file.instructions[i].stage.is_none()).collect();
    html! {
        <div class="outline" ref={list}>
            if !globals.is_empty() {
                <div class="stage globals">
                    <div class="stage-head"><span class="stage-name">{ t.outline_global_args }</span></div>
                    <ul>{ for globals.iter().copied().map(row) }</ul>
                </div>
            }
            { for file.stages.iter().map(|stage| {
                let head_span = Span::new(stage.span.start, stage.span.start);
                let onclick = props.on_reveal.reform(move |_: MouseEvent| head_span);
                let ids = std::iter::once(stage.from).chain(stage.instructions.iter().copied());
                html! {
                    <div class={classes!("stage", (active_stage == Some(stage.index)).then_some("active"))}>
                        <button type="button" class="stage-head" {onclick}>
                            <span class="stage-index">{ stage.index }</span>
                            <span class="stage-name">{ stage.display_name() }</span>
                            <span class="stage-base">{ format!("{} {}", t.outline_from, stage.base) }</span>
                        </button>
                        <ul>{ for ids.map(row) }</ul>
                    </div>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::summary;
    use dockerplay_core::syntax;

    /// Each case: a Dockerfile and the summaries of its instructions.
    fn check(text: &str, expect: &[&str]) {
        let (file, _) = syntax::parse(text);
        let got: Vec<String> = file.instructions.iter().map(|i| summary(i)).collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn rows_show_the_first_line_after_the_keyword() {
        check("from  alpine:3.20   AS  base\nRUN a && \\\n    b\n", &["alpine:3.20 AS base", "a && …"]);
        check("COPY <<EOF /x\nbody\nEOF\n", &["<<EOF /x …"]);
        let long = format!("RUN echo {}", "x".repeat(100));
        let got = summary(&syntax::parse(&long).0.instructions[0]);
        assert_eq!(got.chars().count(), 72);
        assert!(got.ends_with('…'));
    }
}
