//! What package managers a shell command drives: installs, cache clean-ups,
//! their cache directories and dependency manifests. The lessons share it.

use super::shell::ShellCommand;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tool {
    Apt,
    Apk,
    Dnf,
    Yum,
    Zypper,
    Pip,
    Poetry,
    Pipenv,
    Npm,
    Yarn,
    Pnpm,
    Go,
    Cargo,
    Maven,
    Gradle,
    Bundler,
    Composer,
    Dotnet,
}

impl Tool {
    pub fn as_str(self) -> &'static str {
        match self {
            Tool::Apt => "apt-get",
            Tool::Apk => "apk",
            Tool::Dnf => "dnf",
            Tool::Yum => "yum",
            Tool::Zypper => "zypper",
            Tool::Pip => "pip",
            Tool::Poetry => "poetry",
            Tool::Pipenv => "pipenv",
            Tool::Npm => "npm",
            Tool::Yarn => "yarn",
            Tool::Pnpm => "pnpm",
            Tool::Go => "go",
            Tool::Cargo => "cargo",
            Tool::Maven => "mvn",
            Tool::Gradle => "gradle",
            Tool::Bundler => "bundle",
            Tool::Composer => "composer",
            Tool::Dotnet => "dotnet",
        }
    }

    /// System package managers (their installs go to the image's OS).
    pub fn is_system(self) -> bool {
        matches!(self, Tool::Apt | Tool::Apk | Tool::Dnf | Tool::Yum | Tool::Zypper)
    }

    /// The files a dependency install reads, which should be copied (and
    /// installed from) before the rest of the source.
    pub fn manifests(self) -> &'static [&'static str] {
        match self {
            Tool::Pip => &["requirements.txt"],
            Tool::Poetry => &["pyproject.toml", "poetry.lock"],
            Tool::Pipenv => &["Pipfile", "Pipfile.lock"],
            Tool::Npm => &["package.json", "package-lock.json"],
            Tool::Yarn => &["package.json", "yarn.lock"],
            Tool::Pnpm => &["package.json", "pnpm-lock.yaml"],
            Tool::Go => &["go.mod", "go.sum"],
            Tool::Cargo => &["Cargo.toml", "Cargo.lock"],
            Tool::Maven => &["pom.xml"],
            Tool::Gradle => &["build.gradle", "settings.gradle", "build.gradle.kts", "settings.gradle.kts"],
            Tool::Bundler => &["Gemfile", "Gemfile.lock"],
            Tool::Composer => &["composer.json", "composer.lock"],
            Tool::Dotnet => &["*.csproj", "*.sln"],
            _ => &[],
        }
    }

    /// A cache mount target for this tool's download cache, and a test that
    /// an existing cache mount target covers it.
    pub fn cache_dir(self) -> Option<&'static str> {
        Some(match self {
            Tool::Apt => "/var/cache/apt",
            Tool::Apk => "/var/cache/apk",
            Tool::Dnf => "/var/cache/dnf",
            Tool::Yum => "/var/cache/yum",
            Tool::Zypper => "/var/cache/zypp",
            Tool::Pip => "/root/.cache/pip",
            Tool::Poetry => "/root/.cache/pypoetry",
            Tool::Pipenv => "/root/.cache/pipenv",
            Tool::Npm => "/root/.npm",
            Tool::Yarn => "/usr/local/share/.cache/yarn",
            Tool::Pnpm => "/root/.local/share/pnpm/store",
            Tool::Go => "/go/pkg/mod",
            Tool::Cargo => "/usr/local/cargo/registry",
            Tool::Maven => "/root/.m2",
            Tool::Gradle => "/root/.gradle",
            Tool::Bundler | Tool::Composer | Tool::Dotnet => return None,
        })
    }

    /// Does a cache mount at `target` hold this tool's cache?
    pub fn cache_covered_by(self, target: &str) -> bool {
        let t = target.trim_end_matches('/');
        let keys: &[&str] = match self {
            Tool::Apt => &["/var/cache/apt", "/var/lib/apt"],
            Tool::Apk => &["/var/cache/apk", "/etc/apk/cache"],
            Tool::Dnf => &["/var/cache/dnf"],
            Tool::Yum => &["/var/cache/yum"],
            Tool::Zypper => &["/var/cache/zypp"],
            Tool::Pip => &[".cache/pip", "/.cache", "pip"],
            Tool::Poetry => &["pypoetry", "/.cache"],
            Tool::Pipenv => &["pipenv", "/.cache"],
            Tool::Npm => &[".npm", "npm"],
            Tool::Yarn => &["yarn"],
            Tool::Pnpm => &["pnpm"],
            Tool::Go => &["pkg/mod", "go-build", "/go"],
            Tool::Cargo => &["cargo", "/target"],
            Tool::Maven => &[".m2"],
            Tool::Gradle => &[".gradle"],
            Tool::Bundler => &["bundle", "gems"],
            Tool::Composer => &["composer"],
            Tool::Dotnet => &["nuget"],
        };
        keys.iter().any(|k| t.contains(k))
    }
}

/// A command that installs packages or dependencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Install {
    pub tool: Tool,
    /// Installs the project's declared dependencies (`npm ci`, `pip install
    /// -r requirements.txt`, `go mod download`), as opposed to named packages.
    pub from_manifest: bool,
    /// Named packages (`apt-get install curl git` gives `curl`, `git`).
    pub packages: Vec<String>,
    /// The install keeps no download cache in the layer (`apk add
    /// --no-cache`, `pip --no-cache-dir`).
    pub no_cache: bool,
}

/// The program of a command with wrappers removed and `python -m pip`
/// folded to `pip`, and the index of its first argument.
fn program(cmd: &ShellCommand) -> Option<(String, usize)> {
    let name = cmd.program()?;
    let args: Vec<&str> = cmd.arg_values().collect();
    if name.starts_with("python") && args.first() == Some(&"-m") {
        return args.get(1).map(|m| (m.to_string(), 3));
    }
    Some((name.to_string(), 1))
}

fn positional_from(cmd: &ShellCommand, start: usize) -> Vec<String> {
    cmd.words.iter().skip(start).filter(|w| !w.value.starts_with('-')).map(|w| w.value.clone()).collect()
}

/// Classifies an install command (`sudo` and `env` wrappers removed).
pub fn install(cmd: &ShellCommand) -> Option<Install> {
    let cmd = cmd.unwrapped();
    let (name, start) = program(&cmd)?;
    let pos = positional_from(&cmd, start);
    let sub = pos.first().map(String::as_str);
    let rest = || pos.iter().skip(1).cloned().collect::<Vec<_>>();
    let make = |tool, from_manifest, packages, no_cache| Some(Install { tool, from_manifest, packages, no_cache });
    match name.as_str() {
        "apt-get" | "apt" | "aptitude" if matches!(sub, Some("install") | Some("build-dep")) => {
            make(Tool::Apt, false, rest(), false)
        }
        "apk" if sub == Some("add") => make(Tool::Apk, false, rest(), cmd.has_option(None, Some("no-cache"))),
        "dnf" | "microdnf" if sub == Some("install") => make(Tool::Dnf, false, rest(), false),
        "yum" if sub == Some("install") => make(Tool::Yum, false, rest(), false),
        "zypper" if matches!(sub, Some("install") | Some("in")) => make(Tool::Zypper, false, rest(), false),
        n if (n == "pip" || n.starts_with("pip3") || n == "uv")
            && (sub == Some("install") || (n == "uv" && sub == Some("pip"))) =>
        {
            let from_manifest =
                cmd.has_option(Some('r'), Some("requirement")) || pos.iter().any(|p| p == "." || p.starts_with("-e"));
            let no_cache = cmd.has_option(None, Some("no-cache-dir")) || cmd.has_option(None, Some("no-cache"));
            let packages = if from_manifest { Vec::new() } else { rest() };
            make(Tool::Pip, from_manifest, packages, no_cache)
        }
        "poetry" if sub == Some("install") => make(Tool::Poetry, true, Vec::new(), false),
        "pipenv" if matches!(sub, Some("install") | Some("sync")) => make(Tool::Pipenv, true, Vec::new(), false),
        "npm" if matches!(sub, Some("ci") | Some("install") | Some("i")) => {
            let packages = rest();
            make(Tool::Npm, packages.is_empty(), packages, false)
        }
        "yarn" if sub.is_none() || sub == Some("install") => make(Tool::Yarn, true, Vec::new(), false),
        "pnpm" if matches!(sub, Some("install") | Some("i")) => make(Tool::Pnpm, true, Vec::new(), false),
        "go" if sub == Some("mod") && pos.get(1).map(String::as_str) == Some("download") => {
            make(Tool::Go, true, Vec::new(), false)
        }
        "go" if matches!(sub, Some("build") | Some("install")) => make(Tool::Go, true, Vec::new(), false),
        // cargo-chef's `cargo chef cook` builds the dependencies from a recipe.
        "cargo" if sub == Some("chef") && pos.get(1).map(String::as_str) == Some("cook") => {
            make(Tool::Cargo, true, Vec::new(), false)
        }
        "cargo" if matches!(sub, Some("fetch") | Some("build") | Some("install")) => {
            make(Tool::Cargo, sub != Some("install"), Vec::new(), false)
        }
        "mvn" | "mvnw" | "./mvnw" => {
            let deps =
                pos.iter().any(|p| p.starts_with("dependency:") || p == "package" || p == "install" || p == "verify");
            if deps {
                make(Tool::Maven, true, Vec::new(), false)
            } else {
                None
            }
        }
        "gradle" | "gradlew" | "./gradlew" if !pos.is_empty() => make(Tool::Gradle, true, Vec::new(), false),
        "bundle" | "bundler" if matches!(sub, Some("install")) => make(Tool::Bundler, true, Vec::new(), false),
        "composer" if matches!(sub, Some("install")) => make(Tool::Composer, true, Vec::new(), false),
        "dotnet" if sub == Some("restore") => make(Tool::Dotnet, true, Vec::new(), false),
        _ => None,
    }
}

/// Compiles the project rather than only fetching its dependencies
/// (`go build`, `cargo build`, `mvn package`, any Gradle task).
pub fn is_build(c: &ShellCommand) -> bool {
    let c = c.unwrapped();
    match c.program() {
        Some("go" | "cargo") => matches!(c.subcommand(), Some("build") | Some("install")),
        Some("mvn" | "mvnw") => c.positional().any(|p| !p.value.starts_with("dependency:")),
        Some("gradle" | "gradlew") => true,
        _ => false,
    }
}

/// Commands that refresh a system package index (`apt-get update`).
pub fn index_update(cmd: &ShellCommand) -> Option<Tool> {
    let cmd = cmd.unwrapped();
    let (name, start) = program(&cmd)?;
    let pos = positional_from(&cmd, start);
    match (name.as_str(), pos.first().map(String::as_str)) {
        ("apt-get" | "apt", Some("update")) => Some(Tool::Apt),
        ("apk", Some("update")) => Some(Tool::Apk),
        ("dnf" | "yum", Some("makecache")) => Some(Tool::Dnf),
        _ => None,
    }
}

/// The cache a command removes, if it is a clean-up: `rm -rf
/// /var/lib/apt/lists/*`, `apt-get clean`, `apk cache clean`, `pip cache
/// purge`, `npm cache clean`, `yum clean all`, ...
pub fn cache_cleanup(cmd: &ShellCommand) -> Option<Tool> {
    let cmd = cmd.unwrapped();
    let (name, start) = program(&cmd)?;
    let pos = positional_from(&cmd, start);
    let sub = pos.first().map(String::as_str);
    match name.as_str() {
        "apt-get" | "apt" if matches!(sub, Some("clean") | Some("autoclean")) => Some(Tool::Apt),
        "apk" if sub == Some("cache") => Some(Tool::Apk),
        "yum" if sub == Some("clean") => Some(Tool::Yum),
        "dnf" | "microdnf" if sub == Some("clean") => Some(Tool::Dnf),
        "zypper" if matches!(sub, Some("clean") | Some("cc")) => Some(Tool::Zypper),
        n if (n == "pip" || n.starts_with("pip3")) && sub == Some("cache") => Some(Tool::Pip),
        "npm" if sub == Some("cache") => Some(Tool::Npm),
        "yarn" if sub == Some("cache") => Some(Tool::Yarn),
        "rm" => pos.iter().find_map(|p| removed_cache(p)),
        _ => None,
    }
}

/// The tool whose cache a removed path is.
fn removed_cache(path: &str) -> Option<Tool> {
    let p = path.trim_end_matches('*').trim_end_matches('/');
    let table: [(&str, Tool); 10] = [
        ("/var/lib/apt/lists", Tool::Apt),
        ("/var/cache/apt", Tool::Apt),
        ("/var/cache/apk", Tool::Apk),
        ("/var/cache/yum", Tool::Yum),
        ("/var/cache/dnf", Tool::Dnf),
        (".cache/pip", Tool::Pip),
        ("/root/.cache", Tool::Pip),
        (".npm", Tool::Npm),
        ("/usr/local/share/.cache/yarn", Tool::Yarn),
        ("/var/cache/zypp", Tool::Zypper),
    ];
    table.iter().find(|(k, _)| p.ends_with(k) || p.contains(&format!("{k}/"))).map(|(_, t)| *t)
}

/// Does an install of this kind leave a cache in the layer that a later
/// clean-up would target? (`apk add --no-cache` and `pip --no-cache-dir`
/// do not.)
pub fn leaves_cache(i: &Install) -> bool {
    !i.no_cache
        && matches!(
            i.tool,
            Tool::Apt | Tool::Apk | Tool::Dnf | Tool::Yum | Tool::Zypper | Tool::Pip | Tool::Npm | Tool::Yarn
        )
}

/// Compilers and build tools that a runtime image rarely needs.
pub const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "gcc",
    "g++",
    "make",
    "cmake",
    "clang",
    "llvm",
    "autoconf",
    "automake",
    "libtool",
    "pkg-config",
    "pkgconf",
    "musl-dev",
    "libc-dev",
    "libc6-dev",
    "linux-headers",
    "python3-dev",
    "python-dev",
    "gfortran",
    "cargo",
    "rustc",
    "golang",
    "go",
    "maven",
    "gradle",
    "openjdk-17-jdk",
    "openjdk-21-jdk",
    "default-jdk",
    "nodejs-dev",
    "ninja-build",
    "meson",
    "bison",
    "flex",
    "gcc-c++",
    "alpine-sdk",
    "development tools",
];

/// Is this package a compiler, build tool or development header package?
pub fn is_build_package(name: &str) -> bool {
    let n = name.split(['=', ':']).next().unwrap_or(name).to_ascii_lowercase();
    BUILD_PACKAGES.contains(&n.as_str()) || n.ends_with("-dev") || n.ends_with("-devel")
}
