//! A small argument scanner shared by the subcommands: positional words and
//! `--name value` / `--name=value` options.

use std::collections::BTreeMap;
use std::io::Read;

pub struct Args {
    pub positional: Vec<String>,
    pub options: BTreeMap<String, String>,
}

/// Splits `argv` into positionals and options; `known` lists the option
/// names that take a value, so a typo is an error rather than a surprise.
pub fn scan(argv: &[String], known: &[&str]) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut options = BTreeMap::new();
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        if let Some(opt) = arg.strip_prefix("--") {
            let (name, value) = match opt.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None => {
                    let v = it.next().ok_or_else(|| format!("--{opt} needs a value"))?;
                    (opt.to_string(), v.clone())
                }
            };
            if !known.contains(&name.as_str()) {
                return Err(format!("unknown option --{name}"));
            }
            options.insert(name, value);
        } else {
            positional.push(arg.clone());
        }
    }
    Ok(Args { positional, options })
}

impl Args {
    pub fn format(&self, allowed: &[&str]) -> Result<String, String> {
        let f = self.options.get("format").cloned().unwrap_or_else(|| allowed[0].to_string());
        if allowed.contains(&f.as_str()) {
            Ok(f)
        } else {
            Err(format!("--format must be one of {}", allowed.join(", ")))
        }
    }

    /// The reader's language: `--lang en|zh-CN`, else the environment's
    /// locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub fn lang(&self) -> Result<dockerplay_core::Lang, String> {
        match self.options.get("lang") {
            Some(code) => dockerplay_core::Lang::from_code(code)
                .ok_or_else(|| format!("--lang must be en or zh-CN, not {code:?}")),
            None => Ok(dockerplay_core::Lang::from_env(|k| std::env::var(k).ok())),
        }
    }

    /// The files the arguments name, read: `(name, text)` each, and
    /// whether there are several (more than one argument, or a directory,
    /// which is searched for Dockerfiles as `check` does). One FILE (or `-`)
    /// is read as before.
    pub fn inputs(&self) -> Result<(Vec<(String, String)>, bool), String> {
        if self.positional.len() == 1 && !std::path::Path::new(&self.positional[0]).is_dir() {
            let file = self.file()?;
            return Ok((vec![(file.to_string(), read_input(file)?)], false));
        }
        if self.positional.is_empty() {
            return Err("missing FILE (use - for standard input)".into());
        }
        let mut out = Vec::new();
        for input in crate::discover::inputs(&self.positional)? {
            let path = input.path.as_ref().map_or("-".to_string(), |p| p.to_string_lossy().into_owned());
            out.push((input.name, read_input(&path)?));
        }
        Ok((out, true))
    }

    /// The single FILE argument.
    pub fn file(&self) -> Result<&str, String> {
        match self.positional.as_slice() {
            [f] => Ok(f),
            [] => Err("missing FILE (use - for standard input)".into()),
            _ => Err("expected exactly one FILE".into()),
        }
    }
}

/// Takes out every `--NAME VALUE` (or `--NAME=VALUE`), for options that
/// may be given more than once: their values, and the other arguments.
pub fn take_repeated(argv: &[String], name: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let (flag, prefix) = (format!("--{name}"), format!("--{name}="));
    let mut values = Vec::new();
    let mut rest = Vec::new();
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        if *arg == flag {
            values.push(it.next().ok_or_else(|| format!("{flag} needs a value"))?.clone());
        } else if let Some(v) = arg.strip_prefix(&prefix) {
            values.push(v.to_string());
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((values, rest))
}

/// Prints one file's result among several: JSON as one line with the file
/// first (JSON lines), text under a `==> FILE <==` header.
pub fn print_many(file: &str, json: Option<serde_json::Value>, text: &str) {
    match json {
        Some(serde_json::Value::Object(map)) => {
            let mut line = serde_json::Map::new();
            line.insert("file".into(), serde_json::Value::String(file.to_string()));
            line.extend(map);
            println!("{}", serde_json::Value::Object(line));
        }
        Some(other) => println!("{}", serde_json::json!({"file": file, "result": other})),
        None => print!("==> {file} <==\n{text}"),
    }
}

/// Reads a file, or standard input for `-`. Invalid UTF-8 is replaced, not
/// rejected: a Dockerfile with a stray byte is still worth analysing.
pub fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
