//! The one module that uses browser APIs: the URL, localStorage, the
//! clipboard, the colour-scheme media query, the browser's languages, idle
//! time, and the DOM the components measure. Every function degrades to a
//! no-op or `None` when the API is missing (a privacy mode without storage,
//! a test page), so callers never handle JavaScript errors.

use gloo::events::EventListener;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::NodeRef;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The value of `name` in the page's query string (`?lang=zh`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    parse_query(&search, name)
}

/// Finds `name` in a query string such as `?a=1&lang=zh-CN` and
/// percent-decodes its value (`+` is a space, as in forms).
pub fn parse_query(search: &str, name: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(key) == name).then(|| percent_decode(value))
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry.
pub fn replace_fragment(fragment: &str) {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            let url = format!("#{fragment}");
            let _ = history.replace_state_with_url(&web_sys::wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Copies text to the clipboard. The browser may refuse (no user gesture,
/// no permission); the result is not reported.
pub fn copy_text(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten()).is_some_and(|m| m.matches())
}

/// Calls `f` whenever the system colour scheme changes; the listener lives
/// as long as the returned value.
pub fn on_color_scheme_change(f: impl Fn() + 'static) -> Option<EventListener> {
    let list = window()?.match_media(DARK_QUERY).ok()??;
    Some(EventListener::new(&list, "change", move |_| f()))
}

/// Calls `f` with the key of every key press anywhere on the page; the
/// listener lives as long as the returned value.
pub fn on_key(f: impl Fn(&str) + 'static) -> Option<EventListener> {
    let target: web_sys::EventTarget = window()?.into();
    Some(EventListener::new(&target, "keydown", move |e| {
        if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() {
            f(&k.key());
        }
    }))
}

/// Moves the keyboard focus to an element.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// Selects the whole text of an input field, so that typing replaces it.
pub fn select_all(node: &NodeRef) {
    if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
        input.select();
    }
}

/// Moves the keyboard focus to the element with this id.
pub fn focus_id(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else { return Vec::new() };
    let mut out: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(nav.language());
    }
    out
}

/// Sets an attribute on `<html>` (`data-theme`, `lang`).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(name, value);
    }
}

/// An attribute of `<html>`, as the app last set it.
pub fn root_attribute(name: &str) -> Option<String> {
    document()?.document_element()?.get_attribute(name)
}

/// Logs to the browser console as an error.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Puts the crash banner (`crash::banner_html`) first in `<body>`, once.
/// Plain DOM: after a panic no Yew component renders again.
pub fn show_crash_banner(html: &str) {
    let Some(d) = document() else { return };
    let (Some(body), None) = (d.body(), d.get_element_by_id("crash-banner")) else { return };
    let _ = body.insert_adjacent_html("afterbegin", html);
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Scrolls `container` the least needed to show its descendant matching
/// `selector`, without scrolling the page.
pub fn reveal(container: &NodeRef, selector: &str) {
    let Some(c) = container.cast::<HtmlElement>() else { return };
    let Some(item) = c.query_selector(selector).ok().flatten() else { return };
    let (cr, ir) = (c.get_bounding_client_rect(), item.get_bounding_client_rect());
    if ir.top() < cr.top() {
        c.set_scroll_top(c.scroll_top() - (cr.top() - ir.top()) as i32);
    } else if ir.bottom() > cr.bottom() {
        c.set_scroll_top(c.scroll_top() + (ir.bottom() - cr.bottom()).min(ir.top() - cr.top()) as i32);
    }
}

/// An element's box in viewport pixels: `(left, top, width, height)`.
pub fn client_rect(node: &NodeRef) -> Option<(f64, f64, f64, f64)> {
    let r = node.cast::<Element>()?.get_bounding_client_rect();
    Some((r.left(), r.top(), r.width(), r.height()))
}

/// Whether the keyboard focus is on the element or inside it.
pub fn has_focus_within(node: &NodeRef) -> bool {
    let (Some(el), Some(active)) = (node.cast::<Element>(), document().and_then(|d| d.active_element())) else {
        return false;
    };
    el.contains(Some(&active))
}

/// Captures a pointer, so that a drag goes on outside the element.
pub fn capture_pointer(node: &NodeRef, pointer_id: i32) {
    if let Some(el) = node.cast::<Element>() {
        let _ = el.set_pointer_capture(pointer_id);
    }
}

/// Saves a blob as a file called `name`, through a temporary link.
fn download_blob(blob: &web_sys::Blob, name: &str) {
    let Some(doc) = document() else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoking at once can cancel the download in some browsers; a minute
    // later it has long been read.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

fn text_blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = web_sys::js_sys::Array::of1(&web_sys::wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()
}

/// Saves `text` as a file called `name` with the given media type.
pub fn download_text(name: &str, mime: &str, text: &str) {
    if let Some(blob) = text_blob(text, mime) {
        download_blob(&blob, name);
    }
}

/// Draws an SVG document (`width` × `height` CSS pixels) on a canvas at
/// `scale` device pixels per CSS pixel and saves it as a PNG file called
/// `name`. The image loads asynchronously; failures save nothing.
pub fn download_svg_as_png(name: &str, svg: &str, width: f64, height: f64, scale: f64) {
    use web_sys::wasm_bindgen::closure::Closure;
    let Some(doc) = document() else { return };
    let Some(blob) = text_blob(svg, "image/svg+xml") else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let name = name.to_string();
    let loaded = img.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&src);
        let Some(canvas) =
            doc.create_element("canvas").ok().and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((width * scale).ceil() as u32);
        canvas.set_height((height * scale).ceil() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, width * scale, height * scale);
        let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                download_blob(&blob, &name);
            }
        });
        let _ = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png");
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

/// The value of `attr` on the topmost element at a viewport point that has
/// it, looking through elements stacked over it (the editor's textarea lies
/// over the highlighted copy of its text).
pub fn attribute_at_point(x: i32, y: i32, attr: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.elements_from_point(x as f32, y as f32)
        .iter()
        .filter_map(|e| e.dyn_into::<Element>().ok())
        .find_map(|e| e.get_attribute(attr))
}

// Sharing and embedding: the page's address, the autosave, and the
// messages between an embedded playground and its host page.

/// The page's full address.
pub fn href() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// The page's query string, with its `?`.
pub fn search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Posts a JSON message to the parent page, if there is one.
pub fn post_to_parent(json: &str) {
    let Some(w) = window() else { return };
    let Some(parent) = w.parent().ok().flatten() else { return };
    if parent == w {
        return;
    }
    if let Ok(data) = web_sys::js_sys::JSON::parse(json) {
        // The host's origin is unknown (any page may embed the playground),
        // and the messages carry only what the page shows.
        let _ = parent.post_message(&data, "*");
    }
}

/// Calls `f` with the JSON of every message posted to this page; the
/// listener lives as long as the returned value.
pub fn on_message(f: impl Fn(String) + 'static) -> Option<EventListener> {
    let target: web_sys::EventTarget = window()?.into();
    Some(EventListener::new(&target, "message", move |e| {
        if let Some(m) = e.dyn_ref::<web_sys::MessageEvent>() {
            if let Some(json) = web_sys::js_sys::JSON::stringify(&m.data()).ok().and_then(|s| s.as_string()) {
                f(json);
            }
        }
    }))
}

/// Calls `f` when the URL fragment changes by navigation (a link pasted
/// into the address bar of an open tab); `replace_fragment` does not fire it.
pub fn on_hash_change(f: impl Fn() + 'static) -> Option<EventListener> {
    let target: web_sys::EventTarget = window()?.into();
    Some(EventListener::new(&target, "hashchange", move |_| f()))
}

/// Calls `f` on every event `name` fired at the window (the service
/// worker's script talks to the app with such events).
pub fn on_window_event(name: &'static str, f: impl Fn() + 'static) -> Option<EventListener> {
    let target: web_sys::EventTarget = window()?.into();
    Some(EventListener::new(&target, name, move |_| f()))
}

/// Fires a plain event `name` at the window.
pub fn fire_window_event(name: &str) {
    if let (Some(w), Ok(e)) = (window(), web_sys::Event::new(name)) {
        let _ = w.dispatch_event(&e);
    }
}

/// Calls `f` when the page is being left (closed, reloaded, navigated
/// away or put in the back-forward cache): the last moment to save.
pub fn on_page_hide(f: impl Fn() + 'static) -> Option<EventListener> {
    let target: web_sys::EventTarget = window()?.into();
    Some(EventListener::new(&target, "pagehide", move |_| f()))
}

/// The height of the page's content in CSS pixels.
pub fn content_height() -> u32 {
    document().and_then(|d| d.body()).map_or(0, |b| b.scroll_height().max(0) as u32)
}

/// Watches the size of `<body>`; disconnects when dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: web_sys::wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` now and whenever `<body>` changes size.
pub fn on_body_resize(f: impl FnMut() + 'static) -> Option<SizeWatch> {
    let body = document()?.body()?;
    let callback = web_sys::wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(SizeWatch { observer, _callback: callback })
}

/// The text of the element with this id (a `<script type="text/plain">`).
pub fn element_text(id: &str) -> Option<String> {
    document()?.get_element_by_id(id)?.text_content()
}

/// Fetches a URL relative to the page as text, then calls `done` with the
/// text or what went wrong (no network, an HTTP error status).
pub fn fetch_text(url: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    use wasm_bindgen_futures::JsFuture;
    let Some(w) = window() else {
        return done(Err("no window".to_string()));
    };
    let request = w.fetch_with_str(url);
    let url = url.to_string();
    let describe = |e: web_sys::wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    yew::platform::spawn_local(async move {
        let result = async {
            let response: web_sys::Response = JsFuture::from(request).await.map_err(describe)?.unchecked_into();
            if !response.ok() {
                return Err(format!("{url}: HTTP {}", response.status()));
            }
            let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
            text.as_string().ok_or_else(|| format!("{url}: not text"))
        }
        .await;
        done(result);
    });
}

/// Runs `f` once the browser is idle: after the frame being drawn, when
/// nothing more urgent waits, and within `timeout_ms` (0: no bound) even if
/// the page stays busy (`requestIdleCallback`; `setTimeout` where it is
/// missing).
/// A keystroke's frame then never waits for work it does not show.
pub fn when_idle(timeout_ms: u32, f: impl FnOnce() + 'static) {
    use web_sys::js_sys::{Function, Object, Reflect};
    use web_sys::wasm_bindgen::{closure::Closure, JsValue};
    let Some(w) = window() else { return };
    let callback = Closure::once_into_js(f);
    let idle =
        Reflect::get(&w, &JsValue::from_str("requestIdleCallback")).ok().and_then(|f| f.dyn_into::<Function>().ok());
    match idle {
        Some(request) => {
            let options = Object::new();
            let _ = Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(timeout_ms));
            let _ = request.call2(&w, &callback, &options);
        }
        None => {
            let _ = w.set_timeout_with_callback(callback.unchecked_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_query;

    fn check(search: &str, name: &str, expect: Option<&str>) {
        assert_eq!(parse_query(search, name).as_deref(), expect, "{search:?} {name:?}");
    }

    #[test]
    fn query_parameters_are_found_and_decoded() {
        check("?lang=zh-CN", "lang", Some("zh-CN"));
        check("?embed=1&lang=en", "lang", Some("en"));
        check("?a=%E4%B8%AD+b%2", "a", Some("中 b%2"));
        check("?flag", "flag", Some(""));
        check("", "lang", None);
        check("?language=zh", "lang", None);
        check("?x=%zz%", "x", Some("%zz%"));
    }
}
