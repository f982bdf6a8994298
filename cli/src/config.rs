//! Configuration of `dockerplay check`: hadolint's `.hadolint.yaml` and
//! `HADOLINT_*` environment variables with hadolint 2.15.1's meaning, our
//! own `dockerplay.toml` for what hadolint has no word for, and the
//! command line.
//!
//! Sources, as hadolint combines them (hadolint: app/Main.hs and
//! src/Hadolint/Config/Configuration.hs): the environment, then the
//! configuration file, then the command line; a later source's setting
//! wins, and lists (ignored rules, overrides, trusted registries, the label
//! schema) are joined. `dockerplay.toml` comes after `.hadolint.yaml`.
//!
//! The hadolint file is `--config FILE`, else the first of `./.hadolint.yaml`,
//! `./.hadolint.yml`, `$XDG_CONFIG_HOME/hadolint.yaml` (`~/.config`),
//! `~/.hadolint/hadolint.yaml`, `~/.hadolint/config.yaml` (each also
//! `.yml`) and `~/.hadolint.yaml` (hadolint: src/Hadolint/Config/Configfile.hs).
//! `dockerplay.toml` is read from the working directory, or given as
//! `--config FILE.toml`.
//!
//! Unlike hadolint, which prints a broken file's error and goes on without
//! it, a broken configuration stops the run (exit 2) with the file, the
//! line and the key: a CI job should not pass on settings it never read.

use crate::yaml::{self, Item, Node};
use dockerplay_core::lint::{self, CheckOptions, Finding, LabelType, Rule, RuleSettings};
use dockerplay_core::Severity;
use std::path::{Path, PathBuf};

/// hadolint's severities, most severe first. `Style` is below `Info`: by
/// default only DL3048 has it, and findings of it do not fail a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
    Info,
    Style,
}

impl Level {
    pub fn parse(name: &str) -> Option<Level> {
        Some(match name {
            "error" => Level::Error,
            "warning" => Level::Warning,
            "info" => Level::Info,
            "style" => Level::Style,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Style => "style",
        }
    }

    /// The closest of core's severities (for the JSON and SARIF shapes).
    pub fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info | Level::Style => Severity::Info,
        }
    }

    /// A rule's default level: its severity, except the rules hadolint
    /// rates "style" (hadolint: src/Hadolint/Rule/DL3048.hs).
    pub fn default_for(rule: Option<&Rule>, severity: Severity) -> Level {
        if rule.and_then(crate::format::hadolint_code).is_some_and(|c| STYLE_RULES.contains(&c))
            && severity == Severity::Info
        {
            return Level::Style;
        }
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }
}

/// hadolint's rules whose default severity is "style".
const STYLE_RULES: &[&str] = &["DL3048"];

/// When a run fails: at a finding at least this severe, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    At(Level),
    /// `none` or `ignore`. hadolint reads these as "ignore", below every
    /// severity, so that every finding fails; here they mean no finding
    /// fails, as `--failure-threshold none` always has.
    Never,
}

impl Threshold {
    pub fn parse(name: &str) -> Option<Threshold> {
        match name {
            "none" | "ignore" => Some(Threshold::Never),
            other => Level::parse(other).map(Threshold::At),
        }
    }

    pub fn fails(self, level: Level) -> bool {
        matches!(self, Threshold::At(t) if level <= t)
    }
}

/// Settings from one source; `None` and empty lists say nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Partial {
    pub no_fail: Option<bool>,
    pub format: Option<String>,
    /// `override`: rules raised or lowered to a level.
    pub overrides: Vec<(Level, String)>,
    pub ignored: Vec<String>,
    pub trusted_registries: Vec<String>,
    pub label_schema: Vec<(String, LabelType)>,
    pub strict_labels: Option<bool>,
    pub disable_ignore_pragma: Option<bool>,
    pub failure_threshold: Option<Threshold>,
    // What only dockerplay.toml (or our own flags) can say.
    pub enable: Vec<String>,
    pub experimental: Option<bool>,
    pub all_stages: Option<bool>,
    /// BuildKit's check settings, as `# check=` takes them
    /// (`skip=A,B;error=true;experimental=all`).
    pub buildkit_check: Option<String>,
    pub language: Option<String>,
}

impl Partial {
    /// This source followed by a later one: the later one's settings win,
    /// lists are joined.
    pub fn then(mut self, later: Partial) -> Partial {
        fn pick<T>(a: &mut Option<T>, b: Option<T>) {
            if b.is_some() {
                *a = b;
            }
        }
        pick(&mut self.no_fail, later.no_fail);
        pick(&mut self.format, later.format);
        pick(&mut self.strict_labels, later.strict_labels);
        pick(&mut self.disable_ignore_pragma, later.disable_ignore_pragma);
        pick(&mut self.failure_threshold, later.failure_threshold);
        pick(&mut self.experimental, later.experimental);
        pick(&mut self.all_stages, later.all_stages);
        pick(&mut self.buildkit_check, later.buildkit_check);
        pick(&mut self.language, later.language);
        self.overrides.extend(later.overrides);
        self.ignored.extend(later.ignored);
        self.trusted_registries.extend(later.trusted_registries);
        for (name, ty) in later.label_schema {
            self.label_schema.retain(|(n, _)| *n != name);
            self.label_schema.push((name, ty));
        }
        self.enable.extend(later.enable);
        self
    }
}

/// The settings in force, and the files they came from.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub settings: Partial,
    pub files: Vec<PathBuf>,
    /// Notes for standard error (unknown keys, which hadolint skips too).
    pub warnings: Vec<String>,
}

impl Config {
    /// The check options these settings ask for.
    pub fn check_options(&self) -> CheckOptions {
        let s = &self.settings;
        let mut label_schema = s.label_schema.clone();
        label_schema.sort();
        let mut enable = s.enable.clone();
        // Raising a rule that is off by default (severity "ignore" in
        // hadolint) turns it on, as `hadolint --info DL3057` does.
        enable.extend(s.overrides.iter().map(|(_, code)| code.clone()).filter(|c| lint::registry::lookup(c).is_some()));
        CheckOptions {
            all_stages: s.all_stages.unwrap_or(false),
            experimental: s.experimental.unwrap_or(false),
            enable,
            settings: RuleSettings {
                trusted_registries: s.trusted_registries.clone(),
                label_schema,
                strict_labels: s.strict_labels.unwrap_or(false),
            },
            disable_ignore_pragma: s.disable_ignore_pragma.unwrap_or(false),
        }
    }

    /// A finding's level after `override`, or None when `ignored` drops it
    /// (hadolint: src/Hadolint/Lint.hs `fixSeverity`: the "error" list is
    /// applied last, so it wins over the others).
    pub fn level(&self, finding: &Finding) -> Option<Level> {
        let rule = lint::rule(finding.code);
        let named = |code: &String| {
            rule.is_some_and(|r| lint::registry::names(r, code)) || code.eq_ignore_ascii_case(finding.code)
        };
        if self.settings.ignored.iter().any(named) {
            return None;
        }
        let mut level = Level::default_for(rule, finding.severity);
        for target in [Level::Style, Level::Info, Level::Warning, Level::Error] {
            if self.settings.overrides.iter().any(|(l, code)| *l == target && named(code)) {
                level = target;
            }
        }
        Some(level)
    }

    /// `failure-threshold`, `info` by default as in hadolint.
    pub fn threshold(&self) -> Threshold {
        self.settings.failure_threshold.unwrap_or(Threshold::At(Level::Info))
    }
}

/// Where to look, for testing without the real environment.
pub struct Environment<'a> {
    pub var: &'a dyn Fn(&str) -> Option<String>,
    pub cwd: PathBuf,
    pub home: Option<PathBuf>,
}

impl Environment<'_> {
    pub fn real() -> Environment<'static> {
        Environment {
            var: &|name| std::env::var(name).ok(),
            cwd: std::env::current_dir().unwrap_or_default(),
            home: std::env::var_os("HOME").map(PathBuf::from),
        }
    }
}

/// Reads every source and combines them with the command line's.
pub fn load(explicit: Option<&str>, command_line: Partial, env: &Environment) -> Result<Config, String> {
    let mut config = Config::default();
    let mut settings = from_environment(env.var);
    let read = |path: &Path, config: &mut Config, toml: bool| -> Result<Partial, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        config.files.push(path.to_path_buf());
        // A file found in the working directory is named as the user knows it.
        let name = path.strip_prefix(&env.cwd).unwrap_or(path).display().to_string();
        if toml {
            from_toml(&name, &text, &mut config.warnings)
        } else {
            from_yaml(&name, &text, &mut config.warnings)
        }
    };
    let is_toml = |p: &Path| p.extension().is_some_and(|e| e == "toml");
    match explicit {
        Some(path) => {
            let path = Path::new(path);
            settings = settings.then(read(path, &mut config, is_toml(path))?);
        }
        None => {
            if let Some(path) = hadolint_file(env) {
                settings = settings.then(read(&path, &mut config, false)?);
            }
            let ours = env.cwd.join("dockerplay.toml");
            if ours.is_file() {
                settings = settings.then(read(&ours, &mut config, true)?);
            }
        }
    }
    config.settings = settings.then(command_line);
    Ok(config)
}

/// The first hadolint configuration file that exists, in hadolint's order.
fn hadolint_file(env: &Environment) -> Option<PathBuf> {
    let hidden = [".hadolint.yaml", ".hadolint.yml"];
    let visible = ["hadolint.yaml", "hadolint.yml"];
    let mut candidates: Vec<PathBuf> = hidden.iter().map(|f| env.cwd.join(f)).collect();
    let xdg = (env.var)("XDG_CONFIG_HOME").map(PathBuf::from).or_else(|| env.home.as_ref().map(|h| h.join(".config")));
    if let Some(dir) = xdg {
        candidates.extend(visible.iter().map(|f| dir.join(f)));
    }
    if let Some(home) = &env.home {
        candidates
            .extend(visible.iter().chain(["config.yaml", "config.yml"].iter()).map(|f| home.join(".hadolint").join(f)));
        candidates.extend(hidden.iter().map(|f| home.join(f)));
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// hadolint's `HADOLINT_*` variables (hadolint: src/Hadolint/Config/Environment.hs):
/// comma-separated lists, truthy `1`/`y`/`on`/`true`/`yes`; a value hadolint
/// cannot read (a bad threshold or label type) is skipped, as there.
pub fn from_environment(var: &dyn Fn(&str) -> Option<String>) -> Partial {
    let truthy =
        |name: &str| var(name).map(|v| ["1", "y", "on", "true", "yes"].contains(&v.to_ascii_lowercase().as_str()));
    let list = |name: &str| -> Vec<String> {
        var(name).map(|v| v.split(',').map(str::to_string).collect()).unwrap_or_default()
    };
    let mut p = Partial {
        no_fail: truthy("HADOLINT_NOFAIL"),
        strict_labels: truthy("HADOLINT_STRICT_LABELS"),
        disable_ignore_pragma: truthy("HADOLINT_DISABLE_IGNORE_PRAGMA"),
        ..Partial::default()
    };
    p.format = var("HADOLINT_FORMAT").and_then(|v| {
        v.split(',').map(str::to_string).find(|f| crate::format::FORMATS.contains(&crate::format::canonical(f)))
    });
    for (level, name) in [
        (Level::Error, "HADOLINT_OVERRIDE_ERROR"),
        (Level::Warning, "HADOLINT_OVERRIDE_WARNING"),
        (Level::Info, "HADOLINT_OVERRIDE_INFO"),
        (Level::Style, "HADOLINT_OVERRIDE_STYLE"),
    ] {
        p.overrides.extend(list(name).into_iter().map(|c| (level, c)));
    }
    p.ignored = list("HADOLINT_IGNORE");
    p.trusted_registries = list("HADOLINT_TRUSTED_REGISTRIES");
    for pair in list("HADOLINT_REQUIRE_LABELS") {
        let (name, ty) = pair.split_once(':').unwrap_or((&pair, ""));
        if let Some(ty) = LabelType::parse(ty) {
            p.label_schema.push((name.to_string(), ty));
        }
    }
    p.failure_threshold = var("HADOLINT_FAILURE_THRESHOLD").and_then(|v| Threshold::parse(&v));
    p
}

/// A configuration error: `FILE:LINE: key `a.b`: message`.
fn fail(file: &str, line: usize, key: &str, message: impl std::fmt::Display) -> String {
    format!("{file}:{line}: key `{key}`: {message}")
}

/// A hadolint `.hadolint.yaml`.
pub fn from_yaml(file: &str, text: &str, warnings: &mut Vec<String>) -> Result<Partial, String> {
    let root = yaml::parse(text).map_err(|e| format!("{file}:{}: {}", e.line, e.message))?;
    interpret(file, &root, Flavor::Hadolint, warnings)
}

/// Our `dockerplay.toml`: hadolint's keys (with `trusted-registries` for
/// `trustedRegistries`) plus `enable`, `experimental`, `all-stages`,
/// `buildkit-check` and `language`.
pub fn from_toml(file: &str, text: &str, warnings: &mut Vec<String>) -> Result<Partial, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        format!("{file}:{line}: {}", e.message())
    })?;
    let root = Item { line: 1, node: toml_node(&toml::Value::Table(table), text, None) };
    interpret(file, &root, Flavor::Dockerplay, warnings)
}

/// A TOML value as the YAML reader's tree. TOML values carry no position
/// here, so a key's line is where `key =` or `[key]` is first written.
fn toml_node(value: &toml::Value, text: &str, _parent: Option<&str>) -> Node {
    let scalar = |s: String| Node::Scalar { text: s, quoted: false };
    match value {
        toml::Value::String(s) => Node::Scalar { text: s.clone(), quoted: true },
        toml::Value::Integer(i) => scalar(i.to_string()),
        toml::Value::Float(f) => scalar(f.to_string()),
        toml::Value::Boolean(b) => scalar(b.to_string()),
        toml::Value::Datetime(d) => scalar(d.to_string()),
        toml::Value::Array(items) => {
            Node::Seq(items.iter().map(|v| Item { line: 0, node: toml_node(v, text, None) }).collect())
        }
        toml::Value::Table(t) => Node::Map(
            t.iter()
                .map(|(k, v)| (k.clone(), Item { line: key_line(text, k), node: toml_node(v, text, Some(k)) }))
                .collect(),
        ),
    }
}

/// The first line that defines `key` (`key =`, `"key" =` or `[key]`).
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            let rest = l.strip_prefix(key).or_else(|| l.strip_prefix(&format!("\"{key}\""))).map(str::trim_start);
            rest.is_some_and(|r| r.starts_with('=')) || l.trim_end() == format!("[{key}]")
        })
        .map_or(1, |i| i + 1)
}

#[derive(Clone, Copy, PartialEq)]
enum Flavor {
    Hadolint,
    Dockerplay,
}

/// The keys of a configuration, read into a `Partial`.
fn interpret(file: &str, root: &Item, flavor: Flavor, warnings: &mut Vec<String>) -> Result<Partial, String> {
    let mut p = Partial::default();
    let entries = match &root.node {
        Node::Null => return Ok(p),
        Node::Map(entries) => entries,
        _ => return Err(format!("{file}:{}: the configuration must be a mapping of keys", root.line)),
    };
    // A TOML array's items have no line of their own: they take their key's.
    let line_of = |item: &Item, key_line: usize| if item.line == 0 { key_line } else { item.line };
    for (key, item) in entries {
        let line = item.line.max(1);
        let string = |item: &Item, key: &str| -> Result<String, String> {
            match &item.node {
                Node::Scalar { text, .. } => Ok(text.clone()),
                _ => Err(fail(file, line_of(item, line), key, "expected a single value")),
            }
        };
        let boolean = |item: &Item| -> Result<bool, String> {
            match &item.node {
                Node::Scalar { text, quoted: false } if ["true", "True", "TRUE"].contains(&text.as_str()) => Ok(true),
                Node::Scalar { text, quoted: false } if ["false", "False", "FALSE"].contains(&text.as_str()) => {
                    Ok(false)
                }
                _ => Err(fail(file, line, key, "expected true or false")),
            }
        };
        let strings = |item: &Item, key: &str| -> Result<Vec<String>, String> {
            match &item.node {
                Node::Null => Ok(Vec::new()),
                Node::Seq(items) => items.iter().map(|i| string(i, key)).collect(),
                _ => Err(fail(file, line_of(item, line), key, "expected a list, such as [DL3008, DL3015]")),
            }
        };
        match key.as_str() {
            "no-fail" => p.no_fail = Some(boolean(item)?),
            "no-color" | "verbose" => {
                boolean(item)?;
            }
            "format" => p.format = Some(format_name(file, line, key, &string(item, key)?)?),
            "formats" => {
                for f in strings(item, key)? {
                    let f = format_name(file, line, key, &f)?;
                    p.format.get_or_insert(f);
                }
            }
            "override" => match &item.node {
                Node::Null => {}
                Node::Map(levels) => {
                    for (name, codes) in levels {
                        let path = format!("override.{name}");
                        let Some(level) = Level::parse(name) else {
                            return Err(fail(file, codes.line, &path, "must be error, warning, info or style"));
                        };
                        p.overrides.extend(strings(codes, &path)?.into_iter().map(|c| (level, c)));
                    }
                }
                _ => {
                    return Err(fail(
                        file,
                        line,
                        key,
                        "expected a mapping of error, warning, info and style to lists of rules",
                    ))
                }
            },
            "ignored" => p.ignored = strings(item, key)?,
            "trustedRegistries" | "trusted-registries" => p.trusted_registries = strings(item, key)?,
            "label-schema" => match &item.node {
                Node::Null => {}
                Node::Map(labels) => {
                    for (name, ty) in labels {
                        let path = format!("label-schema.{name}");
                        let t = match &ty.node {
                            Node::Null => String::new(),
                            _ => string(ty, &path)?,
                        };
                        let Some(t) = LabelType::parse(&t) else {
                            return Err(fail(
                                file,
                                ty.line.max(line),
                                &path,
                                format!("`{t}` is no label type: use text, url, email, hash, rfc3339, semver or spdx"),
                            ));
                        };
                        p.label_schema.push((name.clone(), t));
                    }
                }
                _ => return Err(fail(file, line, key, "expected a mapping of label names to types")),
            },
            "strict-labels" => p.strict_labels = Some(boolean(item)?),
            "disable-ignore-pragma" => p.disable_ignore_pragma = Some(boolean(item)?),
            "failure-threshold" => {
                let v = string(item, key)?;
                p.failure_threshold = Some(Threshold::parse(&v).ok_or_else(|| {
                    fail(file, line, key, format!("`{v}` must be error, warning, info, style or none"))
                })?);
            }
            "enable" if flavor == Flavor::Dockerplay => {
                let names = strings(item, key)?;
                if let Some(bad) =
                    names.iter().find(|n| !n.eq_ignore_ascii_case("all") && lint::registry::lookup(n).is_none())
                {
                    return Err(fail(file, line, key, format!("no rule is called `{bad}`")));
                }
                p.enable = names;
            }
            "experimental" if flavor == Flavor::Dockerplay => p.experimental = Some(boolean(item)?),
            "all-stages" if flavor == Flavor::Dockerplay => p.all_stages = Some(boolean(item)?),
            "buildkit-check" if flavor == Flavor::Dockerplay => p.buildkit_check = Some(string(item, key)?),
            "language" if flavor == Flavor::Dockerplay => {
                let v = string(item, key)?;
                if v != "en" && v != "zh" {
                    return Err(fail(file, line, key, format!("`{v}` must be en or zh")));
                }
                p.language = Some(v);
            }
            other => warnings.push(format!("{file}:{line}: unknown key `{other}` (skipped)")),
        }
    }
    Ok(p)
}

fn format_name(file: &str, line: usize, key: &str, name: &str) -> Result<String, String> {
    let f = crate::format::canonical(name);
    if crate::format::FORMATS.contains(&f) {
        Ok(f.to_string())
    } else {
        Err(fail(
            file,
            line,
            key,
            format!("`{name}` is not a format: use one of {}", crate::format::FORMATS.join(", ")),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<Partial, String> {
        from_yaml(".hadolint.yaml", text, &mut Vec::new())
    }

    #[test]
    fn reads_every_hadolint_key() {
        let p = yaml(
            "ignored: [DL3008]\noverride:\n  error: [DL3015]\n  style:\n    - DL3059\ntrustedRegistries:\n  - docker.io\nlabel-schema:\n  maintainer: email\n  notes:\nstrict-labels: true\ndisable-ignore-pragma: true\nfailure-threshold: style\nno-fail: false\nformat: tty\n",
        )
        .unwrap();
        assert_eq!(p.ignored, ["DL3008"]);
        assert_eq!(p.overrides, [(Level::Error, "DL3015".to_string()), (Level::Style, "DL3059".to_string())]);
        assert_eq!(p.trusted_registries, ["docker.io"]);
        assert_eq!(
            p.label_schema,
            [("maintainer".to_string(), LabelType::Email), ("notes".to_string(), LabelType::Text)]
        );
        assert_eq!((p.strict_labels, p.disable_ignore_pragma, p.no_fail), (Some(true), Some(true), Some(false)));
        assert_eq!(p.failure_threshold, Some(Threshold::At(Level::Style)));
        assert_eq!(p.format.as_deref(), Some("text"));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        assert_eq!(
            yaml("ignored: DL3008\n"),
            Err(".hadolint.yaml:1: key `ignored`: expected a list, such as [DL3008, DL3015]".into())
        );
        assert_eq!(
            yaml("a: 1\noverride:\n  fatal: [DL3008]\n"),
            Err(".hadolint.yaml:3: key `override.fatal`: must be error, warning, info or style".into())
        );
        assert_eq!(yaml("label-schema:\n  x: number\n"), Err(".hadolint.yaml:2: key `label-schema.x`: `number` is no label type: use text, url, email, hash, rfc3339, semver or spdx".into()));
        assert_eq!(
            yaml("strict-labels: yes please\n"),
            Err(".hadolint.yaml:1: key `strict-labels`: expected true or false".into())
        );
        assert_eq!(
            yaml("ignored:\n  - [a]\n").map(|_| ()),
            Err(".hadolint.yaml:2: key `ignored`: expected a single value".into())
        );
        let toml =
            from_toml("dockerplay.toml", "language = \"zh\"\n\n[override]\nerror = \"DL3008\"\n", &mut Vec::new());
        assert_eq!(
            toml,
            Err("dockerplay.toml:4: key `override.error`: expected a list, such as [DL3008, DL3015]".into())
        );
        let toml = from_toml("dockerplay.toml", "enable = [\"DL3057\"]\nexperimental = tru\n", &mut Vec::new());
        assert!(toml.as_ref().is_err_and(|e| e.starts_with("dockerplay.toml:2: ")), "{toml:?}");
    }

    #[test]
    fn unknown_keys_are_warned_about_not_fatal() {
        let mut warnings = Vec::new();
        let p = from_yaml("f.yaml", "ignored: [DL3008]\nenable: [DL3057]\n", &mut warnings).unwrap();
        assert_eq!(p.ignored, ["DL3008"]);
        assert_eq!(warnings, ["f.yaml:2: unknown key `enable` (skipped)"]);
    }

    #[test]
    fn environment_as_hadolint_reads_it() {
        let var = |name: &str| -> Option<String> {
            match name {
                "HADOLINT_IGNORE" => Some("DL3008,DL3015".into()),
                "HADOLINT_OVERRIDE_INFO" => Some("DL3057".into()),
                "HADOLINT_REQUIRE_LABELS" => Some("maintainer:email,bad:number,plain".into()),
                "HADOLINT_STRICT_LABELS" => Some("Yes".into()),
                "HADOLINT_NOFAIL" => Some("0".into()),
                "HADOLINT_FAILURE_THRESHOLD" => Some("bogus".into()),
                _ => None,
            }
        };
        let p = from_environment(&var);
        assert_eq!(p.ignored, ["DL3008", "DL3015"]);
        assert_eq!(p.overrides, [(Level::Info, "DL3057".to_string())]);
        assert_eq!(
            p.label_schema,
            [("maintainer".to_string(), LabelType::Email), ("plain".to_string(), LabelType::Text)]
        );
        assert_eq!((p.strict_labels, p.no_fail, p.failure_threshold), (Some(true), Some(false), None));
    }

    #[test]
    fn later_sources_win_and_lists_join() {
        let env = Partial {
            failure_threshold: Some(Threshold::At(Level::Error)),
            ignored: vec!["DL3008".into()],
            no_fail: Some(true),
            ..Partial::default()
        };
        let file = Partial {
            failure_threshold: Some(Threshold::At(Level::Warning)),
            ignored: vec!["DL3015".into()],
            ..Partial::default()
        };
        let cli = Partial { ignored: vec!["DL3059".into()], ..Partial::default() };
        let all = env.then(file).then(cli);
        assert_eq!(all.failure_threshold, Some(Threshold::At(Level::Warning)));
        assert_eq!(all.no_fail, Some(true));
        assert_eq!(all.ignored, ["DL3008", "DL3015", "DL3059"]);
    }

    #[test]
    fn levels_follow_ignored_and_overrides_with_error_winning() {
        let config = Config {
            settings: Partial {
                ignored: vec!["DL3015".into()],
                overrides: vec![
                    (Level::Error, "DL3008".into()),
                    (Level::Style, "DL3008".into()),
                    (Level::Warning, "DL3059".into()),
                ],
                ..Partial::default()
            },
            ..Config::default()
        };
        let text =
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN echo a\nRUN echo b\nLABEL Version=1\n";
        let (findings, _) = lint::check(
            &dockerplay_core::inputs::BuildInput { dockerfile: text.into(), ..Default::default() },
            &config.check_options(),
        );
        let levels: Vec<(Option<&str>, Option<Level>)> = findings
            .iter()
            .map(|f| (lint::rule(f.code).and_then(crate::format::hadolint_code), config.level(f)))
            .filter(|(c, _)| c.is_some())
            .collect();
        assert!(levels.contains(&(Some("DL3008"), Some(Level::Error))), "{levels:?}");
        assert!(levels.contains(&(Some("DL3015"), None)), "{levels:?}");
        assert!(levels.contains(&(Some("DL3059"), Some(Level::Warning))), "{levels:?}");
        assert!(levels.contains(&(Some("DL3048"), Some(Level::Style))), "{levels:?}");
    }

    #[test]
    fn an_override_turns_on_a_rule_hadolint_ignores_by_default() {
        let config = Config {
            settings: Partial { overrides: vec![(Level::Info, "DL3057".into())], ..Partial::default() },
            ..Config::default()
        };
        let (findings, _) = lint::check(
            &dockerplay_core::inputs::BuildInput { dockerfile: "FROM alpine:3.20\n".into(), ..Default::default() },
            &config.check_options(),
        );
        assert!(findings.iter().any(|f| lint::rule(f.code).and_then(crate::format::hadolint_code) == Some("DL3057")));
    }
}
