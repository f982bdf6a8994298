//! What a rule sees: the text, the parsed file, the build input, which
//! stages the target builds, and helpers every rule needs.

use super::shell::{self, ShellCommand};
use crate::context::{parse_dockerignore, PatternMatcher};
use crate::inputs::{BuildInput, ContextFile};
use crate::span::{LineIndex, Span};
use crate::syntax::{Args, Dockerfile, Instruction, Keyword, Stage};
use std::cell::OnceCell;

pub struct Context<'a> {
    /// The Dockerfile text all spans index.
    pub text: &'a str,
    pub dockerfile: &'a Dockerfile,
    pub input: &'a BuildInput,
    pub lines: LineIndex,
    /// Per stage: does building the target need it? Every stage is
    /// checked; the engine marks findings in the others (`stage_built`).
    pub built: Vec<bool>,
    /// BuildKit's dispatch-time checks run on every stage too (`--check`,
    /// the page's "all stages" switch); see `registry::built_only`.
    pub all_stages: bool,
    /// The stage the build produces: the target, or the last stage.
    pub target: Option<usize>,
    /// The context's `.dockerignore`, if it has one.
    pub dockerignore: Option<PatternMatcher>,
    /// Each instruction's shell commands, split once for all rules (and
    /// those of the instruction an ONBUILD holds).
    commands: Vec<OnceCell<Vec<ShellCommand>>>,
    onbuild_commands: Vec<OnceCell<Vec<ShellCommand>>>,
    /// Every instruction's address with its index, sorted by address: rules
    /// hand back references to the file's instructions.
    addresses: Vec<(usize, usize)>,
    /// The configuration some hadolint rules need (trusted registries, the
    /// label schema); empty unless the caller's options set it.
    pub settings: super::engine::RuleSettings,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, dockerfile: &'a Dockerfile, input: &'a BuildInput, all_stages: bool) -> Context<'a> {
        let target = target_stage(dockerfile, input.target.as_deref());
        let built = built_stages(dockerfile, target);
        let dockerignore = input.files.iter().find(|f| f.path == ".dockerignore").and_then(|f| match &f.body {
            crate::inputs::FileBody::Text { content } => Some(PatternMatcher::new(&parse_dockerignore(content))),
            _ => None,
        });
        let cells = || dockerfile.instructions.iter().map(|_| OnceCell::new()).collect();
        let (commands, onbuild_commands) = (cells(), cells());
        let mut addresses: Vec<(usize, usize)> = dockerfile
            .instructions
            .iter()
            .enumerate()
            .map(|(i, instr)| (std::sync::Arc::as_ptr(instr) as usize, i))
            .collect();
        addresses.sort_unstable();
        Context {
            text,
            dockerfile,
            input,
            lines: LineIndex::new(text),
            built,
            all_stages,
            target,
            dockerignore,
            commands,
            onbuild_commands,
            addresses,
            settings: Default::default(),
        }
    }

    /// Whether rules look at this stage: every stage is linted, as hadolint
    /// and `docker build --check` do; the engine marks findings in stages
    /// the target does not build and drops those of BuildKit's
    /// dispatch-time checks there (`registry::built_only`).
    pub fn in_scope(&self, _stage: Option<usize>) -> bool {
        true
    }

    /// Does the build report this BuildKit check's findings in this stage?
    pub fn reports(&self, rule: &super::Rule, stage: Option<usize>) -> bool {
        self.all_stages
            || !super::registry::built_only(rule)
            || stage.is_none_or(|s| self.built.get(s).copied().unwrap_or(true))
    }

    /// Stages in scope, in file order.
    pub fn stages(&self) -> impl Iterator<Item = &'a Stage> + '_ {
        self.dockerfile.stages.iter().filter(|s| self.in_scope(Some(s.index)))
    }

    /// Instructions in scope (global ARGs included), in file order.
    pub fn instructions(&self) -> impl Iterator<Item = &'a Instruction> + '_ {
        self.dockerfile.instructions.iter().map(|i| &**i).filter(|i| self.in_scope(i.stage))
    }

    /// Instructions in scope with a given keyword.
    pub fn with_keyword(&self, keyword: Keyword) -> impl Iterator<Item = &'a Instruction> + '_ {
        self.instructions().filter(move |i| i.keyword == keyword)
    }

    /// A stage's instructions after its FROM.
    pub fn stage_instructions(&self, stage: &'a Stage) -> impl Iterator<Item = &'a Instruction> + 'a {
        let all = &self.dockerfile.instructions;
        stage.instructions.iter().filter_map(move |&i| all.get(i).map(|i| &**i))
    }

    /// The FROM instruction of a stage.
    pub fn stage_from(&self, stage: &Stage) -> Option<&'a Instruction> {
        self.dockerfile.instructions.get(stage.from).map(|i| &**i)
    }

    /// Is this the stage the build produces?
    pub fn is_final(&self, stage: usize) -> bool {
        self.target == Some(stage)
    }

    /// The shell commands a RUN executes, heredoc bodies included, with
    /// source spans. Empty for other instructions.
    pub fn run_commands(&self, instruction: &Instruction) -> Vec<ShellCommand> {
        match self.cell(instruction) {
            Some(cell) => cell.get_or_init(|| self.split(instruction)).clone(),
            None => self.split(instruction),
        }
    }

    /// Like [`Context::run_commands`], borrowed: every rule that looks at
    /// RUN commands shares one split per instruction. Knows the file's
    /// instructions (and those inside ONBUILD); for any other it is empty.
    pub fn commands(&self, instruction: &Instruction) -> &[ShellCommand] {
        match self.cell(instruction) {
            Some(cell) => cell.get_or_init(|| self.split(instruction)),
            None => &[],
        }
    }

    fn split(&self, instruction: &Instruction) -> Vec<ShellCommand> {
        shell::run_commands(self.text, instruction, self.dockerfile.escape)
    }

    /// The cache cell of one of the file's instructions, or of the one an
    /// ONBUILD holds.
    fn cell(&self, instruction: &Instruction) -> Option<&OnceCell<Vec<ShellCommand>>> {
        if let Some(i) = self.index_of(instruction) {
            return self.commands.get(i);
        }
        let j = self.dockerfile.instructions.iter().position(|outer| match &outer.args {
            Args::Onbuild(inner) => std::ptr::eq(&**inner, instruction),
            _ => false,
        })?;
        self.onbuild_commands.get(j)
    }

    /// The position of an instruction in `Dockerfile::instructions`, by
    /// address (the rules hand back references to them).
    fn index_of(&self, instruction: &Instruction) -> Option<usize> {
        let at = instruction as *const Instruction as usize;
        let k = self.addresses.binary_search_by_key(&at, |&(a, _)| a).ok()?;
        Some(self.addresses[k].1)
    }

    /// A file or directory of the build context by exact path.
    pub fn file(&self, path: &str) -> Option<&'a ContextFile> {
        let path = path.trim_start_matches("./").trim_end_matches('/');
        self.input.files.iter().find(|f| f.path.trim_end_matches('/') == path)
    }

    /// Whether the build context was described at all (a bare Dockerfile has
    /// no files; rules about the context stay quiet then).
    pub fn has_context(&self) -> bool {
        !self.input.files.is_empty()
    }

    /// The span of `needle` inside `within` (first occurrence), or `within`.
    pub fn find_in(&self, within: Span, needle: &str) -> Span {
        match within.slice(self.text).find(needle) {
            Some(i) if !needle.is_empty() => Span::new(within.start + i, within.start + i + needle.len()),
            _ => within,
        }
    }

    /// The span of an instruction's first line (for underlining long RUNs).
    pub fn first_line(&self, instruction: &Instruction) -> Span {
        let s = instruction.span.slice(self.text);
        let end = s.find('\n').map_or(instruction.span.end, |i| instruction.span.start + i);
        Span::new(instruction.span.start, end)
    }
}

/// The stage the build produces: `--target` (case-insensitive) or the last.
pub fn target_stage(dockerfile: &Dockerfile, target: Option<&str>) -> Option<usize> {
    let n = dockerfile.stages.len();
    match target {
        Some(t) if !t.is_empty() => dockerfile.stage_ref(t, n).or(n.checked_sub(1)),
        _ => n.checked_sub(1),
    }
}

/// Which stages building `target` needs: the target, its base stages, and
/// every stage a `COPY --from` or `RUN --mount=from=` of a needed stage names.
/// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go only dispatches
/// stages reachable from the target.
pub fn built_stages(dockerfile: &Dockerfile, target: Option<usize>) -> Vec<bool> {
    let mut built = vec![false; dockerfile.stages.len()];
    let mut todo: Vec<usize> = target.into_iter().collect();
    while let Some(i) = todo.pop() {
        if i >= built.len() || built[i] {
            continue;
        }
        built[i] = true;
        let stage = &dockerfile.stages[i];
        todo.extend(stage.base_stage);
        for instr in stage.instructions.iter().filter_map(|&j| dockerfile.instructions.get(j)) {
            for name in stage_refs(instr) {
                todo.extend(dockerfile.stage_ref(name, i));
            }
        }
    }
    built
}

/// The stage names an instruction refers to (`--from` of COPY/ADD, RUN's
/// `--mount=from=`), raw.
pub fn stage_refs(instr: &Instruction) -> Vec<&str> {
    let mut refs = Vec::new();
    match &instr.args {
        Args::Copy(c) | Args::Add(c) => refs.extend(c.from.as_deref()),
        Args::Run(r) => refs.extend(r.mounts.iter().filter_map(|m| m.from.as_deref())),
        Args::Onbuild(inner) => return stage_refs(inner),
        _ => {}
    }
    refs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax;

    #[test]
    fn commands_are_split_once_and_known_inside_onbuild() {
        let text = "FROM alpine:3.20\nRUN apk add curl && echo ok\nONBUILD RUN make install\n";
        let input = BuildInput { dockerfile: text.into(), ..Default::default() };
        let (df, _) = syntax::parse(text);
        let ctx = Context::new(text, &df, &input, false);
        let run = &df.instructions[1];
        let first = ctx.commands(run);
        assert_eq!(first.iter().filter_map(|c| c.program()).collect::<Vec<_>>(), ["apk", "echo"]);
        // The same split, not a new one.
        assert!(std::ptr::eq(first, ctx.commands(run)));
        assert_eq!(ctx.run_commands(run), first.to_vec());
        let Args::Onbuild(inner) = &df.instructions[2].args else { panic!("ONBUILD parses its instruction") };
        assert_eq!(ctx.commands(inner).iter().filter_map(|c| c.program()).collect::<Vec<_>>(), ["make"]);
        // An instruction that is not the file's has no borrowed split, but
        // can still be split.
        let copy = (**inner).clone();
        assert!(ctx.commands(&copy).is_empty());
        assert_eq!(ctx.run_commands(&copy).len(), 1);
    }
}
