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

    // size panel
    pub size_empty: &'static str,
    pub size_image: &'static str,
    pub size_base: &'static str,
    pub size_added: &'static str,
    pub size_compressed: &'static str,
    pub size_efficiency: &'static str,
    pub size_wasted: &'static str,
    pub size_wasted_help: &'static str,
    pub size_pull: &'static str,
    pub size_bandwidth: &'static str,
    pub size_pull_cached: &'static str,
    pub size_incomplete: &'static str,
    pub size_layers: &'static str,
    pub size_layers_help: &'static str,
    pub size_no_layers: &'static str,
    pub size_line: &'static str,
    pub size_unknown: &'static str,
    pub size_your_estimate: &'static str,
    pub size_estimated_from: &'static str,
    pub size_base_unknown: &'static str,
    pub size_compare: &'static str,
    pub size_compare_help: &'static str,
    pub size_as_written: &'static str,
    pub size_chart_base: &'static str,
    pub size_chart_added: &'static str,
    pub size_other_stages: &'static str,
    pub size_other_stages_help: &'static str,
    pub size_data: &'static str,
    pub size_caveat_musl: &'static str,
    pub size_caveat_no_apt: &'static str,
    pub size_caveat_no_shell: &'static str,
    pub size_caveat_estimate: &'static str,
    pub size_caveat_unknown: &'static str,
    pub size_caveat_nearest: &'static str,
    pub size_caveat_steps: &'static str,

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

    // share panel
    pub share_title: &'static str,
    pub share_intro: &'static str,
    pub share_link: &'static str,
    pub share_chars: &'static str,
    pub share_warn_chat: &'static str,
    pub share_warn_hosts: &'static str,
    pub share_copy_link: &'static str,
    pub share_copy_markdown: &'static str,
    pub share_embed: &'static str,
    pub share_embed_intro: &'static str,
    pub share_copy_embed: &'static str,
    pub share_copied: &'static str,
    pub bad_link: &'static str,
    pub bad_link_after: &'static str,
    pub bad_link_empty: &'static str,
    pub bad_link_version: &'static str,
    pub bad_link_base64: &'static str,
    pub bad_link_truncated: &'static str,
    pub bad_link_deflate: &'static str,
    pub bad_link_bomb: &'static str,
    pub bad_link_invalid: &'static str,
    pub bad_link_too_large: &'static str,
    pub draft_kept: &'static str,
    pub restore_draft: &'static str,
    pub dismiss: &'static str,
    pub embed_open_full: &'static str,
    pub embed_readonly: &'static str,
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

    // size panel
    size_empty: "No FROM yet: there is no image to size.",
    size_image: "Image",
    size_base: "Base",
    size_added: "Added by the steps",
    size_compressed: "compressed",
    size_efficiency: "Efficiency",
    size_wasted: "wasted",
    size_wasted_help: "Files stored more than once, or deleted in a later layer, still count in the image.",
    size_pull: "Pull",
    size_bandwidth: "Bandwidth",
    size_pull_cached: "{time} with the base already on the host (skips {bytes})",
    size_incomplete: "Estimate: some sizes are not known exactly.",
    size_layers: "Layers",
    size_layers_help: "Each step that adds a layer, with its size; the bar is proportional to the largest layer.",
    size_no_layers: "The steps add no layers: the image is its base.",
    size_line: "line",
    size_unknown: "unknown size",
    size_your_estimate: "Your estimate (MB)",
    size_estimated_from: "estimated from",
    size_base_unknown: "Not in the size catalogue: counted as 0 MB until you type its size.",
    size_compare: "The same Dockerfile on other bases",
    size_compare_help: "Choose a base to re-price the image with it; your Dockerfile is not changed.",
    size_as_written: "as written",
    size_chart_base: "base",
    size_chart_added: "added by the steps",
    size_other_stages: "Other stages (not in the image)",
    size_other_stages_help: "Their files reach the image only through COPY --from.",
    size_data: "Data",
    size_caveat_musl: "musl libc: glibc-only binaries do not run, and pip needs musllinux wheels or builds from source",
    size_caveat_no_apt: "no apt-get on Alpine: the packages must be installed with apk",
    size_caveat_no_shell: "no shell: {n} RUN instruction(s) cannot run; use it as the final stage of a multi-stage build",
    size_caveat_estimate: "base size is a computed or third-party estimate",
    size_caveat_unknown: "base image not in the catalogue: counted as 0",
    size_caveat_nearest: "base size estimated from {from}, the nearest tag in the catalogue",
    size_caveat_steps: "{n} step(s) have estimated sizes",

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

    // share panel
    share_title: "Share this playground",
    share_intro: "The link holds the whole playground: Dockerfile, context files, builds and settings. Nothing is uploaded.",
    share_link: "Link",
    share_chars: "characters",
    share_warn_chat: "Longer than 2,000 characters: chat apps may cut it short. Removing context files or recorded builds shortens it.",
    share_warn_hosts: "Longer than 8,000 characters: some sites and servers refuse links this long. Share the Dockerfile as Markdown instead.",
    share_copy_link: "Copy link",
    share_copy_markdown: "Copy as Markdown",
    share_embed: "Embed in a page",
    share_embed_intro: "Paste this into a tutorial. Parameters such as readonly=1, panels=outline,cache and theme=dark are described in docs/embed.md.",
    share_copy_embed: "Copy embed code",
    share_copied: "Copied",
    bad_link: "This link could not be opened:",
    bad_link_after: "You are looking at your last draft (or the sample) instead.",
    bad_link_empty: "it holds no playground state.",
    bad_link_version: "it was made by a newer version of Dockerplay.",
    bad_link_base64: "it is damaged (it contains characters a link cannot hold).",
    bad_link_truncated: "it was cut short, as some apps do with long links.",
    bad_link_deflate: "it is damaged (its content does not decompress).",
    bad_link_bomb: "its content would expand to more than 2 MB.",
    bad_link_invalid: "its content is not a playground state.",
    bad_link_too_large: "its Dockerfile is larger than the 512 KB the playground opens.",
    draft_kept: "You opened a shared Dockerfile. Your own draft was kept.",
    restore_draft: "Restore my draft",
    dismiss: "Dismiss",
    embed_open_full: "Open in full playground",
    embed_readonly: "Read-only",
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

    // size panel
    size_empty: "还没有 FROM：没有可以估算的镜像。",
    size_image: "镜像",
    size_base: "基础镜像",
    size_added: "各步骤新增",
    size_compressed: "压缩后",
    size_efficiency: "空间效率",
    size_wasted: "浪费",
    size_wasted_help: "重复存储的文件、在后续层中删除的文件，仍占用镜像体积。",
    size_pull: "拉取",
    size_bandwidth: "带宽",
    size_pull_cached: "主机上已有基础镜像时 {time}（省去 {bytes}）",
    size_incomplete: "估算值：部分体积并不精确。",
    size_layers: "镜像层",
    size_layers_help: "每个产生镜像层的步骤及其体积；条形长度与最大的层成比例。",
    size_no_layers: "这些步骤没有新增镜像层：镜像就是基础镜像。",
    size_line: "行",
    size_unknown: "体积未知",
    size_your_estimate: "你的估计（MB）",
    size_estimated_from: "估算依据",
    size_base_unknown: "不在体积目录中：输入体积之前按 0 MB 计算。",
    size_compare: "换用其他基础镜像",
    size_compare_help: "选择一个基础镜像来重新估算；你的 Dockerfile 不会被修改。",
    size_as_written: "当前写法",
    size_chart_base: "基础镜像",
    size_chart_added: "步骤新增",
    size_other_stages: "其他阶段（不计入镜像）",
    size_other_stages_help: "它们的文件只能通过 COPY --from 进入镜像。",
    size_data: "数据来源",
    size_caveat_musl: "musl libc：只支持 glibc 的二进制程序无法运行，pip 需要 musllinux wheel 或从源码编译",
    size_caveat_no_apt: "Alpine 上没有 apt-get：软件包须改用 apk 安装",
    size_caveat_no_shell: "没有 shell：{n} 条 RUN 指令无法执行；请把它用作多阶段构建的最终阶段",
    size_caveat_estimate: "基础镜像体积是计算值或第三方数据",
    size_caveat_unknown: "基础镜像不在体积目录中：按 0 计算",
    size_caveat_nearest: "基础镜像体积按目录中最接近的标签 {from} 估算",
    size_caveat_steps: "{n} 个步骤的体积为估算值",

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

    // share panel
    share_title: "分享此练习场",
    share_intro: "链接本身包含整个练习场：Dockerfile、上下文文件、构建记录和设置。不会上传任何内容。",
    share_link: "链接",
    share_chars: "个字符",
    share_warn_chat: "超过 2,000 个字符：聊天软件可能会截断链接。删除上下文文件或构建记录可缩短链接。",
    share_warn_hosts: "超过 8,000 个字符：部分网站和服务器会拒绝这么长的链接。可改为以 Markdown 分享 Dockerfile。",
    share_copy_link: "复制链接",
    share_copy_markdown: "复制为 Markdown",
    share_embed: "嵌入到网页",
    share_embed_intro: "将以下代码粘贴到教程中。readonly=1、panels=outline,cache、theme=dark 等参数见 docs/embed.md。",
    share_copy_embed: "复制嵌入代码",
    share_copied: "已复制",
    bad_link: "无法打开此链接：",
    bad_link_after: "当前显示的是你上次的草稿（或示例）。",
    bad_link_empty: "链接中没有练习场内容。",
    bad_link_version: "链接由更新版本的 Dockerplay 生成。",
    bad_link_base64: "链接已损坏（含有链接中不能出现的字符）。",
    bad_link_truncated: "链接被截断了，有些应用会截短长链接。",
    bad_link_deflate: "链接已损坏（内容无法解压）。",
    bad_link_bomb: "链接内容解压后会超过 2 MB。",
    bad_link_invalid: "链接内容不是有效的练习场状态。",
    bad_link_too_large: "链接中的 Dockerfile 超过了练习场可打开的 512 KB。",
    draft_kept: "你打开了一个分享的 Dockerfile，你自己的草稿已保留。",
    restore_draft: "恢复我的草稿",
    dismiss: "关闭",
    embed_open_full: "在完整练习场中打开",
    embed_readonly: "只读",
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
