//! Messages as a code plus arguments, rendered in the reader's language.
//!
//! Analyses do not build prose. They return a [`Msg`]: a reference to a
//! [`Message`] (a stable id with an English and a Chinese template) and the
//! values of its `{placeholders}`. The page and the CLI render it with
//! [`Msg::render`] in the reader's language, so nothing ever matches English
//! text to translate it.
//!
//! [`Message::new`] is a `const fn` and the messages are constants, so a
//! message whose Chinese template has no Chinese in it, or whose two
//! templates name different placeholders, does not compile. A message that
//! reads the same in both languages (a bare number, a path) says so with
//! [`Message::neutral`].
//!
//! A placeholder is `{name}` with `name` made of lower-case ASCII letters,
//! digits and `_`. A `{` after `$` is Dockerfile syntax (`${VAR}`), never a
//! placeholder, and so is any other `{`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code used in links, settings and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// A language from a code or a POSIX locale: `en`, `en-US`, `zh`,
    /// `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`. Unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        let primary = code.split(['-', '_', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" | "c" | "posix" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language of a POSIX environment: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides, as
    /// gettext does; `LANGUAGE` lists preferences before those. Anything
    /// unknown is English. The caller passes the lookup, so core does no IO.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        if let Some(list) = set("LANGUAGE") {
            if let Some(lang) = list.split(':').find_map(Lang::from_code) {
                return lang;
            }
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| set(name))
            .and_then(|v| Lang::from_code(&v))
            .unwrap_or(Lang::En)
    }
}

/// One message: a stable id and its templates in every language.
#[derive(Debug, PartialEq, Eq)]
pub struct Message {
    /// Stable across releases; JSON output and tests name messages by it.
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

impl Message {
    /// A message with its two templates. Fails to compile (when used in a
    /// constant) if the Chinese has no Chinese character or the two
    /// templates do not name the same placeholders:
    ///
    /// ```compile_fail
    /// // The Chinese lost the placeholder.
    /// static M: dockerplay_core::Message = dockerplay_core::Message::new("x", "Hello {name}", "你好");
    /// ```
    ///
    /// ```compile_fail
    /// // The "Chinese" is English.
    /// static M: dockerplay_core::Message = dockerplay_core::Message::new("x", "Hello {name}", "Hello {name}");
    /// ```
    ///
    /// ```
    /// static M: dockerplay_core::Message = dockerplay_core::Message::new("x", "Hello {name}", "你好，{name}");
    /// assert_eq!(M.msg().arg("name", "ada").to_string(), "Hello ada");
    /// ```
    pub const fn new(id: &'static str, en: &'static str, zh: &'static str) -> Message {
        assert!(!id.is_empty(), "a message needs an id");
        assert!(!en.is_empty(), "a message needs English text");
        assert!(has_chinese(zh), "the Chinese template has no Chinese in it");
        assert!(placeholders_within(en, zh), "the Chinese template lacks a placeholder of the English one");
        assert!(placeholders_within(zh, en), "the Chinese template names a placeholder the English one lacks");
        Message { id, en, zh }
    }

    /// A message that reads the same in every language, such as `{a} → {b}`.
    /// It must not contain English words (letters outside placeholders).
    pub const fn neutral(id: &'static str, text: &'static str) -> Message {
        assert!(!has_words(text), "a neutral message must not contain words; give it a Chinese template");
        Message { id, en: text, zh: text }
    }

    pub fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// The message with no arguments (yet).
    pub fn msg(&'static self) -> Msg {
        Msg { message: self, args: Vec::new(), nested: Vec::new() }
    }

    /// The placeholder names of the English template, in order.
    pub fn placeholders(&self) -> Vec<&'static str> {
        placeholder_spans(self.en).into_iter().map(|(s, e)| &self.en[s + 1..e - 1]).collect()
    }
}

/// A message with its arguments: what analyses return instead of a string.
#[derive(Clone, PartialEq, Eq)]
pub struct Msg {
    pub message: &'static Message,
    pub args: Vec<(&'static str, String)>,
    /// Arguments that are messages themselves (a list joined with "and", a
    /// clause chosen by the analysis, the cause inside `build {n}:
    /// {message}`), rendered in the same language.
    pub nested: Vec<(&'static str, Msg)>,
}

impl Msg {
    /// Sets a placeholder's value.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, value.to_string()));
        self
    }

    /// Sets a placeholder to a message, rendered in the reader's language.
    pub fn arg_msg(mut self, name: &'static str, value: Msg) -> Msg {
        self.nested.push((name, value));
        self
    }

    /// The placeholders, here or in a nested message, that have no argument.
    pub fn missing_args(&self) -> Vec<&'static str> {
        let given =
            |name: &str| self.args.iter().any(|(n, _)| *n == name) || self.nested.iter().any(|(n, _)| *n == name);
        let mut out: Vec<&'static str> = self.message.placeholders().into_iter().filter(|p| !given(p)).collect();
        out.extend(self.nested.iter().flat_map(|(_, m)| m.missing_args()));
        out
    }

    pub fn id(&self) -> &'static str {
        self.message.id
    }

    /// The arguments as text in `lang`, nested messages rendered.
    pub fn args_in(&self, lang: Lang) -> std::collections::BTreeMap<&'static str, String> {
        let mut out: std::collections::BTreeMap<&'static str, String> =
            self.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        out.extend(self.nested.iter().map(|(k, m)| (*k, m.render(lang))));
        out
    }

    /// Whether every placeholder has an argument, in nested messages too:
    /// a rendering then leaves no `{name}` behind.
    pub fn is_complete(&self) -> bool {
        self.missing_args().is_empty()
    }

    /// The text in `lang`. A placeholder without an argument stays as
    /// written, so a missing argument shows rather than vanishes.
    pub fn render(&self, lang: Lang) -> String {
        let template = self.message.template(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut at = 0;
        for (s, e) in placeholder_spans(template) {
            out.push_str(&template[at..s]);
            let name = &template[s + 1..e - 1];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => out.push_str(v),
                None => match self.nested.iter().find(|(n, _)| *n == name) {
                    Some((_, m)) => out.push_str(&m.render(lang)),
                    None => out.push_str(&template[s..e]),
                },
            }
            at = e;
        }
        out.push_str(&template[at..]);
        out
    }

    /// The English text.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }
}

/// English, so that `format!("{msg}")` and logs read as before.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl fmt::Debug for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.en())
    }
}

/// Serialized as `{"id": ..., "args": {...}, "text": <English>}`.
impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let args = self.args_in(Lang::En);
        let mut st = s.serialize_struct("Msg", 3)?;
        st.serialize_field("id", self.message.id)?;
        st.serialize_field("args", &args)?;
        st.serialize_field("text", &self.en())?;
        st.end()
    }
}

/// Every message core declares outside the lint rules, area by area: each
/// area lists its messages (`ALL`) and registers the list here, so that a
/// test can check ids and translations of all of them.
pub fn catalogue() -> Vec<&'static Message> {
    let areas: [&[&Message]; 7] = [
        crate::syntax::messages::ALL,
        crate::shell::messages::ALL,
        crate::graph::messages::ALL,
        crate::cache::messages::ALL,
        crate::size::messages::ALL,
        crate::context::MESSAGES,
        crate::lint::suppress::MESSAGES,
    ];
    areas.into_iter().flatten().copied().collect()
}

/// Byte ranges of the placeholders in `t`, braces included.
fn placeholder_spans(t: &str) -> Vec<(usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(end) = placeholder_at(b, i) {
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// If a placeholder starts at `i`, the index after its `}`.
const fn placeholder_at(b: &[u8], i: usize) -> Option<usize> {
    if b[i] != b'{' || (i > 0 && b[i - 1] == b'$') {
        return None;
    }
    let mut j = i + 1;
    while j < b.len() && (b[j].is_ascii_lowercase() || b[j].is_ascii_digit() || b[j] == b'_') {
        j += 1;
    }
    if j > i + 1 && j < b.len() && b[j] == b'}' {
        Some(j + 1)
    } else {
        None
    }
}

/// Whether every placeholder of `a` also occurs in `b`.
const fn placeholders_within(a: &str, b: &str) -> bool {
    let a = a.as_bytes();
    let b = b.as_bytes();
    let mut i = 0;
    while i < a.len() {
        if let Some(end) = placeholder_at(a, i) {
            if !occurs_as_placeholder(b, a, i, end) {
                return false;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    true
}

/// Whether `hay` has a placeholder equal to `needle[s..e]`.
const fn occurs_as_placeholder(hay: &[u8], needle: &[u8], s: usize, e: usize) -> bool {
    let mut i = 0;
    while i < hay.len() {
        if let Some(end) = placeholder_at(hay, i) {
            if end - i == e - s {
                let mut k = 0;
                while k < e - s && hay[i + k] == needle[s + k] {
                    k += 1;
                }
                if k == e - s {
                    return true;
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    false
}

/// Whether `t` has a CJK ideograph (U+3400..U+9FFF), read from UTF-8 lead
/// bytes 0xE3 (upper part) to 0xE9.
const fn has_chinese(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let c = b[i];
        if c >= 0xE3 && c <= 0xE9 {
            let cp = ((c as u32 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
            if cp >= 0x3400 && cp <= 0x9FFF {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Whether `t` has two ASCII letters in a row outside placeholders.
const fn has_words(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    let mut run = 0;
    while i < b.len() {
        if let Some(end) = placeholder_at(b, i) {
            run = 0;
            i = end;
            continue;
        }
        if b[i].is_ascii_alphabetic() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    static CASING: Message =
        Message::new("test.casing", "Stage name '{name}' should be lowercase", "阶段名“{name}”应使用小写");
    static DOLLAR: Message = Message::new("test.dollar", "Use ${VAR} for {name}", "对 {name} 请用 ${VAR}");
    static ARROW: Message = Message::neutral("test.arrow", "{from} → {to}");
    static WRAP: Message = Message::new("test.wrap", "build {n}: {message}", "第 {n} 次构建：{message}");

    #[test]
    fn renders_each_language_with_arguments() {
        let m = CASING.msg().arg("name", "Builder");
        assert_eq!(m.render(Lang::En), "Stage name 'Builder' should be lowercase");
        assert_eq!(m.render(Lang::Zh), "阶段名“Builder”应使用小写");
        assert_eq!(m.to_string(), "Stage name 'Builder' should be lowercase");
    }

    #[test]
    fn dockerfile_braces_are_not_placeholders() {
        let m = DOLLAR.msg().arg("name", "x");
        assert_eq!(m.render(Lang::En), "Use ${VAR} for x");
        assert_eq!(DOLLAR.placeholders(), vec!["name"]);
    }

    #[test]
    fn a_nested_message_renders_in_the_same_language() {
        let m = DOLLAR.msg().arg_msg("name", CASING.msg().arg("name", "B"));
        assert_eq!(m.render(Lang::Zh), "对 阶段名“B”应使用小写 请用 ${VAR}");
        assert!(m.missing_args().is_empty());
        assert_eq!(DOLLAR.msg().arg_msg("name", CASING.msg()).missing_args(), vec!["name"]);
        let m = WRAP.msg().arg("n", 2).arg_msg("message", CASING.msg().arg("name", "B"));
        assert_eq!(m.render(Lang::En), "build 2: Stage name 'B' should be lowercase");
        assert_eq!(m.render(Lang::Zh), "第 2 次构建：阶段名“B”应使用小写");
        assert_eq!(m.args_in(Lang::Zh).get("message").map(String::as_str), Some("阶段名“B”应使用小写"));
    }

    #[test]
    fn a_missing_argument_shows_its_placeholder() {
        assert_eq!(ARROW.msg().arg("from", 1).render(Lang::Zh), "1 → {to}");
    }

    #[test]
    fn const_checks_catch_a_missing_translation() {
        assert!(!has_chinese("Stage name {name}"));
        assert!(has_chinese("阶段"));
        assert!(has_chinese("㐀")); // U+3400, the first of CJK extension A.
        assert!(!has_chinese("“” — ×"));
        assert!(!placeholders_within("{a} {b}", "{a}"));
        assert!(placeholders_within("{a}", "x {a} y"));
        assert!(!placeholders_within("{a}", "${a}"));
        assert!(has_words("{n} MB"));
        assert!(!has_words("{n} → {m}"));
    }

    #[test]
    fn languages_from_codes_and_the_environment() {
        assert_eq!(Lang::from_code("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANGUAGE", "fr:zh_CN"), ("LANG", "en_US")])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }
}
