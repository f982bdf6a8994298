//! In-browser tests of the page: mount the app, act as a user would (events
//! on the real DOM), and read what the DOM shows.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_broken_line_shows_in_the_outline_gutter_text_and_problems_and_clicking_it_moves_the_caret() {
    let page = Page::mount().await;
    let text = "FROM alpine:3.20 AS base\nRUN echo \"中文\"\nFORM oops\nCOPY . /app\n";
    page.type_text(text).await;

    // The outline lists the stage and its good instructions.
    let outline = page.text(".outline");
    for expected in ["base", "alpine:3.20", "FROM", "RUN", "COPY"] {
        assert!(outline.contains(expected), "outline lacks {expected:?}: {outline:?}");
    }

    // The diagnostic: a wavy mark inside line 3 and a gutter mark on line 3.
    let mark = page.get(".cm-content > .cm-line:nth-child(3) .cm-lintRange").text_content().unwrap();
    assert!(!mark.is_empty() && "FORM oops".contains(&mark), "mark on {mark:?}");
    let gutter = page.get(".gl-error, .gl-warning, .gl-info");
    assert_eq!(gutter.text_content().unwrap(), "3");
    let message = gutter.get_attribute("title").unwrap();
    assert!(!message.is_empty());

    // The problems list shows the same message; clicking it selects the
    // span in the editor (UTF-16 indices: line 2 has two CJK characters).
    page.click("#tab-problems").await;
    assert_eq!(page.text(".problem .msg"), message);
    page.click(".problem").await;
    let textarea = page.textarea();
    let start = textarea.selection_start().unwrap().unwrap() as usize;
    let line3 = text.find("FORM").unwrap();
    let line3_utf16 = text[..line3].encode_utf16().count();
    assert!(
        (line3_utf16..line3_utf16 + "FORM oops".len()).contains(&start),
        "caret at {start}, line 3 starts at {line3_utf16}"
    );
}

/// Diagnostics come worded by core in the page's language: switching to
/// Chinese rewords the problems list and the gutter's tooltip, and back.
#[wasm_bindgen_test]
async fn diagnostics_follow_the_page_language() {
    let page = Page::mount().await;
    page.type_text("FROM alpine\nFORM oops\n").await;
    page.click("#tab-problems").await;
    assert_eq!(page.text(".problem .msg"), "unknown instruction: FORM (did you mean FROM?)");
    let select: HtmlSelectElement = page.get(".lang-select").dyn_into().unwrap();
    select.set_value("zh-CN");
    fire(&select, "change");
    settle().await;
    assert_eq!(page.text(".problem .msg"), "未知指令：FORM（是不是想写 FROM？）");
    let gutter = page.get(".gl-error");
    assert_eq!(gutter.get_attribute("title").unwrap(), "未知指令：FORM（是不是想写 FROM？）");
    select.set_value("en");
    fire(&select, "change");
    settle().await;
    assert_eq!(page.text(".problem .msg"), "unknown instruction: FORM (did you mean FROM?)");
}

#[wasm_bindgen_test]
async fn the_outline_follows_the_caret() {
    let page = Page::mount().await;
    page.type_text("FROM golang:1.22 AS build\nRUN go build\n\nFROM scratch\nCOPY --from=build /app /app\n").await;
    let textarea = page.textarea();
    // The caret sits at the end, on the COPY line (after typing).
    assert!(page.text(".ins.active").contains("COPY"), "{}", page.text(".ins.active"));
    assert!(page.text(".stage.active").contains("scratch"));
    // Move it to line 2 and tell the page, as a click would.
    textarea.set_selection_range(30, 30).unwrap();
    fire(&textarea, "mouseup");
    settle().await;
    assert!(page.text(".ins.active").contains("go build"), "{}", page.text(".ins.active"));
    assert!(page.text(".stage.active").contains("build"));
}

#[wasm_bindgen_test]
async fn opening_a_sample_replaces_the_text_and_the_language_switch_translates_the_page() {
    let page = Page::mount().await;
    page.type_text("FROM x\n").await;
    page.click(".actions .btn").await;
    assert!(page.find(".dialog").is_some());
    // The second sample's "after" button.
    page.click(".card:nth-child(2) .card-actions .btn.primary").await;
    assert!(page.find(".dialog").is_none(), "the gallery closes");
    let value = page.textarea().value();
    assert!(value.contains("pip install --no-cache-dir"), "{value}");
    assert!(page.text(".cm-content").contains("--no-cache-dir"), "the overlay shows the new text");
    // The caret starts at the top of the new text, and the page knows it.
    assert_eq!(page.textarea().selection_start().unwrap(), Some(0));
    assert_eq!(page.text(".cm-lineNumbers .cm-activeLineGutter"), "1");

    let before = page.text("#tab-outline");
    let select: HtmlSelectElement = page.get(".lang-select").dyn_into().unwrap();
    select.set_value("zh-CN");
    fire(&select, "change");
    settle().await;
    assert_eq!(page.text("#tab-outline"), "大纲");
    assert_ne!(before, "大纲");
    select.set_value("en");
    fire(&select, "change");
    settle().await;
    assert_eq!(page.text("#tab-outline"), "Outline");
}

#[wasm_bindgen_test]
async fn typing_keeps_the_caret_where_it_is() {
    let page = Page::mount().await;
    page.type_text("FROM alpine\nRUN echo hi\n").await;
    // Type in the middle of line 1, as the browser would: the value changes,
    // the caret sits after the new character, then `input` fires.
    let textarea = page.textarea();
    textarea.set_value("FROM alpxine\nRUN echo hi\n");
    textarea.set_selection_range(9, 9).unwrap();
    fire(&textarea, "input");
    settle().await;
    assert_eq!(textarea.selection_start().unwrap(), Some(9));
    assert_eq!(textarea.value(), "FROM alpxine\nRUN echo hi\n");
    assert!(page.text(".cm-content").contains("alpxine"));
}

#[wasm_bindgen_test]
async fn enter_after_a_continued_line_indents_the_next_one() {
    let page = Page::mount().await;
    page.type_text("FROM alpine\nRUN apk add curl && \\").await;
    let textarea = page.textarea();
    textarea.focus().unwrap();
    let end = textarea.value().len() as u32;
    textarea.set_selection_range(end, end).unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    textarea.dispatch_event(&event).unwrap();
    settle().await;
    assert_eq!(textarea.value(), "FROM alpine\nRUN apk add curl && \\\n    ");
    assert!(event.default_prevented());
    // The inserted text reached the page's state like typing does.
    assert_eq!(page.get(".cm-lineNumbers .cm-activeLineGutter").text_content().unwrap(), "3");
}
