// Screenshots of the Size panel at 360 px and 1920 px, light and dark, in
// English and Chinese, with a Dockerfile that has every part of the panel
// (a build stage, an unknown command, an uncatalogued tag), then with another
// base chosen. Written to tests/e2e/out/size-*.png. Fails on any page or
// console error, or when choosing a base leaves the total unchanged.
//
// Usage: trunk build && node tests/e2e/size.mjs   (PORT=8080 by default)

import { open, out, setEditorText, shoot, tour } from "./lib.mjs";

const dockerfile = `FROM node:20-slim AS build
WORKDIR /src
COPY package.json ./
RUN npm install
COPY . .
RUN ./scripts/build.sh

FROM python:3.12
RUN apt-get update && apt-get install -y curl
COPY --from=build /src/dist /app
RUN rm -rf /var/lib/apt/lists/*
CMD ["python", "-m", "http.server"]
`;

const shots = [
  { name: "size-360-light", width: 360, height: 740, scheme: "light", full: true },
  { name: "size-360-dark", width: 360, height: 740, scheme: "dark", full: true },
  { name: "size-1920-light", width: 1920, height: 1080, scheme: "light" },
  { name: "size-1920-dark", width: 1920, height: 1080, scheme: "dark" },
  { name: "size-360-light-zh", width: 360, height: 740, scheme: "light", query: "?lang=zh-CN", full: true },
  { name: "size-1920-dark-slim", width: 1920, height: 1080, scheme: "dark", choose: "docker.io/library/python:3.12-slim" },
  // The first sample, as a visitor first sees the panel.
  { name: "size-1920-light-sample", width: 1920, height: 1080, scheme: "light", sample: true },
];

await tour(shots, async (page, s, problems) => {
  await open(page, s.query);
  if (!s.sample) await setEditorText(page, dockerfile);
  await page.click("#tab-size");
  await page.waitForSelector(".size-panel");
  if (s.choose) {
    const before = await page.textContent("[data-testid=size-total] .size-big");
    await page.check(`input[name=size-base][value="${s.choose}"]`);
    const changed = await page
      .waitForFunction((b) => document.querySelector("[data-testid=size-total] .size-big")?.textContent !== b, before, { timeout: 5000 })
      .then(() => true, () => false);
    if (!changed) problems.push(`${s.name}: choosing ${s.choose} left the total at ${before}`);
  }
  await shoot(page, s.name, { fullPage: !!s.full });
});
console.log(`wrote ${shots.length} screenshots to ${out}`);
