// Screenshots of the Cache panel at 360 px and 1920 px, light and dark, in
// English and Chinese: after one build and an edit of a copied context file,
// so the table and the gutter show hits and misses. Written to
// tests/e2e/out/cache-*.png. Fails on any page error or console error.
//
// Usage: trunk build && PORT=8197 node tests/e2e/cache.mjs   (any free port)

import { open, out, shoot, tour } from "./lib.mjs";

const shots = [
  { name: "cache-1920-light", width: 1920, height: 1080, scheme: "light" },
  { name: "cache-1920-dark", width: 1920, height: 1080, scheme: "dark" },
  { name: "cache-1920-light-whatif", width: 1920, height: 1080, scheme: "light", whatif: true },
  { name: "cache-1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN" },
  { name: "cache-360-light", width: 360, height: 740, scheme: "light", full: true },
  { name: "cache-360-dark-zh", width: 360, height: 740, scheme: "dark", query: "?lang=zh-CN", full: true },
];

await tour(shots, async (page, s) => {
  await open(page, s.query);
  // The "after" Node sample: manifests first, then the source.
  await page.click(".actions .btn");
  await page.click(`.card:nth-child(1) .btn.primary`);
  await page.waitForSelector(".dialog", { state: "detached" });
  await page.click("#tab-cache");
  await page.click(".cache-build");
  await page.click('.ctx-row[data-path="server.js"] .ctx-name');
  await page.fill(".ctx-content", 'console.log("edited");\n');
  if (s.whatif) {
    await page.click(".whatif-row:nth-child(2) .btn");
  }
  await shoot(page, s.name, { fullPage: !!s.full });
});
console.log(`wrote ${shots.length} screenshots to ${out}`);
