// The first load as a visitor meets it (issue 17): serves a built site
// gzipped (level 9, as a static host would), opens it in Chromium with a
// fresh profile, and measures
//   - the bytes fetched until the editor takes a key (every response the
//     server began for a request that arrived before the editor existed,
//     counted whole), and the time from navigation to that point;
//   - the same up to the app being ready (the analyses running), each
//     file counted once;
// at full speed and with the CPU slowed 4x (CDP
// Emulation.setCPUThrottlingRate), the median of RUNS loads each. Each load
// types a key as soon as the editor exists and checks the app ends with it.
// Localhost: no network time is included.
//
// usage: node scripts/first-load.mjs [DIST_DIR] [BUDGET_KB] [RUNS]
// Exits 1 if the bytes until a key exceed BUDGET_KB, or a key was lost.

import { join } from "node:path";
import { serve, launch, origin, root } from "../tests/e2e/lib.mjs";

const dist = process.argv[2] || join(root, "dist");
const budgetKb = Number(process.argv[3] || 450);
const runs = Number(process.argv[4] || 3);

// Notes, in page time (ms since navigation), when the editor first exists
// and when the app says it is ready.
const PROBE = () => {
  const note = () => {
    if (window.__editorAt == null && document.querySelector(".cm-content[contenteditable=true]"))
      window.__editorAt = performance.now();
    if (window.__readyAt == null && document.documentElement.hasAttribute("data-ready"))
      window.__readyAt = performance.now();
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
};

async function once(browser, sent, rate) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await page.addInitScript(PROBE);
  sent.length = 0;
  await page.goto(`${origin}/`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__editorAt != null, null, { timeout: 60_000 });
  // A key, typed the moment the editor exists: it must survive the app's start.
  await page.locator(".cm-content").press("Control+Home");
  await page.keyboard.type("#");
  await page.waitForFunction(() => window.__readyAt != null, null, { timeout: 120_000 });
  // CodeMirror reads typed input from the DOM a moment later: give it time.
  const kept = await page
    .waitForFunction(() => document.querySelector(".cm-editor").cmView.state.doc.toString().startsWith("#"), null, {
      timeout: 10_000,
    })
    .then(
      () => true,
      () => false,
    );
  const t = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    editor: window.__editorAt,
    ready: window.__readyAt,
    text: document.querySelector(".cm-editor").cmView.state.doc.toString(),
  }));
  if (!kept && process.env.FIRST_LOAD_DEBUG) console.log("text:", JSON.stringify(t.text.slice(0, 60)));
  const before = (ms) => sent.filter((s) => s.at <= t.origin + ms).reduce((n, s) => n + s.bytes, 0);
  // Each file once: once the app runs, the offline worker fetches every
  // file again into its cache (a static host's validators make that cheap;
  // this server sends none).
  // The size tables are counted apart: the app fetches them once an
  // analysis first asks (scripts/size-data.py), which on the default
  // sample is as it starts, a moment before or after the ready mark.
  const tables = (s) => /\/size-data-[0-9a-f]+\.txt$/.test(s.path);
  const once = (ms) => {
    const seen = new Set();
    return sent
      .filter((s) => s.at <= t.origin + ms && !tables(s) && !seen.has(s.path) && seen.add(s.path))
      .reduce((n, s) => n + s.bytes, 0);
  };
  const table = sent.find(tables);
  if (process.env.FIRST_LOAD_DEBUG)
    for (const s of sent) console.log(`  ${s.at <= t.origin + t.editor ? "key " : "late"} ${s.path} ${kb(s.bytes)}`);
  const result = { editorMs: t.editor, readyMs: t.ready, editorBytes: before(t.editor), readyBytes: once(t.ready), tableBytes: table ? table.bytes : 0, kept, errors };
  await ctx.close();
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (m) => (m >= 1000 ? `${(m / 1000).toFixed(2)} s` : `${Math.round(m)} ms`);

const sent = [];
const server = await serve(dist, { gzip: true, sent });
const browser = await launch();
const rows = {};
let ok = true;
try {
  for (const rate of [1, 4]) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await once(browser, sent, rate));
    rows[rate] = all;
    for (const r of all) {
      if (!r.kept) {
        console.error(`at ${rate}x: the key typed before the app started was lost`);
        ok = false;
      }
      for (const e of r.errors) {
        console.error(`at ${rate}x: page error: ${e}`);
        ok = false;
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

const all = [...rows[1], ...rows[4]];
const editorBytes = Math.max(...all.map((r) => r.editorBytes));
const readyBytes = median(all.map((r) => r.readyBytes));
const within = editorBytes <= budgetKb * 1024;
console.log(`first load in Chromium (${dist}, served gzipped, localhost, fresh profile; median of ${runs} loads):`);
console.log(
  `  until the editor takes a key: ${kb(editorBytes)} gzipped (${within ? "within" : "OVER"} the ${budgetKb} KB budget; aim 400 KB); ` +
    `${ms(median(rows[1].map((r) => r.editorMs)))} at full speed, ${ms(median(rows[4].map((r) => r.editorMs)))} with the CPU slowed 4x`,
);
console.log(
  `  until the analyses run (the app ready): ${kb(readyBytes)} gzipped, each file once; ` +
    `${ms(median(rows[1].map((r) => r.readyMs)))} at full speed, ${ms(median(rows[4].map((r) => r.readyMs)))} with the CPU slowed 4x`,
);
const tableBytes = Math.max(...all.map((r) => r.tableBytes));
console.log(
  tableBytes
    ? `  the size tables, fetched once an analysis asks (on this sample as the app starts): ${kb(tableBytes)} gzipped`
    : "  the size tables: not fetched (no analysis asked for them)",
);
process.exit(within && ok ? 0 : 1);
