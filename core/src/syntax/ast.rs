//! The parsed Dockerfile: plain data with byte spans, as BuildKit's
//! frontend sees it. Words are kept raw (quotes and `$VAR`s intact);
//! `shell::expand` expands them with an environment, as BuildKit does at
//! dispatch time.

use crate::span::Span;
use serde::Serialize;
use std::sync::Arc;

/// The result of parsing: every instruction that has a known keyword (valid or
/// not), grouped into stages, plus the directives and comments.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Dockerfile {
    pub directives: Directives,
    /// The active escape character: `\` unless `# escape=` says otherwise.
    pub escape: char,
    /// In file order. Global ARGs (before the first FROM) have `stage: None`.
    /// Shared, so that a re-parse after an edit reuses the unchanged ones.
    pub instructions: Vec<Arc<Instruction>>,
    pub stages: Vec<Stage>,
    /// Whole-line comments outside the directive block, in file order.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Directives {
    pub syntax: Option<Directive>,
    pub escape: Option<Directive>,
    pub check: Option<Directive>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Directive {
    /// Lower-case name: `syntax`, `escape` or `check`.
    pub name: String,
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Comment {
    /// The text after `#`, trimmed.
    pub text: String,
    pub span: Span,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "UPPERCASE")]
pub enum Keyword {
    From,
    Run,
    Cmd,
    Label,
    Maintainer,
    Expose,
    Env,
    Add,
    Copy,
    Entrypoint,
    Volume,
    User,
    Workdir,
    Arg,
    Onbuild,
    Stopsignal,
    Healthcheck,
    Shell,
}

impl Keyword {
    pub const ALL: [Keyword; 18] = [
        Keyword::From,
        Keyword::Run,
        Keyword::Cmd,
        Keyword::Label,
        Keyword::Maintainer,
        Keyword::Expose,
        Keyword::Env,
        Keyword::Add,
        Keyword::Copy,
        Keyword::Entrypoint,
        Keyword::Volume,
        Keyword::User,
        Keyword::Workdir,
        Keyword::Arg,
        Keyword::Onbuild,
        Keyword::Stopsignal,
        Keyword::Healthcheck,
        Keyword::Shell,
    ];

    /// Upper-case name, as BuildKit prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::From => "FROM",
            Keyword::Run => "RUN",
            Keyword::Cmd => "CMD",
            Keyword::Label => "LABEL",
            Keyword::Maintainer => "MAINTAINER",
            Keyword::Expose => "EXPOSE",
            Keyword::Env => "ENV",
            Keyword::Add => "ADD",
            Keyword::Copy => "COPY",
            Keyword::Entrypoint => "ENTRYPOINT",
            Keyword::Volume => "VOLUME",
            Keyword::User => "USER",
            Keyword::Workdir => "WORKDIR",
            Keyword::Arg => "ARG",
            Keyword::Onbuild => "ONBUILD",
            Keyword::Stopsignal => "STOPSIGNAL",
            Keyword::Healthcheck => "HEALTHCHECK",
            Keyword::Shell => "SHELL",
        }
    }

    /// Case-insensitive look-up, as BuildKit matches keywords.
    pub fn parse(word: &str) -> Option<Keyword> {
        Keyword::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(word))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Instruction {
    pub keyword: Keyword,
    /// The keyword as written (for casing checks). Shared, as `command`
    /// is, so that moving an instruction after an edit copies less.
    pub keyword_text: Arc<str>,
    pub keyword_span: Span,
    /// From the keyword to the end of the last line it uses, heredoc bodies
    /// included, without the final newline.
    pub span: Span,
    /// 1-based first and last line.
    pub line: u32,
    pub end_line: u32,
    /// The original text, exactly as in the file (`span` of the source).
    /// Shared with the reports that show it.
    pub text: Arc<str>,
    /// What BuildKit's cache key sees of the line: continuations joined
    /// (escape char and line break removed, indentation kept), comment and
    /// blank lines inside continuations dropped, keyword and flags removed,
    /// surrounding whitespace trimmed.
    pub command: Arc<str>,
    pub flags: Vec<Flag>,
    pub args: Args,
    pub heredocs: Vec<Heredoc>,
    /// Index into `Dockerfile::stages`; `None` for global ARGs (and for
    /// instructions wrongly placed before the first FROM).
    pub stage: Option<usize>,
    /// True when the line had an empty continuation line (BuildKit's
    /// NoEmptyContinuation check).
    pub empty_continuation: bool,
}

impl Instruction {
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    /// The value of the last `--name=value` flag given (BuildKit keeps the last).
    pub fn flag_value(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find(|f| f.name == name).and_then(|f| f.value.as_deref())
    }
}

/// `--name=value` or `--name` before the arguments.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Flag {
    pub name: String,
    /// Raw value, quotes removed as BuildKit's flag scanner removes them.
    pub value: Option<String>,
    pub span: Span,
}

/// A word with where it stands in the source.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct Word {
    /// Raw text: quotes and variables not yet processed.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "form", content = "value", rename_all = "lowercase")]
pub enum CommandForm {
    /// Run through the shell (`["/bin/sh", "-c", text]` by default).
    Shell(String),
    /// A JSON array of strings.
    Exec(Vec<String>),
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    /// Raw value, quotes and variables not yet processed.
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ArgDecl {
    pub name: String,
    /// Raw default value, if `NAME=value` was given.
    pub default: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heredoc {
    /// The delimiter word without quotes.
    pub name: String,
    /// False when the delimiter was quoted: the body is then taken literally.
    pub expand: bool,
    /// `<<-`: leading tabs are stripped from body lines and the terminator.
    pub chomp: bool,
    /// Body lines, each with its newline, terminator excluded.
    pub content: String,
    /// The body and the terminator line.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum MountType {
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
}

/// One `RUN --mount=...`, with BuildKit's defaults not filled in (absent
/// options are `None`) so that analyses can tell "given" from "default".
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Mount {
    pub kind: MountType,
    pub target: Option<String>,
    pub source: Option<String>,
    pub from: Option<String>,
    pub id: Option<String>,
    pub sharing: Option<String>,
    pub mode: Option<String>,
    pub uid: Option<String>,
    pub gid: Option<String>,
    pub size: Option<String>,
    pub env: Option<String>,
    pub readonly: bool,
    pub required: bool,
    /// The raw `key=value,...` text.
    pub raw: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FromArgs {
    pub image: Word,
    /// The stage name as written after `AS`.
    pub name: Option<Word>,
    /// The `AS` keyword as written (for FromAsCasing).
    pub as_keyword: Option<Word>,
    pub platform: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RunArgs {
    pub command: CommandForm,
    pub mounts: Vec<Mount>,
    pub network: Option<String>,
    pub security: Option<String>,
}

/// COPY and ADD.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CopyArgs {
    /// Raw source words (heredoc sources appear as `<<NAME`).
    pub sources: Vec<Word>,
    pub dest: Word,
    pub from: Option<String>,
    pub chown: Option<String>,
    pub chmod: Option<String>,
    pub link: bool,
    pub parents: bool,
    pub exclude: Vec<String>,
    /// ADD only.
    pub checksum: Option<String>,
    /// ADD only.
    pub keep_git_dir: bool,
    /// Written as a JSON array.
    pub json: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HealthcheckArgs {
    /// `None` for `HEALTHCHECK NONE`.
    pub command: Option<CommandForm>,
    pub interval: Option<String>,
    pub timeout: Option<String>,
    pub start_period: Option<String>,
    pub start_interval: Option<String>,
    pub retries: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Args {
    From(FromArgs),
    Run(RunArgs),
    Cmd(CommandForm),
    Entrypoint(CommandForm),
    /// `SHELL` takes only the JSON form.
    Shell(Vec<String>),
    Copy(CopyArgs),
    Add(CopyArgs),
    /// `legacy` is the `ENV key value` form.
    Env {
        pairs: Vec<KeyValue>,
        legacy: bool,
    },
    Label {
        pairs: Vec<KeyValue>,
        legacy: bool,
    },
    Arg(Vec<ArgDecl>),
    Expose(Vec<Word>),
    Volume(Vec<Word>),
    User(Word),
    Workdir(Word),
    Stopsignal(Word),
    Maintainer(String),
    Healthcheck(HealthcheckArgs),
    Onbuild(Box<Instruction>),
    /// The instruction could not be understood; a diagnostic says why.
    Invalid,
}

impl Args {
    pub fn copy(&self) -> Option<&CopyArgs> {
        match self {
            Args::Copy(c) | Args::Add(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Stage {
    pub index: usize,
    /// The name as written after `AS` (BuildKit compares names case-insensitively).
    pub name: Option<String>,
    /// The base as written (raw, variables unexpanded).
    pub base: String,
    /// The base after expanding global ARGs with their defaults.
    pub base_expanded: String,
    /// Set when the base names an earlier stage.
    pub base_stage: Option<usize>,
    pub platform: Option<String>,
    /// Index of the FROM in `Dockerfile::instructions`.
    pub from: usize,
    /// Indexes of this stage's instructions after the FROM, in order.
    pub instructions: Vec<usize>,
    /// From the FROM to the end of the stage's last instruction.
    pub span: Span,
    pub line: u32,
    pub end_line: u32,
}

impl Stage {
    /// The stage's name, or `stage-N` as BuildKit names an unnamed one.
    pub fn display_name(&self) -> String {
        self.name.clone().map(|n| n.to_ascii_lowercase()).unwrap_or_else(|| format!("stage-{}", self.index))
    }
}

impl Dockerfile {
    /// Find a stage by name (case-insensitive) or by index, as `COPY --from`
    /// and `FROM` resolve them. Only stages before `before` are visible.
    pub fn stage_ref(&self, name: &str, before: usize) -> Option<usize> {
        let by_name = self.stages[..before.min(self.stages.len())]
            .iter()
            .find(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)));
        if let Some(s) = by_name {
            return Some(s.index);
        }
        match name.parse::<usize>() {
            Ok(i) if i < before.min(self.stages.len()) => Some(i),
            _ => None,
        }
    }

    /// Global ARGs (before the first FROM).
    pub fn global_args(&self) -> impl Iterator<Item = &ArgDecl> {
        self.instructions.iter().filter(|i| i.stage.is_none()).flat_map(|i| match &i.args {
            Args::Arg(decls) => decls.as_slice(),
            _ => &[],
        })
    }
}
