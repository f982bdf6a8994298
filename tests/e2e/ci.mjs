// Screenshots of the Cache panel's CI view (issue 18) at 360 px and 1920 px,
// light and dark, in English and Chinese: after one build and an edit of a
// copied context file, with the registry min preset picked, so the builds
// in CI differ from the max default. Written to tests/e2e/out/ci-*.png.
// Then, as ci-*-traps.png, the same view after typing a Dockerfile whose
// builder stages and cache mount make CI cache traps under mode=min.
// Fails on any page error or console error.
//
// Usage: trunk build && PORT=8197 node tests/e2e/ci.mjs   (any free port)

import { open, out, setEditorText, settled, tour } from "./lib.mjs";

const TRAPS = `FROM node:20 AS deps
WORKDIR /app
COPY package.json ./
RUN --mount=type=cache,target=/root/.npm npm install
FROM deps AS build
COPY server.js ./
RUN npm run build
FROM node:20-slim
COPY --from=build /app /app
`;

const shots = [
  { name: "ci-1920-light", width: 1920, height: 1080, scheme: "light" },
  { name: "ci-1920-dark-zh", width: 1920, height: 1080, scheme: "dark", query: "?lang=zh-CN" },
  { name: "ci-360-light", width: 360, height: 740, scheme: "light" },
  { name: "ci-360-dark-zh", width: 360, height: 740, scheme: "dark", query: "?lang=zh-CN" },
];

await tour(shots, async (page, s) => {
  await open(page, s.query);
  await page.click("#tab-cache");
  await page.click(".cache-build");
  await page.click('.ctx-row[data-path="server.js"] .ctx-name');
  await page.fill(".ctx-content", 'console.log("edited");\n');
  await page.click(".ci-toggle");
  await page.selectOption(".ci-preset", "2");
  await page.locator(".ci-view").scrollIntoViewIfNeeded();
  await page.locator(".ci-view").screenshot({ path: `${out}/${s.name}.png` });
  await setEditorText(page, TRAPS);
  await page.waitForSelector('.ci-finding[data-code="DP501"]');
  await settled(page);
  // The view is now taller than a desktop window: the window, with the
  // traps in it, shows them in their place.
  await page.locator(".ci-findings").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${s.name}-traps.png` });
});
console.log(`wrote ${2 * shots.length} screenshots to ${out}`);
