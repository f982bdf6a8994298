//! One-click what-ifs for the app: the current build with a source file or
//! a dependency manifest edited, to show why copying the manifest before the
//! sources pays. Simulate the result with [`super::what_if`].

use super::sha256;
use crate::context::clean_path;
use crate::inputs::{BuildInput, FileBody};

/// File names that list dependencies (and their lock files): editing one
/// re-runs the install step that a well-ordered Dockerfile copies them for.
const MANIFESTS: &[&str] = &[
    "package.json",
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lockb",
    "requirements.txt",
    "pyproject.toml",
    "poetry.lock",
    "Pipfile",
    "Pipfile.lock",
    "uv.lock",
    "setup.py",
    "setup.cfg",
    "go.mod",
    "go.sum",
    "Cargo.toml",
    "Cargo.lock",
    "Gemfile",
    "Gemfile.lock",
    "composer.json",
    "composer.lock",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "settings.gradle",
    "gradle.lockfile",
    "mix.exs",
    "mix.lock",
    "packages.config",
    "Directory.Packages.props",
    "pubspec.yaml",
    "pubspec.lock",
    "Podfile",
    "Podfile.lock",
];

/// Context files that are dependency manifests, in context order.
pub fn dependency_manifests(input: &BuildInput) -> Vec<String> {
    files(input).filter(|p| is_manifest(p)).collect()
}

/// Context files that are neither manifests nor build plumbing
/// (`Dockerfile`, `.dockerignore`), in context order: candidates for "edit a
/// source file".
pub fn source_files(input: &BuildInput) -> Vec<String> {
    files(input).filter(|p| !is_manifest(p) && p != "Dockerfile" && p != ".dockerignore").collect()
}

/// `input` with the file at `path` edited: a text file gains a line, a
/// binary placeholder gets another digest. Unknown paths and directories
/// leave it unchanged.
pub fn with_file_edited(input: &BuildInput, path: &str) -> BuildInput {
    let mut out = input.clone();
    let want = clean_path(path);
    for f in out.files.iter_mut().filter(|f| clean_path(&f.path) == want) {
        match &mut f.body {
            FileBody::Text { content } => content.push_str("\n// edited\n"),
            FileBody::Blob { digest, .. } => *digest = sha256::digest(format!("edited {digest}").as_bytes()),
            FileBody::Dir { .. } => {}
        }
    }
    out
}

fn files(input: &BuildInput) -> impl Iterator<Item = String> + '_ {
    input.files.iter().filter(|f| !f.is_dir()).map(|f| clean_path(&f.path))
}

fn is_manifest(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    MANIFESTS.contains(&name) || name.ends_with(".csproj") || name.ends_with(".gemspec")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::{what_if, History, Options, Status};
    use crate::inputs::ContextFile;

    /// Misses of the current build after editing `path`, given one recorded build.
    fn check(dockerfile: &str, path: &str, expect_missed_lines: &[u32]) {
        let input = BuildInput {
            dockerfile: dockerfile.to_string(),
            files: vec![
                ContextFile::text("package.json", "{}"),
                ContextFile::text("src/index.js", "x"),
                ContextFile::text("README.md", "r"),
            ],
            ..Default::default()
        };
        let mut history = History::new();
        history.record(&history.preview(&input, &Default::default(), &Options::default()));
        let (report, _) = what_if(&history, &with_file_edited(&input, path), &Default::default(), &Options::default());
        let missed: Vec<u32> = report.steps.iter().filter(|s| s.status == Status::Miss).map(|s| s.line).collect();
        assert_eq!(missed, expect_missed_lines, "{dockerfile} after editing {path}");
    }

    #[test]
    fn manifest_first_keeps_the_install_cached() {
        let good = "FROM node:22\nCOPY package.json ./\nRUN npm ci\nCOPY src/ ./src/\nRUN npm run build\n";
        let bad = "FROM node:22\nCOPY . .\nRUN npm ci\nRUN npm run build\n";
        check(good, "src/index.js", &[4, 5]);
        check(good, "package.json", &[2, 3, 4, 5]);
        check(bad, "src/index.js", &[2, 3, 4]);
        check(bad, "nope.txt", &[]);
    }

    #[test]
    fn classifies_files() {
        let input = BuildInput {
            files: vec![
                ContextFile::text("app/go.mod", ""),
                ContextFile::text("main.go", ""),
                ContextFile::text(".dockerignore", ""),
                ContextFile::text("x.csproj", ""),
            ],
            ..Default::default()
        };
        assert_eq!(dependency_manifests(&input), vec!["app/go.mod", "x.csproj"]);
        assert_eq!(source_files(&input), vec!["main.go"]);
    }
}
