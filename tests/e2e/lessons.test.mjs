// The built-in lessons end to end (issue 16): every step of every lesson
// loads from `?lesson=` and "next", and the player shows what the step's
// text claims: the cache hits and misses it names, the size going down or
// up, the findings that appear or go. Also: "back", editing and returning
// to the step, the Chinese texts, and the compact embed that reports its
// step to the host and takes one from it.
//
// Usage: trunk build && node tests/e2e/lessons.test.mjs   (PORT=8080 by
// default; DIST=target/dist-debug to test another build)

import assert from "node:assert/strict";
import { join } from "node:path";
import { EDITOR, editorText, launch, origin, ready, report, root, serve, setEditorText, settled, watch } from "./lib.mjs";

// What each step's text claims, step by step (1-based lines): the same
// claims core's `lesson::builtin` tests check natively, here as the page
// shows them.
const LESSONS = {
  checklist: [
    { miss: [6], appear: ["DP201", "DP204"] },
    { miss: [2, 6] },
    { gone: ["DP201"] },
    { hit: [6], miss: [7] },
    { hit: [6], gone: ["DP204"] },
    { size: "down", gone: ["DP203"] },
    { gone: ["DP212"] },
    { size: "down", gone: ["DP208", "DP209"] },
  ],
  layers: [
    { miss: [2] },
    { size: "same", hit: [2], miss: [3] },
    { size: "up", hit: [2] },
    { size: "down", miss: [2] },
    { hit: [2], miss: [5] },
  ],
  "tiny-redis": [
    {},
    { size: "down" },
    { size: "up", appear: ["DP208"] },
    { size: "down", gone: ["DP208"], appear: ["DP213", "DP214"] },
    { size: "down", gone: ["DP214"] },
    { size: "down", gone: ["DP213"] },
  ],
  caching: [
    { miss: [3, 4] },
    { hit: [3, 4] },
    { miss: [3, 4] },
    { miss: [4] },
    { hit: [3, 4], miss: [5] },
    { miss: [3, 4] },
    { miss: [5] },
    { miss: [5] },
    { hit: [4] },
  ],
};

const server = await serve(process.env.DIST ? join(root, process.env.DIST) : undefined);
const browser = await launch();
const problems = [];

async function atStep(page, n) {
  await page.waitForSelector(`aside.lesson[data-step="${n}"]`);
  await settled(page);
}

/// Checks one step's claims in the player.
async function checkStep(page, id, n, claim) {
  const at = `${id} step ${n}`;
  const player = page.locator("aside.lesson");
  for (const line of claim.hit || []) {
    assert.equal(await player.locator(`.lesson-cache li[data-line="${line}"]`).getAttribute("data-status"), "hit", `${at}: line ${line} hits`);
  }
  for (const line of claim.miss || []) {
    assert.equal(await player.locator(`.lesson-cache li[data-line="${line}"]`).getAttribute("data-status"), "miss", `${at}: line ${line} misses`);
  }
  if (claim.size) {
    assert.equal(await player.locator(".lesson-size").getAttribute("data-trend"), claim.size, `${at}: size ${claim.size}`);
  }
  for (const code of claim.appear || []) {
    assert.equal(await player.locator(`.lesson-findings.new li[data-code="${code}"]`).count() > 0, true, `${at}: ${code} appears`);
    // The findings panel agrees with the player.
  }
  for (const code of claim.gone || []) {
    assert.equal(await player.locator(`.lesson-findings.gone li[data-code="${code}"]`).count() > 0, true, `${at}: ${code} goes`);
  }
  assert.ok((await player.locator("#lesson-text").innerText()).trim().length > 20, `${at}: has its text`);
}

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  for (const [id, steps] of Object.entries(LESSONS)) {
    const page = await context.newPage();
    watch(page, id, problems);
    await page.goto(`${origin}/?lesson=${id}`);
    await ready(page);
    await atStep(page, 1);
    assert.equal(await page.textContent("#lesson-count"), `Step 1 of ${steps.length}`);
    assert.equal(await page.isDisabled("#lesson-back"), true);
    let previous = null;
    for (let i = 0; i < steps.length; i++) {
      if (i > 0) {
        await page.click("#lesson-next");
        await atStep(page, i + 1);
      }
      await checkStep(page, id, i + 1, steps[i]);
      // The editor holds the step's Dockerfile: it changed where the
      // player shows a diff, and stayed where it says "unchanged".
      const text = await editorText(page);
      const unchanged = await page.locator(".lesson-diff-none").count();
      if (previous !== null) assert.equal(unchanged === 1, text === previous, `${id} step ${i + 1}: diff vs editor`);
      previous = text;
    }
    assert.equal(await page.isDisabled("#lesson-next"), true, `${id}: last step`);
    await page.close();
  }

  // Back, edit freely, return to the step.
  const page = await context.newPage();
  watch(page, "edit", problems);
  await page.goto(`${origin}/?lesson=layers&step=3`);
  await ready(page);
  await atStep(page, 3);
  const step3 = await editorText(page);
  assert.match(step3, /chmod 600/);
  await page.click("#lesson-back");
  await atStep(page, 2);
  assert.match(await editorText(page), /RUN rm \/tmp\/archive.tar/);
  assert.equal(await page.locator("#lesson-reset").count(), 0, "an untouched step offers no reset");
  await setEditorText(page, "FROM alpine:3.20\n");
  await settled(page);
  await page.waitForSelector("#lesson-reset");
  await page.click("#lesson-reset");
  await settled(page);
  assert.match(await editorText(page), /RUN rm \/tmp\/archive.tar/, "back to the step's Dockerfile");
  assert.equal(await page.locator("#lesson-reset").count(), 0);
  // Closing the lesson keeps the inputs.
  await page.click("#lesson-close");
  await page.waitForSelector("aside.lesson", { state: "detached" });
  assert.match(await editorText(page), /RUN rm \/tmp\/archive.tar/);
  // The gallery starts a lesson.
  await page.click("#samples-button");
  await page.click('.card[data-lesson="caching"] .btn.primary');
  await atStep(page, 1);
  assert.equal(await page.getAttribute("aside.lesson", "data-lesson"), "caching");

  // In Chinese: the lesson's own Chinese text and the player's labels.
  const zh = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
  const z = await zh.newPage();
  watch(z, "zh", problems);
  await z.goto(`${origin}/?lang=zh-CN&lesson=tiny-redis&step=6`);
  await ready(z);
  await atStep(z, 6);
  assert.equal(await z.textContent("#lesson-count"), "第 6 步 / 共 6 步");
  assert.match(await z.innerText("#lesson-text"), /1\.69 MB.*Redis 镜像/);
  assert.match(await z.innerText(".lesson-findings.gone"), /符号表/);

  // Embedded: a compact player that tells the host its step and takes one.
  const host = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const h = await host.newPage();
  watch(h, "host", problems);
  await h.setContent(`<!doctype html><body style="margin:0">
    <script>window.msgs = []; addEventListener("message", (e) => msgs.push(e.data));</script>
    <iframe id="f" style="width:900px;height:600px;border:0" src="${origin}/?embed=1&lesson=caching"></iframe>
  </body>`);
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:step" && m.lesson === "caching" && m.step === 1 && m.steps === 9));
  const f = h.frameLocator("#f");
  assert.equal(await f.locator("aside.lesson.compact").count(), 1);
  assert.equal(await f.locator(".lesson-changes").count(), 0, "compact: no change details");
  await f.locator("#lesson-next").click();
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:step" && m.step === 2));
  await h.evaluate(() => document.getElementById("f").contentWindow.postMessage({ type: "dockerplay:step", step: 4 }, "*"));
  await h.waitForFunction(() => msgs.some((m) => m.type === "dockerplay:step" && m.step === 4));
  await f.locator('aside.lesson[data-step="4"]').waitFor();
  assert.match(await editorText(f), /COPY package.json package-lock.json \.\//);
  assert.equal(await f.locator(EDITOR).count(), 1);
} finally {
  await browser.close();
  server.close();
}
report(problems);
