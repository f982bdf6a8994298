//! hadolint's Dockerfile rules (hadolint 2.15.1: DL1001, DL3000–DL3067,
//! DL4000–DL4006), one file per rule, each recording its DL code in `also`
//! and numbered DL1001 → DP101, DL30nn → DP3nn, DL400n → DP40n (see
//! `registry.rs`).
//!
//! DL1001 and DL3057 are off by default, as in hadolint (severity
//! "ignore"); `registry::OFF_BY_DEFAULT` lists them.
//!
//! Left out: DL3004, DL3006 and DL3007, which the lessons `sudo`, untagged
//! base and `latest` base cover (DP207, DP205, DP206).
//!
//! DL3026 and DL3049–DL3056, DL3058 read hadolint's configuration (trusted
//! registries, a label schema) from `CheckOptions::settings`; with none
//! they find nothing, as in hadolint.
//!
//! Where hadolint is known to be wrong these rules differ on purpose: a
//! cache mount that holds a package cache satisfies the "remove the cache"
//! rules, and heredoc bodies are checked only when a shell runs them. Like
//! hadolint, they check every stage; a finding in a stage the target does
//! not build is marked (`Finding::stage_built`).

use crate::lint::Rule;

mod i18n;
mod util;

pub use i18n::summary_zh;

/// hadolint rules and the BuildKit checks that say the same thing. The
/// mirror stays quiet where its BuildKit twin reports (see `util::Twin`), so
/// a suppression naming either code should silence both.
pub static TWINS: &[(&str, &str)] = &[
    ("DL3000", "WorkdirRelativePath"),
    ("DL3024", "DuplicateStageName"),
    ("DL3025", "JSONArgsRecommended"),
    ("DL3029", "FromPlatformFlagConstDisallowed"),
    ("DL3063", "ReservedStageName"),
    ("DL3064", "SecretsUsedInArgOrEnv"),
    ("DL3065", "RedundantTargetPlatform"),
    ("DL4000", "MaintainerDeprecated"),
];

pub mod dl1001;
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
pub mod dl3026;
pub mod dl3027;
pub mod dl3028;
pub mod dl3029;
pub mod dl3030;
pub mod dl3032;
pub mod dl3033;
pub mod dl3034;
pub mod dl3035;
pub mod dl3036;
pub mod dl3037;
pub mod dl3038;
pub mod dl3040;
pub mod dl3041;
pub mod dl3042;
pub mod dl3043;
pub mod dl3044;
pub mod dl3045;
pub mod dl3046;
pub mod dl3047;
pub mod dl3048;
pub mod dl3049;
pub mod dl3050;
pub mod dl3051;
pub mod dl3052;
pub mod dl3053;
pub mod dl3054;
pub mod dl3055;
pub mod dl3056;
pub mod dl3057;
pub mod dl3058;
pub mod dl3059;
pub mod dl3060;
pub mod dl3061;
pub mod dl3062;
pub mod dl3063;
pub mod dl3064;
pub mod dl3065;
pub mod dl3066;
pub mod dl3067;
pub mod dl4000;
pub mod dl4001;
pub mod dl4003;
pub mod dl4004;
pub mod dl4005;
pub mod dl4006;

pub static RULES: &[&Rule] = &[
    &dl1001::RULE,
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
    &dl3026::RULE,
    &dl3027::RULE,
    &dl3028::RULE,
    &dl3029::RULE,
    &dl3030::RULE,
    &dl3032::RULE,
    &dl3033::RULE,
    &dl3034::RULE,
    &dl3035::RULE,
    &dl3036::RULE,
    &dl3037::RULE,
    &dl3038::RULE,
    &dl3040::RULE,
    &dl3041::RULE,
    &dl3042::RULE,
    &dl3043::RULE,
    &dl3044::RULE,
    &dl3045::RULE,
    &dl3046::RULE,
    &dl3047::RULE,
    &dl3048::RULE,
    &dl3049::RULE,
    &dl3050::RULE,
    &dl3051::RULE,
    &dl3052::RULE,
    &dl3053::RULE,
    &dl3054::RULE,
    &dl3055::RULE,
    &dl3056::RULE,
    &dl3057::RULE,
    &dl3058::RULE,
    &dl3059::RULE,
    &dl3060::RULE,
    &dl3061::RULE,
    &dl3062::RULE,
    &dl3063::RULE,
    &dl3064::RULE,
    &dl3065::RULE,
    &dl3066::RULE,
    &dl3067::RULE,
    &dl4000::RULE,
    &dl4001::RULE,
    &dl4003::RULE,
    &dl4004::RULE,
    &dl4005::RULE,
    &dl4006::RULE,
];
