// Screenshots of sharing at 360 px and 1920 px, light and dark: the share
// dialog (English and Chinese), the damaged-link and kept-draft banners,
// and embeds in a host page. Written to tests/e2e/out/share-*.png. Fails on
// any page error or console error.
//
// Usage: trunk build && node tests/e2e/share-screens.mjs   (PORT=8080 by default)

import { editorText, open, origin, out, savedAs, shoot, tour } from "./lib.mjs";

const shots = [
  { name: "dialog-1920-light", width: 1920, height: 1080, scheme: "light", dialog: true },
  { name: "dialog-360-dark", width: 360, height: 740, scheme: "dark", dialog: true },
  { name: "dialog-360-light-zh", width: 360, height: 740, scheme: "light", query: "?lang=zh-CN", dialog: true },
  { name: "dialog-1920-dark-long", width: 1920, height: 1080, scheme: "dark", dialog: true, long: true },
  { name: "bad-link-360-light", width: 360, height: 740, scheme: "light", hash: "#1!!!!" },
  { name: "bad-link-1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN", hash: "#9abc" },
  { name: "draft-kept-1920-light", width: 1920, height: 1080, scheme: "light", draftKept: true },
  { name: "draft-kept-360-dark-zh", width: 360, height: 740, scheme: "dark", query: "?lang=zh-CN", draftKept: true },
  { name: "embed-1920-light", width: 1920, height: 1080, scheme: "light", embed: "embed=1&panels=outline,cache,size" },
  { name: "embed-360-dark", width: 360, height: 740, scheme: "dark", embed: "embed=1&readonly=1&theme=dark&lang=zh-CN" },
];

await tour(shots, async (page, s) => {
  if (s.embed) {
    // A fresh page with nothing typed: the sample, and no fragment.
    await open(page);
    const hash = await page.evaluate(() => location.hash || "");
    await page.setContent(`<!doctype html><link rel="icon" href="data:,"><body style="margin:0;padding:16px;font:16px sans-serif;background:${s.scheme === "dark" ? "#222" : "#fafafa"}">
      <p>A tutorial paragraph above the embed.</p>
      <iframe id="f" style="width:100%;height:300px;border:1px solid #888" src="${origin}/?${s.embed}${hash}"></iframe>
      <p>And one below.</p>
      <script>addEventListener("message", (e) => { if (e.data && e.data.type === "dockerplay:height") document.getElementById("f").style.height = e.data.height + "px"; });</script>
    </body>`);
    await page.frameLocator("#f").locator("html[data-ready]").waitFor({ state: "attached" });
    await shoot(page, `share-${s.name}`, { fullPage: true });
    return;
  }
  if (s.draftKept) {
    // A draft, then a link to something else.
    await open(page, s.query);
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n# my draft");
    const hash = "#" + (await savedAs(page, await editorText(page)));
    await page.click(".cm-content");
    await page.keyboard.type("\n# and more");
    await savedAs(page, await editorText(page));
    await open(page, `${s.query || ""}${hash}`);
  } else {
    await open(page, `${s.query || ""}${s.hash || ""}`);
  }
  if (s.long) {
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    let x = 12345;
    const noise = Array.from({ length: 2600 }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(48 + (x % 75));
    }).join("");
    await page.keyboard.insertText(`\nRUN echo '${noise}'`);
  }
  if (s.dialog) {
    await page.click("#share-button");
    await page.waitForSelector(".share-dialog");
  }
  await shoot(page, `share-${s.name}`, { fullPage: s.width < 400 });
});
console.log(`wrote ${shots.length} screenshots to ${out}`);
