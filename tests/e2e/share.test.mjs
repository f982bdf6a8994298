// Permalinks, autosave and embedding in the built site (issue 6, acceptance
// 3): an edit survives a reload; a link opens the state it holds, in a
// browser that never saw it; opening a link keeps a different draft one
// click away; damaged links give a banner and a usable page; the share
// dialog's link opens the same state; the site works from file://; an embed hides the header, posts its
// height to the host page, takes a Dockerfile from it and reports edits.
//
// Usage: trunk build && node tests/e2e/share.test.mjs   (PORT=8080 by default)

import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { EDITOR, editorText, launch, origin, ready, root, savedAs, serve, setEditorText, watch, report } from "./lib.mjs";

const server = await serve();
const browser = await launch();
const problems = [];

async function open(context, name, url) {
  const page = await context.newPage();
  watch(page, name, problems);
  await page.goto(url);
  await ready(page);
  return page;
}

const replaceText = setEditorText;

// The URL follows the edit after the debounce: waits until it holds the
// editor's text, and returns the fragment.
async function settledHash(page) {
  return savedAs(page, await value(page));
}

const value = editorText;

try {
  // Edit, reload: the state comes back, from the URL and from the draft.
  const mine = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await open(mine, "draft", `${origin}/`);
  const draft = "FROM alpine:3.20\nRUN echo 'my draft' # 中文 🐳\n";
  await replaceText(a, draft);
  assert.equal(await a.evaluate(() => location.hash), "", "the URL waits for the debounce");
  const draftHash = await settledHash(a);
  await a.reload();
  await ready(a);
  assert.equal(await value(a), draft, "reload with the link restores the text");
  await a.goto(`${origin}/`);
  await ready(a);
  assert.equal(await value(a), draft, "the autosaved draft comes back without a link");
  assert.equal(await a.locator(".banner").count(), 0);

  // A link opens its state in a browser that never saw it.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const b = await open(other, "link", `${origin}/#${draftHash}`);
  assert.equal(await value(b), draft);
  assert.equal(await b.locator(".banner").count(), 0);
  const shared = "FROM golang:1.23 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\n";
  await replaceText(b, shared);
  const sharedHash = await settledHash(b);

  // The share dialog's link holds the same state.
  await b.click("#share-button");
  const link = await b.inputValue("#share-link");
  assert.ok(link.startsWith(`${origin}/#1`), link);
  assert.match(await b.textContent("#share-length"), new RegExp(`^${link.length} `));
  assert.match(await b.inputValue("#share-embed"), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1#1/);
  await b.click("#copy-markdown");
  assert.equal(await b.textContent("#copy-markdown"), "Copied");
  await b.keyboard.press("Escape");
  assert.equal(await b.locator(".share-dialog").count(), 0);
  const c = await open(await browser.newContext(), "dialog-link", link);
  assert.equal(await value(c), shared);

  // Opening a link over a different draft: the link shows, the draft is
  // one click away.
  const a2 = await open(mine, "draft-kept", `${origin}/#${sharedHash}`);
  assert.equal(await value(a2), shared);
  await a2.waitForSelector(".banner-info #restore-draft");
  await a2.click("#restore-draft");
  assert.equal(await value(a2), draft);
  assert.equal(await a2.locator(".banner").count(), 0);

  // A link pasted into the address bar of an open tab (only the fragment
  // changes, no reload) opens too, and keeps what the tab showed.
  await a2.waitForFunction((h) => location.hash !== `#${h}`, sharedHash);
  await a2.evaluate((h) => (location.hash = h), sharedHash);
  await a2.waitForSelector(".banner-info #restore-draft");
  assert.equal(await value(a2), shared);
  await a2.click("#restore-draft");
  assert.equal(await value(a2), draft);

  // From disk: index.html forwards to the self-contained offline.html,
  // with the link.
  // Chromium's preload scanner may still request index.html's module and
  // wasm before the redirect (and log that file:// refuses them): those
  // requests are index.html's: the offline page inlines everything and
  // requests no dockerplay-app-* file.
  const disk = await other.newPage();
  disk.on("pageerror", (e) => problems.push(`file: page error: ${e.message}`));
  disk.on("console", (m) => {
    const fromIndex = /dockerplay-app-/.test(m.text() + m.location().url);
    if (m.type() === "error" && !fromIndex) problems.push(`file: console: ${m.text()} ${m.location().url}`);
  });
  await disk.goto(`${pathToFileURL(join(root, "dist", "index.html")).href}#${sharedHash}`);
  await ready(disk);
  assert.ok(disk.url().includes("/offline.html#1"), disk.url());
  assert.equal(await value(disk), shared);

  // Damaged links: a banner in the UI language and a page that works.
  const hostile = {
    "unknown version": "9eJzLSM3JyVcozy_KSQEAGgQEXQ",
    "bad base64": "1!!!!",
    "cut short": sharedHash.slice(0, Math.floor(sharedHash.length / 2)),
    "not deflate": "1AAAAAAAAAAA",
  };
  for (const [name, fragment] of Object.entries(hostile)) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await open(ctx, name, `${origin}/#${fragment}`);
    await p.waitForSelector(".banner-error", { timeout: 3000 });
    assert.ok((await value(p)).startsWith("FROM"), `${name}: the sample shows`);
    await replaceText(p, "FROM busybox\n");
    assert.equal(await p.$$eval(".cm-line", (ls) => ls.map((l) => l.textContent).join("\n")), "FROM busybox\n");
    await ctx.close();
  }
  const zh = await browser.newContext({ locale: "zh-CN" });
  const z = await open(zh, "hostile-zh", `${origin}/?lang=zh-CN#1!!!!`);
  assert.match(await z.textContent(".banner-error"), /无法打开此链接/);

  // Embed mode, in a host page that listens.
  const host = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const h = await host.newPage();
  watch(h, "host", problems);
  await h.setContent(`<!doctype html><body style="margin:0">
    <script>window.msgs = []; addEventListener("message", (e) => msgs.push(e.data));</script>
    <iframe id="ro" style="width:900px;height:200px;border:0"
      src="${origin}/?embed=1&readonly=1&panels=outline,cache&theme=dark#${sharedHash}"></iframe>
    <iframe id="rw" style="width:900px;height:200px;border:0" src="${origin}/?embed=1#${sharedHash}"></iframe>
  </body>`);
  await h.waitForFunction(() => msgs.filter((m) => m.type === "dockerplay:height" && m.height > 100).length >= 2);
  const ro = h.frameLocator("#ro");
  await ro.locator("html[data-ready]").waitFor({ state: "attached" });
  assert.equal(await ro.locator(".topbar").count(), 0, "no header chrome");
  assert.equal(await ro.locator(".embed-bar").count(), 1);
  assert.equal(await ro.locator(EDITOR).getAttribute("aria-readonly"), "true", "read-only");
  assert.deepEqual(await ro.locator(".tab").allTextContents(), ["Outline", "Cache"]);
  assert.equal(await ro.locator("html").getAttribute("data-theme"), "dark");
  const fullLink = await ro.locator("#open-full").getAttribute("href");
  assert.ok(fullLink.startsWith(`${origin}/#1`) && !fullLink.includes("embed"), fullLink);
  // Sized to what it reported, the iframe reports the same height: no loop.
  const reported = await h.evaluate(() => msgs.filter((m) => m.type === "dockerplay:height").at(-1).height);
  await h.evaluate((px) => document.querySelectorAll("iframe").forEach((f) => (f.style.height = px + "px")), reported);
  // A loop would post again on the frames' next resize observations:
  // let each frame draw three times.
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
  await ro.locator("html").evaluate(frames);
  await h.frameLocator("#rw").locator("html").evaluate(frames);
  const after = await h.evaluate(() => msgs.filter((m) => m.type === "dockerplay:height").at(-1).height);
  assert.equal(after, reported);

  // The host sets the Dockerfile and hears edits.
  await h.evaluate(() =>
    document.getElementById("rw").contentWindow.postMessage({ type: "dockerplay:set", dockerfile: "FROM nginx\n" }, "*"),
  );
  const rw = h.frameLocator("#rw");
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:change" && m.dockerfile === "FROM nginx\n"));
  assert.equal(await editorText(rw), "FROM nginx\n");
  await rw.locator(EDITOR).click();
  await h.keyboard.press("Control+End");
  await h.keyboard.type("EXPOSE 80\n");
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:change" && m.dockerfile === "FROM nginx\nEXPOSE 80\n"));

  // An embed leaves the full page's draft alone (opened top-level here: in
  // a frame of another site, the browser partitions or denies storage).
  const e = await open(mine, "embed-draft", `${origin}/?embed=1#${sharedHash}`);
  await replaceText(e, "FROM embedded-edit\n");
  // The embed writes its URL when it would save; the draft is left alone.
  await savedAs(e, "FROM embedded-edit\n");
  const full = await open(mine, "after-embed", `${origin}/`);
  assert.equal(await value(full), draft);
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log("share: ok");
