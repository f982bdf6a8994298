// Editor first (issue 17): the editor takes keys before the app's wasm has
// arrived, and the app ends with exactly what was typed. The wasm's response
// is held back until the typing is done, so the keys certainly land in the
// editor the page made before the app (editor/boot.js), whatever the
// machine's speed; then the app starts and adopts that editor.

import { serve, launch, origin, watch, report, ready, settled, editorText, savedAs, linkDockerfile } from "./lib.mjs";

const server = await serve();
const browser = await launch();
const problems = [];

function check(what, got, want) {
  if (got !== want) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

/// Opens `path` with the wasm held back, types `keys` at the top of the
/// editor, then lets the wasm through. Returns the page and the text the
/// editor showed before typing.
async function typeEarly(ctx, name, path, keys) {
  const page = await ctx.newPage();
  watch(page, name, problems);
  let release;
  const held = new Promise((r) => (release = r));
  let asked = false;
  await page.route(/_bg\.wasm$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(`${origin}/${path}`);
  await page.waitForSelector('html[data-editor="boot"] .cm-content[contenteditable=true]');
  const shown = await editorText(page);
  await page.locator(".cm-content").press("Control+Home");
  await page.keyboard.type(keys);
  // The keys are in the editor while the app is still missing.
  await page.waitForFunction((k) => document.querySelector(".cm-editor").cmView.state.doc.toString().startsWith(k), keys);
  check(`${name}: the app had not started`, await page.evaluate(() => document.documentElement.hasAttribute("data-ready")), false);
  check(`${name}: the page asked for the wasm only after the editor was up`, asked, true);
  release();
  await ready(page);
  await settled(page);
  return { page, shown };
}

// Contexts block service workers: a worker would answer the wasm's request
// itself, past the route that holds it back.
try {
  // A fresh visit: the first sample, typed into before the app arrives.
  {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const keys = "# typed before the app\n";
    const { page, shown } = await typeEarly(ctx, "fresh", "", keys);
    check("fresh: the editor showed the first sample", shown.startsWith("FROM node:20\n"), true);
    check("fresh: the app keeps the typed text", await editorText(page), keys + shown);
    check("fresh: the editor was adopted", await page.evaluate(() => document.documentElement.getAttribute("data-editor")), "adopted");
    check("fresh: one editor", await page.locator(".cm-editor").count(), 1);
    // The app has the text as its state: autosave writes it to the URL.
    await savedAs(page, keys + shown);
    // Undo still reaches what was typed before the app: the history came along.
    // (Typing is grouped into undo steps by time, so it may take several.)
    let undone = false;
    for (let i = 0; i < keys.length && !undone; i++) {
      await page.locator(".cm-content").press("Control+z");
      undone = (await editorText(page)) === shown;
    }
    check("fresh: undo reaches the text from before the typing", undone, true);
    await ctx.close();
  }
  // A permalink: the page decodes it as the app does, before the app.
  {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const link = "1" + Buffer.from(await linkFor("FROM alpine:3.20\nRUN echo linked\n")).toString("base64url");
    check("link: the test's link decodes", linkDockerfile(link), "FROM alpine:3.20\nRUN echo linked\n");
    const keys = "# k\n";
    const { page, shown } = await typeEarly(ctx, "link", `#${link}`, keys);
    check("link: the editor showed the link's Dockerfile before the app", shown, "FROM alpine:3.20\nRUN echo linked\n");
    check("link: the app keeps the typed text", await editorText(page), keys + shown);
    await ctx.close();
  }
  // The autosaved draft comes back before the app too.
  {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    watch(page, "draft", problems);
    await page.goto(`${origin}/`);
    await ready(page);
    await page.locator(".cm-content").press("Control+a");
    await page.keyboard.insertText("FROM debian:bookworm\n");
    await savedAs(page, "FROM debian:bookworm\n");
    await page.close();
    const { page: again, shown } = await typeEarly(ctx, "draft", "", "# d\n");
    check("draft: the editor showed the draft before the app", shown, "FROM debian:bookworm\n");
    check("draft: the app keeps the typed text", await editorText(again), "# d\nFROM debian:bookworm\n");
    await ctx.close();
  }
  // An embed starts as before: no editor ahead of the app.
  {
    const page = await browser.newPage();
    watch(page, "embed", problems);
    await page.goto(`${origin}/?embed=1`);
    await ready(page);
    check("embed: the app made its editor", await page.evaluate(() => document.documentElement.getAttribute("data-editor")), null);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log("first-load: ok");

/// Raw deflate of `text` with the permalink's preset dictionary.
async function linkFor(text) {
  const { deflateRawSync } = await import("node:zlib");
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { root } = await import("./lib.mjs");
  const dictionary = readFileSync(join(root, "core", "src", "permalink", "dictionary.txt"));
  return deflateRawSync(Buffer.from(text), { dictionary });
}
