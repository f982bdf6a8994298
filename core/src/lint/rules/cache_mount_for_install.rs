use crate::lint::pkg::{self, Tool};
use crate::lint::prelude::*;

declare_rule! {
    /// A cache mount would keep package downloads between builds.
    ///
    /// ## What it does
    /// Flags a package or dependency install (`apt-get install`, `pip
    /// install`, `npm ci`, `go mod download`, `cargo build`, `mvn`, ...)
    /// whose RUN has no cache mount for that tool's download cache. Installs
    /// that opt out of caching (`apk add --no-cache`, `pip --no-cache-dir`,
    /// apt with the lists removed in the same RUN) are left alone.
    ///
    /// ## Why
    /// When the layer rebuilds (a new dependency, a changed manifest), the
    /// install downloads everything again. A cache mount
    /// (`RUN --mount=type=cache,target=...`) keeps the download cache
    /// outside the image, so rebuilds fetch only what changed, and the
    /// cache never ends up in a layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN pip install -r requirements.txt
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN --mount=type=cache,target=/root/.cache/pip \
    ///     pip install -r requirements.txt
    /// ```
    /// For apt, mount both `/var/cache/apt` and `/var/lib/apt` with
    /// `sharing=locked`, and remove `/etc/apt/apt.conf.d/docker-clean`
    /// first (Debian's images delete the cache after every install).
    pub static RULE = Rule {
        code: "DP212",
        name: "cache-mount-for-install",
        also: None,
        severity: Severity::Info,
        category: Category::Cache,
        messages: &[&BUILD_CACHE, &DOWNLOADS, &ADD_MOUNT],
        check,
    };
}

static BUILD_CACHE: Message = Message::new("DP212.build_cache", "`{tool}` starts from an empty build cache whenever this layer rebuilds; a cache mount keeps its downloads and build cache between builds", "这一层每次重建时，`{tool}` 都从空的构建缓存开始；缓存挂载可以在多次构建之间保留它的下载和构建缓存");
static DOWNLOADS: Message = Message::new("DP212.downloads", "`{tool}` downloads every package again whenever this layer rebuilds; a cache mount keeps the downloads between builds", "这一层每次重建时，`{tool}` 都要重新下载所有软件包；缓存挂载可以在多次构建之间保留下载的内容");
static ADD_MOUNT: Message = Message::new("DP212.add_mount", "Add a cache mount", "添加缓存挂载");

fn mounts(tool: Tool) -> String {
    match tool {
        Tool::Apt => "--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked".into(),
        Tool::Go => "--mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build".into(),
        t => format!("--mount=type=cache,target={}", t.cache_dir().unwrap_or("/root/.cache")),
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Run) {
        let Args::Run(run) = &instr.args else { continue };
        let cached = |tool: Tool| {
            run.mounts
                .iter()
                .any(|m| m.kind == MountType::Cache && m.target.as_deref().is_some_and(|t| tool.cache_covered_by(t)))
        };
        let mut reported: Vec<Tool> = Vec::new();
        let cmds = ctx.commands(instr);
        // A RUN that cleans a system cache chose small layers over speed;
        // the cache mount advice is for RUNs that keep or reuse the cache.
        let cleaned: Vec<Tool> = cmds.iter().filter_map(pkg::cache_cleanup).collect();
        for c in cmds {
            let Some(install) = pkg::install(c) else { continue };
            let tool = install.tool;
            // `apk --no-cache` and `pip --no-cache-dir` would not use the mount.
            let opted_out = install.no_cache || (tool.is_system() && cleaned.contains(&tool));
            if tool.cache_dir().is_none() || opted_out || cached(tool) || reported.contains(&tool) {
                continue;
            }
            reported.push(tool);
            let m = mounts(tool);
            out.push(
                RULE.finding(
                    c.span,
                    if pkg::is_build(c) { &BUILD_CACHE } else { &DOWNLOADS }.msg().arg("tool", tool.as_str()),
                )
                // Unsafe: apt needs docker-clean removed, and a cache
                // mount changes what a later layer can see of the cache.
                .with_fix(Fix::unsafe_(ADD_MOUNT.msg(), vec![Edit::insert(instr.keyword_span.end, format!(" {m}"))])),
            );
        }
    }
}
