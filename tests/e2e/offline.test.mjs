// Offline after the first visit (issue 17): once the service worker has
// cached the release build, the page reloads and works with no server at
// all and Chromium offline, links and `?lang=` included. A newer build is
// never swapped in under the reader: its worker waits, the page says "a new
// version is ready", and only the reload button brings it in.
//
// Usage: trunk build --release && node tests/e2e/offline.test.mjs   (PORT=8080 by default)

import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EDITOR, editorText, launch, open, origin, out, ready, report, root, savedAs, serve, settled, watch } from "./lib.mjs";

const dist = join(root, "dist");
const problems = [];
const browser = await launch();
let server = await serve(dist);
// A copy of the build whose worker differs, as the next deploy's would.
const next = await mkdtemp(join(tmpdir(), "dockerplay-next-"));
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await ctx.newPage();
  watch(page, "offline", problems);
  await open(page);
  // The worker is active (its cache filled) and controls the page.
  await page.waitForSelector("html[data-offline=ready]", { state: "attached" });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const typed = "FROM alpine:3.20\nRUN apk add curl\n";
  await page.click(EDITOR);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(typed);
  const link = await savedAs(page, typed);

  // No server, and the browser offline.
  await new Promise((resolve) => server.close(resolve));
  server = null;
  await ctx.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal(await editorText(page), typed, "the page and its draft, offline");
  // It works: an edit is analysed (the outline lists the new instruction).
  await page.click(EDITOR);
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("WORKDIR /srv\n");
  await page.waitForFunction(() => [...document.querySelectorAll(".ins")].some((e) => e.textContent.startsWith("WORKDIR")));
  // A link and a query open offline too.
  const other = await ctx.newPage();
  watch(other, "offline-link", problems);
  await other.goto(`${origin}/?lang=zh-CN#${link}`);
  await ready(other);
  assert.equal(await editorText(other), typed);
  assert.equal(await other.getAttribute("html", "lang"), "zh-CN");
  await other.close();

  // The next deploy: the same files, a different worker.
  await ctx.setOffline(false);
  await cp(dist, next, { recursive: true });
  const worker = await readFile(join(next, "sw.js"), "utf8");
  await writeFile(join(next, "sw.js"), worker.replace(/const CACHE = "dockerplay-([0-9a-f]+)";/, 'const CACHE = "dockerplay-$1-next";'));
  server = await serve(next);
  await page.reload();
  await ready(page);
  // The old version keeps running, and says a new one is ready.
  await page.waitForSelector("#update-banner");
  assert.equal(await page.textContent("#update-banner p"), "A new version of Dockerplay is ready.");
  assert.equal(await page.evaluate(() => caches.keys().then((k) => k.some((n) => n.endsWith("-next")))), true);
  await settled(page);
  await page.screenshot({ path: join(out, "update-ready-1280-light.png") });
  await Promise.all([page.waitForEvent("load"), page.click("#update-reload")]);
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const names = await page.evaluate(() => caches.keys());
  assert.deepEqual(names.filter((n) => n.startsWith("dockerplay-")).map((n) => n.endsWith("-next")), [true], `caches: ${names}`);
  assert.equal(await page.locator("#update-banner").count(), 0);
  await ctx.close();
} finally {
  await browser.close();
  if (server) server.close();
  await rm(next, { recursive: true, force: true });
}
report(problems);
console.log("offline: ok");
