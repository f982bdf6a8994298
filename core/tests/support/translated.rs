//! Holds findings to their translations (issue 16): the tests that run the
//! rules over fixtures, the corpus and the vendored upstream suites pass
//! every finding through here, so a message a rule uses without listing it,
//! or a placeholder a rule leaves without a value, fails a test.

use dockerplay_core::lint::{self, Finding};
use dockerplay_core::{Lang, Message, Msg};

/// The finding's message and fix title: see [`assert_msg_translated`].
pub fn assert_translated(f: &Finding) {
    assert_msg_translated(f.code, &f.message, "message");
    if let Some(fix) = &f.fix {
        assert_msg_translated(f.code, &fix.title, "fix title");
    }
}

/// `msg` is one of the messages rule `code` lists (`Rule::messages`), as
/// are the messages nested in it (or the CI rules' shared words); every
/// placeholder has a value; its Chinese has Chinese in it and no
/// placeholder left unrendered.
pub fn assert_msg_translated(code: &str, msg: &Msg, what: &str) {
    let rule = lint::rule(code).unwrap_or_else(|| panic!("{code} is no rule"));
    let owned = |m: &Message| {
        rule.messages.iter().chain(dockerplay_core::cache::ci_rules::SHARED_MESSAGES).any(|x| std::ptr::eq(*x, m))
    };
    let mut todo = vec![msg];
    while let Some(m) = todo.pop() {
        assert!(owned(m.message), "{code}: the {what} `{}` is not among the rule's messages", m.id());
        todo.extend(m.nested.iter().map(|(_, n)| n));
    }
    assert!(msg.missing_args().is_empty(), "{code}: the {what} `{}` lacks {:?}", msg.id(), msg.missing_args());
    let zh = msg.render(Lang::Zh);
    assert!(zh.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c)), "{code}: the {what} has no Chinese: {zh}");
    for p in msg.message.placeholders() {
        assert!(!zh.contains(&format!("{{{p}}}")), "{code}: `{{{p}}}` is left in the {what}: {zh}");
    }
}
