use crate::lint::pkg::{self, Tool};
use crate::lint::prelude::*;

declare_rule! {
    /// Removing a package cache in a later RUN does not shrink the image.
    ///
    /// ## What it does
    /// Flags a RUN that cleans a package manager's cache (`rm -rf
    /// /var/lib/apt/lists/*`, `apt-get clean`, `yum clean all`, `pip cache
    /// purge`, ...) when the cache was filled by an earlier RUN of the same
    /// stage. A cache held by a cache mount is not in any layer and is not
    /// flagged.
    ///
    /// ## Why
    /// Every RUN is a layer stacked on the ones before. Deleting files in a
    /// new layer only hides them: the earlier layer still ships them, so
    /// the image is as big as before (plus a tiny layer).
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y curl
    /// RUN rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Fix
    /// Clean up in the same RUN that made the cache:
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y curl \
    ///     && rm -rf /var/lib/apt/lists/*
    /// ```
    pub static RULE = Rule {
        code: "DP202",
        name: "cache-removed-in-later-layer",
        also: None,
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&LATER],
        check,
    };
}

static LATER: Message = Message::new("DP202.later", "this removes the {tool} cache in a new layer, but the layer of line {line} already holds it: the image does not get smaller; clean up in the RUN that fills the cache", "这里在新的层中删除 {tool} 的缓存，但第 {line} 行的层里已经有这些缓存，镜像并不会变小。请在写入缓存的那条 RUN 中清理");

fn cache_mounted(instr: &Instruction, tool: Tool) -> bool {
    match &instr.args {
        Args::Run(r) => r.mounts.iter().any(|m| {
            matches!(m.kind, MountType::Cache | MountType::Tmpfs)
                && m.target.as_deref().is_some_and(|t| tool.cache_covered_by(t))
        }),
        _ => false,
    }
}

fn same_family(a: Tool, b: Tool) -> bool {
    a == b || matches!((a, b), (Tool::Dnf, Tool::Yum) | (Tool::Yum, Tool::Dnf))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        // Caches left in a layer so far: tool -> line of the RUN.
        let mut filled: Vec<(Tool, u32)> = Vec::new();
        for instr in ctx.stage_instructions(stage) {
            let cmds = ctx.commands(instr);
            let mut made_here: Vec<Tool> = Vec::new();
            for c in cmds {
                if let Some(tool) = pkg::cache_cleanup(c) {
                    // Whatever this RUN also does, the copy an earlier layer
                    // holds stays in the image.
                    if let Some((_, line)) = filled.iter().find(|(t, _)| same_family(*t, tool)) {
                        out.push(RULE.finding(c.span, LATER.msg().arg("tool", tool.as_str()).arg("line", line)));
                    }
                    made_here.retain(|t| !same_family(*t, tool));
                    filled.retain(|(t, _)| !same_family(*t, tool));
                    continue;
                }
                let tool = pkg::install(c).filter(pkg::leaves_cache).map(|i| i.tool).or_else(|| pkg::index_update(c));
                if let Some(tool) = tool {
                    if !cache_mounted(instr, tool) && !made_here.contains(&tool) {
                        made_here.push(tool);
                    }
                }
            }
            for t in made_here {
                if !filled.iter().any(|(f, _)| *f == t) {
                    filled.push((t, instr.line));
                }
            }
        }
    }
}
