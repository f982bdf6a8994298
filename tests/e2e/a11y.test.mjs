// Accessibility: axe-core (npm) finds no serious or critical violation on
// the page, in both themes and both languages, with each panel open and
// with the editor's completion list showing; the editor's content is a
// text box named "Dockerfile" in both languages.
//
// Usage: trunk build && node tests/e2e/a11y.test.mjs   (PORT=8080 by default)

import assert from "node:assert/strict";
import { join } from "node:path";
import { EDITOR, launch, origin, ready, root, serve, settled, watch, report } from "./lib.mjs";

const AXE = join(root, "node_modules", "axe-core", "axe.min.js");
const PANELS = ["outline", "problems", "cache", "size", "graph", "findings"];

const server = await serve();
const browser = await launch();
const problems = [];

async function audit(page, where) {
  await page.addScriptTag({ path: AXE }).catch(() => {});
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  for (const f of found) problems.push(`${where}: ${f}`);
}

try {
  for (const lang of ["en", "zh-CN"]) {
    for (const theme of ["light", "dark"]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang === "en" ? "en-US" : "zh-CN" });
      await ctx.addInitScript((t) => localStorage.setItem("dockerplay.theme", t), theme);
      const page = await ctx.newPage();
      const where = `${lang} ${theme}`;
      watch(page, where, problems);
      await page.goto(`${origin}/?lang=${lang}`);
      await ready(page);
      assert.equal(await page.getAttribute("html", "data-theme"), theme);
      assert.equal(await page.getAttribute(EDITOR, "role"), "textbox");
      assert.equal(await page.getAttribute(EDITOR, "aria-multiline"), "true");
      assert.equal(await page.getAttribute(EDITOR, "aria-label"), "Dockerfile");
      for (const panel of PANELS) {
        await page.click(`#tab-${panel}`);
        await settled(page);
        await audit(page, `${where} ${panel}`);
      }
      // With the completion list open.
      await page.locator(".cm-editor").evaluate((e) => {
        const v = e.cmView;
        v.dispatch({ selection: { anchor: v.state.doc.length } });
        v.focus();
      });
      await page.keyboard.type("\nRU");
      await page.keyboard.press("Control+Space");
      await page.waitForSelector(".cm-tooltip-autocomplete");
      await audit(page, `${where} completion`);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log("a11y: ok");
