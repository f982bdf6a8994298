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
    /// layer cached until the dependencies themselves change.
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
        check,
    };
}

/// Is this source the whole build context?
fn is_whole_context(src: &str) -> bool {
    matches!(src.trim_matches(['"', '\'']), "." | "./" | "*" | "./*" | "/" | "./.")
}

/// Does a source word name one of the tool's manifests (or a glob of them)?
fn names_manifest(src: &str, tool: Tool) -> bool {
    let base = src.trim_matches(['"', '\'']).rsplit('/').next().unwrap_or(src);
    tool.manifests().iter().any(|m| {
        base == *m
            || crate::lint::ignore::glob(base.as_bytes(), m.as_bytes())
            || crate::lint::ignore::glob(m.as_bytes(), base.as_bytes())
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
                ctx.run_commands(r).iter().find_map(|c| pkg::install(c).filter(|x| x.from_manifest && !x.tool.is_system()).map(|x| (r, x)))
            });
            let Some((run, install)) = found else { continue };
            let earlier = instrs[..i].iter().any(|c| {
                c.args.copy().is_some_and(|c| c.from.is_none() && c.sources.iter().any(|s| names_manifest(&s.text, install.tool)))
            });
            // Dependencies already installed above the COPY (from a copied
            // manifest or a cargo-chef recipe) stay cached.
            let installed_before = instrs[..i].iter().any(|r| {
                ctx.run_commands(r).iter().any(|c| pkg::install(c).is_some_and(|x| x.from_manifest && x.tool == install.tool))
            });
            if earlier || installed_before {
                continue;
            }
            let tool = install.tool;
            let manifests = present_manifests(ctx, tool);
            let msg = format!(
                "`{}` copies the whole source before `{}` installs dependencies (line {}): every code edit re-runs the install; copy {} first, install, then copy the rest",
                ctx.first_line(copy_instr).slice(ctx.text),
                tool.as_str(),
                run.line,
                manifests.join(" and "),
            );
            let mut f = RULE.finding(ctx.first_line(copy_instr), msg);
            // Offer the reordering when the install RUN directly follows.
            if instrs.get(i + 1).is_some_and(|n| std::ptr::eq(*n, *run)) && run.end_line == run.line {
                let dest = copy.dest.text.clone();
                let dest = if dest == "." { "./".to_string() } else { dest };
                let line_start = ctx.lines.line_start(copy_instr.line);
                let run_text = run.span.slice(ctx.text);
                let insert = format!("COPY {} {dest}\n{run_text}\n", manifests.join(" "));
                let run_line = Span::new(ctx.lines.line_start(run.line), (run.span.end + 1).min(ctx.text.len()));
                f = f.with_fix(Fix::unsafe_(
                    format!("Copy {} and install first", manifests.join(" ")),
                    vec![Edit::insert(line_start, insert), Edit::delete(run_line)],
                ));
            }
            out.push(f);
        }
    }
}

/// The manifests to copy: those the context has, if it is described, else
/// the usual names.
fn present_manifests(ctx: &Context, tool: Tool) -> Vec<String> {
    let usual: Vec<String> = match tool {
        Tool::Pip => vec!["requirements.txt".into()],
        Tool::Gradle => vec!["build.gradle".into(), "settings.gradle".into()],
        Tool::Dotnet => vec!["*.csproj".into()],
        t => t.manifests().iter().map(|s| s.to_string()).collect(),
    };
    if !ctx.has_context() {
        return usual;
    }
    let present: Vec<String> = tool
        .manifests()
        .iter()
        .filter(|m| ctx.input.files.iter().any(|f| crate::lint::ignore::glob(m.as_bytes(), f.path.as_bytes())))
        .map(|s| s.to_string())
        .collect();
    if present.is_empty() {
        usual
    } else {
        present
    }
}
