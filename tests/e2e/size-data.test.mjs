// The size tables load when needed (issue 14, item 5): the wasm carries no
// tables; the page fetches them (one file, named in the page by
// scripts/size-data.py) once an analysis asks, after the editor takes
// keys, and the Size panel says it is loading until they arrive, then
// shows the sizes. A failed fetch offers a retry; offline.html (file://)
// holds the tables inline.
//
// Usage: trunk build --release && node tests/e2e/size-data.test.mjs   (PORT=8080 by default)

import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open, origin, report, root, serve, setEditorText, watch } from "./lib.mjs";

const DATA = "**/size-data-*.txt";
const TOTAL = "[data-testid=size-total] .size-big";
const problems = [];
const sent = [];
const server = await serve(join(root, "dist"), { gzip: true, sent });
const browser = await launch();
try {
  // Held back: the panel says it is loading, in the reader's language too.
  for (const [lang, loading] of [
    ["en-US", "Loading the size data"],
    ["zh-CN", "正在加载体积数据"],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang });
    const page = await ctx.newPage();
    watch(page, `held-${lang}`, problems);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let asked = 0;
    await page.route(DATA, async (route) => {
      asked++;
      await held;
      await route.continue();
    });
    await open(page);
    await setEditorText(page, "FROM python:3.12\nRUN pip install flask\n");
    await page.click("#tab-size");
    await page.waitForSelector(".size-data-state.loading");
    assert.match(await page.textContent(".size-data-state"), new RegExp(loading));
    assert.equal(await page.getAttribute(".size-data-state", "role"), "status");
    assert.equal(await page.locator(TOTAL).count(), 0, "no size before the tables arrive");
    assert.equal(asked, 1, "one fetch of the tables");
    release();
    await page.waitForSelector(TOTAL);
    assert.ok(parseFloat(await page.textContent(TOTAL)) > 1000, "python:3.12 is over a gigabyte");
    assert.equal(await page.locator(".size-data-state").count(), 0);
    await ctx.close();
  }
  // The tables are fetched by the app, served gzipped like the rest, and
  // only after the wasm (so never before the editor takes a key).
  const order = sent.map((s) => s.path);
  const data = order.findIndex((p) => /size-data-[0-9a-f]{16}\.txt$/.test(p));
  const wasm = order.findIndex((p) => p.endsWith(".wasm"));
  assert.ok(data > wasm && wasm >= 0, `requests: ${order.join(" ")}`);
  const raw = (await stat(join(root, "dist", order[data]))).size;
  assert.ok(sent[data].bytes < raw / 2, `the tables gzipped: ${sent[data].bytes} B of ${raw}`);

  // A failed fetch: the panel says so and offers a retry, which works.
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => problems.push(`failed: page error: ${e.message}`));
    await page.route(DATA, (route) => route.abort());
    await open(page);
    await page.click("#tab-size");
    await page.waitForSelector(".size-data-state.error");
    assert.match(await page.textContent(".size-data-state.error"), /could not be loaded/);
    await page.unroute(DATA);
    await page.click(".size-data-retry");
    await page.waitForSelector(TOTAL);
    await ctx.close();
  }

  // From disk: offline.html holds the tables and fetches nothing.
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => problems.push(`file: page error: ${e.message}`));
    await page.goto(pathToFileURL(join(root, "dist", "offline.html")).href);
    await page.waitForSelector("html[data-ready]", { state: "attached" });
    await page.click("#tab-size");
    await page.waitForSelector(TOTAL);
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log(`size data: ok (${origin})`);
