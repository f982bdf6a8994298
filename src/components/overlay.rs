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
}

#[component]
pub fn Overlay(props: &OverlayProps) -> Html {
    let text = &props.analysis.text;
    html! {
        <pre class="hl"><code>
            { for props.lines.iter().map(|line| html! {
                <div class="hl-line">
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
        </code></pre>
    }
}
