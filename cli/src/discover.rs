//! The files a command reads: each FILE argument as given (`-` is standard
//! input), and in each DIR argument every Dockerfile below it: files named
//! `Dockerfile`, `Containerfile`, `*.Dockerfile` or `Dockerfile.*` (but
//! not `Dockerfile.dockerignore`, BuildKit's ignore file for it), in name
//! order, skipping `.git` and what `.gitignore` files under DIR exclude.
//!
//! `.gitignore` semantics (git's gitignore documentation): blank lines and
//! `#` comments are skipped; `!` re-includes; a trailing `/` matches only
//! directories; a pattern with a `/` before its end is anchored to its
//! file's directory, one without matches a name at any depth; `*`, `?` and
//! `[...]` match within a name and `**` across directories; the last
//! matching pattern wins, and nothing inside an excluded directory is
//! looked at. A `.gitignore` above DIR is not read.

use dockerplay_core::context::glob_match;
use std::path::{Path, PathBuf};

/// One input: the name findings carry, and where to read it (`None`:
/// standard input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
}

/// The inputs the arguments name, in argument order; a directory yields
/// its Dockerfiles. An argument that does not exist is an error, and so is
/// a directory with no Dockerfile in it (a CI job checking nothing should
/// not pass).
pub fn inputs(args: &[String]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Input { name: "-".into(), path: None });
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let before = out.len();
            walk(path, path, &mut Vec::new(), &mut out)?;
            if out.len() == before {
                return Err(format!(
                    "no Dockerfile in {arg} (looked for Dockerfile, Containerfile, *.Dockerfile and Dockerfile.*)"
                ));
            }
        } else if path.exists() {
            out.push(Input { name: arg.clone(), path: Some(path.to_path_buf()) });
        } else {
            return Err(format!("cannot read {arg}: no such file or directory"));
        }
    }
    Ok(out)
}

/// Is this file name one of a Dockerfile's?
pub fn is_dockerfile(name: &str) -> bool {
    name == "Dockerfile"
        || name == "Containerfile"
        || (name.ends_with(".Dockerfile") && name.len() > ".Dockerfile".len())
        || (name.starts_with("Dockerfile.") && !name.ends_with(".dockerignore") && name.len() > "Dockerfile.".len())
}

/// The patterns of one `.gitignore`, relative to its directory.
struct Ignore {
    /// The directory, relative to the walk's root ("" for the root).
    base: String,
    patterns: Vec<Pattern>,
}

struct Pattern {
    /// Path components to match; `**` matches any number of them.
    parts: Vec<String>,
    negate: bool,
    dir_only: bool,
    anchored: bool,
}

fn parse_gitignore(text: &str) -> Vec<Pattern> {
    let mut out = Vec::new();
    for line in text.lines() {
        // Trailing blanks are dropped unless escaped with `\`.
        let mut line = line.trim_end_matches(['\r']);
        while line.ends_with(' ') && !line.ends_with("\\ ") {
            line = &line[..line.len() - 1];
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (negate, line) = match line.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, line.strip_prefix('\\').map_or(line, |_| &line[1..])),
        };
        let (dir_only, line) = match line.strip_suffix('/') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let anchored = line.contains('/');
        let line = line.trim_start_matches('/');
        if line.is_empty() {
            continue;
        }
        out.push(Pattern { parts: line.split('/').map(str::to_string).collect(), negate, dir_only, anchored });
    }
    out
}

/// Does `parts` match all of `path`?
fn match_parts(parts: &[String], path: &[&str]) -> bool {
    match parts.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => (0..=path.len()).any(|skip| match_parts(rest, &path[skip..])),
        Some((first, rest)) => {
            path.split_first().is_some_and(|(name, tail)| glob_match(first, name) && match_parts(rest, tail))
        }
    }
}

/// Whether the `.gitignore`s in force exclude `rel` (relative to the root).
fn ignored(stack: &[Ignore], rel: &str, is_dir: bool) -> bool {
    let mut verdict = false;
    for ignore in stack {
        let Some(local) = (if ignore.base.is_empty() {
            Some(rel)
        } else {
            rel.strip_prefix(&ignore.base).and_then(|r| r.strip_prefix('/'))
        }) else {
            continue;
        };
        let parts: Vec<&str> = local.split('/').collect();
        for p in &ignore.patterns {
            if p.dir_only && !is_dir {
                continue;
            }
            let hit = if p.anchored {
                match_parts(&p.parts, &parts)
            } else {
                parts.last().is_some_and(|name| match_parts(&p.parts, &[name]))
            };
            if hit {
                verdict = !p.negate;
            }
        }
    }
    verdict
}

fn walk(root: &Path, dir: &Path, stack: &mut Vec<Ignore>, out: &mut Vec<Input>) -> Result<(), String> {
    let rel_dir = dir.strip_prefix(root).unwrap_or(Path::new("")).to_string_lossy().replace('\\', "/");
    let pushed = match std::fs::read_to_string(dir.join(".gitignore")) {
        Ok(text) => {
            stack.push(Ignore { base: rel_dir.clone(), patterns: parse_gitignore(&text) });
            true
        }
        Err(_) => false,
    };
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else { continue };
        // Symbolic links are followed for files, never for directories, so
        // that a link cannot make the walk loop.
        let is_dir = kind.is_dir();
        let rel = if rel_dir.is_empty() { name.clone() } else { format!("{rel_dir}/{name}") };
        if name == ".git" || ignored(stack, &rel, is_dir) {
            continue;
        }
        let path = entry.path();
        if is_dir {
            walk(root, &path, stack, out)?;
        } else if is_dockerfile(&name) && path.is_file() {
            // Below `.` a file is named by its relative path, as git and
            // hadolint users write it.
            let shown = if root == Path::new(".") { rel } else { path.to_string_lossy().into_owned() };
            out.push(Input { name: shown, path: Some(path) });
        }
    }
    if pushed {
        stack.pop();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dockerfile_names() {
        for yes in ["Dockerfile", "Containerfile", "api.Dockerfile", "Dockerfile.prod"] {
            assert!(is_dockerfile(yes), "{yes}");
        }
        for no in [
            "dockerfile",
            "Dockerfile.dockerignore",
            "api.Dockerfile.dockerignore",
            ".Dockerfile",
            "Dockerfile.",
            "Dockerfiles",
            "notes.md",
        ] {
            assert!(!is_dockerfile(no), "{no}");
        }
    }

    /// Builds a tree in a fresh temporary directory and lists what a walk of
    /// it finds, relative to it.
    fn found(files: &[(&str, &str)]) -> Vec<String> {
        let root = std::env::temp_dir().join(format!("dockerplay-discover-{}-{}", std::process::id(), files.len()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, content) in files {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, content).unwrap();
        }
        let inputs = inputs(&[root.to_string_lossy().into_owned()]).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&root);
        inputs
            .iter()
            .map(|i| {
                i.name.strip_prefix(&*root.to_string_lossy()).unwrap_or(&i.name).trim_start_matches('/').to_string()
            })
            .collect()
    }

    #[test]
    fn walks_and_respects_gitignore() {
        let got = found(&[
            (
                ".gitignore",
                "# build output\nvendor/\n*.gen.Dockerfile\n/only-root/\nbuild/**/Dockerfile\n!keep.gen.Dockerfile\n",
            ),
            ("Dockerfile", ""),
            ("Dockerfile.dockerignore", ""),
            ("api/app.Dockerfile", ""),
            ("api/x.gen.Dockerfile", ""),
            ("api/keep.gen.Dockerfile", ""),
            ("vendor/Dockerfile", ""),
            ("only-root/Dockerfile", ""),
            ("web/only-root/Dockerfile", ""),
            ("build/a/b/Dockerfile", ""),
            ("build/a/Containerfile", ""),
            ("sub/.gitignore", "Dockerfile.*\n"),
            ("sub/Dockerfile.dev", ""),
            ("sub/Dockerfile", ""),
            (".git/Dockerfile", ""),
        ]);
        assert_eq!(
            got,
            [
                "Dockerfile",
                "api/app.Dockerfile",
                "api/keep.gen.Dockerfile",
                "build/a/Containerfile",
                "sub/Dockerfile",
                "web/only-root/Dockerfile"
            ]
        );
    }

    #[test]
    fn missing_paths_and_empty_directories_are_errors() {
        assert!(inputs(&["/no/such/dockerplay/path".into()]).is_err_and(|e| e.contains("no such file")));
        let empty = std::env::temp_dir().join(format!("dockerplay-empty-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap();
        assert!(inputs(&[empty.to_string_lossy().into_owned()]).is_err_and(|e| e.starts_with("no Dockerfile in")));
        let _ = std::fs::remove_dir_all(&empty);
        assert_eq!(inputs(&["-".into()]), Ok(vec![Input { name: "-".into(), path: None }]));
    }
}
