//! One file per rule. BuildKit's checks and the lessons live here;
//! hadolint's mirrors in `hadolint/`. Every rule is also listed in
//! `registry.rs`.

pub mod hadolint;

// BuildKit's build checks (DP001–DP021).
pub mod consistent_instruction_casing;
pub mod copy_ignored_file;
pub mod duplicate_stage_name;
pub mod expose_invalid_format;
pub mod expose_proto_casing;
pub mod from_as_casing;
pub mod from_platform_flag_const_disallowed;
pub mod invalid_default_arg_in_from;
pub mod invalid_definition_description;
pub mod json_args_recommended;
pub mod legacy_key_value_format;
pub mod maintainer_deprecated;
pub mod multiple_instructions_disallowed;
pub mod no_empty_continuation;
pub mod redundant_target_platform;
pub mod reserved_stage_name;
pub mod secrets_used_in_arg_or_env;
pub mod stage_name_casing;
pub mod undefined_arg_in_from;
pub mod undefined_var;
pub mod workdir_relative_path;

// Dockerplay's optimisation lessons (DP201–).
pub mod build_tools_in_final;
pub mod cache_mount_for_install;
pub mod cache_removed_later;
pub mod consecutive_runs;
pub mod copy_without_dockerignore;
pub mod heavy_base;
pub mod latest_base;
pub mod manifest_after_source;
pub mod minimal_runtime_base;
pub mod secret_files_copied;
pub mod secret_value_in_env;
pub mod sudo;
pub mod unstripped_binary;
pub mod untagged_base;
