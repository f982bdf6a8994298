//! The parser on any text: no panic, and every span, line and stage index
//! it returns fits the text.
#![no_main]

use dockerplay_core::syntax;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (df, diags) = syntax::parse(&text);
    dockerplay_fuzz::assert_parse_sane(&text, &df, &diags);
});
