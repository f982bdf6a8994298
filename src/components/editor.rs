//! The Dockerfile editor: CodeMirror 6 (`crate::cm`), with everything it
//! knows about Dockerfiles answered here from core: colours from
//! `highlight::tokens`, diagnostics and finding underlines with their quick
//! fixes as lint actions, and completion, hover, go to definition, rename
//! and folds from `dockerplay_core::ide`.
//!
//! The editor owns its text while the user types; the page's state follows
//! it (`on_edit`). A change from outside (a fix, a sample, a restored draft,
//! an embed `set`, a what-if) bumps `loaded`, and the editor applies it as
//! one transaction of the differing middle, so Ctrl-Z restores the text and
//! the caret, and the scroll stays.
//!
//! Start-up: the view is created with the state's text (permalink, draft or
//! sample, all decided before the first render), and nothing is typed into
//! a page before that view exists; a later replacement is always a
//! transaction on top of what the user typed, never a silent overwrite.
//!
//! Keys: Tab and Shift-Tab indent; Escape then Tab leaves the editor (it is
//! not a keyboard trap); Enter keeps the current line's indentation.

use std::cell::RefCell;
use std::rc::Rc;

use dockerplay_core::ide;
use dockerplay_core::syntax::Incremental;
use dockerplay_core::{Diagnostic, Severity, Span};
use serde_json::json;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;
use yew::prelude::*;

use crate::analysis::{Analysis, AnalysisRef};
use crate::browser;
use crate::cm;
use crate::components::findings_marks;
use crate::components::findings_panel::LintRef;
use crate::editing;
use crate::highlight::{tokens, Class};
use crate::i18n::{texts, Lang};
use crate::textpos::{self, Utf16Map};

/// The editor the page talks to: shared by the page (which selects spans
/// in it) and the editor component (which creates it).
#[derive(Clone, Default)]
pub struct EditorHandle(Rc<RefCell<Option<cm::Editor>>>);

impl PartialEq for EditorHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl EditorHandle {
    /// Selects a byte span of `text` (the editor's text) and scrolls to it.
    pub fn select_span(&self, text: &str, span: Span) {
        if let Some(e) = &*self.0.borrow() {
            e.select(textpos::byte_to_utf16(text, span.start), textpos::byte_to_utf16(text, span.end), true);
        }
    }

    /// Makes the editor's text `text` in one undoable transaction, then
    /// selects `select` (a byte span of `text`) if given.
    pub fn replace(&self, text: &str, select: Option<Span>) {
        if let Some(e) = &*self.0.borrow() {
            let (from, to) = match select {
                Some(s) => (textpos::byte_to_utf16(text, s.start) as i32, textpos::byte_to_utf16(text, s.end) as i32),
                None => (-1, -1),
            };
            e.replace(text, from, to);
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    /// What to mark in the text and the gutter, sorted by position.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// Best-practice findings: underlined apart from diagnostics, with their
    /// safe fixes as quick fixes.
    #[prop_or_default]
    pub lint: Option<LintRef>,
    /// Changes when the text was replaced from outside the editor.
    pub loaded: u32,
    /// What to select after the next outside replacement (a fix selects
    /// what it changed).
    #[prop_or_default]
    pub select_after_load: Option<Rc<RefCell<Option<Span>>>>,
    /// Byte offset of the caret.
    pub caret: usize,
    pub handle: EditorHandle,
    pub on_edit: Callback<String>,
    pub on_caret: Callback<usize>,
    /// A fix chosen in the editor: the fixed text and what to select.
    #[prop_or_default]
    pub on_replace: Callback<(String, Option<Span>)>,
    /// An embed with `readonly=1`: the text can be read and selected only.
    #[prop_or_default]
    pub readonly: bool,
    /// Per line, the layer cache status to mark in the gutter.
    #[prop_or_default]
    pub cache_marks: Option<crate::live_cache::LineMarks>,
}

/// What the editor's callbacks need of the latest render.
struct Host {
    lang: Lang,
    lint: Option<LintRef>,
    on_edit: Callback<String>,
    on_caret: Callback<usize>,
    on_replace: Callback<(String, Option<Span>)>,
    /// The text the editor last reported, for caret positions.
    text: String,
    /// The newest parse the editor's queries have seen: completion runs on
    /// every keystroke, and re-parses only the lines the edit touched.
    parse: Incremental,
}

impl Host {
    /// The parse of `text` (the editor's current text), updated from the
    /// last one.
    fn parse(&mut self, text: &str) -> Incremental {
        if self.parse.text() != text {
            self.parse = self.parse.edit(text);
        }
        self.parse.clone()
    }
}

/// The callbacks handed to the editor; dropped with it.
struct Closures(#[allow(dead_code)] Vec<Box<dyn std::any::Any>>);

fn css_classes() -> js_sys::Array {
    CLASSES.iter().map(|c| JsValue::from_str(c.css())).collect()
}

const CLASSES: [Class; 11] = [
    Class::Keyword,
    Class::Unknown,
    Class::Flag,
    Class::Key,
    Class::String,
    Class::Variable,
    Class::Comment,
    Class::Directive,
    Class::Heredoc,
    Class::HeredocDelim,
    Class::Operator,
];

/// The colours of `text` for the editor: `[from, to, class]` in UTF-16.
pub fn token_ranges(text: &str, map: &Utf16Map) -> Vec<u32> {
    let mut out = Vec::new();
    for t in tokens(text) {
        let class = CLASSES.iter().position(|c| *c == t.class).unwrap_or(0) as u32;
        out.extend([map.utf16(t.span.start), map.utf16(t.span.end), class]);
    }
    out
}

/// What the editor's annotations are made of: the analysis, its parse
/// diagnostics, the findings and the language.
type Annotate = (AnalysisRef, Rc<Vec<Diagnostic>>, Option<LintRef>, Lang);

/// What the line numbers' marks are made of: the cache panel's marks, the
/// analysis, its parse diagnostics and the language.
type Marks = (Option<crate::live_cache::LineMarks>, AnalysisRef, Rc<Vec<Diagnostic>>, Lang);

/// The longest the annotations of a keystroke wait for the browser to be
/// idle: typing without a pause still sees its colours this often.
const ANNOTATE_WITHIN_MS: u32 = 100;

/// Keeps `next` as the newest value `latest` waits with and, unless a call
/// is already waiting, runs `run` on the newest value once the browser is
/// idle: the keystrokes that come before then share one update.
fn when_idle_newest<T: 'static>(latest: &Rc<RefCell<Option<T>>>, next: T, run: impl FnOnce(T) + 'static) {
    if latest.borrow_mut().replace(next).is_some() {
        return;
    }
    let latest = latest.clone();
    browser::when_idle(ANNOTATE_WITHIN_MS, move || {
        if let Some(newest) = latest.take() {
            run(newest);
        }
    });
}

/// Hands `a`'s colours, folds and (when the findings are of this very text)
/// diagnostics to the editor. While the findings lag behind the text
/// (typing), the editor keeps the diagnostics it has, moved with the edits.
fn annotate(e: &cm::Editor, a: &Analysis, diags: &[Diagnostic], lint: Option<&LintRef>, lang: Lang) {
    let map = Utf16Map::new(&a.text);
    let lint = lint.filter(|l| l.input.dockerfile == a.text);
    let folds: Vec<u32> = ide::folds(&a.file).iter().flat_map(|s| [map.utf16(s.start), map.utf16(s.end)]).collect();
    let diagnostics = lint.map(|l| lint_json(&a.text, &map, diags, Some(l), lang)).unwrap_or_default();
    e.annotate(&a.text, &token_ranges(&a.text, &map), &css_classes(), &diagnostics, &folds);
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Parse diagnostics and findings as CodeMirror lint diagnostics (JSON);
/// a finding with a safe fix offers it as an action.
fn lint_json(text: &str, map: &Utf16Map, diags: &[Diagnostic], lint: Option<&LintRef>, lang: Lang) -> String {
    let t = texts(lang);
    let mut out = Vec::new();
    for d in diags {
        let span = findings_marks::visible(text, d.span);
        out.push(json!({
            "from": map.utf16(span.start), "to": map.utf16(span.end),
            "severity": severity(d.severity), "message": d.message.render(lang.core()),
        }));
    }
    if let Some(lint) = lint {
        for (i, (m, f)) in lint.marks.iter().zip(&lint.findings).enumerate() {
            let actions: Vec<_> = f
                .fix
                .iter()
                .filter(|x| x.safe)
                .map(|x| json!({ "name": format!("{}: {}", t.findings_fix, x.title.render(lang.core()).replace('`', "")), "id": i }))
                .collect();
            out.push(json!({
                "from": map.utf16(m.span.start), "to": map.utf16(m.span.end),
                "severity": severity(m.severity), "message": m.label(lang), "source": f.code,
                "lint": true, "actions": actions,
            }));
        }
    }
    serde_json::Value::Array(out).to_string()
}

/// Per line with a mark: `[line, classes, tooltip]` (JSON).
fn line_marks_json(
    a: &crate::analysis::Analysis,
    diags: &[Diagnostic],
    cache: Option<&Vec<Option<(dockerplay_core::cache::Status, String)>>>,
    lang: Lang,
) -> String {
    let count = a.lines.line_count() as usize;
    let mut per_line: Vec<Option<(Severity, &dockerplay_core::Msg)>> = vec![None; count];
    for d in diags {
        let slot = &mut per_line[(a.lines.line(d.span.start) as usize).saturating_sub(1).min(count - 1)];
        match slot {
            Some((s, _)) if *s <= d.severity => {}
            _ => *slot = Some((d.severity, &d.message)),
        }
    }
    let mut out = Vec::new();
    for (i, diag) in per_line.iter().enumerate() {
        let step = cache.and_then(|c| c.get(i)).and_then(Option::as_ref);
        if diag.is_none() && step.is_none() {
            continue;
        }
        let class =
            [diag.map(|(s, _)| format!("gl-{}", s.as_str())), step.map(|(s, _)| format!("gc gc-{}", s.as_str()))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
        let title = [diag.map(|(_, m)| m.render(lang.core())), step.map(|(_, t)| t.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n");
        out.push(json!([i + 1, class, title]));
    }
    serde_json::Value::Array(out).to_string()
}

/// Builds the editor's callbacks: each query gets the editor's current
/// text, parses it with core (the page's analysis may be a frame behind)
/// and answers in UTF-16.
fn host_object(host: Rc<RefCell<Host>>) -> (JsValue, Closures) {
    let obj = js_sys::Object::new();
    let mut keep: Vec<Box<dyn std::any::Any>> = Vec::new();
    let set = |obj: &js_sys::Object, name: &str, f: &JsValue| {
        let _ = js_sys::Reflect::set(obj, &JsValue::from_str(name), f);
    };

    let h = host.clone();
    let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| {
        let cb = {
            let mut h = h.borrow_mut();
            h.text = text.clone();
            h.on_edit.clone()
        };
        cb.emit(text);
    });
    set(&obj, "onChange", on_change.as_ref());
    keep.push(Box::new(on_change));

    let h = host.clone();
    let on_caret = Closure::<dyn FnMut(u32)>::new(move |head: u32| {
        let (cb, byte) = {
            let h = h.borrow();
            (h.on_caret.clone(), textpos::utf16_to_byte(&h.text, head))
        };
        cb.emit(byte);
    });
    set(&obj, "onCaret", on_caret.as_ref());
    keep.push(Box::new(on_caret));

    let h = host.clone();
    let complete = Closure::<dyn FnMut(String, u32, bool) -> Option<String>>::new(
        move |text: String, pos: u32, explicit: bool| {
            let (lang, parse) = {
                let mut h = h.borrow_mut();
                (h.lang, h.parse(&text))
            };
            let offset = textpos::utf16_to_byte(&text, pos);
            let c = ide::complete_parsed(&text, parse.dockerfile(), offset, lang.core());
            // Images and packages come from the size tables: this asks for
            // them when no render has yet (the next query offers them).
            if dockerplay_core::size::data_wanted() {
                crate::size_data::request();
            }
            let c = c?;
            if c.items.is_empty() || (!explicit && c.span.is_empty() && !c.after_trigger) {
                return None;
            }
            let map = Utf16Map::new(&text);
            let options: Vec<_> = c
                .items
                .iter()
                .map(|i| json!({ "label": i.label, "detail": i.detail, "kind": i.kind.as_str(), "info": i.info, "boost": i.boost }))
                .collect();
            Some(
                json!({ "from": map.utf16(c.span.start), "to": map.utf16(c.span.end), "options": options }).to_string(),
            )
        },
    );
    set(&obj, "complete", complete.as_ref());
    keep.push(Box::new(complete));

    let h = host.clone();
    let hover = Closure::<dyn FnMut(String, u32) -> Option<String>>::new(move |text: String, pos: u32| {
        let (lang, lint) = {
            let h = h.borrow();
            (h.lang, h.lint.clone())
        };
        let offset = textpos::utf16_to_byte(&text, pos);
        // A finding under the pointer: its rule's documentation.
        let finding = lint.as_ref().filter(|l| l.input.dockerfile == text).and_then(|l| {
            l.findings.iter().zip(l.marks.iter()).find(|(_, m)| m.span.start <= offset && offset < m.span.end)
        });
        let found = match finding {
            Some((f, m)) => Some(ide::Hover { span: m.span, text: ide::rule_hover(f, lang.core()) }),
            None => ide::hover(&text, offset, lang.core()),
        }?;
        let map = Utf16Map::new(&text);
        Some(
            json!({ "from": map.utf16(found.span.start), "to": map.utf16(found.span.end), "text": found.text })
                .to_string(),
        )
    });
    set(&obj, "hover", hover.as_ref());
    keep.push(Box::new(hover));

    let definition = Closure::<dyn FnMut(String, u32) -> Option<String>>::new(move |text: String, pos: u32| {
        let span = ide::definition(&text, textpos::utf16_to_byte(&text, pos))?;
        let map = Utf16Map::new(&text);
        Some(json!({ "from": map.utf16(span.start), "to": map.utf16(span.end) }).to_string())
    });
    set(&obj, "definition", definition.as_ref());
    keep.push(Box::new(definition));

    // With an empty name: the symbol under the caret and its name; with a
    // name: the edits that rename it everywhere.
    let rename = Closure::<dyn FnMut(String, u32, String) -> Option<String>>::new(
        move |text: String, pos: u32, name: String| {
            let offset = textpos::utf16_to_byte(&text, pos);
            let map = Utf16Map::new(&text);
            if name.is_empty() {
                let (_, old) = ide::rename_target(&text, offset)?;
                return Some(json!({ "name": old }).to_string());
            }
            let edits = ide::rename(&text, offset, &name)?;
            let changes: Vec<_> = edits
                .iter()
                .map(|e| json!({ "from": map.utf16(e.span.start), "to": map.utf16(e.span.end), "insert": e.replacement }))
                .collect();
            Some(json!({ "changes": changes }).to_string())
        },
    );
    set(&obj, "rename", rename.as_ref());
    keep.push(Box::new(rename));

    let h = host.clone();
    let newline = Closure::<dyn FnMut(String, u32) -> String>::new(move |text: String, pos: u32| {
        let escape = match h.borrow_mut().parse(&text).dockerfile().escape {
            '\0' => '\\',
            e => e,
        };
        editing::newline_with_indent(&text, textpos::utf16_to_byte(&text, pos), escape)
    });
    set(&obj, "newline", newline.as_ref());
    keep.push(Box::new(newline));

    let h = host;
    let fix = Closure::<dyn FnMut(u32)>::new(move |id: u32| {
        let (lint, cb) = {
            let h = h.borrow();
            (h.lint.clone(), h.on_replace.clone())
        };
        let Some(lint) = lint else { return };
        let Some(f) = lint.findings.get(id as usize) else { return };
        let fixed = dockerplay_core::lint::apply_fixes(&lint.input.dockerfile, std::slice::from_ref(f));
        cb.emit((fixed, crate::components::findings_panel::changed(f)));
    });
    set(&obj, "fix", fix.as_ref());
    keep.push(Box::new(fix));

    (obj.into(), Closures(keep))
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let t = texts(props.lang);
    let parent = use_node_ref();
    let host = use_mut_ref(|| Host {
        lang: props.lang,
        lint: props.lint.clone(),
        on_edit: props.on_edit.clone(),
        on_caret: props.on_caret.clone(),
        on_replace: props.on_replace.clone(),
        text: props.analysis.text.clone(),
        parse: props.analysis.parse().clone(),
    });
    {
        let mut h = host.borrow_mut();
        h.lang = props.lang;
        h.lint = props.lint.clone();
        h.on_edit = props.on_edit.clone();
        h.on_caret = props.on_caret.clone();
        h.on_replace = props.on_replace.clone();
    }

    // Create the view on mount, with the text the page starts from.
    {
        let (parent, handle, host) = (parent.clone(), props.handle.clone(), host.clone());
        let (text, label, readonly) = (props.analysis.text.clone(), t.editor_label, props.readonly);
        let rename = t.editor_rename;
        use_effect_with((), move |_| {
            let closures = parent.cast::<web_sys::Element>().map(|el| {
                let (obj, closures) = host_object(host);
                *handle.0.borrow_mut() = Some(cm::create(&el, &text, &obj, label, readonly, rename));
                closures
            });
            move || {
                if let Some(e) = handle.0.borrow_mut().take() {
                    e.destroy();
                }
                drop(closures);
            }
        });
    }
    // A replacement from outside: one transaction.
    {
        let (handle, text, select) =
            (props.handle.clone(), props.analysis.text.clone(), props.select_after_load.clone());
        use_effect_with(props.loaded, move |_| {
            let span = select.and_then(|s| s.borrow_mut().take());
            handle.replace(&text, span);
        });
    }
    // Colours, diagnostics, findings and folds, for the text analysed. They
    // are worked out and handed to the editor once the browser is idle, so
    // a keystroke's frame shows the typed letter without waiting for them
    // (issue 15); CodeMirror moves what it has with the edit meanwhile.
    // Keystrokes that come before then share one update, of the newest text.
    {
        let handle = props.handle.clone();
        let latest = use_mut_ref(|| None::<Annotate>);
        use_effect_with(
            (props.analysis.clone(), props.diagnostics.clone(), props.lint.clone(), props.lang),
            move |(a, diags, lint, lang)| {
                let next = (a.clone(), diags.clone(), lint.clone(), *lang);
                when_idle_newest(&latest, next, move |(a, diags, lint, lang)| {
                    if let Some(e) = &*handle.0.borrow() {
                        annotate(e, &a, &diags, lint.as_ref(), lang);
                    }
                });
            },
        );
    }
    // The line numbers' marks: the most severe diagnostic starting on a
    // line, and the cache status of its step while the Cache panel is open.
    // Worked out once the browser is idle, as the colours are; typing rarely
    // changes them, and the editor keeps them while the line count holds:
    // they cross to the editor only when they differ from what it has, so a
    // keystroke does not rebuild the gutter (issue 15).
    {
        let handle = props.handle.clone();
        let sent = use_mut_ref(|| None::<(String, usize)>);
        let latest = use_mut_ref(|| None::<Marks>);
        use_effect_with(
            (props.cache_marks.clone(), props.analysis.clone(), props.diagnostics.clone(), props.lang),
            move |(marks, a, diags, lang)| {
                let next = (marks.clone(), a.clone(), diags.clone(), *lang);
                when_idle_newest(&latest, next, move |(marks, a, diags, lang)| {
                    if let Some(e) = &*handle.0.borrow() {
                        let next =
                            (line_marks_json(&a, &diags, marks.as_deref(), lang), a.lines.line(a.text.len()) as usize);
                        if sent.borrow().as_ref() != Some(&next) {
                            e.line_marks(&next.0);
                            *sent.borrow_mut() = Some(next);
                        }
                    }
                });
            },
        );
    }
    {
        let handle = props.handle.clone();
        let (label, readonly, rename) = (t.editor_label, props.readonly, t.editor_rename);
        use_effect_with((props.lang, props.readonly), move |(lang, _)| {
            if let Some(e) = &*handle.0.borrow() {
                let texts = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&texts, &"rename".into(), &rename.into());
                // CodeMirror's own words follow the page's language (editor/phrases.js).
                let _ = js_sys::Reflect::set(&texts, &"lang".into(), &lang.code().into());
                e.configure(label, readonly, &texts);
            }
        });
    }

    let a = &props.analysis;
    let caret = props.caret.min(a.text.len());
    let (line, col) = a.lines.line_col(&a.text, caret);
    let here = a
        .diagnostics
        .iter()
        .filter(|d| a.lines.line(d.span.start) == line)
        .min_by_key(|d| d.severity)
        .map(|d| (d.severity, d.message.render(props.lang.core())))
        .or_else(|| {
            props
                .lint
                .as_ref()
                .and_then(|l| findings_marks::at_caret(&l.marks, caret).map(|m| (m.severity, m.label(props.lang))))
        });

    html! {
        <div class="editor">
            <div class="editor-body">
                <div class="code cm-host" ref={parent}></div>
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
