// The Chinese page speaks Chinese (issue 16 item 6): with `?lang=zh-CN`, on
// realistic Dockerfiles, every panel and tab is visited (outline, problems,
// findings with every rule doc open, cache with a build, an edited context
// file and the CI view, size, graph, the gallery, the share dialog, and a
// step of every lesson), and the visible text is scanned for English prose:
// two or more English words of three or more letters in a row. Left out:
// code (`code`, `pre`, `kbd`, the editor, text areas), words that are part
// of an identifier (`mode=max`, `apt-get`, `node_modules`, `/app`), words of
// the user's own text (the Dockerfile, context file names), and proper
// nouns (PROPER below). The test fails listing every run, with where it was
// seen and the element's class, so each can be traced to its source.
//
// Usage: trunk build --release && node tests/e2e/chinese_page.test.mjs
//   (PORT=8080 by default)

import { readdirSync, readFileSync } from "node:fs";
import { launch, open, origin, ready, serve, setEditorText, settled, watch } from "./lib.mjs";

/// Proper nouns and product names, which Chinese text keeps as they are.
const PROPER = new Set(
  [
    "BuildKit", "Docker", "Dockerfile", "Dockerfiles", "Dockerplay", "Alpine", "Debian", "Ubuntu", "ShellCheck",
    "hadolint", "distroless", "GitHub", "Actions", "GitLab", "Kubernetes", "Compose", "Swarm", "Redis", "Node",
    "Python", "Rust", "Java", "Dependabot", "Renovate", "CodeMirror", "Chrome", "Chromium", "Linux", "Windows",
    "PowerShell", "Markdown", "JSON", "YAML", "SARIF", "OCI", "CLI", "CI", "CVE", "SSH", "TLS", "URL", "URI",
    "SPDX", "RFC", "musl", "glibc", "BusyBox", "Bookworm", "Trixie", "Temurin", "Slim", "Wolfi", "Chainguard",
    // Terms Chinese text keeps: file formats and the commands a sentence
    // names (so "pip install" in a card's text is a command, not prose).
    "wheel", "musllinux", "pip", "npm", "yarn", "apt", "apk", "dnf", "yum", "zypper", "cargo", "gcc", "make",
    "curl", "wget", "git", "sudo", "bash", "gosu",
  ].map((w) => w.toLowerCase()),
);

/// A Dockerfile with several stages, a cache mount, installs that leave
/// caches and build tools behind: many kinds of finding, cache step and
/// size line.
const MULTI = `FROM node:20 AS deps
WORKDIR /app
COPY package.json ./
RUN --mount=type=cache,target=/root/.npm npm install
FROM deps AS build
COPY server.js ./
RUN npm run build
FROM python:3.12
RUN apt-get update && apt-get install -y curl build-essential
RUN rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
CMD python -m http.server
`;

/// Parse errors and warnings, for the Problems tab and the editor.
const BROKEN = `FROM alpine:3.20
FORM x
COPY --chmod=abc a.txt /a
RUN <<EOF
echo never closed
`;

const LESSONS = ["tiny-redis", "caching", "layers", "checklist"];

/// Every phrase the bundled CodeMirror asks its state for (`phrase("...")`
/// in its packages' sources): the words of its panels, titles and
/// screen-reader announcements. Read from the installed packages, so a
/// CodeMirror that adds a phrase fails this test until editor/phrases.js
/// has it. Announcements live for 200 ms in an off-screen element, too
/// briefly for the scan of the page to be sure to see them.
function codemirrorPhrases() {
  const root = new URL("../../node_modules/@codemirror/", import.meta.url);
  const phrases = new Set();
  for (const pkg of readdirSync(root)) {
    let src;
    try {
      src = readFileSync(new URL(`${pkg}/dist/index.js`, root), "utf8");
    } catch {
      continue;
    }
    // The string literals among each call's arguments (up to its closing
    // parenthesis): `phrase("to")`, `phrase(view, "Find")`,
    // `phrase(fold ? "Folded lines" : "Unfolded lines")`.
    for (const m of src.matchAll(/\bphrase\(/g)) {
      let depth = 1;
      let i = m.index + m[0].length;
      for (let quote = null; i < src.length && depth > 0; i++) {
        const c = src[i];
        if (quote) {
          if (c === "\\") i++;
          else if (c === quote) quote = null;
        } else if (c === '"' || c === "'" || c === "`") quote = c;
        else if (c === "(") depth++;
        else if (c === ")") depth--;
      }
      for (const [, p] of src.slice(m.index, i).matchAll(/"([^"]+)"/g)) phrases.add(p);
    }
  }
  return [...phrases].sort();
}

/// The visible text of the page, as [text, class of its element] pairs:
/// text nodes outside code and the editor, and the placeholders and
/// labels of controls a reader sees.
function visibleText(page) {
  return page.evaluate(() => {
    // The editor's text and gutters are the user's; its tooltips are ours.
    const skip = "code, pre, kbd, samp, textarea, .cm-content, .cm-gutters, script, style, noscript";
    const seen = (el) => {
      if (!el || el.closest(skip)) return false;
      const s = getComputedStyle(el);
      if (s.visibility === "hidden" || s.display === "none") return false;
      return el.getClientRects().length > 0;
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue.trim();
      if (text && seen(n.parentElement)) out.push([text, n.parentElement.className?.baseVal ?? n.parentElement.className ?? ""]);
    }
    for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
      if (!seen(el)) continue;
      for (const a of ["placeholder", "aria-label", "title"]) {
        const v = el.getAttribute(a);
        if (v) out.push([v, `${el.className?.baseVal ?? el.className ?? ""} [${a}]`]);
      }
    }
    return out;
  });
}

/// The runs of English prose in `text`: two or more English words of three
/// or more letters with nothing but spaces and short words ("a", "of")
/// between them. A chunk of ASCII that is not a plain word (`apt-get`,
/// `mode=max`, `/app`, `node_modules`, `v1.2`, `$HOME`, `3.5`) and any
/// non-ASCII text (Chinese) end a run; proper nouns, keywords, names and
/// words of the user's text neither count nor end one.
function englishRuns(text, userWords) {
  const runs = [];
  let run = [];
  let counted = 0;
  const flush = () => {
    if (counted >= 2) runs.push(run.join(" ").replace(/\s+\S{1,2}$/, ""));
    run = [];
    counted = 0;
  };
  for (const chunk of text.match(/[\x21-\x7e]+|[^\x00-\x7f]+/g) || []) {
    if (/^[^\x00-\x7f]/.test(chunk)) {
      flush();
      continue;
    }
    const word = chunk.replace(/^[("'\[]+/, "").replace(/[.,;:!?)\]"']+$/, "");
    if (!/^[A-Za-z]+$/.test(word)) {
      flush();
      continue;
    }
    const lower = word.toLowerCase();
    // Upper-case words are keywords and units (RUN, COPY, MB); words with
    // an inner capital are names (StageNameCasing).
    const name = /^[A-Z]+$/.test(word) || /[a-z][A-Z]/.test(word);
    const counts = word.length >= 3 && !name && !PROPER.has(lower) && !userWords.has(lower);
    if (counts || run.length) run.push(word);
    if (counts) counted++;
    // A sentence's end ends a run.
    if (/[.!?;:]$/.test(chunk)) flush();
  }
  flush();
  return runs;
}

function wordsOf(text) {
  return new Set((text.match(/[A-Za-z]+/g) || []).map((w) => w.toLowerCase()));
}

const server = await serve();
const browser = await launch();
const problems = [];
const found = new Map(); // run -> Set of "where (class)"

async function scan(page, where, userText) {
  await settled(page);
  const user = wordsOf(userText);
  const texts = await visibleText(page);
  if (process.env.DEBUG) console.log(`${where}: ${texts.length} texts`);
  for (const [text, cls] of texts) {
    for (const run of englishRuns(text, user)) {
      if (!found.has(run)) found.set(run, new Set());
      found.get(run).add(`${where} .${String(cls).trim().split(/\s+/)[0] || "?"}`);
    }
  }
}

async function editorText(page) {
  return page.locator(".cm-editor").evaluate((e) => e.cmView.state.doc.toString());
}

/// Every tab of the page for the Dockerfile in the editor.
async function tour(page, name) {
  const user = (await editorText(page)) + " " + (await page.locator(".ctx-name").allTextContents().catch(() => [])).join(" ");
  for (const tab of ["outline", "problems", "size", "graph"]) {
    await page.click(`#tab-${tab}`);
    await scan(page, `${name} ${tab}`, user);
  }
  // The hover of the first finding's underline in the editor.
  const mark = page.locator(".cm-finding").first();
  if (await mark.count()) {
    await mark.hover();
    await page.waitForSelector(".cm-tooltip-hover", { timeout: 5000 }).catch(() => problems.push(`${name}: no hover`));
    await scan(page, `${name} hover`, user);
    await page.mouse.move(0, 0);
  }
  await page.click("#tab-findings");
  await settled(page);
  // Open every rule doc: each finding's rule toggle.
  const rules = page.locator(".fd-item .fd-rule");
  for (let i = 0; i < (await rules.count()); i++) {
    await rules.nth(i).click();
    await scan(page, `${name} findings+doc ${i + 1}`, user);
    await rules.nth(i).click();
  }
  await scan(page, `${name} findings`, user);
  await page.click("#tab-cache");
  await page.click(".cache-build");
  await scan(page, `${name} cache`, user);
  const file = page.locator(".ctx-row[data-path] .ctx-name").first();
  if (await file.count()) {
    await file.click();
    await page.fill(".ctx-content", "edited\n");
    await scan(page, `${name} cache+context`, user);
  }
  await page.click(".ci-toggle");
  await scan(page, `${name} cache+CI`, user);
  // The registry min preset: builds differ from the default, and the
  // multi-stage file's builder stages and cache mount make CI cache traps.
  await page.selectOption(".ci-preset", "2");
  await scan(page, `${name} cache+CI min`, user);
  await page.click(".ci-toggle");
}

try {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" });
  const page = await ctx.newPage();
  watch(page, "zh", problems);
  await open(page, "?lang=zh-CN");
  // CodeMirror's own words: each phrase it may show or announce is
  // translated, and its search panel, opened, reads as Chinese.
  const phrases = codemirrorPhrases();
  if (phrases.length < 20) problems.push(`only ${phrases.length} CodeMirror phrases found: is the extraction broken?`);
  const untranslated = await page
    .locator(".cm-editor")
    .evaluate((e, ps) => ps.filter((p) => !/[\u4e00-\u9fff]/.test(e.cmView.state.phrase(p, "$"))), phrases);
  for (const p of untranslated) problems.push(`CodeMirror phrase ${JSON.stringify(p)} has no Chinese (editor/phrases.js)`);
  await page.click(".cm-content");
  await page.keyboard.press("Control+F");
  await page.waitForSelector(".cm-search");
  await scan(page, "editor search panel", "");
  await page.keyboard.press("Escape");
  await tour(page, "sample");
  await setEditorText(page, MULTI);
  await tour(page, "multi-stage");
  await setEditorText(page, BROKEN);
  await tour(page, "broken");
  // The gallery (samples and lessons) and the share dialog.
  await page.click("#samples-button");
  await scan(page, "gallery", "");
  await page.keyboard.press("Escape");
  await page.waitForSelector(".dialog", { state: "detached" });
  await page.click("#share-button");
  await scan(page, "share dialog", await editorText(page));
  await page.keyboard.press("Escape");
  // A step in the middle of every lesson, and its last step.
  for (const id of LESSONS) {
    for (const step of [2, 99]) {
      await page.goto(`${origin}/?lang=zh-CN&lesson=${id}&step=${step}`);
      await ready(page);
      await page.waitForSelector("aside.lesson");
      await scan(page, `lesson ${id} step ${step}`, await editorText(page));
    }
  }
  await ctx.close();
} finally {
  await browser.close();
  server.close();
}

for (const [run, where] of [...found].sort()) {
  const places = [...where];
  problems.push(`English ${JSON.stringify(run)} in ${places.slice(0, 3).join("; ")}${places.length > 3 ? ` (+${places.length - 3})` : ""}`);
}
if (problems.length) {
  console.error(`${problems.length} problems on the Chinese page:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("chinese page: ok");
