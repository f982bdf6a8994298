// Screenshots of the built site (dist/) at 360 px and 1920 px, light and
// dark, plus the sample gallery and the Chinese UI, written to
// tests/e2e/out/. Fails on any page error or console error.
//
// Usage: trunk build && node tests/e2e/screens.mjs   (PORT=8080 by default)

import { createServer } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "dist");
const out = join(root, "tests", "e2e", "out");
const port = Number(process.env.PORT || 8080);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

// A static server for dist/, as any static host would serve it.
function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, path.endsWith("/") ? path + "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

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

const server = await serve();
await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const problems = [];
try {
  for (const s of shots) {
    const context = await browser.newContext({
      viewport: { width: s.width, height: s.height },
      colorScheme: s.scheme,
      locale: "en-US",
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`${s.name}: page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`${s.name}: console: ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/${s.query || ""}`);
    await page.waitForSelector(".hl-line");
    if (s.problems) {
      // Break one line so that a diagnostic shows inline and in the list.
      await page.click("textarea.input");
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
      await page.click("textarea.input", { position: { x: 60, y: 10 + 20 * (s.caret - 1) + 10 } });
    }
    if (s.gallery) {
      await page.click(".actions .btn");
      await page.waitForSelector(".dialog");
    }
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `${s.name}.png`), fullPage: !!s.full });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`wrote ${shots.length} screenshots to ${out}`);
