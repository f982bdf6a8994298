//! `dockerplay`: the core analyses on the command line, for CI and scripts.
//! Each subcommand lives in its own module; this file only dispatches.

mod args;
mod check;
mod config;
mod discover;
mod fix;
mod format;
mod graph;
mod parse;
mod share;
mod shellcheck;
mod simulate;
mod size;
mod yaml;

use std::process::ExitCode;

const USAGE: &str = "\
usage: dockerplay <command> [options]

commands:
  parse FILE [--format json|text]        the parsed model and diagnostics
  simulate FILE [--format json|text]     layer cache simulation over builds
  size FILE [--format text|json] [--target T] [--base REF] [--bandwidth MBPS]
                                         image size estimate
  graph FILE [--target T] [--build-arg K=V,...] [--format json|dot|svg]
                                         the multi-stage build graph
  check FILE|DIR... [--format text|json|sarif|checkstyle|codeclimate|
        gitlab_codeclimate|gnu|github] [--failure-threshold LEVEL]
        [--config FILE] [--target T] [--all-stages] [--experimental]
        [--enable CODE,...] [--context DIR] [--fix [--dry-run]] [--no-fail]
        [--ignore CODE] [--error|--warning|--info|--style CODE]
        [--trusted-registry REG] [--require-label NAME:TYPE]
        [--strict-labels] [--disable-ignore-pragma] [--lang en|zh-CN]
                                         best-practice findings; reads
                                         .hadolint.yaml, HADOLINT_* and
                                         dockerplay.toml (docs/cli.md)
  share FILE [--base URL]                print a permalink
  share --lesson FILE [--step N]         print a permalink to a lesson (JSON)
  open URL [--print dockerfile|lesson]   print the Dockerfile (or lesson) a permalink holds

FILE may be - for standard input. Exit code 0 unless the input is unreadable
or malformed (check: unless a finding reaches the failure threshold).";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = argv.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "parse" => parse::run(rest),
        "simulate" => simulate::run(rest),
        "size" => size::run(rest),
        "graph" => graph::run(rest),
        "check" => check::run(rest),
        "share" => share::run(rest),
        "open" => share::run_open(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("dockerplay: {message}");
            ExitCode::from(2)
        }
    }
}
