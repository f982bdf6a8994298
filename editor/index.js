// The editor: CodeMirror 6, hosted by the Yew app through `src/cm.rs`.
//
// This file knows nothing about Dockerfiles. Colours, diagnostics, findings,
// completion, hover, definitions, renames and folds all come from the Rust
// side (`host`), which asks `dockerplay-core`; here they only become
// CodeMirror decorations, lint diagnostics, tooltips and transactions.
// Positions crossing this boundary are UTF-16 indices, as CodeMirror's are.
//
// Built into one ES module by esbuild (`scripts/tools.sh`, `npm run editor`);
// wasm-bindgen ships it as a snippet of the app.

import { EditorState, Compartment, StateField, StateEffect, RangeSetBuilder, EditorSelection } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  dropCursor, rectangularSelection, crosshairCursor, highlightSpecialChars, Decoration, hoverTooltip,
  GutterMarker, lineNumberMarkers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory, toggleComment } from "@codemirror/commands";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { setDiagnostics, lintKeymap } from "@codemirror/lint";
import { bracketMatching, foldGutter, foldKeymap, foldService, indentUnit } from "@codemirror/language";
import { adopt, bootWith } from "./boot.js";
import { phrasesFor } from "./phrases.js";

// Token colours: one effect replaces them all; between updates they move
// with the edits, so colours never jump while the analysis catches up.
const setTokens = StateEffect.define();
const tokenField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(setTokens)) return e.value;
    return tr.docChanged ? deco.map(tr.changes) : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});
const markCache = new Map();
function mark(cls) {
  let m = markCache.get(cls);
  if (!m) markCache.set(cls, (m = Decoration.mark({ class: cls })));
  return m;
}

// Per line, a mark on its number: the most severe diagnostic there and the
// cache status of the step written there, with a tooltip saying why.
const setLineMarks = StateEffect.define();
class LineMarker extends GutterMarker {
  constructor(line, cls, title) {
    super();
    this.line = line;
    this.cls = cls;
    this.title = title;
  }
  eq(other) {
    return other.line === this.line && other.cls === this.cls && other.title === this.title;
  }
  toDOM() {
    const el = document.createElement("span");
    el.className = "gl " + this.cls;
    el.dataset.line = String(this.line);
    el.textContent = String(this.line);
    if (this.title) el.title = this.title;
    return el;
  }
}
const lineMarkField = StateField.define({
  create: () => ({ set: null, list: [] }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setLineMarks)) return { set: null, list: e.value };
    // Typing within lines keeps every line's number, and so its mark until
    // the host sends new ones; an edit that adds or removes lines drops them.
    if (!tr.docChanged) return value;
    return tr.startState.doc.lines === tr.state.doc.lines ? { set: null, list: value.list } : { set: null, list: [] };
  },
});
function lineMarkSet(state) {
  const v = state.field(lineMarkField);
  if (v.set) return v.set;
  const b = new RangeSetBuilder();
  for (const [line, cls, title] of v.list) {
    if (line < 1 || line > state.doc.lines) continue;
    b.add(state.doc.line(line).from, state.doc.line(line).from, new LineMarker(line, cls, title));
  }
  v.set = b.finish();
  return v.set;
}

// Fold ranges (a stage, from the end of its FROM line to its last line),
// given by the host with each analysis; between analyses they move with
// the edits, so the fold markers stay put while the host catches up.
const setFolds = StateEffect.define();
const foldField = StateField.define({
  create: () => [],
  update(folds, tr) {
    for (const e of tr.effects) if (e.is(setFolds)) return e.value;
    if (!tr.docChanged) return folds;
    return folds
      .map(([from, to]) => [tr.changes.mapPos(from, 1), tr.changes.mapPos(to, -1)])
      .filter(([from, to]) => to > from);
  },
});

function decodeTokens(flat, classes) {
  const b = new RangeSetBuilder();
  for (let i = 0; i + 2 < flat.length; i += 3) b.add(flat[i], flat[i + 1], mark(classes[flat[i + 2]]));
  return b.finish();
}

function rich(text) {
  // The host's text: paragraphs, with `code` between backticks.
  const el = document.createElement("div");
  el.className = "cm-doc-tip";
  for (const para of text.split(/\n\n+/)) {
    const p = document.createElement("p");
    para.split(/(`[^`]+`)/).forEach((part) => {
      if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
        const c = document.createElement("code");
        c.textContent = part.slice(1, -1);
        p.appendChild(c);
      } else if (part) p.appendChild(document.createTextNode(part));
    });
    el.appendChild(p);
  }
  return el;
}

/// Asks for a new name in a small panel-less prompt. `window.prompt` is
/// keyboard-accessible and screen readers announce it.
function askName(label, value) {
  const name = window.prompt(label, value);
  return name == null ? null : name.trim();
}

/// Replaces the document with `text` as one transaction that changes only
/// the differing middle, so the caret, the scroll and undo history survive.
function diffChange(doc, text) {
  const old = doc.toString();
  if (old === text) return null;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && start < old.length && (old.charCodeAt(start) & 0xfc00) === 0xdc00) start--;
  return { from: start, to: old.length - end, insert: text.slice(start, text.length - end) };
}

// Read-only (an embed's `readonly=1`): the text can still be focused,
// navigated and selected, and assistive technology is told.
function readOnly(on) {
  return on ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ "aria-readonly": "true" })] : [];
}

// The longest the app waits to hear of a change while the page stays busy.
const FLUSH_WITHIN_MS = 50;

export class Editor {
  // `host` holds the Rust callbacks: onChange(text), onCaret(head),
  // complete(text, pos, explicit) -> JSON, hover(pos) -> JSON, definition(pos)
  // -> JSON, rename(pos, name) -> JSON, newline(pos) -> text, fix(id).
  // Each query gets the document's text with the position, so the host
  // never answers from a text older than the one on screen.
  constructor(parent, doc, host, opts) {
    // Read through `self.host` at each call, never captured: the editor the
    // page boots with is adopted by the app later (editor/boot.js), which
    // then swaps in its own host.
    this.host = host;
    this.label = new Compartment();
    this.readOnly = new Compartment();
    this.phrases = new Compartment();
    this.texts = opts.texts || {};
    const self = this;
    const completionSource = (ctx) => {
      const json = self.host.complete(ctx.state.doc.toString(), ctx.pos, ctx.explicit);
      if (!json) return null;
      const r = JSON.parse(json);
      if (!r || !r.options.length) return null;
      return {
        from: r.from,
        to: r.to,
        options: r.options.map((o) => ({ label: o.label, detail: o.detail || undefined, type: o.kind, info: o.info || undefined, apply: o.apply || undefined, boost: o.boost || 0 })),
        validFor: /^[\w.\-:/@${}]*$/,
      };
    };
    const hover = hoverTooltip((view, pos) => {
      const json = self.host.hover(view.state.doc.toString(), pos);
      if (!json) return null;
      const r = JSON.parse(json);
      if (!r) return null;
      return { pos: r.from, end: r.to, above: true, create: () => ({ dom: rich(r.text) }) };
    });
    const goToDefinition = (view) => {
      const json = self.host.definition(view.state.doc.toString(), view.state.selection.main.head);
      const r = json && JSON.parse(json);
      if (!r) return false;
      view.dispatch({ selection: EditorSelection.range(r.from, r.to), scrollIntoView: true, userEvent: "select.definition" });
      return true;
    };
    const renameSymbol = (view) => {
      const head = view.state.selection.main.head;
      const json = self.host.rename(view.state.doc.toString(), head, "");
      const here = json && JSON.parse(json);
      if (!here) return false;
      const name = askName(self.texts.rename || "Rename", here.name);
      if (!name || name === here.name) return true;
      const r = JSON.parse(self.host.rename(view.state.doc.toString(), head, name) || "null");
      if (!r || !r.changes.length) return true;
      view.dispatch({ changes: r.changes, userEvent: "rename", annotations: isolateHistory.of("full") });
      return true;
    };
    this.goToDefinition = goToDefinition;
    this.renameSymbol = renameSymbol;
    const folds = foldService.of((state, lineStart, lineEnd) => {
      for (const [from, to] of state.field(foldField)) if (from >= lineStart && from <= lineEnd) return { from, to };
      return null;
    });
    const extensions = [
      lineNumbers(),
      lineNumberMarkers.compute([lineMarkField, "doc"], (state) => lineMarkSet(state)),
      foldGutter(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      // A change that leaves the text as it was (the same text pasted over
      // it) is no change: kept, it would map the underlines away, and the
      // host, seeing the same text, would not draw them again.
      EditorState.transactionFilter.of((tr) =>
        tr.docChanged && tr.newDoc.eq(tr.startState.doc)
          ? [{ selection: tr.newSelection, effects: tr.effects, scrollIntoView: tr.scrollIntoView }]
          : tr,
      ),
      bracketMatching(),
      closeBrackets(),
      autocompletion({ override: [completionSource], icons: false }),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      hover,
      folds,
      indentUnit.of("    "),
      EditorState.languageData.of(() => [{ commentTokens: { line: "#" } }]),
      tokenField,
      lineMarkField,
      foldField,
      keymap.of([
        { key: "F12", run: goToDefinition },
        { key: "F2", run: renameSymbol },
        { key: "Mod-/", run: toggleComment },
        { key: "Enter", run: (view) => self.enter(view) },
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...lintKeymap,
        indentWithTab,
      ]),
      EditorView.domEventHandlers({
        mousedown(event, view) {
          if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return false;
          const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
          if (pos == null) return false;
          view.dispatch({ selection: EditorSelection.cursor(pos) });
          return goToDefinition(view);
        },
      }),
      this.label.of(EditorView.contentAttributes.of({ "aria-label": opts.label || "Dockerfile" })),
      this.readOnly.of(readOnly(opts.readonly)),
      // CodeMirror's own words (search panel, fold titles, announcements).
      this.phrases.of(EditorState.phrases.of(phrasesFor(this.texts.lang))),
      // The host hears of changes after the update, never inside it: it
      // re-renders, and its effects may dispatch to this view again. It
      // hears once the browser is idle (at most FLUSH_WITHIN_MS later), so
      // that the frame showing a typed key never waits for the app: its
      // re-render, its analyses and the annotations it hands back. Before
      // anything could act on the app's copy of the text, the copy is
      // brought up to date: a pointer pressed anywhere, the editor losing
      // the focus, a fix applied, the page hidden (see `flushSoon`).
      EditorView.updateListener.of((u) => {
        if (!u.docChanged && !u.selectionSet) return;
        this.changed ||= u.docChanged;
        this.flushSoon();
      }),
    ];
    this.view = new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
    this.flushNow = () => this.flush();
    document.addEventListener("pointerdown", this.flushNow, true);
    window.addEventListener("pagehide", this.flushNow, true);
    this.view.dom.addEventListener("focusout", this.flushNow);
    // Tests and the benchmark reach the view through the DOM.
    this.view.dom.cmView = this.view;
    this.view.dom.cmEditor = this;
  }

  // Enter keeps the line's indentation, and indents after a continued line
  // (the host says how: it knows the escape character).
  enter(view) {
    if (view.state.readOnly || view.state.selection.ranges.length > 1) return false;
    const head = view.state.selection.main;
    if (!head.empty) return false;
    const insert = this.host.newline(view.state.doc.toString(), head.head);
    if (insert == null) return false;
    view.dispatch({
      changes: { from: head.head, insert },
      selection: { anchor: head.head + insert.length },
      scrollIntoView: true,
      userEvent: "input",
    });
    return true;
  }

  // Tells the host of the changes once the browser is idle. Meanwhile
  // `<html data-editor-pending>` says the app has not heard of them yet
  // (tests wait for it to go, as for `data-settled`).
  flushSoon() {
    if (this.pending) return;
    this.pending = true;
    document.documentElement.setAttribute("data-editor-pending", "");
    if (typeof requestIdleCallback === "function") requestIdleCallback(this.flushNow, { timeout: FLUSH_WITHIN_MS });
    else setTimeout(this.flushNow, 0);
  }

  flush() {
    if (!this.pending || this.destroyed) return;
    this.pending = false;
    document.documentElement.removeAttribute("data-editor-pending");
    const changed = this.changed;
    this.changed = false;
    if (changed) this.host.onChange(this.view.state.doc.toString());
    this.host.onCaret(this.view.state.selection.main.head);
  }

  destroy() {
    this.destroyed = true;
    document.removeEventListener("pointerdown", this.flushNow, true);
    window.removeEventListener("pagehide", this.flushNow, true);
    document.documentElement.removeAttribute("data-editor-pending");
    this.view.destroy();
  }

  text() {
    return this.view.state.doc.toString();
  }

  // A change from outside the editor (a fix, a sample, an embed `set`, a
  // restored draft, a what-if): one undoable transaction. `sel` optionally
  // selects `[from, to]` in the new text afterwards.
  replace(text, selFrom, selTo) {
    const change = diffChange(this.view.state.doc, text);
    // Its own undo step, never merged with the typing just before it.
    const spec = { userEvent: "input.replace", annotations: isolateHistory.of("full") };
    if (change) spec.changes = change;
    if (selFrom >= 0) {
      spec.selection = EditorSelection.range(selFrom, Math.max(selFrom, selTo));
      spec.scrollIntoView = true;
    }
    if (!change && !spec.selection) return;
    this.view.dispatch(spec);
  }

  select(from, to, focus) {
    const len = this.view.state.doc.length;
    from = Math.min(from, len);
    to = Math.min(Math.max(from, to), len);
    this.view.dispatch({
      selection: EditorSelection.range(from, to),
      effects: EditorView.scrollIntoView(from, { y: "center" }),
    });
    if (focus) this.view.focus();
  }

  head() {
    return this.view.state.selection.main.head;
  }

  // Colours, diagnostics, line marks and folds for `text`; ignored if the
  // document has moved on since (a newer analysis is on its way).
  annotate(text, tokens, classes, diagnostics, folds) {
    const state = this.view.state;
    if (state.doc.length !== text.length || state.doc.toString() !== text) return false;
    const foldList = [];
    for (let i = 0; i + 1 < folds.length; i += 2) foldList.push([folds[i], folds[i + 1]]);
    // An empty string keeps the diagnostics shown (mapped through edits).
    if (diagnostics) {
      const diags = JSON.parse(diagnostics).map((d) => ({
        from: d.from,
        to: d.to,
        severity: d.severity,
        message: d.message,
        source: d.source || undefined,
        markClass: d.lint ? "cm-finding" : undefined,
        actions: (d.actions || []).map((a) => ({
          name: a.name,
          apply: () => {
            // The fix is of the text the app has: it must have every key.
            this.flush();
            this.host.fix(a.id);
          },
        })),
      }));
      this.view.dispatch(setDiagnostics(state, diags));
    }
    this.view.dispatch({ effects: [setTokens.of(decodeTokens(tokens, classes)), setFolds.of(foldList)] });
    return true;
  }

  // Per line: [line, class, title], or an empty list for none.
  lineMarks(json) {
    this.view.dispatch({ effects: setLineMarks.of(JSON.parse(json)) });
  }

  configure(label, readonly, texts) {
    this.texts = texts || this.texts;
    this.view.dispatch({
      effects: [
        this.label.reconfigure(EditorView.contentAttributes.of({ "aria-label": label })),
        this.readOnly.reconfigure(readOnly(readonly)),
        this.phrases.reconfigure(EditorState.phrases.of(phrasesFor(this.texts.lang))),
      ],
    });
  }
}

// The view the page made before the app had loaded (`boot.js`), if any,
// else a new one.
export function createEditor(parent, doc, host, label, readonly, renameLabel) {
  return (
    adopt(parent, doc, host, label, readonly, renameLabel) ||
    new Editor(parent, doc, host, { label, readonly, texts: { rename: renameLabel } })
  );
}

// The page's loader calls this before it fetches the app (editor first).
export function boot() {
  return bootWith(Editor);
}
