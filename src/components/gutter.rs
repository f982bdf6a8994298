//! Line numbers beside the editor, with a mark on lines that have a
//! diagnostic (its message as the tooltip), and a bar in the colour of the
//! layer cache status on instruction lines while the Cache panel is open.

use std::rc::Rc;

use dockerplay_core::Severity;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GutterProps {
    /// The scrolling element, kept in step with the textarea.
    pub node: NodeRef,
    /// Per line: the most severe diagnostic starting there.
    pub marks: Rc<Vec<Option<(Severity, String)>>>,
    /// The caret's line, 1-based.
    pub current: u32,
    /// The lines to draw, `first..last` (0-based); the others are blank space.
    pub shown: (usize, usize),
    /// Wheel turns over the gutter, in pixels, for the textarea to scroll.
    pub on_wheel: Callback<f64>,
    /// Per line: the cache status of the step written there, and why.
    #[prop_or_default]
    pub cache: Option<crate::live_cache::LineMarks>,
}

#[component]
pub fn Gutter(props: &GutterProps) -> Html {
    // Line-mode wheels (Firefox) report lines, not pixels.
    let onwheel = props.on_wheel.reform(|e: WheelEvent| {
        let lh = crate::browser::LINE_HEIGHT_PX as f64;
        if e.delta_mode() == 1 {
            e.delta_y() * lh
        } else {
            e.delta_y()
        }
    });
    let len = props.marks.len();
    let (first, last) = (props.shown.0.min(len), props.shown.1.min(len));
    let lh = crate::browser::LINE_HEIGHT_PX as usize;
    // Sized for the widest number, drawn or not, so the width never jumps.
    let style = format!("min-width: calc({}ch + 28px)", len.to_string().len().max(2));
    html! {
        <div class="gutter" ref={props.node.clone()} aria-hidden="true" {style} {onwheel}>
            <div class="gutter-lines">
                if first > 0 {
                    <div style={format!("height: {}px", first * lh)}></div>
                }
                { for props.marks[first..last].iter().enumerate().map(|(i, mark)| {
                    let n = (first + i) as u32 + 1;
                    let cache = props.cache.as_ref().and_then(|c| c.get(first + i)).and_then(Option::as_ref);
                    let class = classes!(
                        "gl",
                        (n == props.current).then_some("current"),
                        mark.as_ref().map(|(s, _)| format!("gl-{}", s.as_str())),
                        cache.map(|(s, _)| format!("gc gc-{}", s.as_str())),
                    );
                    let title = match (mark, cache) {
                        (Some((_, m)), Some((_, c))) => Some(format!("{m}\n{c}")),
                        (Some((_, m)), None) => Some(m.clone()),
                        (None, c) => c.map(|(_, c)| c.clone()),
                    };
                    html! { <div {class} {title}>{ n }</div> }
                }) }
                if last < len {
                    <div style={format!("height: {}px", (len - last) * lh)}></div>
                }
            </div>
        </div>
    }
}
