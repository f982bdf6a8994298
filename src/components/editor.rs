//! The Dockerfile editor: a plain `<textarea>` for input (so typing, IME
//! composition, undo and accessibility are the browser's own), over which a
//! highlighted copy of the text is drawn, with line numbers and diagnostic
//! marks beside it.
//!
//! The textarea is uncontrolled: its value is written only when the
//! Dockerfile is replaced from outside (`loaded` changes), never while the
//! user types, so no keystroke is lost and the caret never jumps.
//!
//! Keys: Tab is left to the browser (it moves focus; the editor must not be
//! a keyboard trap), and Enter keeps the current line's indentation.

use std::rc::Rc;

use dockerplay_core::{Diagnostic, Severity, Span};
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::browser;
use crate::components::findings_marks::{self, LintMark};
use crate::components::gutter::Gutter;
use crate::components::overlay::Overlay;
use crate::editing;
use crate::highlight::{layout, tokens, Mark};
use crate::i18n::{texts, Lang};
use crate::textpos;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    /// What to mark in the text and the gutter, sorted by position.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// Best-practice findings: underlined apart from diagnostics, and told
    /// in the status bar when the caret is on one.
    #[prop_or_default]
    pub lint: Rc<Vec<LintMark>>,
    /// Changes when the text was replaced from outside the editor.
    pub loaded: u32,
    /// Byte offset of the caret.
    pub caret: usize,
    /// The textarea, so that the page can move its selection.
    pub textarea: NodeRef,
    pub on_edit: Callback<String>,
    pub on_caret: Callback<usize>,
    /// An embed with `readonly=1`: the text can be read and selected only.
    #[prop_or_default]
    pub readonly: bool,
    /// Per line, the layer cache status to mark in the gutter.
    #[prop_or_default]
    pub cache_marks: Option<crate::live_cache::LineMarks>,
}

/// Lines are drawn in chunks of this many, so that scrolling re-renders the
/// overlay only when it crosses a chunk boundary.
const CHUNK: usize = 64;

/// The lines to draw (`first..last`, 0-based) for a scroll position and a
/// visible height in pixels: the visible ones plus at least a chunk of margin
/// on each side. Large files then cost per keystroke only what is on screen.
pub fn visible_lines(scroll_top: i32, height: i32) -> (usize, usize) {
    let lh = browser::LINE_HEIGHT_PX;
    let top = (scroll_top.max(0) / lh) as usize;
    let bottom = top + (height.max(0) / lh) as usize + 1;
    ((top / CHUNK).saturating_sub(1) * CHUNK, (bottom / CHUNK + 2) * CHUNK)
}

/// The widest line, in `ch` (wide characters count two, tabs four): the
/// overlay is made at least this wide, so that it can scroll as far right as
/// the textarea even when the widest line is not drawn.
fn widest_line_ch(text: &str) -> usize {
    text.lines()
        .map(|l| {
            l.chars()
                .map(|c| {
                    if c == '\t' {
                        4
                    } else if (c as u32) < 0x1100 {
                        1
                    } else {
                        2
                    }
                })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// Selects a byte span of `text` in the editor and scrolls to it. This and
/// the caret reading below are the UI's only byte/UTF-16 conversions.
pub fn select_span(textarea: &NodeRef, text: &str, span: Span) {
    let line = text[..textpos::floor_boundary(text, span.start)].matches('\n').count() as u32;
    browser::editor_select(
        textarea,
        textpos::byte_to_utf16(text, span.start),
        textpos::byte_to_utf16(text, span.end),
        line,
    );
}

/// The caret's byte offset in the textarea's current text.
fn caret_offset(textarea: &NodeRef) -> Option<usize> {
    let text = browser::editor_text(textarea)?;
    Some(textpos::utf16_to_byte(&text, browser::editor_caret(textarea)?))
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let t = texts(props.lang);
    let overlay = use_node_ref();
    let gutter = use_node_ref();

    let shown = use_state_eq(|| visible_lines(0, 0));
    let follow_scroll = {
        let (textarea, overlay, gutter, shown) =
            (props.textarea.clone(), overlay.clone(), gutter.clone(), shown.clone());
        move || {
            browser::sync_scroll(&textarea, &overlay, &gutter);
            if let Some((top, height)) = browser::scroll_metrics(&textarea) {
                shown.set(visible_lines(top, height));
            }
        }
    };

    // Write the text into the textarea on mount and on every load.
    {
        let textarea = props.textarea.clone();
        let analysis = props.analysis.clone();
        let follow_scroll = follow_scroll.clone();
        use_effect_with(props.loaded, move |_| {
            browser::set_editor_text(&textarea, &analysis.text);
            follow_scroll();
        });
    }
    let width_ch = use_memo(props.analysis.clone(), |a| widest_line_ch(&a.text));

    let lines = use_memo((props.analysis.clone(), props.diagnostics.clone()), |(a, diags)| {
        let marks: Vec<Mark> = diags.iter().map(|d| Mark { span: d.span, severity: d.severity }).collect();
        layout(&a.text, &tokens(&a.text), &marks)
    });
    // Per line, the most severe diagnostic that starts there (the first of
    // equals): the gutter mark, its tooltip and the status bar message.
    let line_diags = use_memo((props.analysis.clone(), props.diagnostics.clone()), |(a, diags)| {
        let mut per_line: Vec<Option<(Severity, String)>> = vec![None; a.lines.line_count() as usize];
        for d in diags.iter() {
            let last = per_line.len() - 1;
            let slot = &mut per_line[(a.lines.line(d.span.start) as usize - 1).min(last)];
            match slot {
                Some((s, _)) if *s <= d.severity => {}
                _ => *slot = Some((d.severity, d.message.clone())),
            }
        }
        per_line
    });

    let report_caret = {
        let (textarea, on_caret) = (props.textarea.clone(), props.on_caret.clone());
        move || {
            if let Some(offset) = caret_offset(&textarea) {
                on_caret.emit(offset);
            }
        }
    };
    let oninput = {
        let on_edit = props.on_edit.clone();
        let report_caret = report_caret.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            on_edit.emit(text);
            report_caret();
        })
    };
    let onkeydown = {
        let textarea = props.textarea.clone();
        let escape = props.analysis.file.escape;
        Callback::from(move |e: KeyboardEvent| {
            let plain = !(e.shift_key() || e.ctrl_key() || e.alt_key() || e.meta_key());
            // While an IME composes (pinyin, say), Enter confirms the
            // composition and must be left alone.
            if e.key() != "Enter" || !plain || e.is_composing() {
                return;
            }
            let (Some(text), Some(caret)) = (browser::editor_text(&textarea), caret_offset(&textarea)) else { return };
            let escape = if escape == '\0' { '\\' } else { escape };
            if browser::editor_insert(&editing::newline_with_indent(&text, caret, escape)) {
                e.prevent_default();
            }
        })
    };
    let on_caret_event = {
        let report_caret = report_caret.clone();
        Callback::from(move |_: Event| report_caret())
    };
    // The message of the finding under the pointer, as the textarea's
    // tooltip: the underlines lie beneath the textarea, so it asks what is
    // drawn at the pointer.
    let hover = use_state_eq(|| None::<String>);
    let onmousemove = {
        let hover = hover.clone();
        let any = !props.lint.is_empty();
        Callback::from(move |e: MouseEvent| {
            hover.set(any.then(|| browser::attribute_at_point(e.client_x(), e.client_y(), "data-lint")).flatten())
        })
    };
    let onscroll = Callback::from(move |_: Event| follow_scroll());
    let on_gutter_wheel = {
        let textarea = props.textarea.clone();
        Callback::from(move |dy: f64| browser::scroll_by(&textarea, dy))
    };

    let a = &props.analysis;
    let (line, col) = a.lines.line_col(&a.text, props.caret.min(a.text.len()));
    let here = line_diags
        .get(line as usize - 1)
        .cloned()
        .flatten()
        .or_else(|| findings_marks::at_caret(&props.lint, props.caret).map(|m| (m.severity, m.label.clone())));
    let current_top = format!("top: calc(var(--pad-y) + {}px)", (line as i32 - 1) * browser::LINE_HEIGHT_PX);

    html! {
        <div class="editor">
            <div class="editor-body">
                <Gutter node={gutter} marks={line_diags.clone()} current={line} shown={*shown} on_wheel={on_gutter_wheel} cache={props.cache_marks.clone()} />
                <div class="code">
                    <div class="overlay" ref={overlay} aria-hidden="true">
                        <div class="current-line" style={current_top}></div>
                        <Overlay analysis={a.clone()} lines={lines.clone()} shown={*shown} width_ch={*width_ch} lint={props.lint.clone()} />
                    </div>
                    <textarea
                        ref={props.textarea.clone()}
                        class="input"
                        aria-label={t.editor_label}
                        aria-describedby="editor-status"
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        autocorrect="off"
                        wrap="off"
                        readonly={props.readonly}
                        {oninput}
                        {onkeydown}
                        onkeyup={on_caret_event.reform(|e: KeyboardEvent| e.into())}
                        onmouseup={on_caret_event.reform(|e: MouseEvent| e.into())}
                        onfocus={on_caret_event.reform(|e: FocusEvent| e.into())}
                        onselect={on_caret_event.clone()}
                        {onscroll}
                        {onmousemove}
                        title={(*hover).clone()}
                    />
                </div>
            </div>
            <div class="statusbar" id="editor-status">
                <span class="pos">{ format!("{} {line}, {} {col}", t.line_short, t.col_short) }</span>
                {
                    match here {
                        Some((severity, message)) => html! {
                            <span class={classes!("status-diag", format!("sev-{}", severity.as_str()))}>{ message }</span>
                        },
                        None => html! { <span class="hint">{ t.editor_help }</span> },
                    }
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawn_lines_cover_the_view_with_a_margin_and_move_by_chunks() {
        // At the top of a 900 px editor (45 lines): one chunk of margin below.
        assert_eq!(visible_lines(0, 900), (0, 128));
        // Scrolling a little changes nothing, so nothing re-renders.
        assert_eq!(visible_lines(300, 900), (0, 128));
        // Deep in a long file: a chunk above and below the visible lines.
        let (first, last) = visible_lines(100 * 20, 900);
        assert!(first + CHUNK <= 100 && last >= 146 + CHUNK, "{first}..{last}");
    }

    #[test]
    fn the_widest_line_counts_wide_characters_and_tabs() {
        assert_eq!(widest_line_ch("FROM a\nRUN echo 中文\n\tx"), 13);
        assert_eq!(widest_line_ch(""), 0);
    }
}
