// Screenshots of the built site (dist/) at 360 px and 1920 px, light and
// dark, plus the sample gallery and the Chinese UI, written to
// tests/e2e/out/. Fails on any page error or console error.
//
// Usage: trunk build && node tests/e2e/screens.mjs   (PORT=8080 by default)

import { open, out, shoot, tour } from "./lib.mjs";

const shots = [
  { name: "360-light", width: 360, height: 740, scheme: "light", full: true },
  { name: "360-dark", width: 360, height: 740, scheme: "dark", full: true },
  { name: "1920-light", width: 1920, height: 1080, scheme: "light" },
  { name: "1920-dark", width: 1920, height: 1080, scheme: "dark" },
  { name: "1920-light-gallery", width: 1920, height: 1080, scheme: "light", gallery: true },
  { name: "360-dark-gallery", width: 360, height: 740, scheme: "dark", gallery: true },
  { name: "360-light-zh", width: 360, height: 740, scheme: "light", query: "?lang=zh-CN", full: true },
  { name: "1920-dark-problems", width: 1920, height: 1080, scheme: "dark", problems: true },
  { name: "1920-light-go-after", width: 1920, height: 1080, scheme: "light", sample: 3, caret: 9 },
  { name: "360-dark-java-after", width: 360, height: 740, scheme: "dark", sample: 4, full: true },
];

await tour(shots, async (page, s) => {
  await open(page, s.query);
  if (s.problems) {
    // Break one line so that a diagnostic shows inline and in the list.
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nFORM alpine\nRUN echo 'done'");
    await page.click("#tab-problems");
  }
  if (s.sample) {
    // Open a sample's "after" side from the gallery.
    await page.click(".actions .btn");
    await page.click(`.card:nth-child(${s.sample}) .btn.primary`);
    await page.waitForSelector(".dialog", { state: "detached" });
  }
  if (s.caret) {
    // Put the caret on a line, as a click would, so the outline follows.
    await page.locator(".cm-line").nth(s.caret - 1).click();
  }
  if (s.gallery) {
    await page.click(".actions .btn");
    await page.waitForSelector(".dialog");
  }
  await shoot(page, s.name, { fullPage: !!s.full });
});
console.log(`wrote ${shots.length} screenshots to ${out}`);
