//! The highlighted copy of the editor's text, drawn under the transparent
//! textarea. A component of its own so that caret moves, which re-render the
//! editor, do not rebuild every line.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::highlight::LineView;

#[derive(Properties, PartialEq)]
pub struct OverlayProps {
    pub analysis: AnalysisRef,
    pub lines: Rc<Vec<LineView>>,
    /// The lines to draw, `first..last` (0-based); the others are blank space.
    pub shown: (usize, usize),
    /// The widest line, in `ch`.
    pub width_ch: usize,
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
            { for props.lines[first..last].iter().enumerate().map(|(i, line)| html! {
                <div class="hl-line" data-line={(first + i + 1).to_string()}>
                    { for line.pieces.iter().map(|p| {
                        let s = p.span.slice(text).to_string();
                        if p.class.is_none() && p.mark.is_none() {
                            html! { s }
                        } else {
                            let class = classes!(
                                p.class.map(|c| c.css()),
                                p.mark.map(|m| format!("mark mark-{}", m.as_str())),
                            );
                            html! { <span {class}>{ s }</span> }
                        }
                    }) }
                </div>
            }) }
            if last < len {
                <div class="hl-skip" style={format!("height: {}px", (len - last) * lh)}></div>
            }
        </code></pre>
    }
}
