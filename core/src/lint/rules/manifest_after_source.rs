use crate::lint::pkg::{self, Tool};
use crate::lint::prelude::*;

declare_rule! {
    /// Copy the dependency manifest and install before copying the source.
    ///
    /// ## What it does
    /// Flags `COPY . <dir>` (the whole context) followed in the same stage
    /// by a dependency install (`npm ci`, `pip install -r`, `go mod
    /// download`, `mvn dependency:go-offline`, `bundle install`, ...) when
    /// the manifest (`package.json`, `requirements.txt`, `go.mod`, ...) was
    /// not copied on its own first.
    ///
    /// ## Why
    /// A layer is rebuilt when anything it copies changes. With the whole
    /// source copied first, editing one line of code invalidates the COPY,
    /// so the install below it runs again and downloads every dependency,
    /// on every build. Copying just the manifest first keeps the install
    /// layer cached until the dependencies themselves change. The message
    /// says what one edit costs, from Dockerplay's cache model.
    ///
    /// ## Example
    /// ```dockerfile
    /// WORKDIR /app
    /// COPY . .
    /// RUN npm ci
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// WORKDIR /app
    /// COPY package.json package-lock.json ./
    /// RUN npm ci
    /// COPY . .
    /// ```
    pub static RULE = Rule {
        code: "DP201",
        name: "manifest-after-source",
        also: None,
        severity: Severity::Warning,
        category: Category::Cache,
        messages: &[&SOURCE_FIRST, &COST, &AND, &ITEM, &INSTALL_FIRST, &STEP_FIRST],
        check,
    };
}

static SOURCE_FIRST: Message = Message::new("DP201.source_first", "`{copy}` copies the whole source before `{tool}` installs dependencies (line {line}): every code edit re-runs the install{cost}; copy {names} first, install, then copy the rest", "`{copy}` 在 `{tool}` 安装依赖（第 {line} 行）之前就复制了全部源代码：每改一次代码都要重新安装依赖{cost}。请先复制 {names}，安装依赖，再复制其余文件");
static COST: Message = Message::new(
    "DP201.cost",
    " (by the cache model, one edited source file re-runs {steps} steps, about {seconds} s)",
    "（按缓存模型，改动一个源文件会重跑 {steps} 个步骤，约 {seconds} 秒）",
);
static AND: Message = Message::new("DP201.and", "{first} and {rest}", "{first} 和 {rest}");
static ITEM: Message = Message::neutral("DP201.item", "{item}");
static INSTALL_FIRST: Message =
    Message::new("DP201.install_first", "Copy {manifests} and install first", "先复制 {manifests} 并安装依赖");
static STEP_FIRST: Message =
    Message::new("DP201.step_first", "Copy {manifests} and run `{step}` first", "先复制 {manifests} 并运行 `{step}`");

/// Is this source the whole build context?
fn is_whole_context(src: &str) -> bool {
    matches!(src.trim_matches(['"', '\'']), "." | "./" | "*" | "./*" | "/" | "./.")
}

/// Does a source word name one of the tool's manifests (or a glob of them)?
fn names_manifest(src: &str, tool: Tool) -> bool {
    let base = src.trim_matches(['"', '\'']).rsplit('/').next().unwrap_or(src);
    tool.manifests().iter().any(|m| {
        base == *m
            || crate::context::glob_match(base, m)
            || crate::context::glob_match(m, base)
            // requirements-dev.txt, requirements/base.txt and friends.
            || (tool == Tool::Pip && (base.starts_with("requirements") || src.contains("requirements")))
    })
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let instrs: Vec<&Instruction> = ctx.stage_instructions(stage).collect();
        for (i, copy_instr) in instrs.iter().enumerate() {
            let Some(copy) = copy_instr.args.copy() else { continue };
            if copy.from.is_some() || !copy.sources.iter().any(|s| is_whole_context(&s.text)) {
                continue;
            }
            // The first dependency install after the COPY.
            let found = instrs[i + 1..].iter().find_map(|r| {
                ctx.commands(r).iter().find_map(|c| {
                    pkg::install(c).filter(|x| x.from_manifest && !x.tool.is_system()).map(|x| (*r, x, c))
                })
            });
            let Some((run, install, command)) = found else { continue };
            let tool = install.tool;
            let earlier = instrs[..i].iter().any(|c| {
                c.args
                    .copy()
                    .is_some_and(|c| c.from.is_none() && c.sources.iter().any(|s| names_manifest(&s.text, tool)))
            });
            // Dependencies already installed above the COPY (from a copied
            // manifest or a cargo-chef recipe) stay cached.
            let installed_before = instrs[..i].iter().any(|r| {
                ctx.commands(r).iter().any(|c| pkg::install(c).is_some_and(|x| x.from_manifest && x.tool == tool))
            });
            if earlier || installed_before {
                continue;
            }
            let manifests = manifests_to_copy(ctx, tool, command);
            let shown: Vec<&str> = manifests
                .iter()
                .map(|m| if m.ends_with(".json*") { m.as_str() } else { m.trim_end_matches('*') })
                .collect();
            let names = match (shown.is_empty(), tool) {
                (false, _) => and_list(&shown),
                (true, Tool::Gradle) => and_list(&["build.gradle", "settings.gradle"]),
                (true, t) => and_list(t.manifests()),
            };
            let msg = SOURCE_FIRST
                .msg()
                .arg("copy", ctx.first_line(copy_instr).slice(ctx.text))
                .arg("tool", tool.as_str())
                .arg("line", run.line)
                .arg_msg("names", names);
            let msg = match rebuild_cost(ctx, tool) {
                Some((steps, seconds)) => {
                    msg.arg_msg("cost", COST.msg().arg("steps", steps).arg("seconds", format!("{seconds:.0}")))
                }
                None => msg.arg("cost", ""),
            };
            let mut f = RULE.finding(ctx.first_line(copy_instr), msg);
            let directly_after = instrs.get(i + 1).is_some_and(|n| std::ptr::eq(*n, run));
            if let Some(fix) = reorder(ctx, copy_instr, &copy.dest.text, run, directly_after, tool, &manifests) {
                f = f.with_fix(fix);
            }
            out.push(f);
        }
    }
}

/// What an edit to one source file costs, by the cache model: the build
/// simulated twice, the second time with a source file changed (one of the
/// context's that is not a manifest, or a stand-in when the context is not
/// described); the steps that run again and their estimated seconds.
fn rebuild_cost(ctx: &Context, tool: Tool) -> Option<(usize, f64)> {
    use crate::cache::{simulate, Status};
    use crate::inputs::{ContextFile, FileBody, Scenario};
    let first = ctx.input.clone();
    let mut second = first.clone();
    let is_source = |f: &ContextFile| {
        let base = f.path.rsplit('/').next().unwrap_or(&f.path);
        matches!(f.body, FileBody::Text { .. })
            && !names_manifest(base, tool)
            && !f.path.starts_with('.')
            && !ctx
                .dockerignore
                .as_ref()
                .is_some_and(|d| d.matches_or_parent_matches(&crate::context::clean_path(&f.path)))
    };
    let (mut first, mut second) = match second.files.iter_mut().find(|f| is_source(f)) {
        Some(f) => {
            if let FileBody::Text { content } = &mut f.body {
                content.push_str("\n// edited\n");
            }
            (first, second)
        }
        None => {
            let mut a = first;
            let mut b = second;
            a.files.push(ContextFile::text("dockerplay-edit.src", "before"));
            b.files.push(ContextFile::text("dockerplay-edit.src", "after"));
            (a, b)
        }
    };
    first.target = ctx.input.target.clone();
    second.target = ctx.input.target.clone();
    let (sim, _) = simulate(&Scenario { images: Default::default(), builds: vec![first, second] });
    let rebuild = sim.builds.get(1)?;
    let steps = rebuild.steps.iter().filter(|s| s.status == Status::Miss).count();
    (steps > 0).then_some((steps, rebuild.warm_seconds))
}

/// The fix: copy the manifests and install from them above `COPY .`.
/// A RUN that only installs dependencies and directly follows the COPY
/// moves up; for a build (`go build`, `mvn package`) the tool's
/// dependency-only step is added instead and the build stays. Unsafe: the
/// manifests may live elsewhere and the install may need more files.
fn reorder(
    ctx: &Context,
    copy: &Instruction,
    dest: &str,
    run: &Instruction,
    directly_after: bool,
    tool: Tool,
    manifests: &[String],
) -> Option<Fix> {
    if manifests.is_empty() {
        return None;
    }
    let dest = if dest == "." { "./" } else { dest };
    let at = ctx.lines.line_start(copy.line);
    let copy_line = format!("COPY {} {dest}\n", manifests.join(" "));
    let cmds = ctx.commands(run);
    let only_deps = !cmds.is_empty()
        && cmds.iter().all(|c| pkg::install(c).is_some_and(|x| x.tool == tool && x.from_manifest) && !pkg::is_build(c));
    if only_deps && directly_after && run.end_line == run.line && run.heredocs.is_empty() {
        let run_line = Span::new(ctx.lines.line_start(run.line), (run.span.end + 1).min(ctx.text.len()));
        let insert = format!("{copy_line}{}\n", run.span.slice(ctx.text));
        return Some(Fix::unsafe_(
            INSTALL_FIRST.msg().arg("manifests", manifests.join(" ")),
            vec![Edit::insert(at, insert), Edit::delete(run_line)],
        ));
    }
    let step = match tool {
        Tool::Go => "go mod download",
        Tool::Maven => "mvn -B dependency:go-offline",
        Tool::Dotnet => "dotnet restore",
        _ => return None,
    };
    Some(Fix::unsafe_(
        STEP_FIRST.msg().arg("manifests", manifests.join(" ")).arg("step", step),
        vec![Edit::insert(at, format!("{copy_line}RUN {step}\n"))],
    ))
}

/// The files to copy before installing: those of the context, if it is
/// described; the `-r` files of a pip install; else names with a trailing
/// `*` on lock files so that COPY accepts their absence (BuildKit allows
/// empty wildcards in COPY). Empty when no simple list fits (Cargo and
/// Gradle need their source tree to resolve).
fn manifests_to_copy(ctx: &Context, tool: Tool, command: &ShellCommand) -> Vec<String> {
    if matches!(tool, Tool::Cargo | Tool::Gradle) {
        return Vec::new();
    }
    if tool == Tool::Pip {
        let c = command.unwrapped();
        let files: Vec<String> = c
            .args()
            .windows(2)
            .filter(|w| w[0].value == "-r" || w[0].value == "--requirement")
            .map(|w| w[1].value.clone())
            .chain(c.arg_values().filter_map(|a| {
                a.strip_prefix("--requirement=")
                    .or_else(|| a.strip_prefix("-r"))
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
            }))
            .collect();
        let relative = files.iter().all(|f| !f.starts_with('/') && !f.contains("..") && !f.contains('$'));
        return if relative { files } else { Vec::new() };
    }
    if ctx.has_context() {
        let present: Vec<String> = tool
            .manifests()
            .iter()
            .filter(|m| ctx.input.files.iter().any(|f| crate::context::glob_match(m, &f.path)))
            .map(|s| s.to_string())
            .collect();
        if !present.is_empty() {
            return present;
        }
    }
    let names: &[&str] = match tool {
        Tool::Npm => &["package*.json"],
        Tool::Yarn => &["package.json", "yarn.lock*"],
        Tool::Pnpm => &["package.json", "pnpm-lock.yaml*"],
        Tool::Poetry => &["pyproject.toml", "poetry.lock*"],
        Tool::Pipenv => &["Pipfile", "Pipfile.lock*"],
        Tool::Go => &["go.mod", "go.sum*"],
        Tool::Maven => &["pom.xml"],
        Tool::Bundler => &["Gemfile", "Gemfile.lock*"],
        Tool::Composer => &["composer.json", "composer.lock*"],
        Tool::Dotnet => &["*.csproj"],
        _ => &[],
    };
    names.iter().map(|s| s.to_string()).collect()
}

/// "a and b and c", in the reader's language.
fn and_list(items: &[&str]) -> Msg {
    let Some((last, rest)) = items.split_last() else { return ITEM.msg().arg("item", "") };
    rest.iter().rev().fold(ITEM.msg().arg("item", last), |m, item| AND.msg().arg("first", item).arg_msg("rest", m))
}
