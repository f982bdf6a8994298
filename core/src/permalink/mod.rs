//! Permalinks: the playground's whole state in a URL fragment (issue 6).
//!
//! A fragment is never sent to a server, so a link shares a Dockerfile
//! without any backend. Its format, version 1:
//!
//! ```text
//! #1<base64url, no padding>
//!   └─ raw deflate (RFC 1951) with a preset dictionary of Dockerfile idioms
//!        └─ the Dockerfile's text, alone when nothing else differs from the
//!           defaults, else followed by a NUL byte and the other fields of
//!           the `ShareState` as JSON
//! ```
//!
//! A lesson written in the page (issue 16) is one more field of the JSON
//! (`lesson`, with `lesson_step`): its steps are JSON strings, where the
//! dictionary's phrases still match within lines, and a step's text that
//! repeats an earlier one costs a back-reference. `validate` holds it to
//! `lesson::limits`, since its steps multiply what the link holds.
//!
//! The Dockerfile stays bare text, not a JSON string, so that its newlines
//! and quotes are not escaped and the dictionary's phrases still match. A
//! Dockerfile that itself holds a NUL byte goes inside the JSON instead,
//! after an empty text part.
//!
//! The dictionary (`dictionary.txt`) is part of the format: changing one
//! byte of it breaks every link made before, so a new dictionary needs a new
//! version character, with the old one kept for decoding.
//!
//! Decoding is defensive: every way a link can be damaged or hostile gives a
//! [`DecodeError`] with a message fit for a banner, never a panic, and the
//! output is capped so that a small link cannot expand into gigabytes.

mod base64url;
mod deflate;
mod state;

pub use state::ShareState;

use crate::lesson::limits::{self, LessonError};
use std::fmt;

/// The first character of every fragment this version writes.
pub const VERSION: char = '1';

/// The most a fragment may inflate to. Decoding stops at this point, so a
/// crafted link (deflate reaches about 1000:1) cannot exhaust memory.
pub const MAX_DECODED_BYTES: usize = 2 * 1024 * 1024;

/// The largest Dockerfile (and history entry) a link may hold; the editor
/// and the analyses are sized for real Dockerfiles, which are far smaller.
pub const MAX_DOCKERFILE_BYTES: usize = 512 * 1024;

/// Link lengths above which the share dialog warns: chat apps cut or refuse
/// links past about 2,000 characters, and some hosts and proxies past 8,000.
pub const CHAT_LINK_LIMIT: usize = 2_000;
pub const HOST_LINK_LIMIT: usize = 8_000;

/// The preset dictionary: common Dockerfile phrases, the most common last
/// (closest to the data, so the cheapest to refer to).
const DICTIONARY: &[u8] = include_bytes!("dictionary.txt");

/// Why a link could not be opened. `Display` gives a sentence for a banner;
/// the app may translate by variant instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing after `#`: the link holds no state.
    Empty,
    /// The first character names a format this version does not know.
    UnknownVersion { found: char },
    /// Not base64url: `offset` is the position (in characters after the
    /// version) of the first bad character, `None` for an impossible length.
    BadBase64 { offset: Option<usize> },
    /// Not a valid deflate stream; `truncated` when it merely ends too early,
    /// as when a chat app cuts a long link.
    BadDeflate { truncated: bool },
    /// The state would inflate past `limit` bytes.
    DecompressionBomb { limit: usize },
    /// The state inflated but is not a playground state.
    InvalidState { reason: String },
    /// A Dockerfile in the state is larger than the playground opens.
    DockerfileTooLarge { size: usize, limit: usize },
    /// The state holds a lesson that cannot be opened.
    BadLesson(LessonError),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the link holds no playground state (nothing after `#`)"),
            DecodeError::UnknownVersion { found } => write!(
                f,
                "the link is in an unknown format `{}`: it may come from a newer Dockerplay",
                found.escape_debug()
            ),
            DecodeError::BadBase64 { offset: Some(offset) } => {
                write!(f, "the link is damaged: character {} of its state is not one a link can hold", offset + 1)
            }
            DecodeError::BadBase64 { offset: None } => {
                write!(f, "the link is damaged: its state has an impossible length (was it cut short?)")
            }
            DecodeError::BadDeflate { truncated: true } => {
                write!(f, "the link is cut short: its state ends too early (some apps shorten long links)")
            }
            DecodeError::BadDeflate { truncated: false } => {
                write!(f, "the link is damaged: its state does not decompress")
            }
            DecodeError::DecompressionBomb { limit } => {
                write!(f, "the link's state expands to more than {limit} bytes; it was not opened")
            }
            DecodeError::InvalidState { reason } => write!(f, "the link's state is not valid: {reason}"),
            DecodeError::BadLesson(e) => write!(f, "the link's lesson cannot be opened: {e}"),
            DecodeError::DockerfileTooLarge { size, limit } => write!(
                f,
                "the link holds a Dockerfile of {size} bytes, more than the {limit} bytes the playground opens"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Separates the Dockerfile from the JSON of the other fields.
const SEPARATOR: u8 = 0;

/// The fragment for `state`, without the `#`.
pub fn encode(state: &ShareState) -> String {
    // Secret values never leave the machine: a link keeps which secrets a
    // build had (their ids, which is all the cache simulation uses) but
    // not what they were.
    let redacted;
    let lesson_secret = |s: &crate::lesson::Step| match &s.change {
        crate::lesson::Change::State(b) => b.secrets.values().any(|v| !v.is_empty()),
        crate::lesson::Change::Edit(_) => false,
    };
    let state = if state.history.iter().any(|b| b.secrets.values().any(|v| !v.is_empty()))
        || state.lesson.iter().any(|l| l.steps.iter().any(lesson_secret))
    {
        let mut s = state.clone();
        for b in std::sync::Arc::make_mut(&mut s.history) {
            b.secrets.values_mut().for_each(String::clear);
        }
        if let Some(lesson) = &mut s.lesson {
            for step in &mut std::sync::Arc::make_mut(lesson).steps {
                if let crate::lesson::Change::State(b) = &mut step.change {
                    b.secrets.values_mut().for_each(String::clear);
                }
            }
        }
        redacted = s;
        &redacted
    } else {
        state
    };
    let has_separator = state.dockerfile.as_bytes().contains(&SEPARATOR);
    if state.is_dockerfile_only() && !has_separator {
        return encode_payload(state.dockerfile.as_bytes());
    }
    let mut payload = Vec::new();
    if has_separator {
        payload.push(SEPARATOR);
        payload.extend(state_json(state));
    } else {
        payload.extend_from_slice(state.dockerfile.as_bytes());
        payload.push(SEPARATOR);
        payload.extend(state_json(&ShareState { dockerfile: String::new(), ..state.clone() }));
    }
    encode_payload(&payload)
}

/// The fragment for any payload bytes: `encode` is this over the Dockerfile
/// and the JSON of the other fields. Public so that tests and tools can make
/// links of any content, including ones that `decode` must refuse.
pub fn encode_payload(payload: &[u8]) -> String {
    let mut fragment = String::from(VERSION);
    fragment.push_str(&base64url::encode(&deflate::compress_smallest(payload, DICTIONARY)));
    fragment
}

fn state_json(state: &ShareState) -> Vec<u8> {
    match serde_json::to_vec(state) {
        Ok(json) => json,
        // Serialising plain structs with string keys cannot fail; if it ever
        // did, the Dockerfile is the part worth keeping.
        Err(_) => serde_json::to_vec(&ShareState::from_dockerfile(&state.dockerfile)).unwrap_or_default(),
    }
}

/// The state in a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<ShareState, DecodeError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut chars = fragment.chars();
    let version = chars.next().ok_or(DecodeError::Empty)?;
    if version != VERSION {
        return Err(DecodeError::UnknownVersion { found: version });
    }
    let packed = base64url::decode(chars.as_str()).map_err(|e| DecodeError::BadBase64 { offset: e.offset })?;
    let payload = deflate::decompress_limited(&packed, DICTIONARY, MAX_DECODED_BYTES).map_err(|e| match e {
        deflate::InflateError::Truncated => DecodeError::BadDeflate { truncated: true },
        deflate::InflateError::Corrupt => DecodeError::BadDeflate { truncated: false },
        deflate::InflateError::TooLarge => DecodeError::DecompressionBomb { limit: MAX_DECODED_BYTES },
    })?;
    let state = parse_payload(&payload)?;
    validate(&state)?;
    Ok(state)
}

fn parse_payload(payload: &[u8]) -> Result<ShareState, DecodeError> {
    let (text, json) = match payload.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&payload[..at], Some(&payload[at + 1..])),
        None => (payload, None),
    };
    let dockerfile = std::str::from_utf8(text).map_err(|e| DecodeError::InvalidState {
        reason: format!("the Dockerfile is not UTF-8 text (byte {})", e.valid_up_to()),
    })?;
    let Some(json) = json else {
        return Ok(ShareState::from_dockerfile(dockerfile));
    };
    let mut state =
        serde_json::from_slice::<ShareState>(json).map_err(|e| DecodeError::InvalidState { reason: e.to_string() })?;
    if !dockerfile.is_empty() {
        if !state.dockerfile.is_empty() {
            return Err(DecodeError::InvalidState { reason: "it holds two Dockerfiles".into() });
        }
        state.dockerfile = dockerfile.to_string();
    }
    Ok(state)
}

/// Checks the limits a decoded state must meet, so that a link can be
/// refused before it is made rather than when it is opened.
pub fn validate(state: &ShareState) -> Result<(), DecodeError> {
    let sizes = std::iter::once(state.dockerfile.len()).chain(state.history.iter().map(|b| b.dockerfile.len()));
    match sizes.max() {
        Some(size) if size > MAX_DOCKERFILE_BYTES => {
            return Err(DecodeError::DockerfileTooLarge { size, limit: MAX_DOCKERFILE_BYTES })
        }
        _ => {}
    }
    match &state.lesson {
        Some(lesson) => limits::check(lesson, state.lesson_step, MAX_DOCKERFILE_BYTES).map_err(DecodeError::BadLesson),
        None if state.lesson_step != 0 => {
            Err(DecodeError::BadLesson(LessonError::NoSuchStep { step: state.lesson_step, steps: 0 }))
        }
        None => Ok(()),
    }
}

/// A full link: `base` without any fragment it had, then `#` and the state.
pub fn url(base: &str, state: &ShareState) -> String {
    let base = base.split_once('#').map_or(base, |(before, _)| before);
    format!("{base}#{}", encode(state))
}

/// The state in a full link, or in a bare fragment (as `decode`).
pub fn decode_url(link: &str) -> Result<ShareState, DecodeError> {
    match link.split_once('#') {
        Some((_, fragment)) => decode(fragment),
        // A URL without a fragment holds nothing; anything else is taken
        // to be a fragment pasted on its own.
        None if link.contains("://") => Err(DecodeError::Empty),
        None => decode(link),
    }
}

/// How a link's length compares with the limits the share dialog warns of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkLength {
    Fine,
    /// Longer than [`CHAT_LINK_LIMIT`].
    TooLongForChat,
    /// Longer than [`HOST_LINK_LIMIT`].
    TooLongForHosts,
}

pub fn link_length(chars: usize) -> LinkLength {
    if chars > HOST_LINK_LIMIT {
        LinkLength::TooLongForHosts
    } else if chars > CHAT_LINK_LIMIT {
        LinkLength::TooLongForChat
    } else {
        LinkLength::Fine
    }
}

/// "Copy as Markdown": the link, then the Dockerfile in a fenced block
/// whose fence is longer than any backtick run inside it.
pub fn markdown(link: &str, dockerfile: &str) -> String {
    let longest_run = dockerfile.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    let body = dockerfile.strip_suffix('\n').unwrap_or(dockerfile);
    format!("[Open in Dockerplay]({link})\n\n{fence}dockerfile\n{body}\n{fence}\n")
}
