//! Go to definition (a stage, a variable), rename a stage everywhere, and
//! fold ranges (one per stage).

use super::{clamp, instruction_at, stage_named, variable_at};
use crate::span::Span;
use crate::syntax::{self, Args, Dockerfile, Keyword};

/// A replacement of a span of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub replacement: String,
}

/// Where a stage is named: its definition (`AS name`) or a use (`FROM name`,
/// `--from=name`, a mount's `from=name`), with the stage's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StageRef {
    span: Span,
    stage: usize,
    definition: bool,
}

/// The value of `--name=value` in the text of `flag_span`, quotes removed.
fn flag_value_span(text: &str, flag: Span) -> Option<Span> {
    let raw = text.get(flag.start..flag.end)?;
    let eq = raw.find('=')?;
    let mut start = flag.start + eq + 1;
    let mut end = flag.end;
    let value = &text[start..end];
    if value.len() >= 2
        && (value.starts_with('"') && value.ends_with('"') || value.starts_with('\'') && value.ends_with('\''))
    {
        start += 1;
        end -= 1;
    }
    Some(Span::new(start, end))
}

/// Every place a stage is named, in file order.
fn stage_refs(file: &Dockerfile, text: &str) -> Vec<StageRef> {
    let mut out = Vec::new();
    for ins in &file.instructions {
        let current = ins.stage;
        match &ins.args {
            Args::From(from) => {
                if let Some(stage) = current.and_then(|s| file.stages.get(s)) {
                    if let Some(base) = stage.base_stage {
                        out.push(StageRef { span: from.image.span, stage: base, definition: false });
                    }
                    if let Some(name) = &from.name {
                        out.push(StageRef { span: name.span, stage: stage.index, definition: true });
                    }
                }
            }
            Args::Copy(_) | Args::Add(_) => {
                for flag in ins.flags.iter().filter(|f| f.name == "from") {
                    let Some(span) = flag_value_span(text, flag.span) else { continue };
                    if let Some(s) = stage_named(file, &text[span.start..span.end], current) {
                        out.push(StageRef { span, stage: s.index, definition: false });
                    }
                }
            }
            Args::Run(run) => {
                for m in &run.mounts {
                    let Some(raw) = text.get(m.span.start..m.span.end) else { continue };
                    let Some(eq) = raw.find('=') else { continue };
                    let mut at = m.span.start + eq + 1;
                    for part in raw[eq + 1..].split(',') {
                        if let Some(name) = part.strip_prefix("from=") {
                            if let Some(s) = stage_named(file, name, current) {
                                let start = at + "from=".len();
                                out.push(StageRef {
                                    span: Span::new(start, start + name.len()),
                                    stage: s.index,
                                    definition: false,
                                });
                            }
                        }
                        at += part.len() + 1;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The definition of what is at `offset`: the name of the stage a `FROM`,
/// `--from=` or mount refers to, or the declaration (`ARG`, `ENV`) of a
/// variable in force there.
pub fn definition(text: &str, offset: usize) -> Option<Span> {
    let offset = clamp(text, offset);
    let (file, _) = syntax::parse(text);
    if let Some(r) = stage_refs(&file, text).into_iter().find(|r| r.span.start <= offset && offset <= r.span.end) {
        let stage = file.stages.get(r.stage)?;
        return match &file.instructions.get(stage.from)?.args {
            Args::From(from) => Some(from.name.as_ref().map_or(from.image.span, |n| n.span)),
            _ => None,
        };
    }
    let name = variable_at(text, offset)?;
    declaration(&file, &text[name.start..name.end], offset).map(|d| d.span)
}

/// A variable's declaration in force at `offset`: the last `ARG` or `ENV`
/// of the same stage before it, else a global `ARG` (which a stage sees
/// only through its own `ARG NAME`, but FROM lines see directly).
pub(super) struct Declaration {
    pub span: Span,
    pub keyword: Keyword,
    /// The raw value, if one was given.
    pub value: Option<String>,
    pub line: u32,
}

pub(super) fn declaration(file: &Dockerfile, name: &str, offset: usize) -> Option<Declaration> {
    let here =
        instruction_at(file, offset).or_else(|| file.instructions.iter().map(|i| &**i).rfind(|i| i.span.end <= offset));
    let stage = here.and_then(|i| i.stage);
    let mut found: Option<Declaration> = None;
    for ins in file.instructions.iter().filter(|i| i.span.start < offset) {
        // Only this stage's declarations, and the global ARGs.
        if ins.stage.is_some() && ins.stage != stage {
            continue;
        }
        let line = ins.line;
        match &ins.args {
            Args::Arg(decls) => {
                for d in decls.iter().filter(|d| d.name == name) {
                    // A stage's `ARG NAME` without a value takes the global default.
                    let value = d.default.clone().or_else(|| found.as_ref().and_then(|f| f.value.clone()));
                    found = Some(Declaration {
                        span: Span::new(d.span.start, d.span.start + d.name.len()),
                        keyword: Keyword::Arg,
                        value,
                        line,
                    });
                }
            }
            Args::Env { pairs, .. } => {
                for p in pairs.iter().filter(|p| p.key == name) {
                    found = Some(Declaration {
                        span: Span::new(p.span.start, p.span.start + p.key.len()),
                        keyword: Keyword::Env,
                        value: Some(p.value.clone()),
                        line,
                    });
                }
            }
            _ => {}
        }
    }
    found
}

/// The stage name at `offset` that a rename would change, and its name as
/// written in the stage's definition.
pub fn rename_target(text: &str, offset: usize) -> Option<(Span, String)> {
    let offset = clamp(text, offset);
    let (file, _) = syntax::parse(text);
    let r = stage_refs(&file, text).into_iter().find(|r| r.span.start <= offset && offset <= r.span.end)?;
    let name = file.stages.get(r.stage)?.name.clone()?;
    Some((r.span, name))
}

/// The edits that rename the stage at `offset` to `new_name`: its
/// definition and every use. `None` when there is no named stage there or
/// the new name is not a valid stage name (BuildKit: a letter, then
/// letters, digits, `_`, `-` or `.`).
pub fn rename(text: &str, offset: usize, new_name: &str) -> Option<Vec<TextEdit>> {
    let valid = new_name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && new_name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !valid {
        return None;
    }
    let offset = clamp(text, offset);
    let (file, _) = syntax::parse(text);
    let refs = stage_refs(&file, text);
    let target = refs.iter().find(|r| r.span.start <= offset && offset <= r.span.end)?.stage;
    file.stages.get(target)?.name.as_ref()?;
    Some(
        refs.iter()
            .filter(|r| r.stage == target)
            .map(|r| TextEdit { span: r.span, replacement: new_name.to_string() })
            .collect(),
    )
}

/// One fold per stage with instructions after its FROM: from the end of
/// the FROM line to the end of the stage's last instruction.
pub fn folds(file: &Dockerfile) -> Vec<Span> {
    file.stages
        .iter()
        .filter(|s| !s.instructions.is_empty())
        .filter_map(|s| {
            let from = file.instructions.get(s.from)?;
            (s.span.end > from.span.end).then(|| Span::new(from.span.end, s.span.end))
        })
        .collect()
}
