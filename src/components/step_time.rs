//! A step's estimated time in the steps table: a button showing it, which
//! turns into a number field while the user changes it.
//!
//! A table of a long build has a time on every row; a number field on each
//! made every frame of the page dearer (each field is a small document of
//! its own to lay out, paint and hit-test), and typing in the editor beside
//! the table paid for it (issue 15). One field exists at a time.

use yew::prelude::*;

use crate::browser;
use crate::i18n::{texts, Lang};
use crate::live_cache::duration;

#[derive(Properties, PartialEq)]
pub struct StepTimeProps {
    pub lang: Lang,
    /// The step's line, for the accessible names.
    pub line: u32,
    /// The estimate shown, in seconds.
    pub seconds: f64,
    /// A new estimate (`None`: the field was emptied, back to the model's).
    pub on_change: Callback<Option<f64>>,
}

/// The field's text as seconds: a finite number, zero or more.
pub fn parse_seconds(value: &str) -> Option<f64> {
    value.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// Tenths of a second, as the field shows them.
fn tenths(seconds: f64) -> String {
    format!("{}", (seconds * 10.0).round() / 10.0)
}

#[component]
pub fn StepTime(props: &StepTimeProps) -> Html {
    let t = texts(props.lang);
    let editing = use_state_eq(|| false);
    // Where the focus goes once the field closes by a key: back to the
    // button, so that keyboard users stay where they were.
    let refocus = use_mut_ref(|| false);
    let field = use_node_ref();
    let button = use_node_ref();
    {
        let (field, button, refocus) = (field.clone(), button.clone(), refocus.clone());
        use_effect_with(*editing, move |editing| {
            if *editing {
                browser::focus(&field);
                browser::select_all(&field);
            } else if std::mem::take(&mut *refocus.borrow_mut()) {
                browser::focus(&button);
            }
        });
    }
    if !*editing {
        let onclick = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(true))
        };
        let shown = duration(t, props.seconds);
        let label = t.cache_time_edit.replace("{line}", &props.line.to_string()).replace("{time}", &shown);
        return html! {
            <button type="button" class="secs" ref={button} aria-label={label} {onclick}>{ shown }</button>
        };
    }
    let commit = {
        let (editing, on_change, was) = (editing.clone(), props.on_change.clone(), tenths(props.seconds));
        move |value: String| {
            if value.trim() != was {
                on_change.emit(parse_seconds(&value));
            }
            editing.set(false);
        }
    };
    let onkeydown = {
        let (commit, editing, refocus) = (commit.clone(), editing.clone(), refocus.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                *refocus.borrow_mut() = true;
                commit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            }
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                *refocus.borrow_mut() = true;
                editing.set(false);
            }
            _ => {}
        })
    };
    let onblur =
        Callback::from(move |e: FocusEvent| commit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
    html! {
        <input class="secs" type="number" min="0" step="0.5" inputmode="decimal" ref={field}
            value={tenths(props.seconds)}
            aria-label={t.cache_time_label.replace("{line}", &props.line.to_string())} {onkeydown} {onblur} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_takes_seconds_zero_or_more() {
        assert_eq!(parse_seconds(" 2.5 "), Some(2.5));
        assert_eq!(parse_seconds("0"), Some(0.0));
        assert_eq!(parse_seconds(""), None);
        assert_eq!(parse_seconds("-1"), None);
        assert_eq!(parse_seconds("NaN"), None);
        assert_eq!(parse_seconds("inf"), None);
        assert_eq!(tenths(12.345), "12.3");
        assert_eq!(tenths(3.0), "3");
    }
}
