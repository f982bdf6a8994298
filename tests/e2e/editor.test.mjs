// The editor (CodeMirror 6) under real key presses and clicks:
// - fast typing loses nothing, Enter indents continuation lines, committed
//   IME text (CJK, emoji) goes through, the outline follows the caret;
// - a long file draws only what is on screen;
// - every change from outside is one undoable transaction: Ctrl-Z after a
//   fix, "fix all", a sample and an embed `set` restores text and caret;
// - completion, hover, go to definition, rename, fold, search and replace,
//   comments, Tab indent and Escape-then-Tab, in English and Chinese;
// - the editable content is a text box named "Dockerfile".
//
// Usage: trunk build && node tests/e2e/editor.test.mjs   (PORT=8080 by default)

import assert from "node:assert/strict";
import { EDITOR, editorSelection, editorText, launch, origin, ready, serve, setEditorText, watch, report } from "./lib.mjs";

const server = await serve();
const browser = await launch();
const problems = [];

/// A fresh page (its own storage, so no draft carries over) in `locale`,
/// opened at `path`.
async function fresh(name, path = "", locale = "en-US") {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  const page = await ctx.newPage();
  watch(page, name, problems);
  await page.goto(`${origin}/${path}`);
  // Ready, not merely drawn: until the first render's effects have run,
  // the page may still write the sample over what is typed.
  await ready(page);
  return page;
}

/// Puts the caret at a UTF-16 offset, as arrow keys would, and focuses.
async function caretAt(page, offset) {
  await page.locator(".cm-editor").evaluate((e, at) => {
    e.cmView.dispatch({ selection: { anchor: at } });
    e.cmView.focus();
  }, offset);
}

/// Focuses the editor without moving its caret, then undoes.
async function undo(page) {
  await page.locator(".cm-editor").evaluate((e) => e.cmView.focus());
  await page.keyboard.press("Control+z");
}

/// The text becomes `text` within a second (the page applies it after a render).
async function waitText(page, text) {
  await page.waitForFunction((t) => document.querySelector(".cm-editor").cmView.state.doc.toString() === t, text, {
    timeout: 3000,
  });
}

try {
  // Typing.
  {
    const page = await fresh("typing");
    await setEditorText(page, "");
    // No delay between keys: every keystroke must land.
    await page.keyboard.type("FROM alpine:3.20 AS base\nRUN apk add --no-cache curl && \\\nrm -rf /tmp/*\nCOPY . /app\n");
    // What an input method commits.
    await page.keyboard.insertText("# 中文注释 🐳\n");
    await page.keyboard.type('CMD ["sh"]');
    const expected =
      'FROM alpine:3.20 AS base\nRUN apk add --no-cache curl && \\\n    rm -rf /tmp/*\nCOPY . /app\n# 中文注释 🐳\nCMD ["sh"]';
    assert.equal(await editorText(page), expected);
    await page.waitForFunction(() => /6\D+11/.test(document.querySelector(".statusbar .pos").textContent));

    // The outline follows the caret: back on line 3, the RUN is current.
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowUp");
    await page.waitForFunction(() => /^RUN/.test(document.querySelector(".ins.active")?.textContent || ""));

    // Undo takes back the last edit.
    await page.keyboard.press("Control+End");
    await page.keyboard.type("X");
    await page.keyboard.press("Control+z");
    assert.equal(await editorText(page), expected);

    // Tab indents, Shift-Tab takes it back; Escape then Tab leaves the editor.
    await page.keyboard.press("Home");
    await page.keyboard.press("Tab");
    assert.ok((await editorText(page)).endsWith('\n    CMD ["sh"]'));
    await page.keyboard.press("Shift+Tab");
    assert.equal(await editorText(page), expected);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    assert.ok(!(await page.evaluate(() => document.activeElement.closest(".cm-editor"))), "focus left the editor");

    // Ctrl-/ comments the line out and back in.
    await page.locator(".cm-editor").evaluate((e) => e.cmView.focus());
    await page.keyboard.press("Control+/");
    assert.ok((await editorText(page)).endsWith('\n# CMD ["sh"]'), await editorText(page));
    await page.keyboard.press("Control+/");
    assert.equal(await editorText(page), expected);

    // Two cursors type at once.
    await page.locator(".cm-editor").evaluate((e) => {
      const v = e.cmView;
      const Sel = v.state.selection.constructor;
      v.dispatch({ selection: Sel.create([Sel.cursor(0), Sel.cursor(v.state.doc.line(4).from)]) });
      v.focus();
    });
    await page.keyboard.type("#");
    const twice = await editorText(page);
    assert.ok(twice.startsWith("#FROM") && twice.includes("\n#COPY"), twice);
    await page.keyboard.press("Control+z");

    // Search and replace.
    await page.keyboard.press("Control+f");
    await page.waitForSelector(".cm-search");
    await page.fill(".cm-search input[name=search]", "alpine");
    await page.fill(".cm-search input[name=replace]", "debian");
    await page.click(".cm-search button[name=replaceAll]");
    assert.ok((await editorText(page)).startsWith("FROM debian:3.20"), await editorText(page));
    await page.keyboard.press("Escape");
  }

  // Keys typed just before a reload are in the draft it reopens: the app
  // hears of typing only once the browser is idle (editor/index.js
  // `flushSoon`), and must not lose what it had not heard of yet.
  {
    const page = await fresh("leave");
    await setEditorText(page, "FROM alpine:3.20\n");
    await page.keyboard.type("RUN echo quick");
    await page.reload();
    await ready(page);
    assert.equal(await editorText(page), "FROM alpine:3.20\nRUN echo quick");
    await page.context().close();
  }

  // A long file: only what is on screen is drawn, and the end is reachable.
  {
    const page = await fresh("long");
    const long = Array.from({ length: 3000 }, (_, i) => `RUN echo line-${i + 1}`).join("\n");
    await setEditorText(page, long);
    await page.keyboard.press("Control+End");
    // The scroll is followed by a redraw: wait for the last line, not for a time.
    await page.waitForFunction(() => [...document.querySelectorAll(".cm-line")].at(-1)?.textContent === "RUN echo line-3000");
    const lines = await page.$$eval(".cm-line", (ls) => ls.map((l) => l.textContent));
    assert.ok(lines.length < 400, `only the visible lines are drawn (${lines.length})`);
  }

  // Undo after a fix, after "fix all", after a sample.
  {
    const text = "from alpine:3.20\nRUN apt install x\nrun sudo make\n";
    const page = await fresh("fixes");
    await setEditorText(page, text);
    await page.click("#tab-findings");
    await caretAt(page, 5);
    await page.click('.fd-item[data-code="DP327"] .fd-fix');
    await page.waitForFunction(() => document.querySelector(".cm-editor").cmView.state.doc.toString().includes("apt-get"));
    // What the fix changed is selected.
    const [a, h] = await editorSelection(page);
    assert.equal((await editorText(page)).slice(a, h), "apt-get");
    await undo(page);
    assert.equal(await editorText(page), text, "undo after a fix restores the text");
    assert.deepEqual(await editorSelection(page), [5, 5], "and the caret");

    await caretAt(page, 8);
    await page.click(".fd-fix-all");
    await page.waitForFunction(
      (t) => document.querySelector(".cm-editor").cmView.state.doc.toString() !== t && /apt-get/.test(document.querySelector(".cm-editor").cmView.state.doc.toString()),
      text,
    );
    await undo(page);
    assert.equal(await editorText(page), text, "undo after fix all restores the text");
    assert.deepEqual(await editorSelection(page), [8, 8], "and the caret");

    await caretAt(page, 10);
    await page.click(".actions .btn");
    await page.click(".card:nth-child(2) .btn.primary");
    await page.waitForSelector(".dialog", { state: "detached" });
    await page.waitForFunction((t) => document.querySelector(".cm-editor").cmView.state.doc.toString() !== t, text);
    await undo(page);
    await waitText(page, text);
    assert.deepEqual(await editorSelection(page), [10, 10], "undo after a sample restores the caret");
    // The page's state follows the editor's undo (the findings are back).
    await page.waitForSelector('.fd-item[data-code="DP327"]');
  }

  // Undo after an embed `set`.
  {
    const page = await fresh("embed-set", "?embed=1");
    await setEditorText(page, "FROM alpine\nRUN echo hi\n");
    await caretAt(page, 7);
    await page.evaluate(() => window.postMessage({ type: "dockerplay:set", dockerfile: "FROM nginx\n" }, "*"));
    await waitText(page, "FROM nginx\n");
    await undo(page);
    assert.equal(await editorText(page), "FROM alpine\nRUN echo hi\n", "undo after an embed set restores the text");
    assert.deepEqual(await editorSelection(page), [7, 7], "and the caret");
  }

  // Completion, hover, definition, rename and fold, in both languages.
  const file = "FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n";
  for (const [lang, words] of [
    ["en", { doc: "Starts a build stage", copy: "Copies files", label: "Dockerfile", prompt: "New name" }],
    ["zh-CN", { doc: "开始一个构建阶段", copy: "复制文件", label: "Dockerfile", prompt: "新名称" }],
  ]) {
    const page = await fresh(`ide-${lang}`, `?lang=${lang}`, lang === "en" ? "en-US" : "zh-CN");
    await setEditorText(page, file);
    assert.equal(await page.getAttribute(EDITOR, "role"), "textbox");
    assert.equal(await page.getAttribute(EDITOR, "aria-label"), words.label);

    // Instructions at the start of a line, with their documentation.
    await page.keyboard.press("Control+End");
    await page.keyboard.type("CO");
    await page.keyboard.press("Control+Space");
    await page.waitForSelector(".cm-tooltip-autocomplete");
    assert.ok((await page.textContent(".cm-tooltip-autocomplete li[aria-selected]")).startsWith("COPY"));
    await page.waitForSelector(".cm-completionInfo");
    assert.ok((await page.textContent(".cm-completionInfo")).includes(words.copy), await page.textContent(".cm-completionInfo"));
    // CodeMirror ignores Enter for 75 ms after the list opens
    // (`interactionDelay`), so that a key already on its way makes a newline;
    // a person's Enter comes later than that, a script's does not.
    await page.waitForTimeout(100);
    await page.keyboard.press("Enter");
    assert.ok((await editorText(page)).endsWith("\nCOPY"), await editorText(page));
    // Stage names after --from=.
    // Typing opens the list as it goes (the flags after ` --`), so the list
    // already on screen may be the one for `--fr`: wait for the list of the
    // text as typed, whose first entry is the stage (seen failing on a busy
    // machine when the test waited only for a list to be shown).
    await page.keyboard.type(" --from=");
    await page.keyboard.press("Control+Space");
    const selected = ".cm-tooltip-autocomplete li[aria-selected]";
    await page
      .waitForFunction((sel) => (document.querySelector(sel)?.textContent || "").startsWith("build"), selected, { timeout: 10000 })
      .catch(async () => assert.fail(`the stage is not offered after --from=: ${await page.textContent(selected).catch(() => "no list")}`));
    await page.keyboard.press("Escape");

    // Hover over FROM: its documentation.
    const from = page.locator(".cm-line").first().locator("span.tok-kw").first();
    await from.hover();
    await page.waitForSelector(".cm-tooltip-hover");
    assert.ok((await page.textContent(".cm-tooltip-hover")).includes(words.doc), await page.textContent(".cm-tooltip-hover"));
    await page.mouse.move(900, 700);

    // F12 on `build` in the COPY line selects the stage's name on line 1.
    const copyBuild = file.indexOf("from=build") + "from=bu".length;
    await caretAt(page, copyBuild);
    await page.keyboard.press("F12");
    assert.deepEqual(await editorSelection(page), [20, 25]);

    // F2 renames the stage everywhere, asking for the new name.
    page.once("dialog", (d) => {
      assert.equal(d.message(), words.prompt);
      d.accept("compile");
    });
    await page.keyboard.press("F2");
    const renamed = await editorText(page);
    assert.ok(renamed.startsWith("FROM golang:1.22 AS compile\n") && renamed.includes("COPY --from=compile /out/app"), renamed);
    await page.keyboard.press("Control+z");
    assert.ok((await editorText(page)).startsWith(file), "one undo takes the rename back");

    // Fold the first stage from the marker beside its FROM line.
    await page.locator(".cm-foldGutter span[title] >> visible=true").first().click();
    await page.waitForSelector(".cm-foldPlaceholder");
    const shown = await page.$$eval(".cm-line", (ls) => ls.map((l) => l.textContent));
    assert.ok(!shown.some((l) => l.startsWith("RUN go build")), shown.join("\n"));
  }
} finally {
  await browser.close();
  server.close();
}
report(problems);
console.log("editor: ok");
