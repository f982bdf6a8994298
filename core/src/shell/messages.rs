//! Messages of the word expander: why a `${...}` or a quote did not expand.
//! The English repeats BuildKit's `shell/lex.go` errors.

use crate::message::Message;

pub static UNMATCHED: Message = Message::new(
    "expand.unmatched",
    "unexpected end of statement while looking for matching {char}",
    "语句提前结束：找不到与之配对的 {char}",
);
pub static UNMATCHED_SINGLE_QUOTE: Message = Message::new(
    "expand.unmatched-single-quote",
    "unexpected end of statement while looking for matching single-quote",
    "语句提前结束：单引号没有闭合",
);
pub static UNMATCHED_DOUBLE_QUOTE: Message = Message::new(
    "expand.unmatched-double-quote",
    "unexpected end of statement while looking for matching double-quote",
    "语句提前结束：双引号没有闭合",
);
pub static MISSING_BRACE: Message =
    Message::new("expand.missing-brace", "syntax error: missing '}'", "语法错误：缺少右花括号 '}'");
pub static BAD_SUBSTITUTION: Message =
    Message::new("expand.bad-substitution", "syntax error: bad substitution", "语法错误：变量替换的写法不对");
pub static NOT_UNSET: Message =
    Message::new("expand.required-unset", "{name}: is not allowed to be unset", "{name}：该变量必须设置");
pub static NOT_EMPTY: Message =
    Message::new("expand.required-empty", "{name}: is not allowed to be empty", "{name}：该变量不能为空");
/// `${V?text}` and `${V:?text}`: the Dockerfile's own words, as written.
pub static REQUIRED: Message = Message::neutral("expand.required", "{name}: {why}");
pub static UNSUPPORTED_COLON_MODIFIER: Message = Message::new(
    "expand.unsupported-colon-modifier",
    "unsupported modifier (:{char}) in substitution",
    "变量替换不支持修饰符 (:{char})",
);
pub static UNSUPPORTED_MODIFIER: Message = Message::new(
    "expand.unsupported-modifier",
    "unsupported modifier ({char}) in substitution",
    "变量替换不支持修饰符 ({char})",
);
pub static MISSING_SLASH: Message = Message::new(
    "expand.missing-slash",
    "syntax error: missing '/' in ${VAR/pattern/replacement}",
    "语法错误：${VAR/pattern/replacement} 中缺少 '/'",
);

pub static ALL: &[&Message] = &[
    &UNMATCHED,
    &UNMATCHED_SINGLE_QUOTE,
    &UNMATCHED_DOUBLE_QUOTE,
    &MISSING_BRACE,
    &BAD_SUBSTITUTION,
    &NOT_UNSET,
    &NOT_EMPTY,
    &REQUIRED,
    &UNSUPPORTED_COLON_MODIFIER,
    &UNSUPPORTED_MODIFIER,
    &MISSING_SLASH,
];
