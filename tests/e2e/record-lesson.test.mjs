// "Record a lesson" end to end (issue 16): builds recorded in the page
// become steps with notes, are ordered and pruned, and the lesson's
// permalink and embed snippet play it back: the player shows each step's
// note, state and cache, the embed tells its host the step and takes one.
// A link with a damaged lesson shows a banner and keeps the user's work.
//
// Usage: trunk build --release && node tests/e2e/record-lesson.test.mjs
// (PORT=8080 by default)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { EDITOR, editorText, launch, open, origin, report, root, serve, setEditorText, settled, watch } from "./lib.mjs";

const B1 = "FROM alpine:3.20\nRUN echo one\n";
const B2 = "FROM alpine:3.20\nRUN echo one\nRUN echo two\n";
const NOW = "FROM alpine:3.20\nRUN echo one\nRUN echo three\n";

const dictionary = readFileSync(join(root, "core", "src", "permalink", "dictionary.txt"));

/// The JSON fields of a link's state (after the Dockerfile and a NUL).
function linkFields(fragment) {
  try {
    const payload = inflateRawSync(Buffer.from(fragment.replace(/^#/, "").slice(1), "base64url"), { dictionary });
    const nul = payload.indexOf(0);
    return nul === -1 ? {} : JSON.parse(payload.subarray(nul + 1).toString("utf8"));
  } catch {
    return {};
  }
}

/// Waits until the page's URL (written by the debounced autosave) holds
/// the lesson at `step` (0-based).
async function savedAtStep(page, step) {
  for (;;) {
    const hash = await page.evaluate(() => location.hash.slice(1));
    if ((linkFields(hash).lesson_step || 0) === step && linkFields(hash).lesson) return;
    await page.waitForFunction((h) => location.hash.slice(1) !== h, hash);
  }
}

const server = await serve();
const browser = await launch();
const problems = [];

async function atStep(page, n) {
  await page.waitForSelector(`aside.lesson[data-step="${n}"]`);
  await settled(page);
}

/// axe-core finds no serious or critical violation in the recorder (as
/// a11y.test.mjs does for the page).
async function audit(page, where) {
  await page.addScriptTag({ path: join(root, "node_modules", "axe-core", "axe.min.js") }).catch(() => {});
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(".record-dialog", { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  for (const f of found) problems.push(`${where}: ${f}`);
}

/// The steps' summaries, in the recorder's order.
const order = (page) => page.locator(".record-step .record-summary").allInnerTexts();

try {
  // The author: two recorded builds and the current state.
  const authoring = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const page = await authoring.newPage();
  watch(page, "author", problems);
  await open(page);
  await page.click("#tab-cache");
  for (const text of [B1, B2]) {
    await setEditorText(page, text);
    await settled(page);
    await page.click(".cache-build");
    await settled(page);
  }
  await setEditorText(page, NOW);
  await settled(page);
  await page.click("#record-lesson");
  await page.waitForSelector(".record-dialog");
  assert.equal(await page.locator(".record-build").count(), 3, "two builds and now");
  assert.equal(await page.locator("#record-link").count(), 0, "no link before a step");
  assert.deepEqual(await page.locator(".record-build .record-summary").allInnerTexts(), [
    "FROM alpine:3.20",
    "+ RUN echo two",
    "+ RUN echo three",
  ]);
  for (const n of [1, 2, 3, 1]) await page.click(`.record-build[data-build="${n}"] .record-add`);
  await page.fill("#record-title-input", "Echo lesson");
  await page.fill("#record-note-1", "**Start** with one step.");
  await page.fill("#record-note-2", "A second RUN.");
  await page.fill("#record-note-3", "Change the second RUN.");
  await page.fill("#record-note-4", "A step to delete.");
  await page.click('.record-step[data-step="4"] .record-remove');
  assert.equal(await page.locator(".record-step").count(), 3);
  // Now before build 2, and a move down and up again changes nothing.
  await page.click('.record-step[data-step="3"] .record-up');
  await page.click('.record-step[data-step="1"] .record-down');
  await page.click('.record-step[data-step="2"] .record-up');
  assert.deepEqual(await order(page), ["FROM alpine:3.20", "+ RUN echo three", "+ RUN echo two"]);
  assert.equal(await page.inputValue("#record-note-2"), "Change the second RUN.", "a note moves with its step");
  assert.equal(await page.isDisabled('.record-step[data-step="1"] .record-up'), true);
  assert.equal(await page.isDisabled('.record-step[data-step="3"] .record-down'), true);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    await audit(page, `recorder, ${scheme}`);
  }
  const link = await page.inputValue("#record-link");
  const snippet = await page.inputValue("#record-embed");
  assert.ok(link.startsWith(`${origin}/#1`), link);
  assert.equal(await page.getAttribute("#record-open", "href"), link);
  assert.match(await page.innerText("#record-length"), new RegExp(`^${link.length} `));
  const src = snippet.match(/src="([^"]+)"/)[1];
  assert.equal(src, `${origin}/?embed=1#${link.split("#")[1]}`);

  // The reader: the link plays the lesson in its order with its notes.
  const reading = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const r = await reading.newPage();
  watch(r, "reader", problems);
  await open(r, `#${link.split("#")[1]}`);
  await atStep(r, 1);
  assert.equal(await r.textContent("#lesson-count"), "Step 1 of 3");
  assert.equal(await r.textContent(".lesson-title"), "Echo lesson");
  assert.equal(await r.textContent("#lesson-text strong"), "Start");
  assert.equal(await editorText(r), B1);
  await r.click("#lesson-next");
  await atStep(r, 2);
  assert.equal(await editorText(r), NOW);
  assert.match(await r.innerText("#lesson-text"), /Change the second RUN\./);
  const player = r.locator("aside.lesson");
  assert.equal(await player.locator('.lesson-cache li[data-line="2"]').getAttribute("data-status"), "hit");
  assert.equal(await player.locator('.lesson-cache li[data-line="3"]').getAttribute("data-status"), "miss");
  await r.click("#lesson-next");
  await atStep(r, 3);
  assert.equal(await editorText(r), B2);
  assert.equal(await r.isDisabled("#lesson-next"), true);
  // The reader's place travels too: the URL now opens step 3.
  await savedAtStep(r, 2);
  await r.reload();
  await atStep(r, 3);
  // Edit, return to the step, close: the lesson leaves the link.
  await setEditorText(r, "FROM busybox\n");
  await settled(r);
  await r.click("#lesson-reset");
  await settled(r);
  assert.equal(await editorText(r), B2);
  await r.click("#lesson-close");
  await r.waitForSelector("aside.lesson", { state: "detached" });

  // In Chinese: the English notes show where there are no Chinese ones.
  const zh = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
  const z = await zh.newPage();
  watch(z, "zh", problems);
  await open(z, `?lang=zh-CN#${link.split("#")[1]}`);
  await atStep(z, 1);
  assert.equal(await z.textContent("#lesson-count"), "第 1 步 / 共 3 步");
  assert.match(await z.innerText("#lesson-text"), /Start with one step\./);

  // The embed: compact, tells the host its step, takes one from it.
  const host = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const h = await host.newPage();
  watch(h, "host", problems);
  await h.setContent(`<!doctype html><body style="margin:0">
    <script>window.msgs = []; addEventListener("message", (e) => msgs.push(e.data));</script>
    ${snippet.replace("<iframe ", '<iframe id="f" ')}
  </body>`);
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:step" && m.lesson === "" && m.step === 1 && m.steps === 3));
  const f = h.frameLocator("#f");
  assert.equal(await f.locator("aside.lesson.compact").count(), 1);
  await f.locator("#lesson-next").click();
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:step" && m.step === 2));
  assert.equal(await editorText(f), NOW);
  await h.evaluate(() => document.getElementById("f").contentWindow.postMessage({ type: "dockerplay:step", step: 3 }, "*"));
  await f.locator('aside.lesson[data-step="3"]').waitFor();
  assert.equal(await editorText(f), B2);
  assert.equal(await f.locator(EDITOR).count(), 1);

  // A damaged lesson (a step it does not have): a banner, and the
  // author's work stays.
  await page.keyboard.press("Escape");
  await page.waitForSelector(".record-dialog", { state: "detached" });
  const work = await editorText(page);
  await page.waitForFunction(() => localStorage.getItem("dockerplay.draft"));
  const json = JSON.stringify({ lesson: { steps: [{ state: { dockerfile: "FROM x\n" } }] }, lesson_step: 9 });
  const bad = "1" + deflateRawSync(Buffer.concat([Buffer.from([0]), Buffer.from(json)]), { dictionary }).toString("base64url");
  const p2 = await authoring.newPage();
  watch(p2, "bad link", problems);
  await open(p2, `#${bad}`);
  await p2.waitForSelector(".banner-error");
  assert.match(await p2.innerText(".banner-error"), /its lesson is damaged or larger than a lesson may be/);
  assert.equal(await editorText(p2), work);
  assert.equal(await p2.locator("aside.lesson").count(), 0);
  // The recording outlives the reload, notes and order included.
  await p2.click("#tab-cache");
  await p2.click("#record-lesson");
  await p2.waitForSelector(".record-dialog");
  assert.deepEqual(await order(p2), ["FROM alpine:3.20", "+ RUN echo three", "+ RUN echo two"]);
  assert.equal(await p2.inputValue("#record-note-1"), "**Start** with one step.");
  assert.equal(await p2.inputValue("#record-link"), link, "the same lesson, the same link");
} finally {
  await browser.close();
  server.close();
}
report(problems);
