//! Rough time estimates per step, so that the app can compare a cold build
//! with a cached one. These are teaching defaults (a fast laptop on a good
//! connection), not measurements; the app lets the user edit them.

use crate::syntax::{Args, CommandForm, Instruction};

/// Seconds one kind of command usually takes; the first match in a command
/// counts once, and a command that chains several kinds adds them up.
const RUN_COSTS: &[(&[&str], f64)] = &[
    (
        &[
            "apt-get install",
            "apt install",
            "apk add",
            "yum install",
            "dnf install",
            "microdnf install",
            "zypper install",
        ],
        30.0,
    ),
    (&["apt-get update", "apt update", "apk update", "yum update", "dnf update"], 8.0),
    (
        &[
            "pip install",
            "pip3 install",
            "poetry install",
            "uv sync",
            "uv pip install",
            "pipenv install",
            "conda install",
        ],
        25.0,
    ),
    (&["npm install", "npm ci", "yarn install", "yarn --frozen", "pnpm install", "bun install"], 40.0),
    (
        &[
            "go mod download",
            "cargo fetch",
            "bundle install",
            "composer install",
            "mvn dependency",
            "gradle dependencies",
            "dotnet restore",
        ],
        20.0,
    ),
    (
        &[
            "cargo build",
            "go build",
            "mvn package",
            "mvn install",
            "gradle build",
            "./gradlew",
            "npm run build",
            "yarn build",
            "pnpm build",
            "dotnet publish",
            "make",
            "cmake",
            "gcc ",
            "javac",
        ],
        60.0,
    ),
    (&["curl ", "wget ", "git clone"], 5.0),
];

/// A sensible default duration for an instruction, in seconds: package
/// installs and builds are slow, copies and directory creation fast,
/// metadata free. Pulling a base image counts for FROM.
pub fn estimate_seconds(instr: &Instruction) -> f64 {
    match &instr.args {
        Args::From(f) => {
            if f.image.text.eq_ignore_ascii_case("scratch") {
                0.0
            } else {
                5.0
            }
        }
        Args::Run(run) => {
            let text = match &run.command {
                CommandForm::Shell(s) => s.clone(),
                CommandForm::Exec(v) => v.join(" "),
            };
            let mut text = text.to_ascii_lowercase();
            for h in &instr.heredocs {
                text.push('\n');
                text.push_str(&h.content.to_ascii_lowercase());
            }
            let total: f64 = RUN_COSTS
                .iter()
                .filter(|(needles, _)| needles.iter().any(|n| text.contains(n)))
                .map(|(_, cost)| cost)
                .sum();
            if total > 0.0 {
                total
            } else {
                2.0
            }
        }
        Args::Copy(c) | Args::Add(c) => {
            if c.sources.iter().any(|s| is_remote(&s.text)) {
                3.0
            } else {
                0.5
            }
        }
        Args::Workdir(_) => 0.1,
        _ => 0.0,
    }
}

/// `ADD` sources fetched from the network (BuildKit `isHTTPSource`, `isGitURL`).
pub(crate) fn is_remote(src: &str) -> bool {
    let starts = |p: &str| src.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    let ends =
        |p: &str| src.len() >= p.len() && src.get(src.len() - p.len()..).is_some_and(|s| s.eq_ignore_ascii_case(p));
    starts("http://") || starts("https://") || starts("git@") || starts("git://") || ends(".git")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn check(dockerfile: &str, expect: &[f64]) {
        let (df, _) = parse(dockerfile);
        let got: Vec<f64> = df.instructions.iter().map(|i| estimate_seconds(i)).collect();
        assert_eq!(got, expect, "{dockerfile}");
    }

    #[test]
    fn defaults_by_kind() {
        check("FROM scratch\nCOPY a /\nWORKDIR /x\nENV A=1\n", &[0.0, 0.5, 0.1, 0.0]);
        check("FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN echo hi\n", &[5.0, 38.0, 2.0]);
        check("FROM node\nRUN npm ci\nRUN npm run build\nADD https://x/y.tgz /\n", &[5.0, 40.0, 60.0, 3.0]);
    }
}
