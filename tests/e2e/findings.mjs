// Screenshots of the findings panel on the built site (dist/) at 360 px and
// 1920 px, light and dark, English and Chinese, with a rule's documentation
// open, written to tests/e2e/out/findings-*.png. Fails on any page error or
// console error, or if the panel lists no finding for the first sample.
//
// Usage: trunk build && node tests/e2e/findings.mjs   (PORT=8080 by default)

import { open, out, setEditorText, settled, shoot, tour } from "./lib.mjs";

const shots = [
  { name: "1920-light", width: 1920, height: 1080, scheme: "light", doc: true },
  { name: "1920-dark", width: 1920, height: 1080, scheme: "dark", doc: true },
  { name: "1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN", doc: true },
  { name: "360-light", width: 360, height: 740, scheme: "light", full: true, doc: true },
  { name: "360-dark", width: 360, height: 740, scheme: "dark", full: true },
  { name: "360-light-zh", width: 360, height: 740, scheme: "light", query: "?lang=zh-CN", full: true, doc: true },
  // A multi-stage sample ("after" side) shows the "all stages" switch.
  { name: "1920-light-go", width: 1920, height: 1080, scheme: "light", sample: 3 },
  // Findings in a stage the target does not build: muted and labelled.
  { name: "1920-light-unbuilt", width: 1920, height: 1080, scheme: "light", text: "unbuilt" },
  { name: "1920-dark-unbuilt", width: 1920, height: 1080, scheme: "dark", text: "unbuilt" },
  { name: "360-light-zh-unbuilt", width: 360, height: 740, scheme: "light", query: "?lang=zh-CN", full: true, text: "unbuilt" },
  // The editor's underlines up close.
  { name: "editor-light", width: 1200, height: 400, scheme: "light", zoom: true },
  { name: "editor-dark", width: 1200, height: 400, scheme: "dark", zoom: true },
];

const texts = {
  unbuilt: "FROM alpine:3.20 AS Tools\nRUN apt install curl\nCMD echo hi\n\nFROM alpine:3.20\nRUN apt install y\n",
};

await tour(
  shots,
  async (page, s, problems) => {
    await open(page, s.query);
    if (s.sample) {
      await page.click(".actions .btn");
      await page.click(`.card:nth-child(${s.sample}) .btn.primary`);
      await page.waitForSelector(".dialog", { state: "detached" });
    }
    if (s.text) {
      await setEditorText(page, texts[s.text]);
      await settled(page);
    }
    await page.click("#tab-findings");
    const items = await page.locator(".fd-item").count();
    if (s.text === "unbuilt" && (await page.locator(".fd-item.fd-unbuilt .fd-unbuilt-label").count()) === 0) {
      problems.push(`${s.name}: no finding is marked as in a stage not built`);
    }
    if (!s.sample && items === 0) problems.push(`${s.name}: no findings listed for the first sample`);
    if (s.doc && items > 0) await page.click(".fd-item .fd-rule");
    const name = `findings-${s.name}`;
    if (s.zoom) {
      await shoot(page, name, { clip: { x: 0, y: 60, width: 420, height: 160 } });
    } else {
      await shoot(page, name, { fullPage: !!s.full });
    }
  },
  { context: (s) => ({ deviceScaleFactor: s.zoom ? 2 : 1 }) },
);
console.log(`wrote ${shots.length} screenshots to ${out}`);
