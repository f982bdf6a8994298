//! The build graph of a Dockerfile: its stages, what each depends on, and
//! which of them a target builds, following BuildKit's dockerfile frontend
//! (frontend/dockerfile/dockerfile2llb/convert.go, `toDispatchState`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::messages as M;
use crate::diag::Diagnostic;
use crate::shell::expand::expand;
use crate::span::Span;
use crate::syntax::{Args, Dockerfile, Instruction, Keyword, MountType};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildGraph {
    /// One per stage, in file order (`stages[i].index == i`).
    pub stages: Vec<StageNode>,
    /// External images that `COPY --from` or `RUN --mount=from=` read, in
    /// order of first use. Base images are not listed: they are the stages'
    /// `base`.
    pub images: Vec<String>,
    pub edges: Vec<Edge>,
    /// The stage being built: the `--target`, or the last stage. `None` when
    /// the target names no stage (BuildKit fails the build) or there are no
    /// stages.
    pub target: Option<usize>,
    /// Built stages grouped by when they can start: level 0 needs no other
    /// stage; level n needs some stage of level n-1. Stages of one level can
    /// build in parallel.
    pub levels: Vec<Vec<usize>>,
    pub critical_path: CriticalPath,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageNode {
    /// The name after `AS`, lower-cased as BuildKit stores it, or `stage-N`.
    pub name: String,
    pub index: usize,
    /// The image reference (global ARGs expanded), `scratch`, or the name of
    /// the stage it builds on.
    pub base: String,
    pub base_kind: BaseKind,
    /// Set when `base_kind` is `Stage`.
    pub base_stage: Option<usize>,
    /// Reachable from the target: BuildKit builds it. Others are skipped.
    pub built: bool,
    /// Index into `BuildGraph::levels` when built (and not on a cycle).
    pub level: Option<usize>,
    /// The estimated time of the stage's own steps (FROM included).
    pub seconds: f64,
    /// Estimated time at which the stage is done if every stage starts as
    /// soon as its dependencies are done; 0 for skipped stages.
    pub finish: f64,
    /// Indexes into `Dockerfile::instructions`: the FROM, then the rest.
    pub instructions: Vec<usize>,
    /// The 1-based first line of each of `instructions`.
    pub instruction_lines: Vec<u32>,
    pub span: Span,
    pub line: u32,
    pub end_line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaseKind {
    Image,
    Scratch,
    Stage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// `FROM stage`.
    From,
    /// `COPY --from=` (ADD has no `--from` in BuildKit).
    Copy,
    /// `RUN --mount=from=`.
    Mount,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::From => "from",
            EdgeKind::Copy => "copy",
            EdgeKind::Mount => "mount",
        }
    }
}

/// Where an edge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "index", rename_all = "lowercase")]
pub enum Source {
    Stage(usize),
    /// Index into `BuildGraph::images`.
    Image(usize),
}

/// A dependency: stage `to` reads `from` (a stage or an external image).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// A stage name (as in `StageNode::name`) or an image reference.
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    pub source: Source,
    /// Index of the stage `to`.
    pub target: usize,
    /// Index into `Dockerfile::instructions` of the FROM, COPY/ADD or RUN.
    pub instruction: usize,
    pub line: u32,
    /// The base word, the `--from` flag or the `--mount` flag.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CriticalPath {
    /// Stage indexes from the first to start to the target.
    pub stages: Vec<usize>,
    /// Estimated time of the whole build with unlimited parallelism.
    pub seconds: f64,
}

/// The platform BuildKit assumes for `BUILDPLATFORM` / `TARGETPLATFORM`
/// when none is given; the playground models a linux/amd64 builder.
const DEFAULT_PLATFORM: (&str, &str, &str) = ("linux/amd64", "linux", "amd64");

/// The build graph of `df` for `target` (`None` or empty: the last stage), with the
/// FROM bases expanded using global ARGs and `build_args`. `seconds` holds an
/// estimated time per instruction (indexed like `df.instructions`; missing
/// entries count as 0) for the critical path.
pub fn build_graph(
    df: &Dockerfile,
    target: Option<&str>,
    build_args: &BTreeMap<String, String>,
    seconds: &[f64],
) -> (BuildGraph, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let env = global_env(df, build_args, &mut diags);
    let lookup = |name: &str| env.get(name).cloned();

    let mut stages: Vec<StageNode> = Vec::with_capacity(df.stages.len());
    let mut edges: Vec<Edge> = Vec::new();
    let mut images: Vec<String> = Vec::new();

    // Bases first: BuildKit resolves `FROM name` against the stages defined
    // before it, comparing with the stored (lower-cased) names exactly
    // (convert.go: dispatchStates.addState looks up `stage.BaseName`). Its
    // name map keeps the last stage of a name, so later duplicates win
    // everywhere.
    for st in &df.stages {
        let from_inst = df.instructions.get(st.from);
        let base_span = match from_inst.map(|i| &i.args) {
            Some(Args::From(f)) => f.image.span,
            _ => st.span,
        };
        let base = match expand(&st.base, df.escape, &lookup) {
            Ok(b) => b,
            Err(message) => {
                diags.push(Diagnostic::error(
                    base_span,
                    M::BASE_EXPAND.msg().arg("base", &st.base).arg_msg("message", message),
                ));
                st.base.clone()
            }
        };
        if base.is_empty() {
            diags.push(Diagnostic::error(base_span, M::BLANK_BASE.msg().arg("base", &st.base)));
        }
        let name = st.display_name();
        let base_stage = stages.iter().rev().find(|s| st_named(&df.stages[s.index]) && s.name == base).map(|s| s.index);
        let (base_kind, base_text) = match base_stage {
            Some(i) => (BaseKind::Stage, stages[i].name.clone()),
            None if base == "scratch" => (BaseKind::Scratch, base.clone()),
            None => {
                if let Some(s) =
                    stages.iter().find(|s| st_named(&df.stages[s.index]) && s.name.eq_ignore_ascii_case(&base))
                {
                    diags.push(Diagnostic::warning(
                        base_span,
                        M::STAGE_CASE.msg().arg("base", &base).arg("stage", &s.name),
                    ));
                }
                (BaseKind::Image, base.clone())
            }
        };
        let mut instructions = vec![st.from];
        instructions.extend(&st.instructions);
        let own: f64 = instructions
            .iter()
            .map(|&i| seconds.get(i).copied().filter(|s| s.is_finite() && *s > 0.0).unwrap_or(0.0))
            .sum();
        if let Some(b) = base_stage {
            edges.push(Edge {
                from: stages[b].name.clone(),
                to: name.clone(),
                kind: EdgeKind::From,
                source: Source::Stage(b),
                target: st.index,
                instruction: st.from,
                line: st.line,
                span: base_span,
            });
        }
        stages.push(StageNode {
            name,
            index: st.index,
            base: base_text,
            base_kind,
            base_stage,
            built: false,
            level: None,
            seconds: own,
            finish: 0.0,
            instruction_lines: instructions
                .iter()
                .map(|&i| df.instructions.get(i).map_or(st.line, |x| x.line))
                .collect(),
            instructions,
            span: st.span,
            line: st.line,
            end_line: st.end_line,
        });
    }

    // Mount errors that only count if their stage is built.
    let mut unresolved_mounts: Vec<(usize, Diagnostic)> = Vec::new();
    // Then `COPY --from` and `RUN --mount=from=`, which may name any stage,
    // later ones included (convert.go: toCommand, detectRunMount).
    for st in &df.stages {
        // A stage built on a stage runs that stage's ONBUILD triggers first,
        // and their sources become its dependencies (convert.go:
        // initOnBuildTriggers, re-resolving reachability).
        let inherited = stages[st.index].base_stage.map_or(&[][..], |b| df.stages[b].instructions.as_slice());
        let triggers = inherited.iter().filter_map(|&ii| match df.instructions.get(ii).map(|i| &i.args) {
            Some(Args::Onbuild(inner)) => Some((ii, &**inner)),
            _ => None,
        });
        let own = st.instructions.iter().filter_map(|&ii| df.instructions.get(ii).map(|i| (ii, &**i)));
        for (ii, inst) in triggers.chain(own) {
            let refs = sources_of(inst);
            for (kind, from, span) in refs {
                let mut pending = Vec::new();
                let resolved = resolve_from(df, &stages, kind, &from, span, &mut diags, &mut pending);
                unresolved_mounts.extend(pending.into_iter().map(|d| (st.index, d)));
                let (source, from_text) = match resolved {
                    None => continue,
                    Some(Ref::Stage(s)) => (Source::Stage(s), stages[s].name.clone()),
                    Some(Ref::Image) => {
                        let i = images.iter().position(|i| *i == from).unwrap_or_else(|| {
                            images.push(from.clone());
                            images.len() - 1
                        });
                        (Source::Image(i), from.clone())
                    }
                };
                edges.push(Edge {
                    from: from_text,
                    to: stages[st.index].name.clone(),
                    kind,
                    source,
                    target: st.index,
                    instruction: ii,
                    line: inst.line,
                    span,
                });
            }
        }
    }

    let target_index = match target.filter(|t| !t.is_empty()) {
        // BuildKit: `target stage %q could not be found` (findStateByName);
        // an empty target means the default, as in BuildKit's ConvertOpt.
        Some(t) => {
            let found = stages.iter().rposition(|s| st_named(&df.stages[s.index]) && s.name.eq_ignore_ascii_case(t));
            if found.is_none() {
                diags.push(Diagnostic::error(Span::default(), M::TARGET_NOT_FOUND.msg().arg("target", t)));
            }
            found
        }
        None => stages.len().checked_sub(1),
    };

    // Stage-to-stage dependencies, for reachability, cycles and timing.
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); stages.len()];
    for e in &edges {
        if let Source::Stage(s) = e.source {
            if !deps[e.target].contains(&s) {
                deps[e.target].push(s);
            }
        }
    }
    for d in &mut deps {
        d.sort_unstable();
    }
    report_cycles(&stages, &deps, &edges, &mut diags);

    // Built = reachable from the target through dependencies: BuildKit's
    // allReachableStages; every other stage is skipped.
    if let Some(t) = target_index {
        let mut stack = vec![t];
        while let Some(s) = stack.pop() {
            if !stages[s].built {
                stages[s].built = true;
                stack.extend(&deps[s]);
            }
        }
    }

    diags.extend(unresolved_mounts.into_iter().filter(|(s, _)| stages[*s].built).map(|(_, d)| d));

    // Built stages are dispatched in file order, so a built stage cannot
    // read a later one (convert.go: dispatch of COPY, dispatchRunMounts).
    for e in &edges {
        if let Source::Stage(s) = e.source {
            if s > e.target && stages[e.target].built {
                let message = match e.kind {
                    EdgeKind::Mount => M::MOUNT_LATER_STAGE.msg(),
                    _ => M::COPY_LATER_STAGE.msg(),
                };
                diags.push(Diagnostic::error(e.span, message.arg("from", &e.from).arg("to", &e.to)));
            }
        }
    }

    let levels = assign_levels(&mut stages, &deps);
    let critical_path = critical_path(&mut stages, &deps, &levels, target_index);

    (BuildGraph { stages, images, edges, target: target_index, levels, critical_path }, diags)
}

/// The sources an instruction reads from outside its stage: `COPY --from`
/// and `RUN --mount=from=`, with the span to point at.
fn sources_of(inst: &Instruction) -> Vec<(EdgeKind, String, Span)> {
    let mut refs = Vec::new();
    match (&inst.keyword, &inst.args) {
        (Keyword::Copy, args) => {
            if let Some(from) = args.copy().and_then(|c| c.from.clone()) {
                let span = inst.flags.iter().rev().find(|f| f.name == "from").map_or(inst.span, |f| f.span);
                refs.push((EdgeKind::Copy, from, span));
            }
        }
        (Keyword::Run, Args::Run(run)) => {
            for m in &run.mounts {
                // BuildKit ignores `from` on tmpfs mounts, and a cache mount
                // without `from` starts from scratch: no edge.
                if let (Some(from), false) = (&m.from, m.kind == MountType::Tmpfs) {
                    refs.push((EdgeKind::Mount, from.clone(), m.span));
                }
            }
        }
        _ => {}
    }
    refs
}

/// Whether the stage has an `AS` name (unnamed stages are found by index
/// only; their `stage-N` name is for display).
fn st_named(st: &crate::syntax::Stage) -> bool {
    st.name.is_some()
}

/// The global ARGs as BuildKit sees them when expanding FROM: the platform
/// args first, then each global ARG in order, its default expanded with
/// what precedes it, and a build arg replacing it when given (convert.go:
/// defaultArgs and buildMetaArgs). A build arg for an undeclared ARG is not
/// visible.
fn global_env(
    df: &Dockerfile,
    build_args: &BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let (platform, os, arch) = DEFAULT_PLATFORM;
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    for prefix in ["BUILD", "TARGET"] {
        env.insert(format!("{prefix}PLATFORM"), platform.to_string());
        env.insert(format!("{prefix}OS"), os.to_string());
        env.insert(format!("{prefix}ARCH"), arch.to_string());
        env.insert(format!("{prefix}VARIANT"), String::new());
    }
    for decl in df.global_args() {
        let value = match (build_args.get(&decl.name), &decl.default) {
            (Some(v), _) => Some(v.clone()),
            (None, Some(default)) => {
                let lookup = |name: &str| env.get(name).cloned();
                match expand(default, df.escape, &lookup) {
                    Ok(v) => Some(v),
                    Err(message) => {
                        diags.push(Diagnostic::error(
                            decl.span,
                            M::ARG_EXPAND.msg().arg("name", &decl.name).arg_msg("message", message),
                        ));
                        None
                    }
                }
            }
            (None, None) => None,
        };
        // A declared ARG without a value leaves earlier values alone.
        if let Some(v) = value {
            env.insert(decl.name.clone(), v);
        }
    }
    env
}

/// What a `--from` value resolved to.
enum Ref {
    Stage(usize),
    Image,
}

/// What a `--from` value names: a stage by name (any stage, compared
/// case-insensitively), for COPY also a stage by index, or else an external
/// image. BuildKit never expands variables here: COPY rejects values that
/// would need it (moby/buildkit#6153), and an out-of-range index.
fn resolve_from(
    df: &Dockerfile,
    stages: &[StageNode],
    kind: EdgeKind,
    from: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
    pending: &mut Vec<Diagnostic>,
) -> Option<Ref> {
    if let Some(s) = stages.iter().rev().find(|s| st_named(&df.stages[s.index]) && s.name.eq_ignore_ascii_case(from)) {
        return Some(Ref::Stage(s.index));
    }
    if from.contains('$') {
        // Mount sources are found before any expansion (detectRunMount), so
        // BuildKit takes the raw text for an image name, which is invalid.
        let message = match kind {
            EdgeKind::Copy => M::COPY_FROM_VARIABLE.msg().arg("from", from),
            _ => M::MOUNT_FROM_VARIABLE.msg().arg("from", from),
        };
        // Only a built stage's mount sources are resolved, so the mount
        // error waits for reachability; the COPY one is raised for all.
        match kind {
            EdgeKind::Copy => diags.push(Diagnostic::error(span, message)),
            _ => pending.push(Diagnostic::error(span, message)),
        }
        return None;
    }
    if kind == EdgeKind::Copy {
        // Go's strconv.Atoi accepts an optional sign.
        let digits = from.strip_prefix(['+', '-']).unwrap_or(from);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return match from.parse::<usize>() {
                Ok(i) if i < stages.len() => Some(Ref::Stage(i)),
                _ => {
                    diags.push(Diagnostic::error(span, M::STAGE_INDEX.msg().arg("from", from)));
                    None
                }
            };
        }
    }
    if from.is_empty() {
        return None;
    }
    if let Some(near) = looks_like_typo(df, stages, from) {
        diags.push(Diagnostic::warning(span, M::STAGE_TYPO.msg().arg("from", from).arg("stage", near)));
    }
    Some(Ref::Image)
}

/// A stage name close to `from` if `from` looks like a misspelt stage name
/// rather than an image reference (which has no tag, digest or path here).
fn looks_like_typo(df: &Dockerfile, stages: &[StageNode], from: &str) -> Option<String> {
    if from.contains([':', '/', '@']) {
        return None;
    }
    let from = from.to_ascii_lowercase();
    let limit = if from.chars().count() <= 4 { 1 } else { 2 };
    stages
        .iter()
        .filter(|s| st_named(&df.stages[s.index]))
        .map(|s| (edit_distance(&from, &s.name), s))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, s)| (*d, s.index))
        .map(|(_, s)| s.name.clone())
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// BuildKit refuses a build whose stages depend on each other in a circle
/// (convert.go: validateCircularDependency); one diagnostic per cycle, at
/// the edge that closes it.
fn report_cycles(stages: &[StageNode], deps: &[Vec<usize>], edges: &[Edge], diags: &mut Vec<Diagnostic>) {
    super::layout::for_each_back_edge(deps, |v, k| {
        let w = deps[v][k];
        let span =
            edges.iter().find(|e| e.target == v && e.source == Source::Stage(w)).map_or(stages[v].span, |e| e.span);
        diags.push(Diagnostic::error(span, M::CYCLE.msg().arg("name", &stages[w].name)));
    });
}

/// Levels of the built stages by longest chain of dependencies (Kahn's
/// algorithm; stages on a cycle get none).
fn assign_levels(stages: &mut [StageNode], deps: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = stages.len();
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut missing = vec![0usize; n];
    for (s, ds) in deps.iter().enumerate() {
        if !stages[s].built {
            continue;
        }
        for &d in ds {
            users[d].push(s);
            missing[s] += 1;
        }
    }
    let mut level = vec![0usize; n];
    let mut ready: BTreeSet<usize> = (0..n).filter(|&s| stages[s].built && missing[s] == 0).collect();
    let mut levels: Vec<Vec<usize>> = Vec::new();
    while let Some(s) = ready.pop_first() {
        stages[s].level = Some(level[s]);
        if levels.len() <= level[s] {
            levels.resize(level[s] + 1, Vec::new());
        }
        levels[level[s]].push(s);
        for &u in &users[s] {
            level[u] = level[u].max(level[s] + 1);
            missing[u] -= 1;
            if missing[u] == 0 {
                ready.insert(u);
            }
        }
    }
    for l in &mut levels {
        l.sort_unstable();
    }
    levels
}

/// Earliest finish times level by level, then the chain of latest-finishing
/// dependencies back from the target (ties go to the lower index).
fn critical_path(
    stages: &mut [StageNode],
    deps: &[Vec<usize>],
    levels: &[Vec<usize>],
    target: Option<usize>,
) -> CriticalPath {
    for level in levels {
        for &s in level {
            let start = deps[s].iter().map(|&d| stages[d].finish).fold(0.0, f64::max);
            stages[s].finish = start + stages[s].seconds;
        }
    }
    // Without time estimates every path is as long as any other: none is
    // critical.
    let Some(t) = target.filter(|&t| stages[t].level.is_some() && stages[t].finish > 0.0) else {
        return CriticalPath::default();
    };
    let mut path = vec![t];
    let mut at = t;
    while let Some(&prev) = deps[at]
        .iter()
        .filter(|&&d| stages[d].level.is_some())
        .max_by(|&&a, &&b| stages[a].finish.total_cmp(&stages[b].finish).then(b.cmp(&a)))
    {
        path.push(prev);
        at = prev;
    }
    path.reverse();
    CriticalPath { stages: path, seconds: stages[t].finish }
}

impl BuildGraph {
    /// The graph to lay out and draw: stages (by index) first, then the
    /// external images; one edge per `edges` entry, in order. With
    /// `show_steps`, each stage lists its steps after the FROM.
    pub fn layout_spec(&self, df: &Dockerfile, show_steps: bool) -> crate::graph::GraphSpec {
        use crate::graph::layout::{EdgeSpec, NodeSpec, Shape};
        let mut nodes: Vec<NodeSpec> = self
            .stages
            .iter()
            .map(|s| NodeSpec {
                label: s.name.clone(),
                detail: Some(format!("FROM {}", s.base)),
                shape: Shape::Stage,
                steps: if show_steps {
                    s.instructions
                        .iter()
                        .skip(1)
                        .filter_map(|&i| df.instructions.get(i))
                        .map(|i| step_label(i))
                        .collect()
                } else {
                    Vec::new()
                },
            })
            .collect();
        nodes.extend(self.images.iter().map(|i| NodeSpec {
            label: i.clone(),
            detail: None,
            shape: Shape::Image,
            steps: Vec::new(),
        }));
        let edges = self
            .edges
            .iter()
            .map(|e| EdgeSpec {
                from: match e.source {
                    Source::Stage(s) => s,
                    Source::Image(i) => self.stages.len() + i,
                },
                to: e.target,
            })
            .collect();
        crate::graph::GraphSpec { nodes, edges }
    }
}

/// One line for a step: the keyword, a COPY's `--from` (which says where
/// the files come from) and the command, with runs of whitespace (line
/// continuations included) collapsed.
pub fn step_label(inst: &crate::syntax::Instruction) -> String {
    let mut label = inst.keyword.as_str().to_string();
    if let Some(from) = inst.args.copy().and_then(|c| c.from.as_deref()) {
        label.push_str(" --from=");
        label.push_str(from);
    }
    for word in inst.command.split_whitespace() {
        label.push(' ');
        label.push_str(word);
    }
    label
}
