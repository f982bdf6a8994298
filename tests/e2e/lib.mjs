// Shared by the e2e scripts: a static server for dist/ (as any static host
// would serve it) and a headless Chromium.

import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, inflateRawSync } from "node:zlib";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const port = Number(process.env.PORT || 8080);
export const origin = `http://127.0.0.1:${port}`;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  // The size tables (scripts/size-data.py).
  ".txt": "text/plain; charset=utf-8",
};

/// `gzip`: compress as a static host does when the browser accepts it
/// (level 9, as scripts/budget.py counts). `sent`: an array that gets
/// `{ path, at, bytes }` per response (`at`: when the request arrived, in
/// ms since the epoch; `bytes`: the body as sent).
export function serve(dist = join(root, "dist"), { gzip = false, sent = null } = {}) {
  const packed = new Map();
  const server = createServer(async (req, res) => {
    const at = Date.now();
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, path.endsWith("/") ? path + "index.html" : path);
    try {
      let body = await readFile(file);
      const headers = { "content-type": types[extname(file)] || "application/octet-stream" };
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] || "") && types[extname(file)]) {
        if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
        body = packed.get(file);
        headers["content-encoding"] = "gzip";
      }
      res.writeHead(200, headers);
      res.end(body);
      if (sent) sent.push({ path, at, bytes: body.length });
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/// Collects page errors and console errors into `problems`.
export function watch(page, name, problems) {
  page.on("pageerror", (e) => problems.push(`${name}: page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`${name}: console: ${m.text()}`));
}

/// Exits with 1, listing them, if there are any problems.
export function report(problems) {
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
}

/// Where the screenshot tours write.
export const out = join(root, "tests", "e2e", "out");

/// Waits until the app has started: `<html data-ready>`, which it sets once
/// its first render's effects have run (the editor holds its text). Never a
/// fixed time: Yew may yield to the browser between drawing the page and
/// running those effects, so a visible editor is not yet a ready one.
export async function ready(page) {
  await page.waitForSelector("html[data-ready]", { state: "attached" });
}

/// The editor's editable content (CodeMirror's `.cm-content`).
export const EDITOR = ".cm-content";

/// The editor's text (of the page, or of a frame locator's page).
export function editorText(page) {
  return page.locator(".cm-editor").evaluate((e) => e.cmView.state.doc.toString());
}

/// The editor's main selection as UTF-16 `[anchor, head]`.
export function editorSelection(page) {
  return page.locator(".cm-editor").evaluate((e) => {
    const m = e.cmView.state.selection.main;
    return [m.anchor, m.head];
  });
}

/// Replaces the editor's text as a user would: select all, then type (or
/// paste) the new text through the browser's input pipeline.
export async function setEditorText(page, text) {
  await page.click(EDITOR);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.insertText(text);
}

/// Opens the app at `path` (a query and/or fragment) and waits until it is ready.
export async function open(page, path = "") {
  await page.goto(`${origin}/${path}`);
  await ready(page);
}

/// Waits until the page has settled: the app has heard of the typing (no
/// `<html data-editor-pending>`), the panels have caught up with it
/// (`<html data-settled>` is not "false"), web fonts are loaded, and two
/// animation frames in a row pass without a DOM change (a render the app
/// scheduled has landed, a transition's end has been drawn).
export async function settled(page) {
  // The app hears of typing once the browser is idle (editor/index.js
  // `flushSoon`); then the panels follow once typing pauses.
  await page.waitForSelector("html:not([data-editor-pending])", { state: "attached" });
  await page.waitForSelector('html:not([data-settled="false"])', { state: "attached" });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => {
      let quiet = 0;
      const seen = new MutationObserver(() => (quiet = 0));
      seen.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const frame = () => {
        if (++quiet > 2) {
          seen.disconnect();
          resolve();
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  });
}

/// Waits for the page to settle, then writes `out/<name>.png`.
export async function shoot(page, name, options = {}) {
  await settled(page);
  await page.screenshot({ path: join(out, `${name}.png`), ...options });
}

const dictionary = readFileSync(join(root, "core", "src", "permalink", "dictionary.txt"));

/// The Dockerfile a permalink fragment (with or without `#`) holds, decoded
/// as core/src/permalink does it: version `1`, base64url, raw deflate with
/// the preset dictionary, then the text up to a NUL (JSON of the other
/// fields follows it). `null` for anything else.
export function linkDockerfile(fragment) {
  const f = fragment.replace(/^#/, "");
  if (!f.startsWith("1")) return null;
  try {
    const payload = inflateRawSync(Buffer.from(f.slice(1), "base64url"), { dictionary });
    const nul = payload.indexOf(0);
    return (nul === -1 ? payload : payload.subarray(0, nul)).toString("utf8");
  } catch {
    return null;
  }
}

/// Waits until the page's URL holds `dockerfile` (the debounced autosave
/// writes the URL and the draft together), and returns the fragment.
export async function savedAs(page, dockerfile) {
  for (;;) {
    const hash = await page.evaluate(() => location.hash.slice(1));
    if (linkDockerfile(hash) === dockerfile) return hash;
    await page.waitForFunction((h) => location.hash.slice(1) !== h, hash);
  }
}

/// A screenshot tour: serves dist/, then for each shot ({ name, width,
/// height, scheme, ... }) opens a fresh context (en-US, that viewport and
/// colour scheme, plus `context(shot)`), collects its page and console
/// errors, and runs `visit(page, shot, problems)`, which takes the
/// pictures. `after(browser, problems)` runs once after the shots. Exits
/// with 1, listing them, if anything went into `problems`.
export async function tour(shots, visit, { context = () => ({}), after } = {}) {
  const server = await serve();
  await mkdir(out, { recursive: true });
  const browser = await launch();
  const problems = [];
  try {
    for (const s of shots) {
      const ctx = await browser.newContext({
        viewport: { width: s.width, height: s.height },
        colorScheme: s.scheme,
        locale: "en-US",
        deviceScaleFactor: 1,
        ...context(s),
      });
      const page = await ctx.newPage();
      watch(page, s.name, problems);
      await visit(page, s, problems);
      await ctx.close();
    }
    if (after) await after(browser, problems);
  } finally {
    await browser.close();
    server.close();
  }
  report(problems);
}
