//! The boundary with the editor, CodeMirror 6 (`editor/index.js`, bundled
//! into `editor/dist/codemirror.js` by `npm run editor`; wasm-bindgen ships
//! it as a snippet). Positions crossing it are UTF-16 indices, as
//! CodeMirror's are; `textpos` converts them.
//!
//! Outside the browser (native unit tests) the editor is a stand-in that
//! holds nothing, so the app's logic still builds and tests natively without
//! the bundle.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;
    use web_sys::Element;

    #[wasm_bindgen(module = "/editor/dist/codemirror.js")]
    extern "C" {
        /// One CodeMirror view with its host callbacks.
        pub type Editor;

        #[wasm_bindgen(js_name = createEditor)]
        pub fn create(parent: &Element, doc: &str, host: &JsValue, label: &str, readonly: bool, rename: &str)
            -> Editor;
        #[wasm_bindgen(method)]
        pub fn destroy(this: &Editor);
        #[wasm_bindgen(method)]
        pub fn text(this: &Editor) -> String;
        #[wasm_bindgen(method)]
        pub fn head(this: &Editor) -> u32;
        /// One undoable transaction to `text`; `from >= 0` selects
        /// `from..to` of the new text.
        #[wasm_bindgen(method)]
        pub fn replace(this: &Editor, text: &str, from: i32, to: i32);
        #[wasm_bindgen(method)]
        pub fn select(this: &Editor, from: u32, to: u32, focus: bool);
        /// Colours (`[from, to, class index]*`), diagnostics (JSON) and
        /// fold ranges (`[from, to]*`) of `text`; false when the editor's
        /// text is no longer `text`.
        #[wasm_bindgen(method)]
        pub fn annotate(
            this: &Editor,
            text: &str,
            tokens: &[u32],
            classes: &JsValue,
            diagnostics: &str,
            folds: &[u32],
        ) -> bool;
        #[wasm_bindgen(method, js_name = lineMarks)]
        pub fn line_marks(this: &Editor, json: &str);
        #[wasm_bindgen(method)]
        pub fn configure(this: &Editor, label: &str, readonly: bool, texts: &JsValue);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    //! The native stand-in: the same methods, doing nothing.
    #![allow(dead_code)]
    use wasm_bindgen::JsValue;
    use web_sys::Element;

    pub struct Editor;

    pub fn create(_: &Element, _: &str, _: &JsValue, _: &str, _: bool, _: &str) -> Editor {
        Editor
    }

    impl Editor {
        pub fn destroy(&self) {}
        pub fn text(&self) -> String {
            String::new()
        }
        pub fn head(&self) -> u32 {
            0
        }
        pub fn replace(&self, _: &str, _: i32, _: i32) {}
        pub fn select(&self, _: u32, _: u32, _: bool) {}
        pub fn annotate(&self, _: &str, _: &[u32], _: &JsValue, _: &str, _: &[u32]) -> bool {
            false
        }
        pub fn line_marks(&self, _: &str) {}
        pub fn configure(&self, _: &str, _: bool, _: &JsValue) {}
    }
}

pub use imp::*;
