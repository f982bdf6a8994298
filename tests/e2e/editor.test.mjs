// The editor under real key presses: fast typing loses nothing, Enter
// indents continuation lines, committed IME text (CJK, emoji) goes through,
// the highlighted overlay always shows exactly the textarea's text, and in a
// long file the overlay, the gutter and the textarea stay aligned when
// scrolled to the end, and the wheel over the gutter scrolls the text.
//
// Usage: trunk build && node tests/e2e/editor.test.mjs   (PORT=8080 by default)

import assert from "node:assert/strict";
import { launch, open, serve, watch, report } from "./lib.mjs";

const server = await serve();
const browser = await launch();
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  watch(page, "editor", problems);
  // Ready, not merely drawn: until the first render's effects have run,
  // the editor may still write the sample over what is typed.
  await open(page);
  const textarea = page.locator("textarea.input");
  const overlayText = () => page.$$eval(".hl-line", (ls) => ls.map((l) => l.textContent).join("\n"));

  await textarea.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // No delay between keys: every keystroke must land.
  await page.keyboard.type("FROM alpine:3.20 AS base\nRUN apk add --no-cache curl && \\\nrm -rf /tmp/*\nCOPY . /app\n");
  // What an input method commits.
  await page.keyboard.insertText("# 中文注释 🐳\n");
  await page.keyboard.type('CMD ["sh"]');
  const expected =
    'FROM alpine:3.20 AS base\nRUN apk add --no-cache curl && \\\n    rm -rf /tmp/*\nCOPY . /app\n# 中文注释 🐳\nCMD ["sh"]';
  assert.equal(await textarea.inputValue(), expected);
  assert.equal(await overlayText(), expected);
  assert.match(await page.textContent(".statusbar .pos"), /6\D+11/);

  // The outline follows the caret: back on line 3, the RUN is current.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.match(await page.textContent(".ins.active"), /^RUN/);

  // Undo takes back the last edit and the overlay follows.
  await page.keyboard.press("Control+End");
  await page.keyboard.type("X");
  await page.keyboard.press("Control+Z");
  assert.equal(await textarea.inputValue(), expected);
  assert.equal(await overlayText().then((t) => t.endsWith('CMD ["sh"]')), true);

  // A long file: jump to the end; the last line is drawn, level with its
  // number in the gutter.
  await page.keyboard.press("Control+A");
  const long = Array.from({ length: 3000 }, (_, i) => `RUN echo line-${i + 1}`).join("\n");
  await page.keyboard.insertText(long);
  await page.keyboard.press("Control+End");
  // The scroll is followed by a render: wait for the last line and its
  // number to be drawn level (or report where they are after 5 s).
  const level = () => {
    const line = document.querySelector('.hl-line[data-line="3000"]');
    const number = document.querySelector(".gl.current");
    return !!line && !!number && Math.abs(line.getBoundingClientRect().y - number.getBoundingClientRect().y) < 1;
  };
  await page.waitForFunction(level, null, { timeout: 5000 }).catch(() => {});
  const last = await page.locator('.hl-line[data-line="3000"]').boundingBox();
  const number = await page.locator(".gl.current").boundingBox();
  assert.ok(last && number, "the last line and its number are drawn");
  assert.ok(Math.abs(last.y - number.y) < 1, `line at ${last.y}, number at ${number.y}`);
  assert.equal(await page.textContent('.hl-line[data-line="3000"]'), "RUN echo line-3000");
  assert.ok((await page.$$(".hl-line")).length < 400, "only the visible lines are drawn");

  // The wheel over the line numbers scrolls the text too.
  const top = () => textarea.evaluate((t) => t.scrollTop);
  const before = await top();
  const gutter = await page.locator(".gutter").boundingBox();
  await page.mouse.move(gutter.x + gutter.width / 2, gutter.y + gutter.height / 2);
  await page.mouse.wheel(0, -400);
  await page
    .waitForFunction((b) => b - document.querySelector("textarea.input").scrollTop >= 300, before, { timeout: 5000 })
    .catch(() => {});
  assert.ok(before - (await top()) >= 300, `scrolled from ${before} to ${await top()}`);
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log("editor: ok");
