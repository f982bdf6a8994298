//! The image's layers beside the steps that make them: size (uncompressed
//! and compressed), a bar proportional to the largest layer, and for a step
//! the model cannot size, "unknown size" with an editable estimate.

use std::rc::Rc;

use dockerplay_core::size::{SizeReport, Unknown};
use dockerplay_core::Span;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::components::outline::summary;
use crate::components::size_panel::{basis_line, human_size, megabytes_value, parse_megabytes, SizeBasis};
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct LayerListProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    pub report: Rc<SizeReport>,
    /// An estimate typed for `Unknown::key`, in bytes (`None`: cleared).
    pub on_estimate: Callback<(String, Option<u64>)>,
    pub on_reveal: Callback<Span>,
}

/// One unknown with its estimate field; `line` names the step when the row
/// does not sit under it (an unknown of a stage the image copies from).
fn unknown_row(lang: Lang, u: &Unknown, line: Option<u32>, on_estimate: &Callback<(String, Option<u64>)>) -> Html {
    let t = texts(lang);
    let key = u.key.clone();
    let onchange = on_estimate.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (key.clone(), parse_megabytes(&input.value()))
    });
    html! {
        <div class="size-unknown" title={u.reason.render(lang.core())}>
            if let Some(line) = line {
                <span class="size-unknown-line">{ format!("{} {line}", t.size_line) }</span>
            }
            <span class="size-flag">{ t.size_unknown }</span>
            <span class="size-unknown-key">{ &u.key }</span>
            <label class="size-estimate">
                <span>{ t.size_your_estimate }</span>
                <input type="number" min="0" step="any" inputmode="decimal" class="size-unknown-input"
                    placeholder={megabytes_value(u.estimate)}
                    value={if u.given { megabytes_value(u.estimate) } else { String::new() }} {onchange} />
            </label>
        </div>
    }
}

#[component]
pub fn LayerList(props: &LayerListProps) -> Html {
    let t = texts(props.lang);
    let rep = &props.report;
    let file = &props.analysis.file;
    let layers: Vec<_> = rep.image.layers.iter().filter(|l| l.creates_layer).collect();
    let largest = layers.iter().map(|l| l.uncompressed).max().unwrap_or(0).max(1);
    // Unknowns of stages the image copies from have no row of their own.
    let loose: Vec<&Unknown> =
        rep.unknowns.iter().filter(|u| !layers.iter().any(|l| l.instruction == u.instruction)).collect();

    let row = |l: &&dockerplay_core::size::LayerSize| {
        let ins = file.instructions.get(l.instruction);
        let span = ins.map_or(Span::default(), |i| Span::new(i.span.start, i.span.start));
        let onclick = props.on_reveal.reform(move |_: MouseEvent| span);
        let share = l.uncompressed as f64 / largest as f64 * 100.0;
        let unknowns: Vec<&Unknown> = rep.unknowns.iter().filter(|u| u.instruction == l.instruction).collect();
        // An unknown's default estimate may be 0: the flag, not the bytes, says so.
        let estimated = l.estimated > 0 || !unknowns.is_empty();
        html! {
            <li class={classes!("size-layer", estimated.then_some("estimated"))} data-line={l.line.to_string()}>
                <button type="button" class="size-step" {onclick}>
                    <span class="ln">{ l.line }</span>
                    <span class="kw">{ l.keyword.as_str() }</span>
                    <span class="cmd">{ ins.map(|i| summary(i)).unwrap_or_default() }</span>
                </button>
                <span class="size-bar" aria-hidden="true"><span style={format!("width:{share:.1}%")}></span></span>
                <span class="size-num">{ human_size(l.uncompressed) }</span>
                <span class="size-num size-sub">{ human_size(l.compressed) }</span>
                if SizeBasis::of_layer(l) != SizeBasis::Exact || l.low != l.high {
                    { basis_line(t, SizeBasis::of_layer(l), l.low, l.high, human_size) }
                }
                { for unknowns.iter().map(|u| unknown_row(props.lang, u, None, &props.on_estimate)) }
                { for l.notes.iter().map(|n| html! { <span class="size-layer-note">{ n.render(props.lang.core()) }</span> }) }
            </li>
        }
    };

    html! {
        <section class="size-section size-layers">
            <h3>{ t.size_layers }</h3>
            <p class="size-help">{ t.size_layers_help }</p>
            if layers.is_empty() {
                <p class="empty">{ t.size_no_layers }</p>
            } else {
                <ol class="size-layer-list">{ for layers.iter().map(row) }</ol>
            }
            if !loose.is_empty() {
                <div class="size-loose">{ for loose.iter().map(|u| {
                    let line = file.instructions.get(u.instruction).map(|i| i.line);
                    unknown_row(props.lang, u, line, &props.on_estimate)
                }) }</div>
            }
        </section>
    }
}
