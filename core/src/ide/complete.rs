//! Completion at an offset: instructions at the start of a line, each
//! instruction's flags, `--mount` keys and values, stage names after
//! `--from=` and `FROM`, ARG/ENV names after `$` and `${`, base images with
//! their sizes from the catalogue, and package names from the shipped
//! tables after `apt-get install`, `apk add`, `pip install` and
//! `npm install`.

use super::docs;
use super::{clamp, is_name, is_word, word_at, Lang};
use crate::size::catalogue;
use crate::size::data;
use crate::size::megabytes;
use crate::span::Span;
use crate::syntax::{self, Args, Dockerfile, Keyword};

/// What a completion inserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    Flag,
    Value,
    Stage,
    Variable,
    Image,
    Package,
}

impl Kind {
    /// CodeMirror's completion type names.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Keyword => "keyword",
            Kind::Flag => "property",
            Kind::Value => "enum",
            Kind::Stage => "class",
            Kind::Variable => "variable",
            Kind::Image => "type",
            Kind::Package => "namespace",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub kind: Kind,
    /// Shown beside the label (an image's size, a variable's value).
    pub detail: Option<String>,
    /// Shown in the side panel (an instruction's documentation).
    pub info: Option<String>,
    /// Higher sorts first among equal matches.
    pub boost: i32,
}

impl Item {
    fn new(label: impl Into<String>, kind: Kind) -> Item {
        Item { label: label.into(), kind, detail: None, info: None, boost: 0 }
    }

    fn detail(mut self, detail: impl Into<String>) -> Item {
        self.detail = Some(detail.into());
        self
    }
}

/// The completions for the word being typed (`span`, which the chosen item
/// replaces). `after_trigger` is true where a list should open unasked
/// even before a letter is typed (after `--from=`, `${`, `type=`).
#[derive(Debug, Clone, PartialEq)]
pub struct Completions {
    pub span: Span,
    pub after_trigger: bool,
    pub items: Vec<Item>,
}

/// At most this many packages or images are offered for one prefix.
const MAX_NAMES: usize = 80;

fn flags(k: Keyword) -> &'static [&'static str] {
    match k {
        Keyword::From => &["--platform"],
        Keyword::Run => &["--mount", "--network", "--security"],
        Keyword::Copy => &["--from", "--chown", "--chmod", "--link", "--parents", "--exclude"],
        Keyword::Add => &["--chown", "--chmod", "--link", "--checksum", "--keep-git-dir", "--exclude"],
        Keyword::Healthcheck => &["--interval", "--timeout", "--start-period", "--start-interval", "--retries"],
        _ => &[],
    }
}

const MOUNT_KEYS: &[&str] =
    &["type", "target", "source", "from", "id", "sharing", "mode", "uid", "gid", "size", "env", "readonly", "required"];

fn mount_values(key: &str) -> &'static [&'static str] {
    match key {
        "type" => &["bind", "cache", "tmpfs", "secret", "ssh"],
        "sharing" => &["shared", "private", "locked"],
        "readonly" | "ro" | "required" => &["true", "false"],
        _ => &[],
    }
}

pub fn complete(text: &str, offset: usize, lang: Lang) -> Option<Completions> {
    complete_parsed(text, &syntax::parse(text).0, offset, lang)
}

/// `complete` with the text's parse given: an editor keeps an incremental
/// parse (`syntax::Incremental`), so asking on every keystroke re-parses
/// only the edited lines.
pub fn complete_parsed(text: &str, file: &Dockerfile, offset: usize, lang: Lang) -> Option<Completions> {
    let offset = clamp(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];

    // A variable after `$` or `${`.
    let name = word_at(text, offset, is_name);
    let name = Span::new(name.start, offset);
    let before = &text[..name.start];
    if before.ends_with("${") || before.ends_with('$') {
        return Some(Completions { span: name, after_trigger: true, items: variables(file, offset) });
    }

    let word = word_at(text, offset, is_word);
    let word = Span::new(word.start, offset);
    let typed = &text[word.start..word.end];

    // The first word of a line that does not continue an instruction.
    let ins = file.instructions.iter().map(|i| &**i).find(|i| i.span.start <= offset && offset <= i.span.end);
    let continued = ins.is_some_and(|i| i.span.start < line_start);
    if line[..word.start - line_start].trim().is_empty() && !continued && !line.trim_start().starts_with('#') {
        let items = Keyword::ALL
            .into_iter()
            .filter(|k| *k != Keyword::Maintainer)
            .map(|k| {
                let mut item = Item::new(k.as_str(), Kind::Keyword);
                item.info = Some(docs::instruction(k, lang).to_string());
                item
            })
            .collect();
        return Some(Completions { span: word, after_trigger: false, items });
    }
    let ins = ins?;
    let stage = ins.stage;

    // The whole flag being typed: from the last space (flags hold `=` and
    // `,`, which end a word).
    let flag_start = line.rfind(char::is_whitespace).map_or(line_start, |i| line_start + i + 1);
    let flag = &text[flag_start..offset];

    // `--mount=` keys and values, then `--from=`.
    if let Some(mount) = flag.strip_prefix("--mount=") {
        let segment_start = flag_start + "--mount=".len() + mount.rfind(',').map_or(0, |i| i + 1);
        let segment = &text[segment_start..offset];
        let (span, items) = match segment.split_once('=') {
            None => (Span::new(segment_start, offset), MOUNT_KEYS.iter().map(|k| Item::new(*k, Kind::Flag)).collect()),
            Some((key, _)) => {
                let value = Span::new(segment_start + key.len() + 1, offset);
                if key == "from" {
                    (value, stages(file, stage))
                } else {
                    (value, mount_values(key).iter().map(|v| Item::new(*v, Kind::Value)).collect())
                }
            }
        };
        return Some(Completions { span, after_trigger: true, items });
    }
    if let Some(rest) = flag.strip_prefix("--from=") {
        let span = Span::new(offset - rest.len(), offset);
        return Some(Completions { span, after_trigger: true, items: stages(file, stage) });
    }
    if flag.starts_with('-') {
        let items = flags(ins.keyword).iter().map(|f| Item::new(*f, Kind::Flag)).collect();
        return Some(Completions { span: Span::new(flag_start, offset), after_trigger: false, items });
    }

    match ins.keyword {
        // The image of a FROM: earlier stages, then catalogued images.
        Keyword::From => {
            let image_word = match &ins.args {
                Args::From(f) => f.image.span.start >= word.start || f.image.span.is_empty(),
                _ => true,
            };
            let after_flags = text[ins.keyword_span.end..word.start].split_whitespace().all(|w| w.starts_with("--"));
            if !(image_word || after_flags) {
                return None;
            }
            let mut items = stages(file, stage);
            items.extend(images(typed));
            Some(Completions { span: word, after_trigger: false, items })
        }
        Keyword::Run => {
            let table = installer(&text[ins.span.start..word.start])?;
            Some(Completions { span: word, after_trigger: false, items: packages(table, typed) })
        }
        _ => None,
    }
}

/// Stages defined before `current` (a stage index), named ones by name.
fn stages(file: &Dockerfile, current: Option<usize>) -> Vec<Item> {
    let limit = current.unwrap_or(file.stages.len()).min(file.stages.len());
    file.stages[..limit]
        .iter()
        .filter_map(|s| {
            let name = s.name.clone()?;
            let mut item = Item::new(name, Kind::Stage).detail(s.base.clone());
            item.boost = 10;
            Some(item)
        })
        .collect()
}

/// ARG and ENV names declared before `offset` (global ARGs included), with
/// their values, the latest declaration of each name last.
fn variables(file: &Dockerfile, offset: usize) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut add = |name: &str, value: Option<&str>| {
        items.retain(|i| i.label != name);
        let item = Item::new(name, Kind::Variable);
        items.push(match value {
            Some(v) => item.detail(v.to_string()),
            None => item,
        });
    };
    for ins in file.instructions.iter().filter(|i| i.span.end <= offset) {
        match &ins.args {
            Args::Arg(decls) => decls.iter().for_each(|d| add(&d.name, d.default.as_deref())),
            Args::Env { pairs, .. } => pairs.iter().for_each(|p| add(&p.key, Some(&p.value))),
            _ => {}
        }
    }
    items
}

/// Catalogued images whose `name:tag` starts with what is typed (an empty
/// prefix offers one tag per image), with their uncompressed size.
fn images(typed: &str) -> Vec<Item> {
    let lower = typed.to_ascii_lowercase();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for row in data::images() {
        let label = format!("{}:{}", row.image, row.tag);
        let matches = if lower.contains(':') { label.starts_with(&lower) } else { row.image.starts_with(&lower) };
        if !matches || (lower.is_empty() && !seen.insert(row.image)) {
            continue;
        }
        let base = catalogue::lookup(&label, None);
        let item = Item::new(label, Kind::Image);
        out.push(if base.is_known() { item.detail(megabytes(base.uncompressed)) } else { item });
        if out.len() == MAX_NAMES {
            break;
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Debian,
    Alpine,
    Pypi,
    Npm,
}

/// The package table for the command being typed at the end of `run`
/// (the RUN instruction's text up to the word): the last command of a
/// `&&`/`;`/`|` chain, if it is an install.
fn installer(run: &str) -> Option<Table> {
    let last = run.rsplit(['&', ';', '|', '\n']).next().unwrap_or(run);
    let words: Vec<&str> = last.split_whitespace().filter(|w| !w.starts_with('-') && *w != "\\").collect();
    let pos = |w: &str| words.iter().position(|x| *x == w);
    let after = |tool: usize, verbs: &[&str]| words.get(tool + 1).is_some_and(|v| verbs.contains(v));
    if let Some(i) = pos("apt-get").or_else(|| pos("apt")) {
        return after(i, &["install"]).then_some(Table::Debian);
    }
    if let Some(i) = pos("apk") {
        return after(i, &["add"]).then_some(Table::Alpine);
    }
    if let Some(i) = pos("pip").or_else(|| pos("pip3")) {
        return after(i, &["install"]).then_some(Table::Pypi);
    }
    if let Some(i) = pos("npm") {
        return after(i, &["install", "i", "add"]).then_some(Table::Npm);
    }
    None
}

/// Package names from a shipped table starting with `typed`, with what
/// they add to the image.
fn packages(table: Table, typed: &str) -> Vec<Item> {
    let mut names: Vec<(&str, u64)> = match table {
        // Bookworm's names: trixie's table holds the same packages.
        Table::Debian => data::debian(data::Release::Bookworm)
            .iter()
            .filter(|(_, p)| !p.base)
            .map(|(n, p)| (*n, p.installed_kib * 1024))
            .collect(),
        Table::Alpine => data::alpine().iter().filter(|(_, (_, base))| !base).map(|(n, (b, _))| (*n, *b)).collect(),
        Table::Pypi => data::pypi().iter().map(|(n, p)| (*n, p.footprint)).collect(),
        Table::Npm => data::npm().iter().map(|(n, p)| (*n, p.node_modules)).collect(),
    };
    names.retain(|(n, _)| n.starts_with(typed));
    names.sort();
    names.truncate(MAX_NAMES);
    names.into_iter().map(|(n, bytes)| Item::new(n, Kind::Package).detail(megabytes(bytes))).collect()
}
