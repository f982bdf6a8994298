//! In-browser tests of the findings panel: mount the app, type a
//! Dockerfile, and use the panel as a reader would.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use wasm_bindgen_test::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

impl Page {
    /// Mounts the app, types `text` and opens the findings tab.
    async fn with(text: &str) -> Page {
        let page = Page::mount().await;
        page.type_text(text).await;
        page.click("#tab-findings").await;
        page
    }

    /// The codes of the findings listed, in order.
    fn codes(&self) -> Vec<String> {
        self.all(".fd-item").iter().map(|e| e.get_attribute("data-code").unwrap()).collect()
    }
}

/// A `mousemove` at a viewport point, made through the constructor so that
/// it carries coordinates.
fn mouse_move(target: &Element, x: f64, y: f64) {
    use web_sys::js_sys::{Array, Function, Object, Reflect};
    let init = Object::new();
    for (k, v) in [("clientX", x.into()), ("clientY", y.into()), ("bubbles", true.into())] {
        Reflect::set(&init, &k.into(), &v).unwrap();
    }
    let window = web_sys::window().unwrap();
    let ctor: Function = Reflect::get(&window, &"MouseEvent".into()).unwrap().dyn_into().unwrap();
    let event: Event = Reflect::construct(&ctor, &Array::of2(&"mousemove".into(), &init)).unwrap().dyn_into().unwrap();
    target.dispatch_event(&event).unwrap();
}

const APT: &str = "FROM alpine:3.20\nRUN apt install x\n";

#[wasm_bindgen_test]
async fn a_safe_fix_rewrites_the_editor_and_its_finding_goes_away() {
    let page = Page::with(APT).await;
    let item = ".fd-item[data-code=\"DP327\"]";
    // The tab counts the findings.
    assert_eq!(page.text("#tab-findings .badge"), page.codes().len().to_string());
    assert!(page.text(item).contains("hadolint DL3027"), "{:?}", page.text(item));
    // The editor underlines the finding's span, apart from diagnostics.
    web_sys::console::log_1(
        &format!(
            "DEBUG {} settled={:?}",
            page.get(".cm-content").inner_html(),
            dockerplay_app::browser::root_attribute("data-settled")
        )
        .into(),
    );
    assert_eq!(page.text(".cm-content > .cm-line:nth-child(2) .cm-lintRange-warning.cm-finding"), "apt");

    page.click(&format!("{item} .fd-fix")).await;
    assert_eq!(page.textarea().value(), "FROM alpine:3.20\nRUN apt-get install x\n");
    // What the fix changed is selected, so the reader sees it.
    let textarea = page.textarea();
    let (start, end) = (textarea.selection_start().unwrap().unwrap(), textarea.selection_end().unwrap().unwrap());
    assert_eq!(&textarea.value()[start as usize..end as usize], "apt-get");
    assert!(page.find(item).is_none(), "still listed: {:?}", page.codes());
    assert!(page
        .find(".cm-content > .cm-line:nth-child(2) .cm-lintRange-warning.cm-finding")
        .is_none_or(|e| e.text_content().unwrap() != "apt"));
}

#[wasm_bindgen_test]
async fn hovering_an_underline_shows_the_finding_message() {
    let page = Page::with(APT).await;
    let underline = page.get(".cm-content > .cm-line:nth-child(2) .cm-lintRange-warning.cm-finding");
    // CodeMirror's lint tooltip shows the message under the pointer.
    assert!(page.find(".cm-tooltip-lint").is_none());
    let r = underline.get_bounding_client_rect();
    mouse_move(&underline, r.left() + r.width() / 2.0, r.top() + r.height() / 2.0);
    pause(800).await;
    let title = page.find(".cm-tooltip-lint").and_then(|t| t.text_content()).unwrap_or_default();
    assert!(title.contains("DP327 · ") && title.contains("apt-get"), "{title:?}");
}

#[wasm_bindgen_test]
async fn in_chinese_the_panel_the_fix_button_and_the_status_bar_read_the_chinese_message() {
    let page = Page::with(APT).await;
    let select: web_sys::HtmlSelectElement = page.get(".lang-select").dyn_into().unwrap();
    select.set_value("zh-CN");
    fire(&select, "change");
    settle().await;
    let item = ".fd-item[data-code=\"DP327\"]";
    // The finding's own message, not the rule's title over the English one.
    assert_eq!(page.text(&format!("{item} .fd-title")), "脚本中请使用 apt-get 或 apt-cache，而不是 apt");
    assert_eq!(page.text(&format!("{item} .fd-fix-title")), "把 apt 换成 apt-get");
    // The caret on the underline shows the same message in the status bar.
    page.click(&format!("{item} .fd-main")).await;
    assert!(page.text("#editor-status").contains("DP327 · 脚本中请使用"), "{}", page.text("#editor-status"));
    for e in page.all(".fd-item .fd-title") {
        let text = e.text_content().unwrap_or_default();
        assert!(text.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c)), "{text}");
    }
}

#[wasm_bindgen_test]
async fn clicking_a_finding_selects_its_span_in_the_editor() {
    let page = Page::with(APT).await;
    page.click(".fd-item[data-code=\"DP327\"] .fd-main").await;
    let textarea = page.textarea();
    let (start, end) = (textarea.selection_start().unwrap().unwrap(), textarea.selection_end().unwrap().unwrap());
    assert_eq!(&APT[start as usize..end as usize], "apt");
}

#[wasm_bindgen_test]
async fn severity_filters_hide_and_show_findings_and_count_them() {
    let page = Page::with(APT).await;
    let warnings = page
        .codes()
        .iter()
        .filter(|c| page.get(&format!(".fd-item[data-code=\"{c}\"]")).class_name().contains("sev-warning"))
        .count();
    assert!(warnings >= 1);
    assert_eq!(page.text(".fd-filter.sev-warning .fd-count"), warnings.to_string());

    page.click(".fd-filter.sev-warning").await;
    assert_eq!(page.get(".fd-filter.sev-warning").get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(!page.codes().contains(&"DP327".to_string()), "{:?}", page.codes());
    page.click(".fd-filter.sev-warning").await;
    assert!(page.codes().contains(&"DP327".to_string()), "{:?}", page.codes());
}

#[wasm_bindgen_test]
async fn findings_in_stages_the_target_skips_are_listed_muted_and_labelled() {
    let text = "FROM alpine:3.20 AS unused\nRUN apt install x\nCMD echo hi\n\nFROM alpine:3.20\nRUN apt install y\n";
    let page = Page::with(text).await;
    let items = |code: &str| page.all(&format!(".fd-item[data-code=\"{code}\"]"));
    // DL3027 fires in both stages; only the one in the stage the target
    // skips is muted and labelled.
    let apt = items("DP327");
    assert_eq!(apt.len(), 2, "{:?}", page.codes());
    assert!(apt[0].class_name().contains("fd-unbuilt"), "{}", apt[0].class_name());
    assert!(!apt[1].class_name().contains("fd-unbuilt"), "{}", apt[1].class_name());
    let label = apt[0].query_selector(".fd-unbuilt-label").unwrap().map(|e| e.text_content().unwrap_or_default());
    assert_eq!(label.as_deref(), Some("stage not built"));
    assert!(apt[1].query_selector(".fd-unbuilt-label").unwrap().is_none());
    assert_eq!(page.text(".cm-content > .cm-line:nth-child(2) .cm-lintRange-warning.cm-finding"), "apt");

    // BuildKit checks shell-form CMD only in the stages it builds, so
    // hadolint's DL3025 speaks for it there, until the switch runs
    // BuildKit's build-time checks on every stage: then one finding names
    // both.
    assert!(items("DP007").is_empty() && items("DP325").len() == 1, "{:?}", page.codes());
    let switch: HtmlInputElement = page.get(".fd-switch input").dyn_into().unwrap();
    switch.set_checked(true);
    fire(&switch, "change");
    settle().await;
    let cmd = items("DP007");
    assert!(cmd.len() == 1 && items("DP325").is_empty(), "{:?}", page.codes());
    assert!(cmd[0].class_name().contains("fd-unbuilt"));
    let also: Vec<String> = {
        let list = cmd[0].query_selector_all(".fd-also").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
    };
    assert_eq!(also, ["BuildKit JSONArgsRecommended", "hadolint DL3025"]);
}

#[wasm_bindgen_test]
async fn a_rule_doc_opens_with_its_sections_and_example() {
    let page = Page::with(APT).await;
    page.click(".fd-item[data-code=\"DP327\"] .fd-rule").await;
    let headings = page.root.query_selector_all(".rule-doc h4").unwrap();
    let headings: Vec<String> =
        (0..headings.length()).map(|i| headings.item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(headings, ["What it does", "Why", "Example", "Fix"]);
    assert!(page.text(".rule-doc pre code").contains("apt install"));
    // In Chinese the doc is the Chinese one, with the same example, and the
    // title shows once, in the head.
    let select: HtmlSelectElement = page.get(".lang-select").dyn_into().unwrap();
    select.set_value("zh-CN");
    fire(&select, "change");
    settle().await;
    let headings = page.root.query_selector_all(".rule-doc h4").unwrap();
    let headings: Vec<String> =
        (0..headings.length()).map(|i| headings.item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(headings, ["作用", "原因", "示例", "修复"]);
    assert!(page.text(".rule-doc pre code").contains("apt install"));
    let title = page.text(".rule-doc .rule-title");
    assert!(title.contains("apt-get"), "{title}");
    assert!(!page.text(".rule-doc p").contains(&title), "the body repeats the title");
    page.click(".fd-item[data-code=\"DP327\"] .fd-rule").await;
    assert!(page.find(".rule-doc").is_none());
}

#[wasm_bindgen_test]
async fn fix_all_safe_applies_every_safe_fix_and_leaves_the_rest() {
    let text = "from alpine:3.20\nRUN apt install x\nrun sudo make\n";
    let page = Page::with(text).await;
    page.click(".fd-fix-all").await;
    // The page applies exactly what the core's "fix all safe" gives: here
    // `apt` becomes `apt-get`, among others.
    let input = BuildInput { dockerfile: text.into(), ..BuildInput::default() };
    let fixed = lint::fix_all_safe(&input, &CheckOptions::default());
    assert!(fixed.contains("apt-get install"), "{fixed:?}");
    assert_eq!(page.textarea().value(), fixed);
    // Removing `sudo` changes who runs the command: not safe, so it stays
    // listed, and nothing safe is left to fix.
    let codes = page.codes();
    assert!(codes.contains(&"DP207".to_string()) && !codes.contains(&"DP327".to_string()), "{codes:?}");
    assert!(page.find(".fd-item[data-code=\"DP207\"] .fd-fix").is_none());
    assert!(page.get(".fd-fix-all").has_attribute("disabled"), "{codes:?}");
}

#[wasm_bindgen_test]
async fn rules_off_by_default_run_only_with_the_switch_on() {
    // No HEALTHCHECK: DL3057's mirror (DP357) would report it, but is off.
    let page = Page::with("FROM alpine:3.20\nRUN echo hi\n").await;
    assert!(!page.codes().contains(&"DP357".to_string()), "{:?}", page.codes());

    let switch: HtmlInputElement = page.get(".fd-off-by-default input").dyn_into().unwrap();
    assert!(!switch.checked());
    switch.set_checked(true);
    fire(&switch, "change");
    settle().await;
    assert!(page.codes().contains(&"DP357".to_string()), "{:?}", page.codes());
    assert!(page.find(".cm-content > .cm-line:nth-child(1) .cm-finding").is_some(), "the editor underlines it too");
}
