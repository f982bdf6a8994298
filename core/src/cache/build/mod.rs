//! One build against the cache: dispatches the Dockerfile as BuildKit's
//! frontend does (frontend/dockerfile/dockerfile2llb/convert.go
//! `dispatchStages` and the `dispatch*` functions) and keys every step.

use super::ci::{CiView, Record};
use super::estimate::is_remote;
use super::report::{BuildReport, ImageReport, Reason, ShortKey, Status, Step};
use super::sha256::hex;
use super::{base_identity, estimate_seconds, BuildOutcome, History, Key, Options, Produced};
use crate::context::{clean_join, clean_path, Context, Entry, EntryKind, SelectOptions, Selection, Tree};
use crate::diag::Diagnostic;
use crate::graph::messages::TARGET_NOT_FOUND;
use crate::inputs::{BuildInput, ImageInfo};
use crate::shell::expand as words;
use crate::syntax::{self, Args, CommandForm, CopyArgs, Dockerfile, Instruction, Keyword, Mount, MountType, RunArgs};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

mod env;
mod facts;
mod fs;
mod key;

pub(crate) use env::Shared;
use env::{Env, Names};
pub(crate) use facts::Facts;
use facts::{diff, distance, files_of, CopyFacts, MountFacts, RunFacts};
use fs::Fs;
use key::{selection_key, short, Hasher};

/// A mount as the key sees it: its resolved fields, and what a bind mount
/// selects.
struct MountKeyed<'m> {
    mount: &'m Mount,
    target: String,
    source: Option<String>,
    id: Option<String>,
    /// What `from=` resolves to ([`Builder::source_identity`]).
    from_identity: String,
    /// A cache mount with the default id and sharing, which the key keeps.
    key_id: bool,
    selection: Selection,
    opaque: String,
    cache_id: Option<String>,
    /// Every option that enters the key, hashed ([`MountKeyed::key_options`]).
    options: Key,
}

impl MountKeyed<'_> {
    fn rw(&self) -> bool {
        // Bind mounts are read-only unless `rw` is given.
        self.mount.raw.split(',').any(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, "true"));
            matches!(k.trim(), "rw" | "readwrite") && v.trim() != "false"
        })
    }

    /// Every option that enters the key, hashed.
    fn key_options(&self) -> Key {
        let m = self.mount;
        let mut h = Hasher::new("mount-options");
        h.word(m.kind as u64).str(&self.target);
        match m.kind {
            MountType::Bind => {
                h.str(&self.from_identity).str(self.source.as_deref().unwrap_or("")).word(u64::from(self.rw()))
            }
            MountType::Cache => {
                h.str(&self.from_identity).str(self.source.as_deref().unwrap_or(""));
                h.str(if self.key_id { self.cache_id.as_deref().unwrap_or("") } else { "" });
                h.str(m.mode.as_deref().unwrap_or("0755"))
                    .str(m.uid.as_deref().unwrap_or("0"))
                    .str(m.gid.as_deref().unwrap_or("0"));
                h.word(u64::from(m.readonly))
            }
            // Secret and ssh contents stay out of the key; only where and
            // how they are mounted counts.
            MountType::Secret | MountType::Ssh | MountType::Tmpfs => {
                h.str(self.id.as_deref().unwrap_or("")).word(u64::from(m.required));
                h.str(m.mode.as_deref().unwrap_or(""))
                    .str(m.uid.as_deref().unwrap_or(""))
                    .str(m.gid.as_deref().unwrap_or(""));
                h.str(m.size.as_deref().unwrap_or("")).str(m.env.as_deref().unwrap_or(""))
            }
        };
        h.finish()
    }

    fn hash(&self, h: &mut Hasher) {
        h.key(&self.options).key(&selection_key(&self.selection)).str(&self.opaque);
    }

    fn facts(&self) -> MountFacts {
        let from_stage = self.from_identity.starts_with("stage ");
        MountFacts {
            target: self.target.clone(),
            options: self.options,
            from_stage,
            files: files_of(&self.selection, from_stage),
            opaque: self.opaque.clone(),
        }
    }
}

/// BuildKit `nonEnvArgs`: ARGs that never become environment variables.
const NON_ENV_ARGS: [&str; 2] = ["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];

/// The platform the simulation builds for (BuildKit `defaultArgs`).
const PLATFORM_ARGS: [(&str, &str); 8] = [
    ("BUILDPLATFORM", "linux/amd64"),
    ("BUILDOS", "linux"),
    ("BUILDARCH", "amd64"),
    ("BUILDVARIANT", ""),
    ("TARGETPLATFORM", "linux/amd64"),
    ("TARGETOS", "linux"),
    ("TARGETARCH", "amd64"),
    ("TARGETVARIANT", ""),
];

/// The dispatch state of one stage (BuildKit `dispatchState`).
#[derive(Debug, Clone)]
struct StageState {
    /// Key of the last filesystem step.
    key: Key,
    /// Line of the step that produced `key`.
    key_line: u32,
    env: Env,
    arg_names: Names,
    workdir: Arc<str>,
    user: Arc<str>,
    shell: Arc<Vec<String>>,
    fs: Fs,
    config: Key,
    /// Steps taken so far in this stage (the next step's position).
    position: usize,
}

struct Builder<'a> {
    history: &'a History,
    input: &'a BuildInput,
    images: &'a BTreeMap<String, ImageInfo>,
    options: &'a Options,
    df: &'a Dockerfile,
    context: Arc<Context>,
    build: usize,
    diags: Vec<Diagnostic>,
    /// Keys produced in this build: line and status of their first step.
    this_build: super::KeyMap<(u32, Status)>,
    produced: Vec<Produced>,
    positions: Vec<((usize, usize), Key)>,
    cache_mounts: Vec<String>,
    configs: Vec<Key>,
    global_args: Env,
    /// Context files read by the step being keyed.
    reads: Vec<Arc<str>>,
    /// `Stage::display_name` of every stage.
    stage_names: Vec<Arc<str>>,
    shared: std::cell::RefMut<'a, Shared>,
    /// Per stage: a later step reads its files.
    files_read: Vec<bool>,
    /// The CI setting of this build: imported caches and cache flags.
    ci: Option<&'a CiView>,
    /// Keys of the stages the step being keyed reads (`--from`, `from=`).
    sources: Vec<Key>,
    /// Every key of this build with what it depends on, for deciding which
    /// steps BuildKit needs to load or run at all ([`Builder::settle`]).
    graph: super::KeyMap<Node>,
    /// The key of every keyed step, by instruction index.
    step_keys: super::FastMap<usize, Key>,
}

/// A vertex of the build: its parent (or, for the merge of a linked copy,
/// both inputs) and the stages it reads. `step` is the instruction index
/// of the step that made it (none for a merge).
#[derive(Debug, Clone)]
struct Node {
    deps: Vec<Key>,
    sources: Vec<Key>,
    step: Option<usize>,
}

pub(crate) fn run(
    history: &History,
    input: &BuildInput,
    images: &BTreeMap<String, ImageInfo>,
    options: &Options,
    ci: Option<&CiView>,
) -> BuildOutcome {
    let df = parsed(history, &input.dockerfile);
    let (context, diags) = context(history, input);
    let mut b = Builder {
        history,
        input,
        images,
        options,
        df: &df,
        context,
        build: history.builds,
        diags,
        this_build: super::KeyMap::with_capacity_and_hasher(df.instructions.len(), Default::default()),
        produced: Vec::with_capacity(df.instructions.len()),
        positions: Vec::with_capacity(df.instructions.len()),
        cache_mounts: Vec::new(),
        configs: Vec::with_capacity(df.instructions.len()),
        global_args: Env::default(),
        reads: Vec::new(),
        stage_names: df.stages.iter().map(|s| s.display_name().into()).collect(),
        shared: history.shared.borrow_mut(),
        files_read: Vec::new(),
        ci,
        sources: Vec::new(),
        graph: super::KeyMap::default(),
        step_keys: super::FastMap::default(),
    };
    let (report, records) = b.run();
    BuildOutcome {
        report,
        diagnostics: b.diags,
        produced: b.produced,
        positions: {
            let mut p = b.positions;
            p.sort_by_key(|(pos, _)| *pos);
            p
        },
        cache_mounts: b.cache_mounts,
        configs: b.configs,
        records,
    }
}

impl<'a> Builder<'a> {
    fn expand<'w>(&mut self, word: &'w str, env: &Env, span: crate::span::Span) -> Cow<'w, str> {
        // Most words have nothing to expand or unquote.
        let escape = self.df.escape;
        let special = |b: u8| matches!(b, b'$' | b'"' | b'\'') || u32::from(b) == u32::from(escape);
        if escape.is_ascii() && !word.bytes().any(special) {
            return Cow::Borrowed(word);
        }
        if !escape.is_ascii() && !word.contains(['$', '"', '\'', escape]) {
            return Cow::Borrowed(word);
        }
        match words::expand(word, escape, &|name| env.get(name)) {
            Ok(s) => Cow::Owned(s),
            Err(e) => {
                self.diags.push(Diagnostic::warning(span, e));
                Cow::Borrowed(word)
            }
        }
    }

    /// Global ARGs with build-arg overrides (BuildKit `buildMetaArgs`),
    /// after the predefined platform args (`defaultArgs`).
    fn global_args(&mut self, target: &str) -> Env {
        let mut env = Env::default();
        for (k, v) in PLATFORM_ARGS {
            env.set_in(k, v, &mut self.shared);
        }
        env.set_in("TARGETSTAGE", target, &mut self.shared);
        for instr in self.df.instructions.iter().filter(|i| i.stage.is_none()) {
            if let Args::Arg(decls) = &instr.args {
                for d in decls {
                    let value = match (self.input.build_args.get(&d.name), &d.default) {
                        (Some(v), _) => Some(v.clone()),
                        (None, Some(def)) => Some(self.expand(def, &env, d.span).into_owned()),
                        (None, None) => None,
                    };
                    if let Some(v) = value {
                        env.set_in(&d.name, &v, &mut self.shared);
                    }
                }
            }
        }
        env
    }

    fn run(&mut self) -> (BuildReport, Vec<Record>) {
        let df = self.df;
        let stages = &df.stages;
        // BuildKit `resolveTarget`: the named stage, else the last one.
        let mut target = stages.len().checked_sub(1);
        if let Some(t) = &self.input.target {
            match stages.iter().find(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(t))) {
                Some(s) => target = Some(s.index),
                None => self.diags.push(Diagnostic::error(Default::default(), TARGET_NOT_FOUND.msg().arg("target", t))),
            }
        }
        let target_name = target.map(|t| stages[t].display_name()).unwrap_or_default();
        self.global_args = self.global_args(&target_name);

        // Resolve every stage's base and dependencies, then keep the ones the
        // target reaches (BuildKit `allReachableStages`).
        let mut bases: Vec<Result<usize, String>> = Vec::new();
        // Per stage, the stages its steps read through `--from` or `from=`.
        let mut reads: Vec<Vec<usize>> = Vec::new();
        for s in stages {
            let globals = self.global_args.clone();
            let from_span = df.instructions.get(s.from).map(|i| i.span).unwrap_or_default();
            let base = self.expand(&s.base, &globals, from_span).into_owned();
            let base = match df.stage_ref_by_name(&base, s.index) {
                Some(i) => Ok(i),
                None => Err(base),
            };
            let r = s
                .instructions
                .iter()
                .flat_map(|&i| source_stages(&df.instructions[i]))
                .filter_map(|from| df.stage_ref(from, s.index));
            reads.push(r.collect());
            bases.push(base);
        }
        let mut needed = vec![false; stages.len()];
        let mut todo: Vec<usize> = target.into_iter().collect();
        while let Some(s) = todo.pop() {
            if !std::mem::replace(&mut needed[s], true) {
                todo.extend(bases[s].as_ref().ok().copied().into_iter().chain(reads[s].iter().copied()));
            }
        }
        // The stages whose files a step reads: those named by `--from` or
        // `from=`, and the stages they are built FROM. Only those keep
        // their files.
        let mut todo: Vec<usize> =
            stages.iter().filter(|s| needed[s.index]).flat_map(|s| reads[s.index].iter().copied()).collect();
        self.files_read = vec![false; stages.len()];
        while let Some(s) = todo.pop() {
            if !std::mem::replace(&mut self.files_read[s], true) {
                todo.extend(bases[s].as_ref().ok().copied());
            }
        }

        // Stages follow one another in the file and dispatch in that order,
        // so steps are placed in file order as they come.
        let mut steps: Vec<Step> = Vec::with_capacity(df.instructions.len());
        let mut states: Vec<Option<StageState>> = vec![None; stages.len()];
        for s in stages {
            if !needed[s.index] {
                for &i in std::iter::once(&s.from).chain(&s.instructions) {
                    if let Some(instr) = df.instructions.get(i) {
                        let mut step =
                            self.blank(instr, i, Status::NotBuilt, Reason::NotNeeded { target: target_name.clone() });
                        step.est_seconds = self.seconds(instr);
                        self.place(&mut steps, i, step);
                    }
                }
                continue;
            }
            let (state, from_step) = self.from(s.index, &bases[s.index], &states);
            if let Some(step) = from_step {
                self.place(&mut steps, s.from, step);
            }
            let mut state = state;
            for &i in &s.instructions {
                let step = self.instruction(s.index, i, &mut state, &states);
                self.place(&mut steps, i, step);
            }
            states[s.index] = Some(state);
        }

        self.fill(&mut steps, df.instructions.len());
        let final_key = target.and_then(|t| states[t].as_ref()).map(|st| st.key);
        let records = self.settle(&mut steps, final_key);

        let image = match target.and_then(|t| states[t].as_ref()) {
            Some(st) => {
                let id = short(&Hasher::new("image").key(&st.key).key(&st.config).finish());
                ImageReport {
                    changed: self.history.last_image.as_deref() != Some(id.as_str()),
                    id,
                    layers: short(&st.key),
                }
            }
            None => ImageReport { changed: true, ..Default::default() },
        };
        // A step that appears twice (same key) runs once: count it once.
        let mut seen = super::FastSet::default();
        let (mut cold_seconds, mut warm_seconds) = (0.0, 0.0);
        for s in steps.iter().filter(|s| matches!(s.status, Status::Hit | Status::Miss) && seen.insert(s.key)) {
            cold_seconds += s.est_seconds;
            if s.status == Status::Miss {
                warm_seconds += s.est_seconds;
            }
        }
        let report = BuildReport {
            cold_seconds,
            warm_seconds,
            hits: steps.iter().filter(|s| s.status == Status::Hit).count(),
            misses: steps.iter().filter(|s| s.status == Status::Miss).count(),
            target: target_name,
            image,
            steps,
            ci: None,
        };
        (report, records)
    }

    /// Decides which steps BuildKit actually loads or runs. The solver
    /// works back from the target: a step found in the cache with its
    /// result is loaded and nothing above it is needed; a step that runs
    /// needs its inputs. A step never needed is reported as cached even
    /// when its own result is not in any cache (a `mode=min` export keeps
    /// such records without layers). solver/edge.go, solver/jobs.go.
    ///
    /// A step keyed on content it copies from another stage can only be
    /// checked once that stage's output exists, unless the stage's own key
    /// is cached (BuildKit first tries the key made from the inputs' keys,
    /// then the content checksum: edge.go `slowCacheFunc`).
    fn settle(&mut self, steps: &mut [Step], final_key: Option<Key>) -> Vec<Record> {
        if self.ci.is_none() {
            // One persistent builder holds every result it ever made: a
            // step that runs always has a cached step below it that ran too.
            return Vec::new();
        }
        let mut needed = super::KeySet::default();
        let mut todo: Vec<Key> = final_key.into_iter().collect();
        // A step that ignores the cache runs whether or not a later step is
        // found: its vertex can match nothing, so the solver evaluates it
        // (recorded in tests/ci-oracle, `--no-cache-filter` scenarios).
        todo.extend(
            steps
                .iter()
                .filter(|s| s.reason == Reason::IgnoreCache)
                .filter_map(|s| self.step_keys.get(&s.instruction).copied()),
        );
        while let Some(k) = todo.pop() {
            if !needed.insert(k) {
                continue;
            }
            let Some(node) = self.graph.get(&k) else { continue };
            let runs = match node.step {
                Some(_) => self.this_build.get(&k).is_some_and(|(_, s)| *s == Status::Miss),
                None => true,
            };
            if runs {
                todo.extend(node.deps.iter().chain(&node.sources).copied());
            } else {
                todo.extend(node.sources.iter().copied().filter(|s| !self.matched(s)));
            }
        }
        // Final image layers: the parent chain from the target's last key;
        // a linked copy's layer is its own (made on an empty base, merged).
        let mut layers = super::KeySet::default();
        let mut todo: Vec<Key> = final_key.into_iter().collect();
        while let Some(k) = todo.pop() {
            if layers.insert(k) {
                if let Some(node) = self.graph.get(&k) {
                    todo.extend(node.deps.iter().copied());
                }
            }
        }
        // BuildKit reports a step it never needed as cached. The FROM of an
        // image is the exception: computing its key resolves the image,
        // which BuildKit reports as a step that ran, so it shows as cached
        // only when its result is loaded (solver/jobs.go, `CacheMap`: a
        // vertex without inputs notifies `cached` false). The report keeps
        // it a hit, with the reason saying it was never loaded.
        for s in steps
            .iter_mut()
            .filter(|s| matches!(s.status, Status::Miss | Status::Hit) && !matches!(s.reason, Reason::SameAs { .. }))
        {
            let Some(&key) = self.step_keys.get(&s.instruction) else { continue };
            if !needed.contains(&key) {
                s.status = Status::Hit;
                s.reason = Reason::Unneeded;
            }
        }
        let mut records = Vec::new();
        let mut seen = super::KeySet::default();
        for p in &mut self.produced {
            if !seen.insert(p.key) {
                continue;
            }
            let ran = self.this_build.get(&p.key).is_some_and(|(_, s)| *s == Status::Miss) && needed.contains(&p.key);
            let local = self.history.keys.contains_key(&p.key);
            let imported = self.ci.and_then(|c| c.imported.get(&p.key));
            // A result the runner does not hold stays where it came from.
            p.local = ran || local || needed.contains(&p.key);
            records.push(Record {
                key: p.key,
                result: ran || local || imported.is_some_and(|r| r.result),
                remote: !ran && !local && imported.is_some_and(|r| r.result),
                layer: layers.contains(&p.key),
            });
        }
        for (k, node) in &self.graph {
            if node.step.is_none() && seen.insert(*k) {
                records.push(Record { key: *k, result: true, remote: false, layer: layers.contains(k) });
            }
        }
        records
    }

    /// True when `key` is in this runner's cache or an imported one, with
    /// or without its result: a later step can be matched on it.
    fn matched(&self, key: &Key) -> bool {
        self.history.keys.contains_key(key) || self.ci.is_some_and(|c| c.imported.contains_key(key))
    }

    /// Puts instruction `index`'s step in place, after the steps of the
    /// instructions before it that have none (global ARGs, anything before
    /// the first FROM).
    fn place(&self, steps: &mut Vec<Step>, index: usize, step: Step) {
        self.fill(steps, index);
        match steps.get_mut(index) {
            Some(slot) => *slot = step,
            None => steps.push(step),
        }
    }

    /// Fills `steps` up to `len` with the steps of instructions that
    /// dispatch none.
    fn fill(&self, steps: &mut Vec<Step>, len: usize) {
        while steps.len() < len {
            let i = steps.len();
            let instr = &self.df.instructions[i];
            let reason = if instr.keyword == Keyword::Arg && instr.stage.is_none() {
                Reason::GlobalArg
            } else {
                Reason::Invalid
            };
            steps.push(self.blank(instr, i, Status::NoStep, reason));
        }
    }

    fn seconds(&self, instr: &Instruction) -> f64 {
        if let Some(&s) = self.options.seconds.get(&*instr.text) {
            return s;
        }
        if instr.keyword != Keyword::Run {
            return estimate_seconds(instr);
        }
        // RUN estimates scan the command for many tools: remember them.
        let mut memo = self.history.estimates.borrow_mut();
        if let Some(&s) = memo.get(&*instr.text) {
            return s;
        }
        let s = estimate_seconds(instr);
        if memo.len() < 10_000 {
            memo.insert(instr.text.to_string(), s);
        }
        s
    }

    fn blank(&self, instr: &Instruction, index: usize, status: Status, reason: Reason) -> Step {
        Step {
            stage: instr.stage.and_then(|s| self.stage_names.get(s)).cloned().unwrap_or_else(|| "".into()),
            stage_index: instr.stage,
            instruction: index,
            line: instr.line,
            end_line: instr.end_line,
            keyword: Cow::Borrowed(instr.keyword.as_str()),
            text: instr.text.clone(),
            status,
            reason,
            key: ShortKey::default(),
            est_seconds: 0.0,
            config_changed: false,
            warm_cache_mount: false,
            linked: false,
            reads: Vec::new(),
        }
    }

    /// FROM: a stage continues from its base stage (`dispatchState.init`),
    /// or starts from an image keyed on its identity, or from scratch.
    fn from(
        &mut self,
        stage: usize,
        base: &Result<usize, String>,
        states: &[Option<StageState>],
    ) -> (StageState, Option<Step>) {
        let df = self.df;
        let s = &df.stages[stage];
        let instr = &df.instructions[s.from];
        let tracked = self.files_read.get(stage).copied().unwrap_or(true);
        let fresh = |key: Key| StageState {
            key,
            key_line: instr.line,
            env: Env::default(),
            arg_names: Names::default(),
            workdir: "/".into(),
            user: "".into(),
            shell: Arc::new(vec!["/bin/sh".into(), "-c".into()]),
            fs: Fs::new(tracked),
            config: Hasher::new("config").key(&key).finish(),
            position: 0,
        };
        match base {
            Ok(b) => {
                let mut st = match &states[*b] {
                    Some(parent) => parent.clone(),
                    None => fresh(Hasher::new("scratch").finish()),
                };
                st.position = 0;
                st.fs.tracked = tracked;
                let step = self.blank(
                    instr,
                    s.from,
                    Status::NoStep,
                    Reason::InheritsStage { stage: df.stages[*b].display_name() },
                );
                (st, Some(step))
            }
            Err(image) if image.eq_ignore_ascii_case("scratch") => {
                let st = fresh(Hasher::new("scratch").finish());
                (st, Some(self.blank(instr, s.from, Status::NoStep, Reason::Scratch)))
            }
            Err(image) => {
                let identity = base_identity(image, self.images);
                let platform = s.platform.clone().map(|p| {
                    let g = self.global_args.clone();
                    self.expand(&p, &g, instr.span).into_owned()
                });
                let key = Hasher::new("from").str(&identity).str(platform.as_deref().unwrap_or("")).finish();
                let mut st = fresh(key);
                st.fs.opaque(key);
                let shown = crate::reference::parse(image).map(|r| r.familiar()).unwrap_or_else(|_| image.clone());
                let facts = Facts::From { identity, image: shown.clone() };
                let step =
                    self.step(stage, s.from, &mut st, key, None, Some(facts), Some(Reason::NewBase { image: shown }));
                (st, Some(step))
            }
        }
    }

    /// True when `key` is in the cache or already made by this build.
    fn known(&self, key: &Key) -> bool {
        self.this_build.contains_key(key) || self.history.keys.contains_key(key)
    }

    /// Records a keyed step and decides hit or miss. `facts` may be `None`
    /// when [`Builder::known`] says the key is cached: only new keys need
    /// them, to explain later misses.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        stage: usize,
        index: usize,
        st: &mut StageState,
        key: Key,
        parent: Option<Key>,
        facts: Option<Facts>,
        new_reason: Option<Reason>,
    ) -> Step {
        let instr = &self.df.instructions[index];
        // `--no-cache` and `--no-cache-filter` mark RUN, COPY and ADD of
        // the stages they name (dockerfile2llb/convert.go `ignoreCache`,
        // set from dockerui `IsNoCache`, applied in `dispatchRun` and
        // `dispatchCopy`); FROM and WORKDIR keep their cache.
        let ignored = self.ci.is_some_and(|c| c.ignores(&self.df.stages[stage]))
            && matches!(instr.keyword, Keyword::Run | Keyword::Copy | Keyword::Add);
        // A base image is pulled from its registry, not loaded from an
        // imported cache: BuildKit v0.26.0 reports a needed FROM on a runner
        // without the image as executed (recorded in tests/ci-oracle).
        let imported = self.ci.filter(|_| instr.keyword != Keyword::From).and_then(|c| c.imported.get(&key));
        let (status, reason) = if let Some(&(line, status)) = self.this_build.get(&key) {
            match status {
                Status::Miss => (Status::Miss, Reason::SameAs { line }),
                _ => (Status::Hit, Reason::Cached { build: self.history.keys.get(&key).map_or(0, |i| i.build + 1) }),
            }
        } else if ignored {
            (Status::Miss, Reason::IgnoreCache)
        } else if let Some(info) = self.history.keys.get(&key) {
            (Status::Hit, Reason::Cached { build: info.build + 1 })
        } else if let Some(rec) = imported {
            match rec.result {
                true => (Status::Hit, Reason::Imported { from: rec.from.to_string() }),
                false => (Status::Miss, Reason::NoLayers { from: rec.from.to_string() }),
            }
        } else {
            let reason = match &facts {
                Some(facts) => self.explain(stage, st, parent, facts, new_reason),
                None => Reason::NewStep,
            };
            (Status::Miss, reason)
        };
        self.this_build.entry(key).or_insert((instr.line, status));
        if self.ci.is_some() {
            let sources = std::mem::take(&mut self.sources);
            self.graph.entry(key).or_insert(Node { deps: parent.into_iter().collect(), sources, step: Some(index) });
            self.step_keys.insert(index, key);
        }
        self.produced.push(Produced { key, parent, build: self.build, facts: facts.map(Arc::new), local: true });
        self.positions.push(((stage, st.position), key));
        st.position += 1;
        let mut step = self.blank(instr, index, status, reason);
        step.reads = std::mem::take(&mut self.reads);
        step.reads.sort();
        step.reads.dedup();
        step.key = ShortKey::of(&key);
        step.est_seconds = self.seconds(instr);
        step
    }

    /// Why a step missed: its parent re-ran, or it differs from the cached
    /// step that had the same parent (or the same position last build).
    fn explain(
        &self,
        stage: usize,
        st: &StageState,
        parent: Option<Key>,
        facts: &Facts,
        new_reason: Option<Reason>,
    ) -> Reason {
        if self.history.builds == 0 {
            return match self.ci {
                Some(c) if !c.first => Reason::EmptyCache,
                _ => Reason::FirstBuild,
            };
        }
        if let Some(p) = parent {
            if !self.history.keys.contains_key(&p) {
                return Reason::ParentMissed { line: st.key_line };
            }
        }
        let same_kind = |k: &Key| -> Option<&Facts> {
            let old: &Facts = &self.history.keys.get(k)?.facts;
            (std::mem::discriminant(old) == std::mem::discriminant(facts)).then_some(old)
        };
        // Among the cached steps with the same parent, compare with the most
        // similar (the newest on a tie), so that the reason names what this
        // edit changed rather than what an unrelated earlier build did. The
        // newest few are enough, and keep a long history from costing more.
        const CANDIDATES: usize = 16;
        let by_parent = parent.and_then(|p| self.history.children.get(&p)).and_then(|c| {
            // The first of the closest; a candidate stops being measured
            // once it cannot beat the best so far.
            let mut best: Option<(&Facts, usize)> = None;
            for old in c.as_slice().iter().rev().filter_map(same_kind).take(CANDIDATES) {
                let limit = best.map_or(usize::MAX, |(_, d)| d);
                let d = distance(old, facts, limit);
                if d < limit {
                    best = Some((old, d));
                }
            }
            best.map(|(old, _)| old)
        });
        let at_position = |pos: (usize, usize)| {
            self.history.positions.binary_search_by_key(&pos, |(p, _)| *p).ok().map(|i| &self.history.positions[i].1)
        };
        let old = by_parent.or_else(|| at_position((stage, st.position)).and_then(same_kind));
        match old {
            Some(old) => diff(old, facts),
            None => new_reason.unwrap_or(Reason::NewStep),
        }
    }

    fn instruction(&mut self, stage: usize, index: usize, st: &mut StageState, states: &[Option<StageState>]) -> Step {
        let instr = &self.df.instructions[index];
        // A metadata instruction's effect on the image config, hashed field
        // by field.
        let mut effect = Hasher::new("effect");
        effect.str(instr.keyword.as_str());
        match &instr.args {
            Args::Run(run) => self.run_step(stage, index, st, run, states),
            Args::Copy(c) => self.copy_step(stage, index, st, c, false, states),
            Args::Add(c) => self.copy_step(stage, index, st, c, true, states),
            Args::Workdir(w) => {
                // BuildKit `dispatchWorkdir`: relative paths join the current
                // workdir; a mkdir step (with the current USER) unless `/`.
                let env = st.env.clone();
                let path = self.expand(&w.text, &env, w.span);
                let wd: Arc<str> = if path.starts_with('/') {
                    format!("/{}", clean_path(&path))
                } else {
                    format!("/{}", clean_join(&st.workdir, &path))
                }
                .into();
                st.workdir = wd.clone();
                self.config(st, effect.str(&wd));
                if &*wd == "/" {
                    return self.blank(instr, index, Status::NoStep, Reason::RootWorkdir);
                }
                let parent = st.key;
                let key = Hasher::new("mkdir").key(&parent).str(&wd).str(&st.user).finish();
                let facts = (!self.known(&key)).then(|| Facts::Workdir { path: wd.clone(), user: st.user.clone() });
                let step = self.step(stage, index, st, key, Some(parent), facts, None);
                st.fs.put(Entry::dir(&wd[1..], 0o755));
                st.key = key;
                st.key_line = instr.line;
                step
            }
            Args::Env { pairs, .. } => {
                // BuildKit `dispatchEnv`: values are expanded with the env so far.
                for p in pairs {
                    let env = st.env.clone();
                    let v = self.expand(&p.value, &env, p.span);
                    st.env.set_in(&p.key, &v, &mut self.shared);
                    effect.str(&p.key).str(&v);
                }
                self.metadata(st, instr, index, &effect)
            }
            Args::Arg(decls) => {
                // BuildKit `dispatchArg`: a build-arg wins, then the default
                // (expanded), then an unset ARG inherits the global value.
                // Only ARGs with a value enter the environment.
                for d in decls {
                    let env = st.env.clone();
                    let value: Option<Cow<str>> = match (self.input.build_args.get(&d.name), &d.default) {
                        (Some(v), _) => Some(Cow::Borrowed(v)),
                        (None, Some(def)) => Some(self.expand(def, &env, d.span)),
                        (None, None) => self.global_args.get(&d.name).map(Cow::Owned),
                    };
                    if let Some(v) = &value {
                        if !NON_ENV_ARGS.contains(&d.name.as_str()) {
                            st.env.set_in(&d.name, v, &mut self.shared);
                            if !st.arg_names.contains(&d.name) {
                                st.arg_names.push(&d.name);
                            }
                        }
                    }
                    effect.str(&d.name);
                    match &value {
                        Some(v) => effect.word(1).str(v),
                        None => effect.word(0),
                    };
                }
                self.metadata(st, instr, index, &effect)
            }
            Args::User(u) => {
                // BuildKit `dispatchUser` keeps the string as written:
                // `root` and `0` differ.
                let env = st.env.clone();
                st.user = self.expand(&u.text, &env, u.span).into();
                effect.str(&st.user);
                self.metadata(st, instr, index, &effect)
            }
            Args::Shell(v) => {
                st.shell = Arc::new(v.clone());
                effect.list(v);
                self.metadata(st, instr, index, &effect)
            }
            Args::Invalid => self.blank(instr, index, Status::NoStep, Reason::Invalid),
            _ => {
                effect.str(&instr.command);
                self.metadata(st, instr, index, &effect)
            }
        }
    }

    /// Folds a metadata effect into the stage's image config; true when no
    /// earlier build had this instruction with this effect.
    fn config(&mut self, st: &mut StageState, effect: &Hasher) -> bool {
        let own = effect.finish();
        st.config = Hasher::new("config").key(&st.config).key(&own).finish();
        self.configs.push(own);
        self.history.builds > 0 && !self.history.configs.contains(&own)
    }

    fn metadata(&mut self, st: &mut StageState, instr: &Instruction, index: usize, effect: &Hasher) -> Step {
        let changed = self.config(st, effect);
        let mut step = self.blank(instr, index, Status::NoStep, Reason::Metadata);
        step.config_changed = changed;
        step
    }

    /// RUN (BuildKit `dispatchRun`): the exec op's key covers the arguments
    /// (shell prepended for shell form), the env (base, ENV, stage ARGs with
    /// values; proxy build-args go to `ProxyEnv`, which the exec op leaves
    /// out of its cache map), workdir, user, network, security and mounts.
    fn run_step(
        &mut self,
        stage: usize,
        index: usize,
        st: &mut StageState,
        run: &RunArgs,
        states: &[Option<StageState>],
    ) -> Step {
        let instr = &self.df.instructions[index];
        let heredocs: Vec<String> = instr.heredocs.iter().map(|h| chomp(&h.content, h.chomp).into_owned()).collect();
        // The exec op's arguments: the exec form as written, or the shell
        // with the command. A command that is only a heredoc runs the body;
        // otherwise the bodies and terminators follow the command line.
        let shell = st.shell.clone();
        let (shell_form, init, last): (bool, &[String], Option<Cow<str>>) = match &run.command {
            CommandForm::Exec(v) => match v.split_last() {
                Some((last, init)) => (false, init, Some(Cow::Borrowed(last.as_str()))),
                None => (false, &[], None),
            },
            CommandForm::Shell(text) => {
                let body = if heredocs.len() == 1 && is_heredoc_only(text) {
                    Cow::Owned(heredocs[0].clone())
                } else if instr.heredocs.is_empty() {
                    Cow::Borrowed(text.as_str())
                } else {
                    let mut b = text.clone();
                    for (h, data) in instr.heredocs.iter().zip(&heredocs) {
                        b.push('\n');
                        b.push_str(data);
                        b.push_str(&h.name);
                    }
                    Cow::Owned(b)
                };
                (true, shell.as_slice(), Some(body))
            }
        };
        let mounts: Vec<MountKeyed> = run.mounts.iter().map(|m| self.mount(m, st, stage, states, instr)).collect();
        // A cache mount holds files once a RUN that used it has run (a step
        // taken from the cache never mounts it).
        let mut cache_ids = mounts.iter().filter_map(|m| m.cache_id.as_deref());
        let warm =
            cache_ids.any(|id| self.history.cache_mounts.contains(id) || self.cache_mounts.iter().any(|c| c == id));
        let parent = st.key;
        let mut h = Hasher::new("exec");
        h.key(&parent);
        // The same hash as `list` over the arguments, without building them.
        h.word((init.len() + usize::from(last.is_some())) as u64);
        for a in init {
            h.str(a);
        }
        if let Some(l) = &last {
            h.str(l);
        }
        st.env.hash_into(&mut h);
        h.str(&st.workdir).str(&st.user);
        h.str(run.network.as_deref().unwrap_or("default")).str(run.security.as_deref().unwrap_or("sandbox"));
        h.word(mounts.len() as u64);
        for m in &mounts {
            m.hash(&mut h);
        }
        let key = h.finish();
        let facts = (!self.known(&key)).then(|| {
            Facts::Run(RunFacts {
                shell_form,
                init: if shell_form { shell.clone() } else { Arc::new(init.to_vec()) },
                last: last.map(|l| Hasher::new("last").str(&l).finish()),
                heredocs: Hasher::new("heredocs").list(&heredocs).finish(),
                env: st.env.clone(),
                arg_names: st.arg_names.clone(),
                workdir: st.workdir.clone(),
                user: st.user.clone(),
                network: run.network.clone(),
                security: run.security.clone(),
                mounts: mounts.iter().map(MountKeyed::facts).collect(),
            })
        });
        let mut step = self.step(stage, index, st, key, Some(parent), facts, None);
        step.warm_cache_mount = warm && step.status == Status::Miss;
        if step.status == Status::Miss {
            self.cache_mounts.extend(mounts.into_iter().filter_map(|m| m.cache_id));
        }
        st.fs.opaque(key);
        st.key = key;
        st.key_line = instr.line;
        step
    }

    /// One `--mount` (BuildKit `dispatchRunMounts`), resolved: what enters
    /// the step's key and, for a cache mount, the id its contents persist
    /// under.
    fn mount<'m>(
        &mut self,
        m: &'m Mount,
        st: &StageState,
        stage: usize,
        states: &[Option<StageState>],
        instr: &Instruction,
    ) -> MountKeyed<'m> {
        let env = st.env.clone();
        let mut ex = |v: &Option<String>| v.as_ref().map(|s| self.expand(s, &env, m.span).into_owned());
        let target = ex(&m.target).unwrap_or_default();
        let source = ex(&m.source);
        let from = ex(&m.from);
        let id = ex(&m.id);
        let from_identity = self.source_identity(from.as_deref(), stage, states);
        let (selection, opaque) = match m.kind {
            MountType::Bind => {
                let src = source.as_deref().unwrap_or("");
                self.select_from(from.as_deref(), &[src], &SelectOptions::default(), stage, states, instr)
            }
            _ => (Selection::default(), String::new()),
        };
        // The contents of a cache mount are never in the key. Of the id and
        // sharing, BuildKit keeps only the Dockerfile default (id = target,
        // shared) in the key and clears any other id or sharing, so that
        // `locked` to `private`, or one explicit id to another, keeps the
        // cache (solver/llbsolver/ops/exec.go `checkShouldClearCacheOpts`).
        let cache_id = (m.kind == MountType::Cache).then(|| id.clone().unwrap_or_else(|| target.clone()));
        let key_id = cache_id.as_deref().is_some_and(|cid| {
            let shared = m.sharing.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("shared"));
            let default_id = cid == target || cid.split_once('/').is_some_and(|(_, rest)| rest == target);
            default_id && shared
        });
        let mut keyed = MountKeyed {
            mount: m,
            target,
            source,
            id,
            from_identity,
            key_id,
            selection,
            opaque,
            cache_id,
            options: Key::default(),
        };
        keyed.options = keyed.key_options();
        keyed
    }

    /// What a `--from` names, as the key sees it: the context, a stage (by
    /// position, whatever its name), or an image identity.
    fn source_identity(&self, from: Option<&str>, stage: usize, states: &[Option<StageState>]) -> String {
        match from {
            None => String::new(),
            Some(name) => match self.df.stage_ref(name, stage).filter(|&i| states[i].is_some()) {
                Some(i) => format!("stage {i}"),
                None => format!("image {}", base_identity(name, self.images)),
            },
        }
    }

    /// Selects sources from the build context, an earlier stage, or an image.
    fn select_from<S: AsRef<str>>(
        &mut self,
        from: Option<&str>,
        sources: &[S],
        options: &SelectOptions,
        stage: usize,
        states: &[Option<StageState>],
        instr: &Instruction,
    ) -> (Selection, String) {
        match from {
            None => {
                let sel = self.context.tree.select(sources, options);
                self.reads.extend(sel.entries.iter().filter(|e| e.kind == EntryKind::File).map(|e| e.source.clone()));
                for m in &sel.missing {
                    if !crate::context::has_wildcards(m) {
                        self.diags.push(Diagnostic::warning(
                            instr.span,
                            super::messages::NOT_IN_CONTEXT.msg().arg("path", m),
                        ));
                    }
                }
                (sel, String::new())
            }
            Some(name) => match self.df.stage_ref(name, stage).and_then(|i| states[i].as_ref()) {
                Some(src) => {
                    if self.ci.is_some() {
                        self.sources.push(src.key);
                    }
                    src.fs.select(sources, options)
                }
                None => {
                    // An image: its content is its identity.
                    let identity = base_identity(name, self.images);
                    let sel = Selection {
                        missing: sources.iter().map(|s| s.as_ref().to_string()).collect(),
                        ..Default::default()
                    };
                    (sel, format!("image {identity}"))
                }
            },
        }
    }

    /// COPY and ADD (BuildKit `dispatchCopy`): keyed on the destination,
    /// the options and the content checksum of what the sources select.
    /// With `--link` (and no `--chmod`) the copy is made on scratch and
    /// merged, so its key does not depend on earlier steps.
    fn copy_step(
        &mut self,
        stage: usize,
        index: usize,
        st: &mut StageState,
        c: &CopyArgs,
        add: bool,
        states: &[Option<StageState>],
    ) -> Step {
        let instr = &self.df.instructions[index];
        let env = st.env.clone();
        let mut sources: Vec<Cow<str>> = Vec::with_capacity(c.sources.len());
        let mut heredoc_tree = Tree::default();
        let mut heredoc_sources: Vec<String> = Vec::new();
        let mut remote: Vec<String> = Vec::new();
        for w in &c.sources {
            if let Some(name) = heredoc_name(&w.text) {
                let body = instr.heredocs.iter().find(|h| h.name == name);
                let content = body.map(|h| chomp(&h.content, h.chomp)).unwrap_or_default();
                heredoc_tree.insert(Entry::file(&name, 0o644, content.as_bytes()));
                sources.push(Cow::Owned(format!("<<{name}")));
                heredoc_sources.push(name);
                continue;
            }
            let s = self.expand(&w.text, &env, w.span);
            if add && is_remote(&s) {
                remote.push(s.to_string());
            }
            sources.push(s);
        }
        let dest_raw = self.expand(&c.dest.text, &env, c.dest.span);
        // BuildKit `pathRelativeToWorkingDir`: relative destinations join
        // the workdir; `.` and a trailing `/` mean a directory.
        let dest_is_dir = dest_raw.ends_with('/') || dest_raw == "." || dest_raw.is_empty();
        let dest_abs =
            if dest_raw.starts_with('/') { clean_path(&dest_raw) } else { clean_join(&st.workdir, &dest_raw) };
        let chown = c.chown.as_ref().map(|s| self.expand(s, &env, instr.span));
        let chmod = c.chmod.as_ref().map(|s| self.expand(s, &env, instr.span));
        let select_options = SelectOptions { exclude: c.exclude.clone(), parents: c.parents };
        let local: Vec<&str> = sources
            .iter()
            .map(|s| s.as_ref())
            .filter(|s| !s.starts_with("<<") && !remote.iter().any(|r| r == s))
            .collect();
        let (mut selection, opaque) = if local.is_empty() {
            (Selection::default(), String::new())
        } else {
            self.select_from(c.from.as_deref(), &local, &select_options, stage, states, instr)
        };
        if !heredoc_sources.is_empty() {
            let sel = heredoc_tree.select(&heredoc_sources, &SelectOptions::default());
            selection.single_file = sources.len() == 1 && sel.entries.len() == 1;
            // Shown as `<<NAME`, so that a change reads as a heredoc change.
            selection.entries.extend(sel.entries.into_iter().map(|mut e| {
                e.source = format!("<<{}", e.source).into();
                e
            }));
        }
        for url in &remote {
            // A remote file: the simulation only knows its URL.
            let name = url.rsplit('/').next().unwrap_or("download").to_string();
            selection.entries.push(crate::context::Selected {
                source: url.as_str().into(),
                rel: name.into(),
                kind: EntryKind::File,
                mode: 0o600,
                size: 0,
                digest: crate::cache::sha256::digest(url.as_bytes()).into(),
            });
            selection.single_file = sources.len() == 1;
        }
        // Keyed on what `--from` resolves to, not its spelling: renaming a
        // stage changes nothing.
        let source_identity = self.source_identity(c.from.as_deref(), stage, states);
        let linked = c.link && chmod.is_none();
        let parent = st.key;
        let mut h = Hasher::new("copy");
        if !linked {
            h.key(&parent);
        }
        h.list(&sources).str(&dest_abs);
        let options = {
            let mut o = Hasher::new("copy-options");
            o.str(if add { "ADD" } else { "COPY" })
                .str(chown.as_deref().unwrap_or(""))
                .str(chmod.as_deref().unwrap_or(""));
            o.word(u64::from(c.parents)).list(&c.exclude).str(c.checksum.as_deref().unwrap_or(""));
            o.word(u64::from(c.keep_git_dir)).word(u64::from(dest_is_dir));
            o.finish()
        };
        h.key(&options).str(&source_identity).key(&selection_key(&selection)).str(&opaque);
        let key = h.finish();
        let facts = (!self.known(&key)).then(|| {
            let files = files_of(&selection, source_identity.starts_with("stage "));
            Facts::Copy(CopyFacts {
                sources: Hasher::new("sources").list(&sources).finish(),
                dest: Hasher::new("dest").str(&dest_raw).finish(),
                options,
                from: source_identity,
                from_name: c.from.clone().unwrap_or_default(),
                files,
                opaque,
            })
        });
        let new_reason = (!remote.is_empty()).then_some(Reason::Remote);
        let mut step = self.step(stage, index, st, key, (!linked).then_some(parent), facts, new_reason);
        step.linked = linked;
        st.fs.write(&dest_abs, dest_is_dir, &selection);
        st.key = if linked {
            let merge = Hasher::new("merge").key(&parent).key(&key).finish();
            if self.ci.is_some() {
                self.graph.entry(merge).or_insert(Node { deps: vec![parent, key], sources: Vec::new(), step: None });
            }
            merge
        } else {
            key
        };
        // A linked copy taken from the cache did not re-run: if its merge is
        // new, the re-run that caused it is upstream.
        if !(linked && step.status == Status::Hit) {
            st.key_line = instr.line;
        }
        step
    }
}

/// The build's context: the previous build's, patched, when only file
/// contents changed (the common case: an edited source file), else built.
fn context(history: &History, input: &BuildInput) -> (Arc<Context>, Vec<Diagnostic>) {
    let mut memo = history.digests.borrow_mut();
    let (known, bytes) = &mut *memo;
    // Remember digests of texts up to 64 KiB, 16 MiB in all: most files do
    // not change between builds, and hashing them again would dominate.
    let mut digest = |path: &str, text: &str| -> Arc<str> {
        // The Dockerfile changes with nearly every build and is only ever
        // compared with other versions of itself: the key hash identifies it
        // as well as SHA-256 would, at a fraction of the cost.
        if path == crate::context::DOCKERFILE {
            return format!("dockerfile:{}", hex(&Hasher::new("dockerfile").str(text).finish())).into();
        }
        if let Some(d) = known.get(text) {
            return d.clone();
        }
        let d: Arc<str> = crate::cache::sha256::digest(text.as_bytes()).into();
        if text.len() <= 1 << 16 && *bytes + text.len() <= 1 << 24 {
            *bytes += text.len();
            known.insert(text.to_string(), d.clone());
        }
        d
    };
    let mut last = history.context.borrow_mut();
    if let Some((files, context, diags)) = &mut *last {
        // The previous build has let go of its context: patching is in place.
        if Arc::make_mut(context).patch(files, &input.files, Some(&input.dockerfile), &mut digest) {
            return (context.clone(), diags.clone());
        }
    }
    let (context, diags) = Context::with_digests(&input.files, Some(&input.dockerfile), &mut digest);
    let context = Arc::new(context);
    *last = Some((input.files.clone(), context.clone(), diags.clone()));
    (context, diags)
}

/// The parse of `text`, from the history's few latest parses if it has it,
/// else re-parsed from the latest one: consecutive builds of a history
/// usually differ by an edit or two.
fn parsed(history: &History, text: &str) -> Arc<Dockerfile> {
    const KEEP: usize = 8;
    let mut parses = history.parses.borrow_mut();
    if let Some(i) = parses.iter().position(|p| p.text() == text) {
        let hit = parses.remove(i);
        let df = hit.dockerfile().clone();
        parses.push(hit);
        return df;
    }
    let parse = match parses.last() {
        Some(latest) => latest.edit(text),
        None => syntax::Incremental::new(text),
    };
    let df = parse.dockerfile().clone();
    if parses.len() >= KEEP {
        parses.remove(0);
    }
    parses.push(parse);
    df
}

/// Stages or images an instruction reads from (`COPY --from`, `RUN
/// --mount=from=`), as written: BuildKit does not expand `--from`.
fn source_stages(instr: &Instruction) -> impl Iterator<Item = &str> {
    let (copy, run) = match &instr.args {
        Args::Copy(c) | Args::Add(c) => (c.from.as_deref(), None),
        Args::Run(r) => (None, Some(r.mounts.iter().filter_map(|m| m.from.as_deref()))),
        _ => (None, None),
    };
    copy.into_iter().chain(run.into_iter().flatten())
}

/// `<<-` strips leading tabs from body lines (BuildKit `ChompHeredocContent`).
fn chomp(content: &str, chomp: bool) -> Cow<'_, str> {
    if !chomp {
        return Cow::Borrowed(content);
    }
    Cow::Owned(content.split_inclusive('\n').map(|l| l.trim_start_matches('\t')).collect())
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`: a command made of a heredoc alone
/// (BuildKit `MustParseHeredoc`).
fn is_heredoc_only(text: &str) -> bool {
    heredoc_name(text.trim()).is_some()
}

fn heredoc_name(word: &str) -> Option<String> {
    crate::syntax::heredoc_word(word).map(|(name, _, _)| name)
}

#[cfg(test)]
mod tests {
    use super::env::{Env, Shared};
    use super::facts::{files_distance, FileFact, Files};
    use std::sync::Arc;

    /// A seeded xorshift generator: each call gives a number below `n`.
    fn below(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    /// The persistent `Env` against the plain list it stands for: the same
    /// pairs in the same order, equal exactly when the lists are equal.
    #[test]
    fn env_behaves_as_a_list_where_setting_moves_a_key_to_the_end() {
        let mut next = below(0x1234_5678_9abc_def1);
        let mut seen: Vec<(Vec<(String, String)>, Env)> = Vec::new();
        // One memo for all lists, as across the builds of a history.
        let mut shared = Shared::default();
        for _ in 0..200 {
            let (mut list, mut env) = (Vec::<(String, String)>::new(), Env::default());
            for _ in 0..next(12) {
                let (k, v) = (format!("K{}", next(5)), format!("v{}", next(3)));
                list.retain(|(key, _)| *key != k);
                list.push((k.clone(), v.clone()));
                env.set_in(&k, &v, &mut shared);
                let pairs: Vec<(String, String)> =
                    env.pairs().iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
                assert_eq!(pairs, list);
                assert_eq!(env.get(&k), Some(v));
            }
            for (other_list, other_env) in &seen {
                assert_eq!(*other_list == list, *other_env == env, "{other_list:?} vs {list:?}");
            }
            seen.push((list, env));
        }
    }

    /// A distance bounded by `limit` is exact below it and at least `limit`
    /// otherwise, so that picking the closest candidate can stop early.
    #[test]
    fn bounded_file_distance_is_exact_below_its_limit() {
        let mut next = below(0x9e37_79b9_7f4a_7c15);
        let files = |next: &mut dyn FnMut(u64) -> u64| {
            let mut list: Vec<FileFact> = (0..next(8))
                .map(|_| {
                    let (name, digest): (Arc<str>, Arc<str>) =
                        (format!("f{}", next(10)).into(), format!("d{}", next(3)).into());
                    FileFact { rel: name.clone(), source: name, digest, mode: 0o644 }
                })
                .collect();
            list.sort_by(|a, b| a.rel.cmp(&b.rel));
            list.dedup_by(|a, b| a.rel == b.rel);
            Files { list, absolute: false }
        };
        for _ in 0..500 {
            let (a, b) = (files(&mut next), files(&mut next));
            let exact = files_distance(&a, &b, usize::MAX);
            for limit in 0..10 {
                let bounded = files_distance(&a, &b, limit);
                if exact < limit {
                    assert_eq!(bounded, exact, "{a:?} {b:?} limit {limit}");
                } else {
                    assert!(bounded >= limit, "{a:?} {b:?} limit {limit}: {bounded}");
                }
            }
        }
    }
}
