// Editor first (issue 17): the page's editor takes keys before the analysis
// (the wasm, about four fifths of the page's bytes) has arrived.
//
// The page's loader (written into index.html by scripts/boot.py) imports
// this bundle, calls `boot()`, and only then fetches the wasm. `boot` picks
// the text as the app does (`src/share.rs`: a link in the URL, else the
// autosaved draft, else the first sample), and shows it in a CodeMirror view
// inside a stand-in of the page's layout. When the app starts, its editor
// component calls `createEditor`, which adopts that view (`adopt` below):
// the view moves into the app's layout with what was typed, its undo
// history, caret and focus, and the app hears the typed text as an edit.
// Nothing typed while the analysis loads is lost or overwritten.
//
// Embedded pages (`?embed=`) and pages opened from disk start as before:
// the app builds their editor itself.

import { Transaction } from "@codemirror/state";
import sample from "../src/samples/node-before.Dockerfile";
import dictionaryText from "../core/src/permalink/dictionary.txt";

// As in src/share.rs and core/src/permalink.
const DRAFT_KEY = "dockerplay.draft";
const MAX_DECODED_BYTES = 2 * 1024 * 1024;
const MAX_DOCKERFILE_BYTES = 512 * 1024;
const LANG_KEY = "dockerplay.lang";

// The stand-in's few words, in the app's two languages (src/i18n.rs).
const TEXTS = {
  en: { title: "Dockerplay", label: "Dockerfile", loading: "Loading the analyses…" },
  zh: { title: "Dockerplay", label: "Dockerfile", loading: "正在加载分析…" },
};

/// The language as the app picks it (`Lang::choose`), short of the one a
/// link may name: the `lang=` parameter, the saved choice, the browser's.
function language() {
  let saved = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {}
  const tags = [new URLSearchParams(location.search).get("lang"), saved, ...(navigator.languages || [])];
  for (const tag of tags) {
    const primary = (tag || "").trim().split(/[-_]/)[0].toLowerCase();
    if (primary === "en" || primary === "zh") return primary;
  }
  return "en";
}

/// The Dockerfile in a permalink fragment (version 1: base64url of raw
/// deflate with a preset dictionary; the text, then NUL and JSON of the
/// other fields), or null when it is not one. Browsers inflate raw deflate
/// but take no preset dictionary, so the dictionary goes in front of the
/// link's blocks as a stored block: back-references reach into it as into
/// a preset dictionary, and its bytes are cut off the output.
export async function linkDockerfile(fragment) {
  const f = fragment.trim().replace(/^#/, "");
  if (!f.startsWith("1") || typeof DecompressionStream === "undefined") return null;
  let packed;
  try {
    const b64 = f.slice(1).replace(/-/g, "+").replace(/_/g, "/");
    packed = Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const dict = new TextEncoder().encode(dictionaryText);
  const n = dict.length;
  // BFINAL 0, BTYPE 00 (stored), then LEN and its complement, little-endian.
  const stored = new Uint8Array([0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255]);
  try {
    const reader = new Blob([stored, dict, packed]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > n + MAX_DECODED_BYTES) {
        reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    const payload = out.subarray(n);
    const nul = payload.indexOf(0);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let text = decoder.decode(nul === -1 ? payload : payload.subarray(0, nul));
    if (nul !== -1 && !text) text = JSON.parse(decoder.decode(payload.subarray(nul + 1))).dockerfile || "";
    return new TextEncoder().encode(text).length > MAX_DOCKERFILE_BYTES ? null : text;
  } catch {
    return null;
  }
}

/// The text the app will start from: a link, else the draft, else the
/// first sample (a damaged link falls back as the app's does).
export async function startText(fragment, draft) {
  if (fragment.trim()) {
    const t = await linkDockerfile(fragment);
    if (t != null) return t;
  }
  if (draft) {
    const t = await linkDockerfile(draft);
    if (t != null) return t;
  }
  return sample;
}

// The editor made by `boot`, until the app adopts it.
let booted = null;

/// Whether this page gets an editor before the app: not in an embed (its
/// layout and options are the app's to decide), and only where the page's
/// own layout is there to stand in for.
export function wanted() {
  return !new URLSearchParams(location.search).has("embed");
}

/// Shows the editor now; resolves once it takes keys. `Editor` is the
/// class of index.js.
export async function bootWith(Editor) {
  if (booted || !wanted()) return false;
  const lang = language();
  const texts = TEXTS[lang];
  let draft = null;
  try {
    draft = localStorage.getItem(DRAFT_KEY);
  } catch {}
  const doc = await startText(location.hash.slice(1), draft);
  const shell = document.createElement("div");
  shell.className = "app boot";
  shell.id = "boot";
  shell.innerHTML =
    '<header class="topbar"><div class="brand"><h1></h1></div></header>' +
    '<main class="workspace"><section class="editor-pane"><div class="editor"><div class="editor-body">' +
    '<div class="code cm-host"></div></div><div class="statusbar"><span class="hint boot-status"></span></div>' +
    '</div></section><section class="panels boot-panels"><p class="boot-status"></p></section></main>';
  shell.querySelector("h1").textContent = texts.title;
  shell.querySelector("section.editor-pane").setAttribute("aria-label", texts.label);
  for (const el of shell.querySelectorAll(".boot-status")) el.textContent = texts.loading;
  shell.querySelector(".boot-panels").setAttribute("aria-busy", "true");
  document.body.appendChild(shell);
  // Until the app arrives, Enter and the rest are CodeMirror's own; the
  // queries (completion, hover, ...) have no answers yet.
  const host = {
    onChange() {},
    onCaret() {},
    complete: () => null,
    hover: () => null,
    definition: () => null,
    rename: () => null,
    newline: () => null,
    fix() {},
  };
  const editor = new Editor(shell.querySelector(".cm-host"), doc, host, { label: texts.label, readonly: false, texts: { lang } });
  booted = { editor, doc, shell };
  document.documentElement.setAttribute("data-editor", "boot");
  return true;
}

/// The app's editor component asks for its view: the booted one, moved into
/// `parent`, or null when there is none. `doc` is the text the app starts
/// from: it replaces the booted text only if nothing was typed; otherwise
/// the typed text stays and the app hears it as an edit.
export function adopt(parent, doc, host, label, readonly, renameLabel) {
  if (!booted) return null;
  const { editor, shell, doc: bootDoc } = booted;
  booted = null;
  const view = editor.view;
  const focused = view.hasFocus;
  parent.appendChild(view.dom);
  shell.remove();
  editor.host = host;
  editor.configure(label, readonly, { ...editor.texts, rename: renameLabel });
  // The app's first `replace` sets the text it starts from, which the view
  // already holds unless the user typed: it must not undo the typing, even
  // a key the view has not read from the DOM yet (CodeMirror reads typed
  // input a moment after the browser applied it), so it is skipped.
  const replace = editor.replace;
  editor.replace = function (text, from, to) {
    editor.replace = replace;
    if (text === doc && from < 0) return;
    replace.call(editor, text, from, to);
  };
  const typed = view.state.doc.toString();
  if (typed === bootDoc && typed !== doc) {
    // Nothing typed, but the app decided on another text (a link the app
    // reads differently): the app's text, outside the undo history.
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: doc },
      annotations: Transaction.addToHistory.of(false),
    });
  } else if (typed !== doc) {
    // Typed: the app learns the typed text as an edit.
    editor.changed = true;
    if (!editor.pending) {
      editor.pending = true;
      queueMicrotask(() => editor.flush());
    }
  }
  if (focused) view.focus();
  document.documentElement.setAttribute("data-editor", "adopted");
  return editor;
}
