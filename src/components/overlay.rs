//! The highlighted copy of the editor's text, drawn under the transparent
//! textarea. A component of its own so that caret moves, which re-render the
//! editor, do not rebuild every line.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::components::findings_marks::{self, LintMark};
use crate::highlight::LineView;

#[derive(Properties, PartialEq)]
pub struct OverlayProps {
    pub analysis: AnalysisRef,
    pub lines: Rc<Vec<LineView>>,
    /// The lines to draw, `first..last` (0-based); the others are blank space.
    pub shown: (usize, usize),
    /// The widest line, in `ch`.
    pub width_ch: usize,
    /// Findings to underline, apart from the diagnostics in `lines`.
    #[prop_or_default]
    pub lint: Rc<Vec<LintMark>>,
}

#[component]
pub fn Overlay(props: &OverlayProps) -> Html {
    let text = &props.analysis.text;
    let len = props.lines.len();
    let (first, last) = (props.shown.0.min(len), props.shown.1.min(len));
    let lh = crate::browser::LINE_HEIGHT_PX as usize;
    let style = format!("min-width: calc({}ch + 2 * var(--pad-x) + 240px)", props.width_ch);
    html! {
        <pre class="hl" {style}><code>
            if first > 0 {
                <div class="hl-skip" style={format!("height: {}px", first * lh)}></div>
            }
            { for props.lines[first..last].iter().enumerate().map(|(i, line)| {
                let reach = line.pieces.first().zip(line.pieces.last()).map(|(a, b)| (a.span.start, b.span.end));
                let lint = reach.map(|(start, end)| findings_marks::within(&props.lint, start, end)).unwrap_or_default();
                html! {
                <div class="hl-line" data-line={(first + i + 1).to_string()}>
                    { for line.pieces.iter().flat_map(|p| findings_marks::split(p, &lint)).map(|(p, lint)| {
                        let s = p.span.slice(text).to_string();
                        if p.class.is_none() && p.mark.is_none() && lint.is_none() {
                            html! { s }
                        } else {
                            let class = classes!(
                                p.class.map(|c| c.css()),
                                p.mark.map(|m| format!("mark mark-{}", m.as_str())),
                                lint.map(|m| format!("lint lint-{}", m.severity.as_str())),
                            );
                            // The editor reads `data-lint` under the pointer for its tooltip.
                            html! { <span {class} data-lint={lint.map(|m| m.label.clone())}>{ s }</span> }
                        }
                    }) }
                </div>
                }
            }) }
            if last < len {
                <div class="hl-skip" style={format!("height: {}px", (len - last) * lh)}></div>
            }
        </code></pre>
    }
}
