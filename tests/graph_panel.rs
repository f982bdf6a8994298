//! In-browser tests of the graph panel: mount the app, draw a multi-stage
//! Dockerfile, and act on the diagram as a user would.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlInputElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit, PointerEvent,
    PointerEventInit, WheelEvent, WheelEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

impl Page {
    fn classes(&self, selector: &str) -> String {
        self.get(selector).get_attribute("class").unwrap_or_default()
    }

    /// Clicks an SVG element (which has no `click()`): a bubbling click as
    /// a mouse would send it.
    async fn click_svg(&self, selector: &str) {
        let init = MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
        self.get(selector).dispatch_event(&event).unwrap();
        settle().await;
    }
}

/// A build stage, a debug stage nothing uses (skipped), and a final stage;
/// the Chinese comment makes UTF-16 and byte offsets differ.
const TEXT: &str = "# 构建阶段\nFROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM alpine:3.20 AS debug\nRUN apk add gdb\n\nFROM scratch\nCOPY --from=build /app /app\n";

fn utf16(byte: usize) -> u32 {
    TEXT[..byte].encode_utf16().count() as u32
}

#[wasm_bindgen_test]
async fn clicking_a_stage_selects_its_lines_and_building_it_changes_the_target() {
    let page = Page::mount().await;
    page.type_text(TEXT).await;
    page.click("#tab-graph").await;

    // Without a target the last stage is built; the debug stage is skipped.
    assert!(page.classes(".dp-stage[data-stage=\"stage-2\"]").contains("dp-target"));
    assert!(page.classes(".dp-stage[data-stage=\"debug\"]").contains("dp-skipped"));
    assert!(page.classes(".dp-stage[data-stage=\"build\"]").contains("dp-built"));

    // Clicking the debug stage's box selects its lines in the editor.
    page.click_svg(".dp-stage[data-stage=\"debug\"] > rect").await;
    let textarea = page.textarea();
    let (start, end) = (textarea.selection_start().unwrap().unwrap(), textarea.selection_end().unwrap().unwrap());
    let from = TEXT.find("FROM alpine").unwrap();
    let gdb_end = TEXT.find("gdb").unwrap() + 3;
    assert_eq!(start, utf16(from), "selection starts at the stage's FROM");
    assert!(end >= utf16(gdb_end) && end < utf16(TEXT.find("FROM scratch").unwrap()), "selection ends at {end}");

    // "Build this stage" makes it the target: it is built, the others are not.
    page.click(".graph-set-target").await;
    assert_eq!(page.get(".graph-target-name").text_content().unwrap(), "debug");
    let debug = page.classes(".dp-stage[data-stage=\"debug\"]");
    assert!(debug.contains("dp-target") && debug.contains("dp-built"), "{debug}");
    assert!(page.classes(".dp-stage[data-stage=\"build\"]").contains("dp-skipped"));
    assert!(page.classes(".dp-stage[data-stage=\"stage-2\"]").contains("dp-skipped"));
    // The editor's text is untouched.
    assert_eq!(page.textarea().value(), TEXT);

    // Renaming the stage leaves a target that names nothing: it says so,
    // and no stage is built (BuildKit fails such a build). The legend has
    // a built sample too, hence `[data-index]`.
    page.type_text(&TEXT.replace("AS debug", "AS dbg")).await;
    assert_eq!(page.get(".graph-target-name").text_content().unwrap(), "debug");
    assert!(page.find(".graph-target-missing").is_some());
    assert!(page.find(".dp-stage[data-index].dp-built").is_none());
    page.type_text(TEXT).await;

    // Back to the last stage.
    page.click(".graph-clear-target").await;
    assert!(page.classes(".dp-stage[data-stage=\"stage-2\"]").contains("dp-target"));
    assert!(page.find(".graph-clear-target").is_none());
}

#[wasm_bindgen_test]
async fn stages_work_from_the_keyboard_and_steps_and_zoom_show() {
    let page = Page::mount().await;
    page.type_text(TEXT).await;
    page.click("#tab-graph").await;

    // Enter on a focused stage chooses it like a click.
    let build = page.get(".dp-stage[data-stage=\"build\"]");
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    build.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    settle().await;
    let start = page.textarea().selection_start().unwrap().unwrap();
    assert_eq!(start, utf16(TEXT.find("FROM golang").unwrap()));
    assert!(page.get(".graph-hint").text_content().unwrap().contains("build"));

    // Hovering dims the unrelated stage and keeps the neighbour.
    fire(&page.get(".dp-stage[data-stage=\"build\"] > rect"), "mouseover");
    settle().await;
    let css = page.get(".graph-panel style").text_content().unwrap();
    assert!(
        css.contains("opacity: 0.25") && css.contains("[data-index=\"2\"]") && !css.contains("[data-index=\"1\"]"),
        "{css}"
    );

    // Steps appear inside the nodes.
    assert!(page.find(".dp-step").is_none());
    let toggle: HtmlInputElement = page.get(".graph-steps input").dyn_into().unwrap();
    toggle.set_checked(true);
    fire(&toggle, "change");
    settle().await;
    let step = page.get(".dp-stage[data-stage=\"debug\"] .dp-step");
    assert!(step.text_content().unwrap().contains("apk add gdb"));

    // The zoom buttons scale the drawing; Fit goes back to 100%.
    page.click(".graph-zoom-in").await;
    assert_eq!(page.get(".graph-zoom-level").text_content().unwrap(), "125%");
    assert!(page.get(".graph-stage").get_attribute("style").unwrap().contains("scale(1.250)"));
    page.click(".graph-zoom-fit").await;
    assert_eq!(page.get(".graph-zoom-level").text_content().unwrap(), "100%");
}

fn pointer(target: &Element, kind: &str, x: i32, y: i32) {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_pointer_id(7);
    init.set_pointer_type("mouse");
    init.set_client_x(x);
    init.set_client_y(y);
    target.dispatch_event(&PointerEvent::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn dragging_pans_without_choosing_a_stage_and_ctrl_wheel_zooms() {
    let page = Page::mount().await;
    page.type_text(TEXT).await;
    page.click("#tab-graph").await;
    let rect = page.get(".dp-stage[data-stage=\"build\"] > rect");
    let before = page.textarea().selection_start().unwrap();

    // A drag that starts on a stage pans the view, and the click that ends
    // it does not choose the stage.
    pointer(&rect, "pointerdown", 100, 100);
    pointer(&rect, "pointermove", 130, 90);
    pointer(&rect, "pointerup", 130, 90);
    page.click_svg(".dp-stage[data-stage=\"build\"] > rect").await;
    let style = page.get(".graph-stage").get_attribute("style").unwrap();
    assert!(style.contains("translate(30.0px, -10.0px)"), "{style}");
    assert_eq!(page.textarea().selection_start().unwrap(), before);
    assert!(page.find(".graph-set-target").is_none());

    // Ctrl and the wheel (a touchpad pinch) zooms in.
    let init = WheelEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_ctrl_key(true);
    init.set_delta_y(-200.0);
    let wheel = WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
    page.get(".graph-canvas").dispatch_event(&wheel).unwrap();
    settle().await;
    assert!(wheel.default_prevented());
    let level = page.get(".graph-zoom-level").text_content().unwrap();
    assert!(level != "100%" && level.trim_end_matches('%').parse::<u32>().unwrap() > 100, "{level}");

    // A plain click afterwards chooses the stage again.
    page.click_svg(".dp-stage[data-stage=\"build\"] > rect").await;
    assert!(page.find(".graph-set-target").is_some());
}
