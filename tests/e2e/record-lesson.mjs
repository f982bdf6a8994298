// Screenshots of "Record a lesson" (issue 16): the recorder with two
// recorded builds made steps, light and dark, 360 px and desktop, English
// and Chinese, and a recorded lesson played from its link. Written to
// tests/e2e/out/record-*.png. Fails on any page error or console error.
//
// Usage: trunk build --release && node tests/e2e/record-lesson.mjs   (PORT=8080 by default)

import { open, out, setEditorText, settled, shoot, tour } from "./lib.mjs";

const shots = [
  { name: "record-1920-light", width: 1920, height: 1080, scheme: "light", query: "" },
  { name: "record-1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN" },
  // A dialog scrolls inside its backdrop: at 360 px, its top and its links.
  { name: "record-360-light", width: 360, height: 740, scheme: "light", query: "" },
  { name: "record-360-light-links", width: 360, height: 740, scheme: "light", query: "", links: true },
  { name: "record-360-dark-zh", width: 360, height: 740, scheme: "dark", query: "?lang=zh-CN" },
  { name: "record-360-dark-zh-links", width: 360, height: 740, scheme: "dark", query: "?lang=zh-CN", links: true },
  { name: "record-played-360-dark", width: 360, height: 740, scheme: "dark", query: "", play: true, full: true },
  { name: "record-played-1920-light", width: 1920, height: 1080, scheme: "light", query: "", play: true },
];

const NOTES = {
  "": ["**Start** from the naive Dockerfile.", "Copy `package.json` first: editing the code no longer reinstalls."],
  "?lang=zh-CN": ["从最简单的 Dockerfile **开始**。", "先复制 `package.json`：改代码不再重新安装依赖。"],
};

await tour(shots, async (page, s) => {
  await open(page, s.query);
  await page.click("#tab-cache");
  const texts = [
    "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n",
    "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
  ];
  for (const text of texts) {
    await setEditorText(page, text);
    await settled(page);
    await page.click(".cache-build");
    await settled(page);
  }
  await page.click("#record-lesson");
  await page.waitForSelector(".record-dialog");
  await page.fill("#record-title-input", s.query ? "为缓存排序" : "Order for the cache");
  for (const n of [1, 2]) {
    await page.click(`.record-build[data-build="${n}"] .record-add`);
    await page.fill(`#record-note-${n}`, NOTES[s.query][n - 1]);
  }
  // The dialog's top, or its end with the link and the embed.
  await page.locator(".backdrop").evaluate((b, end) => b.scrollTo(0, end ? b.scrollHeight : 0), !!s.links);
  if (s.play) {
    // A fresh visit of the link, with no draft to offer back.
    const link = await page.inputValue("#record-link");
    await page.goto("about:blank");
    await page.goto(link);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('aside.lesson[data-step="1"]');
    await page.click("#lesson-next");
    await page.waitForSelector('aside.lesson[data-step="2"]');
  }
  await shoot(page, s.name, { fullPage: !!s.full });
});
console.log(`wrote ${shots.length} screenshots to ${out}`);
