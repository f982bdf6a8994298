//! Copy buttons that say "Copied" until another is pressed, and read-only
//! text boxes that select their text on focus: what the share dialog and
//! the lesson recorder both offer.

use yew::prelude::*;

use crate::browser;

/// Which of a dialog's copy buttons was pressed last (`K` names them).
#[derive(Clone, PartialEq)]
pub struct Copier<K: Copy + PartialEq + 'static> {
    last: UseStateHandle<Option<K>>,
}

#[hook]
pub fn use_copier<K: Copy + PartialEq + 'static>() -> Copier<K> {
    Copier { last: use_state_eq(|| None) }
}

impl<K: Copy + PartialEq + 'static> Copier<K> {
    /// A click handler that copies `text` and marks the button `what`.
    pub fn copy(&self, what: K, text: String) -> Callback<MouseEvent> {
        let last = self.last.clone();
        Callback::from(move |_: MouseEvent| {
            browser::copy_text(&text);
            last.set(Some(what));
        })
    }

    /// The button's label: `copied` if it was pressed last, else `label`.
    pub fn label(&self, what: K, label: &'static str, copied: &'static str) -> &'static str {
        if *self.last == Some(what) {
            copied
        } else {
            label
        }
    }
}

/// Selects a read-only text box's text when it gets focus, ready to copy.
pub fn select_on_focus() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
            input.select();
        }
    })
}
