//! The rules' documentation in Simplified Chinese (issue 16), one Markdown
//! file per rule in `docs/zh/`, written for Chinese readers rather than
//! translated word for word. Each file starts with the rule's Chinese title
//! (the one in `i18n.rs`), then the English doc's four sections as `## 作用`,
//! `## 原因`, `## 示例` and `## 修复`, with the same code blocks.
//! `core/tests/docs_zh.rs` holds every registered rule to that.

use super::Rule;
use crate::message::Lang;

/// Every Chinese doc, by code, compiled in: 69.8 KB of UTF-8, which made
/// the release wasm 24.0 KB bigger gzipped (ARCHITECTURE.md, `lint/`).
macro_rules! docs {
    ($($code:literal,)*) => {
        pub static DOCS_ZH: &[(&str, &str)] = &[$(($code, include_str!(concat!("docs/zh/", $code, ".md")))),*];
    };
}

docs! {
    "DP001",
    "DP002",
    "DP003",
    "DP004",
    "DP005",
    "DP006",
    "DP007",
    "DP008",
    "DP009",
    "DP010",
    "DP011",
    "DP012",
    "DP013",
    "DP014",
    "DP015",
    "DP016",
    "DP017",
    "DP018",
    "DP019",
    "DP020",
    "DP021",
    "DP101",
    "DP201",
    "DP202",
    "DP203",
    "DP204",
    "DP205",
    "DP206",
    "DP207",
    "DP208",
    "DP209",
    "DP210",
    "DP211",
    "DP212",
    "DP213",
    "DP214",
    "DP300",
    "DP301",
    "DP302",
    "DP303",
    "DP308",
    "DP309",
    "DP310",
    "DP311",
    "DP312",
    "DP313",
    "DP314",
    "DP315",
    "DP316",
    "DP318",
    "DP319",
    "DP320",
    "DP321",
    "DP322",
    "DP323",
    "DP324",
    "DP325",
    "DP326",
    "DP327",
    "DP328",
    "DP329",
    "DP330",
    "DP332",
    "DP333",
    "DP334",
    "DP335",
    "DP336",
    "DP337",
    "DP338",
    "DP340",
    "DP341",
    "DP342",
    "DP343",
    "DP344",
    "DP345",
    "DP346",
    "DP347",
    "DP348",
    "DP349",
    "DP350",
    "DP351",
    "DP352",
    "DP353",
    "DP354",
    "DP355",
    "DP356",
    "DP357",
    "DP358",
    "DP359",
    "DP360",
    "DP361",
    "DP362",
    "DP363",
    "DP364",
    "DP365",
    "DP366",
    "DP367",
    "DP400",
    "DP401",
    "DP403",
    "DP404",
    "DP405",
    "DP406",
    "DP501",
    "DP502",
    "DP503",
    "DP504",
}

/// The Chinese documentation of a rule, by code: its title, a blank line,
/// then its sections.
pub fn doc_zh(code: &str) -> Option<&'static str> {
    DOCS_ZH.iter().find(|(c, _)| *c == code).map(|(_, doc)| *doc)
}

/// The sections of every rule doc, English heading and Chinese heading.
pub const SECTIONS: [(&str, &str); 4] =
    [("What it does", "作用"), ("Why", "原因"), ("Example", "示例"), ("Fix", "修复")];

impl Rule {
    /// The rule's title in `lang`: the Chinese title where there is one,
    /// else the English summary (the doc's first line).
    pub fn title_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => super::i18n::summary_zh(self.code)
                .or_else(|| super::rules::hadolint::summary_zh(self.code))
                .unwrap_or(self.summary()),
            Lang::En => self.summary(),
        }
    }

    /// The documentation in `lang`, as `doc_text` gives the English: the
    /// title first, then the sections. A rule without a Chinese doc falls
    /// back to English (the test forbids that for registered rules).
    pub fn doc_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => doc_zh(self.code).map_or_else(|| self.doc_text(), str::to_string),
            Lang::En => self.doc_text(),
        }
    }
}
