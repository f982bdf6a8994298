// Screenshots of the lesson player (issue 16), light and dark, 360 px and
// desktop, English and Chinese, the gallery's lessons and the compact
// embed, written to tests/e2e/out/. Fails on any page error or console
// error.
//
// Usage: trunk build && node tests/e2e/lessons.mjs   (PORT=8080 by default)

import { open, out, shoot, tour } from "./lib.mjs";

const shots = [
  { name: "lesson-1920-light", width: 1920, height: 1080, scheme: "light", query: "?lesson=tiny-redis&step=4" },
  { name: "lesson-1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN&lesson=caching&step=5" },
  { name: "lesson-1280-light", width: 1280, height: 800, scheme: "light", query: "?lesson=layers&step=3" },
  { name: "lesson-360-light-zh", width: 360, height: 740, scheme: "light", query: "?lang=zh-CN&lesson=checklist&step=6", full: true },
  { name: "lesson-360-dark", width: 360, height: 740, scheme: "dark", query: "?lesson=layers&step=2", full: true },
  { name: "lesson-embed-light", width: 900, height: 700, scheme: "light", query: "?embed=1&lesson=caching&step=2", full: true },
  { name: "lesson-gallery-1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN", gallery: true },
];

await tour(shots, async (page, s) => {
  await open(page, s.query);
  if (s.gallery) {
    await page.click("#samples-button");
    await page.locator(".card[data-lesson]").first().scrollIntoViewIfNeeded();
  } else {
    await page.waitForSelector("aside.lesson");
  }
  await shoot(page, s.name, { fullPage: !!s.full });
});
console.log(`wrote ${shots.length} screenshots to ${out}`);
