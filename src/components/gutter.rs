//! Line numbers beside the editor, with a mark on lines that have a
//! diagnostic (its message as the tooltip).

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
}

#[component]
pub fn Gutter(props: &GutterProps) -> Html {
    html! {
        <div class="gutter" ref={props.node.clone()} aria-hidden="true">
            <div class="gutter-lines">
                { for props.marks.iter().enumerate().map(|(i, mark)| {
                    let n = i as u32 + 1;
                    let class = classes!(
                        "gl",
                        (n == props.current).then_some("current"),
                        mark.as_ref().map(|(s, _)| format!("gl-{}", s.as_str())),
                    );
                    let title = mark.as_ref().map(|(_, m)| m.clone());
                    html! { <div {class} {title}>{ n }</div> }
                }) }
            </div>
        </div>
    }
}
