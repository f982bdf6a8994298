// CodeMirror's own words in the page's languages: the search and go-to-line
// panels, the fold gutter's titles, and what it announces to screen readers
// ("Selection deleted", "Folded lines 3 to 7."). English is CodeMirror's
// default; the Chinese page hands it these through `EditorState.phrases`.
// tests/e2e/chinese_page.test.mjs fails when the bundled CodeMirror asks
// for a phrase this table lacks, so an upgrade that adds one is noticed.
//
// They live here rather than in src/i18n.rs because the editor the page
// boots with (editor/boot.js) speaks before the app's wasm has arrived.

export const PHRASES = {
  en: {},
  zh: {
    // @codemirror/search
    Find: "查找",
    Replace: "替换",
    next: "下一个",
    previous: "上一个",
    all: "全部",
    "match case": "区分大小写",
    regexp: "正则表达式",
    "by word": "全字匹配",
    replace: "替换",
    "replace all": "全部替换",
    close: "关闭",
    "current match": "当前匹配",
    "on line": "所在行",
    "replaced $ matches": "已替换 $ 处匹配",
    "replaced match on line $": "已替换第 $ 行的匹配",
    "Go to line": "跳转到行",
    go: "跳转",
    // @codemirror/commands
    "Selection deleted": "已删除所选内容",
    // @codemirror/language (folding)
    "Folded lines": "已折叠行",
    "Unfolded lines": "已展开行",
    to: "至",
    "folded code": "已折叠的代码",
    unfold: "展开",
    "Fold line": "折叠此行",
    "Unfold line": "展开此行",
    // @codemirror/view
    "Control character": "控制字符",
    // @codemirror/autocomplete and @codemirror/lint
    Completions: "补全",
    Diagnostics: "诊断",
    "No diagnostics": "没有诊断",
  },
};

/// The phrases for a language code ("en", "zh", "zh-CN"); English for any other.
export function phrasesFor(lang) {
  const primary = String(lang || "en").split(/[-_]/)[0].toLowerCase();
  return PHRASES[primary] || PHRASES.en;
}
