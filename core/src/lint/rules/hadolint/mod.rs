//! hadolint's Dockerfile rules (hadolint 2.15.1: DL3000–DL3067,
//! DL4000–DL4006), one file per rule, each recording its DL code in `also`
//! and numbered DL30nn → DP3nn, DL400n → DP40n (see `registry.rs`).
//!
//! Left out: DL3004, DL3006 and DL3007, which the lessons `sudo`, untagged
//! base and `latest` base cover (DP207, DP205, DP206); DL3026 and
//! DL3049–DL3056, DL3058, which need hadolint's configuration (trusted
//! registries, a label schema) rather than the file; DL1001 and DL3057,
//! which hadolint has off by default (severity "ignore").
//!
//! Where hadolint is known to be wrong these rules differ on purpose: a
//! cache mount that holds a package cache satisfies the "remove the cache"
//! rules, heredoc bodies are checked only when a shell runs them, and only
//! the stages the target builds are checked unless all stages are asked.

use crate::lint::Rule;

mod util;

pub mod dl3000;
pub mod dl3001;
pub mod dl3002;
pub mod dl3003;
pub mod dl3008;
pub mod dl3009;
pub mod dl3010;
pub mod dl3011;
pub mod dl3012;
pub mod dl3013;
pub mod dl3014;
pub mod dl3015;
pub mod dl3016;
pub mod dl3018;
pub mod dl3019;
pub mod dl3020;
pub mod dl3021;
pub mod dl3022;
pub mod dl3023;
pub mod dl3024;
pub mod dl3025;

pub static RULES: &[&Rule] = &[
    &dl3000::RULE,
    &dl3001::RULE,
    &dl3002::RULE,
    &dl3003::RULE,
    &dl3008::RULE,
    &dl3009::RULE,
    &dl3010::RULE,
    &dl3011::RULE,
    &dl3012::RULE,
    &dl3013::RULE,
    &dl3014::RULE,
    &dl3015::RULE,
    &dl3016::RULE,
    &dl3018::RULE,
    &dl3019::RULE,
    &dl3020::RULE,
    &dl3021::RULE,
    &dl3022::RULE,
    &dl3023::RULE,
    &dl3024::RULE,
    &dl3025::RULE,
];
