//! In-browser tests of the Cache panel (issue 3, acceptance 2): mount the
//! app, build, edit the Dockerfile or a context file as a user would, and
//! read the hit/miss view from the DOM (steps table and editor gutter).
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

impl Page {
    /// Sets a form control's value and fires `event` ("input" or "change").
    async fn set(&self, selector: &str, value: &str, event: &str) {
        let el = self.get(selector);
        if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            t.set_value(value);
        } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            i.set_value(value);
        } else {
            el.dyn_ref::<HtmlSelectElement>().unwrap().set_value(value);
        }
        fire(&el, event);
        settle().await;
    }

    /// Table rows and gutter lines by status: the line numbers of each.
    fn lines(&self, status: &str) -> (Vec<u32>, Vec<u32>) {
        let table = self
            .all(&format!(".steps tr.st-{status}"))
            .iter()
            .map(|r| r.get_attribute("data-line").unwrap().parse().unwrap())
            .collect();
        let gutter = self
            .all(&format!(".gl.gc-{status}"))
            .iter()
            .map(|g| g.text_content().unwrap().trim().parse().unwrap())
            .collect();
        (table, gutter)
    }

    fn reason(&self, line: u32) -> String {
        self.text(&format!(".steps tr[data-line=\"{line}\"] .c-reason"))
    }
}

/// The manifest first, then the source: the start page's context
/// (package.json, package-lock.json, server.js) fits it.
const DOCKERFILE: &str = "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY server.js ./\nRUN node --check server.js\nEXPOSE 3000\n";

#[wasm_bindgen_test]
async fn editing_a_copied_file_in_the_context_turns_the_steps_below_it_into_misses() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    // The gutter shows cache marks only while the Cache panel is open.
    assert!(page.find(".gl.gc").is_none());
    page.click("#tab-cache").await;

    // Nothing built yet: every step runs; EXPOSE makes no step.
    assert_eq!(page.lines("miss"), (vec![1, 2, 3, 4, 5, 6], vec![1, 2, 3, 4, 5, 6]));
    assert_eq!(page.lines("no_step").0, vec![7]);
    assert!(page.reason(4).contains("first build"), "{}", page.reason(4));

    // Build: the same inputs now hit all the way down.
    page.click(".cache-build").await;
    assert_eq!(page.lines("hit"), (vec![1, 2, 3, 4, 5, 6], vec![1, 2, 3, 4, 5, 6]));
    assert_eq!(page.lines("miss"), (vec![], vec![]));
    assert_eq!(page.all(".timeline .tl-build").len(), 2, "build 1 and now");

    // Edit server.js in the virtual context: its COPY and the step after it run.
    page.click(".ctx-row[data-path=\"server.js\"] .ctx-name").await;
    page.set(".ctx-content", "console.log('edited');\n", "input").await;
    assert_eq!(page.lines("miss"), (vec![5, 6], vec![5, 6]));
    assert_eq!(page.lines("hit"), (vec![1, 2, 3, 4], vec![1, 2, 3, 4]));
    assert!(page.reason(5).contains("server.js") && page.reason(5).contains("changed"), "{}", page.reason(5));
    assert!(page.reason(6).contains("parent step re-ran (line 5)"), "{}", page.reason(6));
    let tip = page.get(".gl.gc-miss").get_attribute("title").unwrap();
    assert!(tip.contains("server.js"), "gutter tooltip {tip:?}");

    // Editing package.json instead re-runs the install too.
    page.click(".ctx-row[data-path=\"package.json\"] .ctx-name").await;
    page.set(".ctx-content", "{\"name\": \"changed\"}\n", "input").await;
    assert_eq!(page.lines("miss").0, vec![3, 4, 5, 6]);
}

#[wasm_bindgen_test]
async fn the_live_view_follows_typing_and_metadata_changes_the_image_not_the_cache() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    page.click("#tab-cache").await;
    page.click(".cache-build").await;

    // A changed command misses, and so does every step after it.
    page.type_text(&DOCKERFILE.replace("npm install", "npm ci")).await;
    assert_eq!(page.lines("miss"), (vec![4, 5, 6], vec![4, 5, 6]));
    assert!(page.reason(4).contains("command changed"), "{}", page.reason(4));

    // A new EXPOSE port: no step re-runs, but the image config changes.
    page.type_text(&DOCKERFILE.replace("EXPOSE 3000", "EXPOSE 8080")).await;
    assert_eq!(page.lines("miss").0, Vec::<u32>::new());
    assert!(page.text(".steps tr[data-line=\"7\"]").contains("new image ID"));
    assert!(page.text(".cache-summary").contains("new image ID"));

    // Clearing the history makes everything a first build again.
    page.click(".timeline-wrap .btn").await;
    assert_eq!(page.lines("miss").0, vec![1, 2, 3, 4, 5, 6]);
}

#[wasm_bindgen_test]
async fn files_no_step_reads_are_marked_and_editing_them_keeps_the_cache() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    page.click("#tab-cache").await;
    page.click(".cache-build").await;

    // package-lock.json is sent but never copied.
    let lock = page.get(".ctx-row[data-path=\"package-lock.json\"]");
    assert!(lock.class_name().split(' ').any(|c| c == "use-unused"), "{:?}", lock.class_name());
    assert!(page.find(".ctx-row.use-read[data-path=\"server.js\"]").is_some());
    page.click(".ctx-row[data-path=\"package-lock.json\"] .ctx-name").await;
    page.set(".ctx-content", "{}", "input").await;
    assert_eq!(page.lines("miss").0, Vec::<u32>::new());

    // A .dockerignore that excludes server.js: it is marked, and the COPY of it changes.
    page.click(".ctx-actions .btn:last-child").await;
    page.set(".ctx-content", "server.js\n", "input").await;
    assert!(page.find(".ctx-row.use-ignored[data-path=\"server.js\"]").is_some());
    assert_eq!(page.lines("miss").0, vec![5, 6]);
}

#[wasm_bindgen_test]
async fn what_ifs_show_that_the_manifest_first_order_keeps_the_install_cached() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    page.click("#tab-cache").await;

    let rows = page.all(".whatif-row");
    assert_eq!(rows.len(), 2);
    // Editing the source re-runs 2 steps; a manifest re-runs 4 (npm install among them).
    assert!(rows[0].text_content().unwrap().contains("2 of 6 steps run"), "{:?}", rows[0].text_content());
    assert!(rows[1].text_content().unwrap().contains("4 of 6 steps run"), "{:?}", rows[1].text_content());
    page.click(".whatif-row:nth-child(2) .btn").await;
    assert!(page.text(".showing").contains("package.json"));
    assert_eq!(page.lines("miss").0, vec![3, 4, 5, 6]);
    page.click(".showing .btn").await;
    assert!(page.find(".showing").is_none());
}

#[wasm_bindgen_test]
async fn build_args_and_target_change_the_steps() {
    let page = Page::mount().await;
    page.type_text("ARG V=1\nFROM alpine AS base\nARG V\nRUN echo $V\nFROM base AS final\nRUN echo done\n").await;
    page.click("#tab-cache").await;
    page.click(".cache-build").await;
    // `FROM base` continues from the stage and makes no step of its own.
    assert_eq!(page.lines("hit").0, vec![2, 4, 6]);

    page.set(".arg-add input[aria-label=\"Name\"]", "V", "input").await;
    page.set(".arg-add input[aria-label=\"Value\"]", "2", "input").await;
    page.click(".arg-add button[type=\"submit\"]").await;
    assert!(page.find(".arg-row[data-arg=\"V\"]").is_some());
    assert_eq!(page.lines("miss").0, vec![4, 6]);
    assert!(page.reason(4).contains("ARG V changed"), "{}", page.reason(4));

    page.set(".target-select", "base", "change").await;
    assert_eq!(page.lines("not_built").0, vec![5, 6]);
}

/// Presses a key on `el`, as the keyboard would (a bubbling `keydown`).
fn press(el: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_steps_time_opens_as_a_field_and_the_totals_follow_it() {
    let page = Page::mount().await;
    page.type_text(DOCKERFILE).await;
    page.click("#tab-cache").await;
    // The times are buttons until one is clicked: one field at a time.
    assert!(page.find(".steps input.secs").is_none());
    let totals = page.text(".times");
    let row = ".steps tr[data-line=\"4\"]";
    page.click(&format!("{row} button.secs")).await;
    let field = page.get(&format!("{row} input.secs"));
    let focused = web_sys::window().unwrap().document().unwrap().active_element();
    assert_eq!(focused.as_ref(), Some(&field), "the field takes the focus");

    // Enter keeps the new time: the row shows it and the totals follow.
    field.dyn_ref::<HtmlInputElement>().unwrap().set_value("600");
    press(&field, "Enter");
    settle().await;
    assert!(page.find(".steps input.secs").is_none(), "the field closes");
    assert_eq!(page.text(&format!("{row} button.secs")), "10 min 0 s");
    assert_ne!(page.text(".times"), totals);

    // Escape closes the field and keeps the time it had.
    page.click(&format!("{row} button.secs")).await;
    let field = page.get(&format!("{row} input.secs"));
    field.dyn_ref::<HtmlInputElement>().unwrap().set_value("1");
    press(&field, "Escape");
    settle().await;
    assert!(page.find(".steps input.secs").is_none());
    assert_eq!(page.text(&format!("{row} button.secs")), "10 min 0 s");
}
