// Screenshots of the graph panel with the sample gallery's multi-stage
// examples (Go, Java/Maven, front-end + nginx) at 360 px and 1920 px, light
// and dark, plus steps shown, the Chinese UI, and both exports (the SVG and
// PNG downloads must arrive and look like what they claim to be). Fails on
// any page error or console error.
//
// Usage: trunk build && node tests/e2e/graph.mjs   (PORT=8080 by default)

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { open, out, setEditorText, settled, shoot, tour, watch } from "./lib.mjs";

const samples = { go: 3, java: 4, frontend: 5 };

const shots = [];
for (const [name, card] of Object.entries(samples)) {
  for (const scheme of ["light", "dark"]) {
    shots.push({ name: `graph-${name}-1920-${scheme}`, width: 1920, height: 1080, scheme, card });
    shots.push({ name: `graph-${name}-360-${scheme}`, width: 360, height: 740, scheme, card, narrow: true });
  }
}
shots.push({ name: "graph-java-1920-dark-steps", width: 1920, height: 1080, scheme: "dark", card: 4, steps: true });
shots.push({ name: "graph-go-360-light-steps", width: 360, height: 740, scheme: "light", card: 3, steps: true, narrow: true });
shots.push({ name: "graph-frontend-360-light-zh", width: 360, height: 740, scheme: "light", card: 5, narrow: true, query: "?lang=zh-CN" });
// A bigger build: a skipped stage, a cache mount from a stage, a COPY from
// an external image, and a target in the middle.
const BIG = `FROM node:20-alpine AS deps
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM deps AS test
RUN --mount=type=cache,from=build,source=/cache,target=/cache npm test

FROM golang:1.22 AS tools
RUN go install example.com/tool@latest

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
COPY --from=tools /go/bin/tool /usr/local/bin/tool
COPY --from=busybox:1.36 /bin/busybox /bin/busybox
`;
shots.push({ name: "graph-big-1920-dark", width: 1920, height: 1080, scheme: "dark", text: BIG });
shots.push({ name: "graph-big-360-light-steps", width: 360, height: 740, scheme: "light", text: BIG, narrow: true, steps: true });
shots.push({ name: "graph-go-1920-light-hover-target", width: 1920, height: 1080, scheme: "light", card: 3, hover: true });

await tour(
  shots,
  async (page, s) => {
    await open(page, s.query);
    if (s.text) {
      await setEditorText(page, s.text);
    } else {
      await page.click(".actions .btn");
      await page.click(`.card:nth-child(${s.card}) .btn.primary`);
      await page.waitForSelector(".dialog", { state: "detached" });
    }
    await page.click("#tab-graph");
    await page.waitForSelector(".dp-graph");
    if (s.steps) await page.check(".graph-steps input");
    if (s.hover) {
      // Choose the first stage and build only up to it, then point at it.
      await page.click(".dp-stage[data-index='0'] > rect");
      await page.click(".graph-set-target");
      await page.hover(".dp-stage[data-index='0'] > rect");
    }
    if (s.narrow) {
      await settled(page);
      await page.locator(".panels").screenshot({ path: join(out, `${s.name}.png`) });
    } else {
      await shoot(page, s.name);
    }
  },
  {
    context: () => ({ acceptDownloads: true }),
    // The exports: an SVG file and a PNG file.
    after: async (browser, problems) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = await context.newPage();
      watch(page, "export", problems);
      await open(page);
      await page.click(".actions .btn");
      await page.click(`.card:nth-child(4) .btn.primary`);
      await page.click("#tab-graph");
      for (const [button, file, check] of [
        [".graph-svg", "graph-export.svg", (b) => b.toString("utf8").includes("<svg") && b.toString("utf8").includes("dp-bg")],
        [".graph-png", "graph-export.png", (b) => b.subarray(1, 4).toString("latin1") === "PNG" && b.length > 5000],
      ]) {
        const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), page.click(button)]);
        const path = join(out, file);
        await download.saveAs(path);
        if (!check(await readFile(path))) problems.push(`export: ${file} is not what it claims to be`);
      }
      await context.close();
    },
  },
);
console.log(`wrote ${shots.length} screenshots and 2 exports to ${out}`);
