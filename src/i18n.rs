//! Every string the UI shows, in English and Simplified Chinese.
//!
//! `Texts` is a struct of `&'static str` so that a language missing a string
//! does not compile. Components get the table with `texts(lang)`.

use crate::samples::SampleId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code stored in the state and accepted by `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// A short label for the switch, which must fit a 360 px header.
    pub fn short(self) -> &'static str {
        match self {
            Lang::En => "EN",
            Lang::Zh => "中文",
        }
    }

    /// Reads a BCP 47 tag such as `zh`, `zh-CN`, `zh-Hans` or `en-GB`.
    /// Every Chinese tag gets Simplified Chinese: closer for a reader of
    /// Traditional Chinese than English is.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The UI language: an explicit choice (the `lang=` parameter or the
    /// saved state) wins, then the first supported browser language, then
    /// English.
    pub fn choose<'a>(explicit: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        explicit.and_then(Lang::from_tag).or_else(|| browser.into_iter().find_map(Lang::from_tag)).unwrap_or(Lang::En)
    }
}

/// The texts of one language.
pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub samples: &'static str,
    pub language: &'static str,
    pub theme_to_dark: &'static str,
    pub theme_to_light: &'static str,
    pub share: &'static str,
    pub share_soon: &'static str,

    pub editor_label: &'static str,
    pub editor_help: &'static str,
    pub line_short: &'static str,
    pub col_short: &'static str,

    pub tab_outline: &'static str,
    pub tab_problems: &'static str,
    pub tab_cache: &'static str,
    pub tab_size: &'static str,
    pub tab_graph: &'static str,
    pub tab_findings: &'static str,
    pub panels_label: &'static str,

    pub outline_empty: &'static str,
    pub outline_global_args: &'static str,
    pub outline_stage: &'static str,
    pub outline_from: &'static str,

    pub problems_none: &'static str,
    pub severity_error: &'static str,
    pub severity_warning: &'static str,
    pub severity_info: &'static str,

    pub coming_title: &'static str,
    pub cache_coming: &'static str,
    pub size_coming: &'static str,
    pub graph_coming: &'static str,
    pub findings_coming: &'static str,

    pub gallery_title: &'static str,
    pub gallery_intro: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub close: &'static str,
    pub files_count: &'static str,

    /// Title and lesson of each sample, in `SampleId::ALL` order.
    pub sample_texts: [(&'static str, &'static str); 6],

    // cache panel
    /// Records a build, as `docker build` would.
    pub cache_build: &'static str,
    pub cache_build_title: &'static str,
    pub cache_clear: &'static str,
    pub cache_nothing_built: &'static str,
    pub cache_builds: &'static str,
    /// `{n}`: the 1-based build number.
    pub cache_build_n: &'static str,
    pub cache_now: &'static str,
    /// `{hit}` and `{miss}`: numbers of steps.
    pub cache_counts: &'static str,
    pub cache_live_title: &'static str,
    pub cache_time_cold: &'static str,
    pub cache_time_warm: &'static str,
    pub cache_image_same: &'static str,
    pub cache_image_new: &'static str,
    pub cache_status_hit: &'static str,
    pub cache_status_miss: &'static str,
    pub cache_status_not_built: &'static str,
    pub cache_status_no_step: &'static str,
    pub cache_col_line: &'static str,
    pub cache_col_step: &'static str,
    pub cache_col_status: &'static str,
    pub cache_col_reason: &'static str,
    pub cache_col_time: &'static str,
    pub cache_global: &'static str,
    pub cache_config_changed: &'static str,
    pub cache_warm_mount: &'static str,
    pub cache_linked: &'static str,
    /// `{line}`: a line number.
    pub cache_time_label: &'static str,
    pub cache_time_reset: &'static str,
    /// `{s}`: a number of seconds.
    pub cache_seconds: &'static str,
    /// `{m}` minutes and `{s}` seconds.
    pub cache_minutes: &'static str,
    pub whatif_title: &'static str,
    pub whatif_source: &'static str,
    pub whatif_manifest: &'static str,
    /// `{n}` of `{total}` steps run; `{time}`: their time.
    pub whatif_result: &'static str,
    pub whatif_show: &'static str,
    /// `{path}`: the edited file.
    pub whatif_showing: &'static str,
    pub whatif_back: &'static str,
    pub whatif_none: &'static str,
    pub whatif_hint: &'static str,
    pub ctx_title: &'static str,
    /// `{n}`: a number of files.
    pub ctx_files: &'static str,
    pub ctx_add_file: &'static str,
    pub ctx_add_binary: &'static str,
    pub ctx_add_binary_title: &'static str,
    pub ctx_add_dir: &'static str,
    pub ctx_add_dir_title: &'static str,
    pub ctx_empty: &'static str,
    pub ctx_ignored: &'static str,
    pub ctx_ignored_title: &'static str,
    pub ctx_unused: &'static str,
    pub ctx_unused_title: &'static str,
    pub ctx_path: &'static str,
    pub ctx_mode: &'static str,
    pub ctx_size: &'static str,
    pub ctx_content: &'static str,
    pub ctx_delete: &'static str,
    pub ctx_path_taken: &'static str,
    pub ctx_path_empty: &'static str,
    pub ctx_mode_invalid: &'static str,
    pub ctx_new_digest: &'static str,
    pub ctx_binary_note: &'static str,
    pub ctx_dir_note: &'static str,
    pub ctx_dockerignore_note: &'static str,
    pub ctx_select: &'static str,
    pub args_title: &'static str,
    pub args_label: &'static str,
    pub args_name: &'static str,
    pub args_value: &'static str,
    pub args_add: &'static str,
    /// `{name}`: a build arg.
    pub args_remove: &'static str,
    pub args_none: &'static str,
    pub args_undeclared: &'static str,
    pub target_label: &'static str,
    pub target_last: &'static str,
    /// Reasons (`dockerplay_core::cache::Reason`), one per variant; `{..}` are its fields.
    pub reason_first_build: &'static str,
    pub reason_cached: &'static str,
    pub reason_same_as: &'static str,
    pub reason_parent_missed: &'static str,
    pub reason_base_changed: &'static str,
    pub reason_new_base: &'static str,
    pub reason_command_changed: &'static str,
    pub reason_heredoc_changed: &'static str,
    pub reason_env_changed: &'static str,
    pub reason_arg_changed: &'static str,
    pub reason_workdir_changed: &'static str,
    pub reason_user_changed: &'static str,
    pub reason_user_default: &'static str,
    pub reason_shell_changed: &'static str,
    pub reason_network_changed: &'static str,
    pub reason_security_changed: &'static str,
    pub reason_mount_changed: &'static str,
    pub reason_file_changed: &'static str,
    pub reason_file_added: &'static str,
    pub reason_file_removed: &'static str,
    pub reason_file_renamed: &'static str,
    pub reason_mode_changed: &'static str,
    pub reason_source_changed: &'static str,
    pub reason_upstream_ran: &'static str,
    pub reason_dest_changed: &'static str,
    pub reason_options_changed: &'static str,
    pub reason_sources_changed: &'static str,
    pub reason_new_step: &'static str,
    pub reason_remote: &'static str,
    pub reason_metadata: &'static str,
    pub reason_scratch: &'static str,
    pub reason_inherits_stage: &'static str,
    pub reason_root_workdir: &'static str,
    pub reason_global_arg: &'static str,
    pub reason_not_needed: &'static str,
    pub reason_invalid: &'static str,

    // findings panel
    pub findings_none: &'static str,
    pub findings_all_hidden: &'static str,
    pub findings_filters: &'static str,
    pub findings_all_stages: &'static str,
    pub findings_all_stages_hint: &'static str,
    pub findings_fix: &'static str,
    pub findings_fix_all: &'static str,
    pub findings_fix_all_hint: &'static str,
    pub findings_suggested: &'static str,
    pub findings_suggested_hint: &'static str,
    pub findings_rule: &'static str,
    pub findings_rule_hide: &'static str,
    pub findings_doc_language: &'static str,
}

impl Texts {
    pub fn sample(&self, id: SampleId) -> (&'static str, &'static str) {
        self.sample_texts[id as usize]
    }
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

static EN: Texts = Texts {
    app_title: "Dockerplay",
    tagline: "Dockerfile playground",
    samples: "Samples",
    language: "Language",
    theme_to_dark: "Switch to dark theme",
    theme_to_light: "Switch to light theme",
    share: "Share",
    share_soon: "Sharing links are coming soon.",

    editor_label: "Dockerfile",
    editor_help: "Tab moves focus; Enter keeps the indentation.",
    line_short: "Ln",
    col_short: "Col",

    tab_outline: "Outline",
    tab_problems: "Problems",
    tab_cache: "Cache",
    tab_size: "Size",
    tab_graph: "Graph",
    tab_findings: "Findings",
    panels_label: "Analysis panels",

    outline_empty: "No instructions yet. A Dockerfile starts with FROM.",
    outline_global_args: "Global ARGs",
    outline_stage: "Stage",
    outline_from: "from",

    problems_none: "No problems found.",
    severity_error: "Error",
    severity_warning: "Warning",
    severity_info: "Info",

    coming_title: "Coming soon",
    cache_coming: "Which steps a rebuild takes from the layer cache, and why the others re-run.",
    size_coming: "How big each layer and the final image will be, and what another base would save.",
    graph_coming: "A diagram of the build's stages and how they depend on each other.",
    findings_coming: "Best-practice findings, with the reason behind each and a fix.",

    gallery_title: "Sample Dockerfiles",
    gallery_intro: "Each sample comes as a before/after pair that teaches one lesson. Open either and compare.",
    before: "Before",
    after: "After",
    close: "Close",
    files_count: "context files",

    sample_texts: [
        (
            "Node.js: dependencies before source",
            "Copy package.json and the lock file, install, then copy the source: editing code no longer re-runs npm.",
        ),
        (
            "Python: slim base, no pip cache",
            "A slim base and pip install --no-cache-dir keep hundreds of megabytes out of the image.",
        ),
        (
            "Go: multi-stage to a tiny runtime",
            "Build with the full toolchain, ship only the static binary on a distroless base.",
        ),
        (
            "Java/Maven: build stage vs JRE",
            "Resolve dependencies in their own layer, build with Maven, run on a JRE-only image.",
        ),
        (
            "Front-end: build, then serve with nginx",
            "Node builds the static assets; the final image is nginx with the built files only.",
        ),
        (
            "Static site: a minimal server image",
            "A whole OS and nginx to serve a few files, versus a few-megabyte BusyBox image.",
        ),
    ],

    // cache panel
    cache_build: "Build",
    cache_build_title: "Record a build of the current Dockerfile, context, build args and target",
    cache_clear: "Clear history",
    cache_nothing_built: "Nothing is built yet, so every step runs. Press Build, then edit the Dockerfile or a context file and watch which steps keep their cache.",
    cache_builds: "Builds",
    cache_build_n: "Build {n}",
    cache_now: "Now",
    cache_counts: "{hit} cached · {miss} run",
    cache_live_title: "If you rebuilt now",
    cache_time_cold: "without cache",
    cache_time_warm: "with cache",
    cache_image_same: "same image as the last build",
    cache_image_new: "new image ID",
    cache_status_hit: "cached",
    cache_status_miss: "runs",
    cache_status_not_built: "not built",
    cache_status_no_step: "no step",
    cache_col_line: "Line",
    cache_col_step: "Step",
    cache_col_status: "Cache",
    cache_col_reason: "Why",
    cache_col_time: "Seconds",
    cache_global: "Global",
    cache_config_changed: "changes the image config: new image ID",
    cache_warm_mount: "cache mount kept: warm",
    cache_linked: "--link: keeps its cache when earlier steps change",
    cache_time_label: "Estimated seconds for line {line}",
    cache_time_reset: "Reset times",
    cache_seconds: "{s} s",
    cache_minutes: "{m} min {s} s",
    whatif_title: "What if you…",
    whatif_source: "edit a source file",
    whatif_manifest: "change a dependency manifest",
    whatif_result: "{n} of {total} steps run · {time}",
    whatif_show: "Show steps",
    whatif_showing: "Steps after editing `{path}`",
    whatif_back: "Back to now",
    whatif_none: "The build context has no source files or dependency manifests to try.",
    whatif_hint: "Copying the dependency manifest before the source keeps the install step cached when only the source changes: compare the Node.js sample's before and after.",
    ctx_title: "Build context",
    ctx_files: "{n} files",
    ctx_add_file: "New file",
    ctx_add_binary: "Binary",
    ctx_add_binary_title: "Add a binary file, known by its size only",
    ctx_add_dir: "Folder",
    ctx_add_dir_title: "Add an empty folder",
    ctx_empty: "The build context is empty. COPY and ADD read their files from here.",
    ctx_ignored: "ignored",
    ctx_ignored_title: "Excluded by .dockerignore: never sent to the builder",
    ctx_unused: "unused",
    ctx_unused_title: "No step reads this file: editing it never breaks the cache",
    ctx_path: "Path",
    ctx_mode: "Mode",
    ctx_size: "Size in bytes",
    ctx_content: "Content",
    ctx_delete: "Delete",
    ctx_path_taken: "Another entry already has this path.",
    ctx_path_empty: "A path is needed.",
    ctx_mode_invalid: "Octal permission bits, such as 644 or 755.",
    ctx_new_digest: "Change its bytes",
    ctx_binary_note: "A binary file known by its size and digest only.",
    ctx_dir_note: "An empty folder: COPY of its parent creates it too.",
    ctx_dockerignore_note: ".dockerignore: one pattern a line; matching files are left out of the build context.",
    ctx_select: "Choose a file to edit it.",
    args_title: "Build args and target",
    args_label: "Build args (--build-arg)",
    args_name: "Name",
    args_value: "Value",
    args_add: "Add",
    args_remove: "Remove {name}",
    args_none: "No build args: every ARG takes its default.",
    args_undeclared: "no ARG declares it, so it changes nothing",
    target_label: "Target stage (--target)",
    target_last: "Last stage (default)",
    reason_first_build: "first build",
    reason_cached: "cached (from build {build})",
    reason_same_as: "same step as line {line}, runs once",
    reason_parent_missed: "parent step re-ran (line {line})",
    reason_base_changed: "base image {image} changed",
    reason_new_base: "new base image {image}",
    reason_command_changed: "command changed",
    reason_heredoc_changed: "heredoc changed",
    reason_env_changed: "ENV {name} changed",
    reason_arg_changed: "ARG {name} changed",
    reason_workdir_changed: "WORKDIR changed from {from} to {to}",
    reason_user_changed: "USER changed from {from} to {to}",
    reason_user_default: "(default)",
    reason_shell_changed: "SHELL changed",
    reason_network_changed: "--network changed",
    reason_security_changed: "--security changed",
    reason_mount_changed: "mount {target} changed",
    reason_file_changed: "`{path}` changed",
    reason_file_added: "`{path}` added",
    reason_file_removed: "`{path}` removed",
    reason_file_renamed: "`{from}` renamed to `{to}`",
    reason_mode_changed: "mode of `{path}` changed",
    reason_source_changed: "content copied from {from} changed",
    reason_upstream_ran: "a RUN in {from} re-ran, so its output may differ",
    reason_dest_changed: "destination changed",
    reason_options_changed: "options changed",
    reason_sources_changed: "source paths changed",
    reason_new_step: "new step",
    reason_remote: "remote source (always checked)",
    reason_metadata: "metadata only (no cache step)",
    reason_scratch: "empty base (scratch)",
    reason_inherits_stage: "continues from stage {stage}",
    reason_root_workdir: "WORKDIR / creates nothing",
    reason_global_arg: "global ARG (for FROM lines)",
    reason_not_needed: "not needed for target {target}",
    reason_invalid: "invalid instruction",

    // findings panel
    findings_none: "No findings: this Dockerfile follows every rule.",
    findings_all_hidden: "Every finding is hidden by the severity filters.",
    findings_filters: "Show findings by severity",
    findings_all_stages: "All stages",
    findings_all_stages_hint: "Also check the stages the target does not build",
    findings_fix: "Fix",
    findings_fix_all: "Fix all safe",
    findings_fix_all_hint: "Apply every fix that keeps what the build does",
    findings_suggested: "Suggested edit",
    findings_suggested_hint: "This edit changes what the build does, so it is not applied for you.",
    findings_rule: "Rule",
    findings_rule_hide: "Hide rule",
    findings_doc_language: "",
};

static ZH: Texts = Texts {
    app_title: "Dockerplay",
    tagline: "Dockerfile 在线练习场",
    samples: "示例",
    language: "语言",
    theme_to_dark: "切换到深色主题",
    theme_to_light: "切换到浅色主题",
    share: "分享",
    share_soon: "分享链接功能即将推出。",

    editor_label: "Dockerfile",
    editor_help: "Tab 键切换焦点；回车保留缩进。",
    line_short: "行",
    col_short: "列",

    tab_outline: "大纲",
    tab_problems: "问题",
    tab_cache: "缓存",
    tab_size: "体积",
    tab_graph: "构建图",
    tab_findings: "建议",
    panels_label: "分析面板",

    outline_empty: "还没有指令。Dockerfile 以 FROM 开头。",
    outline_global_args: "全局 ARG",
    outline_stage: "阶段",
    outline_from: "基于",

    problems_none: "没有发现问题。",
    severity_error: "错误",
    severity_warning: "警告",
    severity_info: "提示",

    coming_title: "即将推出",
    cache_coming: "重新构建时哪些步骤命中层缓存，其余步骤为何重新执行。",
    size_coming: "每一层和最终镜像有多大，换一个基础镜像能省多少。",
    graph_coming: "构建各阶段及其依赖关系的示意图。",
    findings_coming: "最佳实践建议：每条都说明原因并给出修复。",

    gallery_title: "Dockerfile 示例",
    gallery_intro: "每个示例都有“改进前/改进后”两个版本，各讲一个要点。打开任一版本进行对比。",
    before: "改进前",
    after: "改进后",
    close: "关闭",
    files_count: "个上下文文件",

    sample_texts: [
        (
            "Node.js：先复制依赖清单，再复制源码",
            "先复制 package.json 和锁文件并安装依赖，再复制源码：修改代码不再触发 npm 重新安装。",
        ),
        ("Python：slim 基础镜像，不保留 pip 缓存", "slim 基础镜像加上 pip install --no-cache-dir，让镜像少几百 MB。"),
        ("Go：多阶段构建，运行时极小", "用完整工具链编译，最终只把静态二进制文件放进 distroless 镜像。"),
        ("Java/Maven：构建阶段与 JRE 运行阶段", "依赖单独成层，用 Maven 构建，在只含 JRE 的镜像中运行。"),
        ("前端：先构建，再由 nginx 提供服务", "用 Node 构建静态资源；最终镜像只有 nginx 和构建产物。"),
        ("静态网站：极简服务器镜像", "为几个文件装一整个操作系统和 nginx，对比几 MB 的 BusyBox 镜像。"),
    ],

    // cache panel
    cache_build: "构建",
    cache_build_title: "记录一次构建：当前的 Dockerfile、上下文、构建参数和目标阶段",
    cache_clear: "清空记录",
    cache_nothing_built: "还没有构建过，所以每个步骤都会执行。点击“构建”，然后修改 Dockerfile 或上下文文件，看看哪些步骤还能命中缓存。",
    cache_builds: "构建记录",
    cache_build_n: "第 {n} 次",
    cache_now: "现在",
    cache_counts: "命中 {hit} · 执行 {miss}",
    cache_live_title: "如果现在重新构建",
    cache_time_cold: "无缓存",
    cache_time_warm: "有缓存",
    cache_image_same: "与上次构建的镜像相同",
    cache_image_new: "新的镜像 ID",
    cache_status_hit: "命中",
    cache_status_miss: "执行",
    cache_status_not_built: "不构建",
    cache_status_no_step: "无步骤",
    cache_col_line: "行",
    cache_col_step: "步骤",
    cache_col_status: "缓存",
    cache_col_reason: "原因",
    cache_col_time: "秒",
    cache_global: "全局",
    cache_config_changed: "修改镜像配置：镜像 ID 会变",
    cache_warm_mount: "缓存挂载保留：已预热",
    cache_linked: "--link：前面的步骤变了也保留缓存",
    cache_time_label: "第 {line} 行的预计秒数",
    cache_time_reset: "恢复默认时间",
    cache_seconds: "{s} 秒",
    cache_minutes: "{m} 分 {s} 秒",
    whatif_title: "假如你……",
    whatif_source: "修改一个源码文件",
    whatif_manifest: "修改依赖清单",
    whatif_result: "{total} 个步骤中执行 {n} 个 · {time}",
    whatif_show: "查看步骤",
    whatif_showing: "修改 `{path}` 之后的步骤",
    whatif_back: "回到当前",
    whatif_none: "构建上下文中没有可以尝试修改的源码文件或依赖清单。",
    whatif_hint: "先复制依赖清单、再复制源码，只改源码时安装依赖的步骤就能命中缓存：对比 Node.js 示例的改进前和改进后。",
    ctx_title: "构建上下文",
    ctx_files: "{n} 个文件",
    ctx_add_file: "新建文件",
    ctx_add_binary: "二进制文件",
    ctx_add_binary_title: "添加一个只知道大小的二进制文件",
    ctx_add_dir: "文件夹",
    ctx_add_dir_title: "添加一个空文件夹",
    ctx_empty: "构建上下文为空。COPY 和 ADD 从这里读取文件。",
    ctx_ignored: "已忽略",
    ctx_ignored_title: "被 .dockerignore 排除：不会发送给构建器",
    ctx_unused: "未使用",
    ctx_unused_title: "没有步骤读取这个文件：修改它不会让缓存失效",
    ctx_path: "路径",
    ctx_mode: "权限",
    ctx_size: "大小（字节）",
    ctx_content: "内容",
    ctx_delete: "删除",
    ctx_path_taken: "已有同一路径的条目。",
    ctx_path_empty: "路径不能为空。",
    ctx_mode_invalid: "八进制权限位，例如 644 或 755。",
    ctx_new_digest: "改变内容",
    ctx_binary_note: "只记录大小和摘要的二进制文件。",
    ctx_dir_note: "空文件夹：复制其上级目录时也会创建它。",
    ctx_dockerignore_note: ".dockerignore：每行一个模式，匹配的文件不会进入构建上下文。",
    ctx_select: "选择一个文件来编辑。",
    args_title: "构建参数与目标阶段",
    args_label: "构建参数（--build-arg）",
    args_name: "名称",
    args_value: "值",
    args_add: "添加",
    args_remove: "删除 {name}",
    args_none: "没有构建参数：每个 ARG 使用默认值。",
    args_undeclared: "没有 ARG 声明它，所以不起作用",
    target_label: "目标阶段（--target）",
    target_last: "最后一个阶段（默认）",
    reason_first_build: "首次构建",
    reason_cached: "命中缓存（来自第 {build} 次构建）",
    reason_same_as: "与第 {line} 行是同一步骤，只执行一次",
    reason_parent_missed: "上一步重新执行了（第 {line} 行）",
    reason_base_changed: "基础镜像 {image} 变了",
    reason_new_base: "新的基础镜像 {image}",
    reason_command_changed: "命令变了",
    reason_heredoc_changed: "heredoc 内容变了",
    reason_env_changed: "ENV {name} 变了",
    reason_arg_changed: "ARG {name} 变了",
    reason_workdir_changed: "WORKDIR 从 {from} 改成了 {to}",
    reason_user_changed: "USER 从 {from} 改成了 {to}",
    reason_user_default: "（默认）",
    reason_shell_changed: "SHELL 变了",
    reason_network_changed: "--network 变了",
    reason_security_changed: "--security 变了",
    reason_mount_changed: "挂载 {target} 变了",
    reason_file_changed: "`{path}` 变了",
    reason_file_added: "新增了 `{path}`",
    reason_file_removed: "删除了 `{path}`",
    reason_file_renamed: "`{from}` 改名为 `{to}`",
    reason_mode_changed: "`{path}` 的权限变了",
    reason_source_changed: "从 {from} 复制的内容变了",
    reason_upstream_ran: "{from} 中的 RUN 重新执行了，输出可能不同",
    reason_dest_changed: "目标路径变了",
    reason_options_changed: "选项变了",
    reason_sources_changed: "源路径变了",
    reason_new_step: "新步骤",
    reason_remote: "远程来源（每次都会检查）",
    reason_metadata: "仅元数据（不产生缓存步骤）",
    reason_scratch: "空基础镜像（scratch）",
    reason_inherits_stage: "接续阶段 {stage}",
    reason_root_workdir: "WORKDIR / 不创建任何内容",
    reason_global_arg: "全局 ARG（供 FROM 行使用）",
    reason_not_needed: "目标阶段 {target} 用不到",
    reason_invalid: "无效指令",

    // findings panel
    findings_none: "没有发现问题：这个 Dockerfile 符合所有规则。",
    findings_all_hidden: "所有结果都被严重程度筛选隐藏了。",
    findings_filters: "按严重程度显示",
    findings_all_stages: "所有阶段",
    findings_all_stages_hint: "也检查目标不会构建的阶段",
    findings_fix: "修复",
    findings_fix_all: "修复全部安全项",
    findings_fix_all_hint: "应用所有不改变构建行为的修复",
    findings_suggested: "建议修改",
    findings_suggested_hint: "这项修改会改变构建的行为，因此不会自动应用。",
    findings_rule: "规则说明",
    findings_rule_hide: "收起说明",
    findings_doc_language: "规则的详细说明为英文。",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: explicit choice, browser languages, expected language.
    fn check(explicit: Option<&str>, browser: &[&str], expect: Lang) {
        assert_eq!(Lang::choose(explicit, browser.iter().copied()), expect, "{explicit:?} {browser:?}");
    }

    #[test]
    fn language_comes_from_the_parameter_then_the_browser_then_english() {
        check(Some("zh"), &["en-US"], Lang::Zh);
        check(Some("en"), &["zh-CN"], Lang::En);
        check(Some("fr"), &["de-DE", "zh-Hans-CN", "en"], Lang::Zh);
        check(None, &["zh_TW"], Lang::Zh);
        check(None, &["ja", "EN-gb"], Lang::En);
        check(None, &["ja"], Lang::En);
        check(None, &[], Lang::En);
    }

    #[test]
    fn language_codes_are_read_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }
}
