//! Permalinks: decoding any text, and any payload bytes behind a valid
//! version and deflate stream, never panics, and whatever decodes encodes
//! back to the same state; any state within the limits survives encode
//! then decode (less secret values, which links never carry).
#![no_main]

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lesson::Change;
use dockerplay_core::permalink::{self, ShareState};
use dockerplay_fuzz::{build_args, context_files, split, target};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

/// What a link keeps of a state: everything but secret values, in the
/// recorded builds and in a lesson's states.
fn redacted(state: &ShareState) -> ShareState {
    let mut s = state.clone();
    for b in Arc::make_mut(&mut s.history) {
        b.secrets.values_mut().for_each(String::clear);
    }
    if let Some(lesson) = &mut s.lesson {
        for step in &mut Arc::make_mut(lesson).steps {
            if let Change::State(b) = &mut step.change {
                b.secrets.values_mut().for_each(String::clear);
            }
        }
    }
    s
}

fn round_trip(state: &ShareState) {
    let link = permalink::encode(state);
    match permalink::decode(&link) {
        Ok(back) => assert_eq!(back, redacted(state), "link {link}"),
        Err(e) => panic!("a link of a valid state does not decode: {e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    // Any text as a fragment, and any bytes as the payload of a link.
    if let Ok(state) = permalink::decode(&String::from_utf8_lossy(data)) {
        round_trip(&state);
    }
    if let Ok(state) = permalink::decode(&permalink::encode_payload(data)) {
        round_trip(&state);
    }
    // A state built from the input.
    let (text, mut u) = split(data);
    let mut history = Vec::new();
    for _ in 0..u.int_in_range(0..=2usize).unwrap_or(0) {
        let mut b = BuildInput {
            dockerfile: u.arbitrary().unwrap_or_default(),
            files: context_files(&mut u),
            build_args: build_args(&mut u),
            target: target(&mut u),
            ..Default::default()
        };
        if u.arbitrary().unwrap_or(false) {
            b.secrets.insert(u.arbitrary().unwrap_or_default(), u.arbitrary().unwrap_or_default());
        }
        history.push(b);
    }
    let state = ShareState {
        dockerfile: text,
        files: context_files(&mut u),
        history: history.into(),
        build_args: build_args(&mut u),
        target: target(&mut u),
        panel: u.arbitrary().unwrap_or_default(),
        lang: u.arbitrary().unwrap_or_default(),
        size_estimates: u.arbitrary().unwrap_or_default(),
        image_sizes: u.arbitrary().unwrap_or_default(),
        ..ShareState::default()
    };
    if permalink::validate(&state).is_ok() {
        round_trip(&state);
    }
});
