//! BuildKit's shell-word processing (its `shell.Lex`): quote removal and
//! `$VAR` / `${VAR...}` expansion, as applied at dispatch time.
//! Stub: being written.

/// Expands one word: removes quotes and escapes, substitutes variables with
/// `lookup` (unset variables become empty). Errors are messages for a
/// diagnostic, such as an unterminated `${`.
pub fn expand(word: &str, escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let _ = (escape, lookup);
    Ok(word.to_string())
}

/// Splits on unquoted whitespace, then expands each word (BuildKit's
/// `ProcessWords`).
pub fn expand_words(text: &str, escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Result<Vec<String>, String> {
    text.split_whitespace().map(|w| expand(w, escape, lookup)).collect()
}
