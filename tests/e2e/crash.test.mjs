// A panic in the page never loses work (issue 17): after an edit whose
// render panics, the banner says the Dockerfile is saved (in the page's
// language), its copy button copies it, and both a reload and a fresh visit
// bring the text back. The trigger (`?panic=edit`) exists only in debug
// builds: the release build in dist/ is checked to ignore it. Browsers run
// wasm with panic=abort in every profile, so the debug build shows what a
// release build does after a panic.
//
// Usage: trunk build --dist target/dist-debug && trunk build --release &&
//        node tests/e2e/crash.test.mjs   (DEBUG_DIST, PORT=8080 by default)

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EDITOR, editorText, launch, linkDockerfile, open, out, ready, report, root, serve, settled } from "./lib.mjs";

const debugDist = process.env.DEBUG_DIST || join(root, "target", "dist-debug");
const releaseDist = join(root, "dist");
if (!existsSync(join(debugDist, "index.html"))) {
  console.error(`crash: no debug build in ${debugDist} (trunk build --dist ${debugDist})`);
  process.exit(1);
}

const problems = [];
// The panic itself is expected: its console message and the abort that
// follows it (wasm's `unreachable`). Anything else is a problem.
function watchExpectingPanic(page, name) {
  const seen = { panic: false };
  page.on("pageerror", (e) => {
    if (/unreachable/i.test(e.message)) seen.panic = true;
    else problems.push(`${name}: page error: ${e.message}`);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/dockerplay: panicked at .*test panic after an edit/s.test(m.text())) seen.panic = true;
    else problems.push(`${name}: console: ${m.text()}`);
  });
  return seen;
}

const value = editorText;

async function typeOver(page, text) {
  await page.click(EDITOR);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

const browser = await launch();
let server = await serve(debugDist);
try {
  const draft = "FROM alpine:3.20\nRUN echo 'saved despite the panic' # 中文 🐳\n";
  const shots = [
    { name: "crash-1280-light", width: 1280, height: 800, scheme: "light", lang: "en" },
    { name: "crash-360-dark-zh", width: 360, height: 740, scheme: "dark", lang: "zh-CN" },
    { name: "crash-1280-dark-zh", width: 1280, height: 800, scheme: "dark", lang: "zh-CN" },
    { name: "crash-360-light", width: 360, height: 740, scheme: "light", lang: "en" },
  ];
  for (const s of shots) {
    const ctx = await browser.newContext({
      viewport: { width: s.width, height: s.height },
      colorScheme: s.scheme,
      locale: s.lang === "en" ? "en-US" : "zh-CN",
    });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await ctx.newPage();
    const seen = watchExpectingPanic(page, s.name);
    await open(page, `?panic=edit&lang=${s.lang}`);
    await typeOver(page, draft);
    await page.waitForSelector("#crash-banner");
    assert.ok(seen.panic, `${s.name}: the panic was reported`);
    const headline = await page.textContent("#crash-banner strong");
    assert.equal(headline, s.lang === "en" ? "Something went wrong; your Dockerfile is saved." : "出错了；你的 Dockerfile 已保存。");
    assert.equal(await page.inputValue("#crash-text"), draft, "the banner holds the text");
    // Saved before the banner showed: the draft and the URL hold the edit.
    const stored = await page.evaluate(() => localStorage.getItem("dockerplay.draft"));
    assert.equal(linkDockerfile(stored), draft, "the draft holds the edit");
    assert.equal(linkDockerfile(await page.evaluate(() => location.hash)), draft, "the URL holds the edit");
    await settled(page);
    await page.screenshot({ path: join(out, `${s.name}.png`) });

    // Copy works with Rust dead: the handler is plain JavaScript.
    await page.click("#crash-copy");
    await page.waitForFunction(() => {
      const button = document.getElementById("crash-copy");
      return button.textContent === button.dataset.done;
    });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), draft);
    assert.equal(await page.textContent("#crash-copy"), s.lang === "en" ? "Copied" : "已复制");

    // Reload (the URL holds the state) and a fresh visit (the draft).
    await Promise.all([page.waitForEvent("load"), page.click("#crash-reload")]);
    await ready(page);
    assert.equal(await value(page), draft, "a reload brings the text back");
    assert.equal(await page.locator("#crash-banner").count(), 0);
    await page.goto(page.url().replace(/\?.*$/, ""));
    await ready(page);
    assert.equal(await value(page), draft, "a fresh visit brings the draft back");
    assert.equal(await page.locator(".banner").count(), 0, "no notice: the draft is the state");
    await ctx.close();
  }
  server.close();

  // The release build has no trigger.
  if (!existsSync(join(releaseDist, "index.html"))) {
    problems.push(`no release build in ${releaseDist}: the trigger's absence was not checked (trunk build --release)`);
  } else {
    server = await serve(releaseDist);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => problems.push(`release: page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`release: console: ${m.text()}`));
    await open(page, "?panic=edit");
    await typeOver(page, draft);
    // The renders after the edit completed: the panels have caught up with it.
    await settled(page);
    assert.equal(await value(page), draft);
    assert.equal(await page.locator("#crash-banner").count(), 0, "a release build ignores ?panic=edit");
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log("crash: ok");
