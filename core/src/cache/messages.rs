//! Messages of the cache simulation: its diagnostics, the CI cache
//! options it reads, the reasons a step hits or misses ([`super::Reason`])
//! and the words of its text report.

use crate::message::Message;

pub static IN_BUILD: Message = Message::new("cache.in-build", "build {n}: {message}", "第 {n} 次构建：{message}");
pub static NOT_IN_CONTEXT: Message = Message::new(
    "cache.not-in-context",
    "\"{path}\" is not in the build context (after .dockerignore)",
    "\"{path}\" 不在构建上下文里（已按 .dockerignore 排除）",
);

// CI: `--cache-from` / `--cache-to` entries and what a build does with them.
pub static CI_SPEC_AT: Message = Message::neutral("ci.spec-at", "{field}[{index}]: {message}");
pub static CI_NOTHING_CACHED: Message =
    Message::new("ci.nothing-cached", "nothing is cached at {location} yet", "{location} 里还没有任何缓存");
pub static CI_INLINE_MIN: Message = Message::new(
    "ci.inline-min",
    "the inline cache is min only: mode=max is ignored",
    "inline 缓存只有 min 模式：mode=max 不起作用",
);
pub static CI_INLINE_NO_PUSH: Message = Message::new(
    "ci.inline-no-push",
    "type=inline writes into the pushed image, and this build pushes none",
    "type=inline 把缓存写进推送的镜像，可这次构建没有推送任何镜像",
);
pub static CI_NOT_KEY_VALUE: Message =
    Message::new("ci.not-key-value", "{part} is not key=value", "{part} 不是 key=value 的形式");
pub static CI_TWICE: Message = Message::new("ci.given-twice", "{key} is given twice", "{key} 写了两次");
pub static CI_TYPE_MISSING: Message = Message::new(
    "ci.type-missing",
    "type is missing (registry, local, gha, inline, s3 or azblob)",
    "缺少 type（可以是 registry、local、gha、inline、s3 或 azblob）",
);
pub static CI_TYPE: Message = Message::new(
    "ci.type",
    "type must be registry, local, gha, inline, s3 or azblob, not {value}",
    "type 只能是 registry、local、gha、inline、s3 或 azblob，不能是 {value}",
);
pub static CI_INLINE_IMPORT: Message = Message::new(
    "ci.inline-import",
    "type=inline is for --cache-to only: import an inline cache with type=registry,ref=IMAGE",
    "type=inline 只能用于 --cache-to：要导入 inline 缓存，请用 type=registry,ref=IMAGE",
);
pub static CI_MODE: Message =
    Message::new("ci.mode", "mode must be min or max, not {value}", "mode 只能是 min 或 max，不能是 {value}");
pub static CI_OPTION: Message =
    Message::new("ci.option", "{key} is not an option of type={kind}", "type={kind} 没有 {key} 这个选项");
pub static CI_MISSING: Message =
    Message::new("ci.missing", "{key} is missing (type={kind} needs it)", "缺少 {key}（type={kind} 必须有它）");

// Reasons, short enough for a table cell.
pub static FIRST_BUILD: Message = Message::new("cache.reason.first-build", "first build", "首次构建");
pub static CACHED: Message =
    Message::new("cache.reason.cached", "cached (from build {build})", "命中缓存（来自第 {build} 次构建）");
pub static SAME_AS: Message =
    Message::new("cache.reason.same-as", "same step as line {line}, runs once", "与第 {line} 行是同一步骤，只执行一次");
pub static PARENT_MISSED: Message =
    Message::new("cache.reason.parent-missed", "parent step re-ran (line {line})", "上一步重新执行了（第 {line} 行）");
pub static BASE_CHANGED: Message =
    Message::new("cache.reason.base-changed", "base image {image} changed", "基础镜像 {image} 变了");
pub static NEW_BASE: Message = Message::new("cache.reason.new-base", "new base image {image}", "新的基础镜像 {image}");
pub static COMMAND_CHANGED: Message = Message::new("cache.reason.command-changed", "command changed", "命令变了");
pub static HEREDOC_CHANGED: Message =
    Message::new("cache.reason.heredoc-changed", "heredoc changed", "heredoc 内容变了");
pub static ENV_CHANGED: Message = Message::new("cache.reason.env-changed", "ENV {name} changed", "ENV {name} 变了");
pub static ARG_CHANGED: Message = Message::new("cache.reason.arg-changed", "ARG {name} changed", "ARG {name} 变了");
pub static WORKDIR_CHANGED: Message = Message::new(
    "cache.reason.workdir-changed",
    "WORKDIR changed from {from} to {to}",
    "WORKDIR 从 {from} 改成了 {to}",
);
pub static USER_CHANGED: Message =
    Message::new("cache.reason.user-changed", "USER changed from {from} to {to}", "USER 从 {from} 改成了 {to}");
/// The user a step runs as when no USER set one.
pub static USER_DEFAULT: Message = Message::new("cache.reason.user-default", "(default)", "（默认）");
pub static SHELL_CHANGED: Message = Message::new("cache.reason.shell-changed", "SHELL changed", "SHELL 变了");
pub static NETWORK_CHANGED: Message =
    Message::new("cache.reason.network-changed", "--network changed", "--network 变了");
pub static SECURITY_CHANGED: Message =
    Message::new("cache.reason.security-changed", "--security changed", "--security 变了");
pub static MOUNT_CHANGED: Message =
    Message::new("cache.reason.mount-changed", "mount {target} changed", "挂载 {target} 变了");
pub static FILE_CHANGED: Message = Message::new("cache.reason.file-changed", "`{path}` changed", "`{path}` 变了");
pub static FILE_ADDED: Message = Message::new("cache.reason.file-added", "`{path}` added", "新增了 `{path}`");
pub static FILE_REMOVED: Message = Message::new("cache.reason.file-removed", "`{path}` removed", "删除了 `{path}`");
pub static FILE_RENAMED: Message =
    Message::new("cache.reason.file-renamed", "`{from}` renamed to `{to}`", "`{from}` 改名为 `{to}`");
pub static MODE_CHANGED: Message =
    Message::new("cache.reason.mode-changed", "mode of `{path}` changed", "`{path}` 的权限变了");
pub static SOURCE_CHANGED: Message =
    Message::new("cache.reason.source-changed", "content copied from {from} changed", "从 {from} 复制的内容变了");
pub static UPSTREAM_RAN: Message = Message::new(
    "cache.reason.upstream-ran",
    "a RUN in {from} re-ran, so its output may differ",
    "{from} 中的 RUN 重新执行了，输出可能不同",
);
pub static DEST_CHANGED: Message = Message::new("cache.reason.dest-changed", "destination changed", "目标路径变了");
pub static OPTIONS_CHANGED: Message = Message::new("cache.reason.options-changed", "options changed", "选项变了");
pub static SOURCES_CHANGED: Message =
    Message::new("cache.reason.sources-changed", "source paths changed", "源路径变了");
pub static NEW_STEP: Message = Message::new("cache.reason.new-step", "new step", "新步骤");
pub static REMOTE: Message =
    Message::new("cache.reason.remote", "remote source (always checked)", "远程来源（每次都会检查）");
pub static METADATA: Message =
    Message::new("cache.reason.metadata", "metadata only (no cache step)", "仅元数据（不产生缓存步骤）");
pub static SCRATCH: Message = Message::new("cache.reason.scratch", "empty base (scratch)", "空基础镜像（scratch）");
pub static INHERITS_STAGE: Message =
    Message::new("cache.reason.inherits-stage", "continues from stage {stage}", "接续构建阶段 {stage}");
pub static ROOT_WORKDIR: Message =
    Message::new("cache.reason.root-workdir", "WORKDIR / creates nothing", "WORKDIR / 不创建任何内容");
pub static GLOBAL_ARG: Message =
    Message::new("cache.reason.global-arg", "global ARG (for FROM lines)", "全局 ARG（供 FROM 行使用）");
pub static NOT_NEEDED: Message =
    Message::new("cache.reason.not-needed", "not needed for target {target}", "目标阶段 {target} 用不到");
pub static INVALID: Message = Message::new("cache.reason.invalid", "invalid instruction", "无效指令");
pub static IMPORTED: Message =
    Message::new("cache.reason.imported", "cached (imported from {from})", "命中缓存（导入自 {from}）");
pub static NO_LAYERS: Message = Message::new(
    "cache.reason.no-layers",
    "in {from} without its layers (mode=min)",
    "{from} 中只有记录、没有层（mode=min）",
);
pub static EMPTY_CACHE: Message = Message::new(
    "cache.reason.empty-cache",
    "not in this runner's cache or an imported one",
    "不在此 runner 的缓存中，也不在导入的缓存中",
);
pub static IGNORE_CACHE: Message = Message::new("cache.reason.ignore-cache", "--no-cache", "--no-cache（忽略缓存）");
pub static UNNEEDED: Message = Message::new(
    "cache.reason.unneeded",
    "cached (a later step was found, so this one is never run)",
    "命中缓存（后面的步骤已命中缓存，这一步不会运行）",
);

// The text report.
pub static REPORT_BUILD: Message = Message::new(
    "cache.report.build",
    "build {n}: target {target}, {hits} hit, {misses} miss, {cold}s cold, {warm}s now, image {image}",
    "第 {n} 次构建：目标阶段 {target}，命中 {hits} 步，未命中 {misses} 步，无缓存 {cold}s，本次 {warm}s，镜像{image}",
);
pub static REPORT_IMAGE_CHANGED: Message = Message::new("cache.report.image-changed", "changed", "有变化");
pub static REPORT_IMAGE_UNCHANGED: Message = Message::new("cache.report.image-unchanged", "unchanged", "没变");
pub static REPORT_LINKED: Message = Message::new("cache.report.linked", " [link]", " [link：不受前面步骤影响]");
pub static REPORT_WARM_MOUNT: Message =
    Message::new("cache.report.warm-mount", " [warm cache mount]", " [缓存挂载里已有内容]");
pub static REPORT_CONFIG_CHANGED: Message =
    Message::new("cache.report.config-changed", " [config changed]", " [镜像配置变了]");

pub static ALL: &[&Message] = &[
    &IN_BUILD,
    &NOT_IN_CONTEXT,
    &CI_SPEC_AT,
    &CI_NOTHING_CACHED,
    &CI_INLINE_MIN,
    &CI_INLINE_NO_PUSH,
    &CI_NOT_KEY_VALUE,
    &CI_TWICE,
    &CI_TYPE_MISSING,
    &CI_TYPE,
    &CI_INLINE_IMPORT,
    &CI_MODE,
    &CI_OPTION,
    &CI_MISSING,
    &FIRST_BUILD,
    &CACHED,
    &SAME_AS,
    &PARENT_MISSED,
    &BASE_CHANGED,
    &NEW_BASE,
    &COMMAND_CHANGED,
    &HEREDOC_CHANGED,
    &ENV_CHANGED,
    &ARG_CHANGED,
    &WORKDIR_CHANGED,
    &USER_CHANGED,
    &USER_DEFAULT,
    &SHELL_CHANGED,
    &NETWORK_CHANGED,
    &SECURITY_CHANGED,
    &MOUNT_CHANGED,
    &FILE_CHANGED,
    &FILE_ADDED,
    &FILE_REMOVED,
    &FILE_RENAMED,
    &MODE_CHANGED,
    &SOURCE_CHANGED,
    &UPSTREAM_RAN,
    &DEST_CHANGED,
    &OPTIONS_CHANGED,
    &SOURCES_CHANGED,
    &NEW_STEP,
    &REMOTE,
    &METADATA,
    &SCRATCH,
    &INHERITS_STAGE,
    &ROOT_WORKDIR,
    &GLOBAL_ARG,
    &NOT_NEEDED,
    &INVALID,
    &IMPORTED,
    &NO_LAYERS,
    &EMPTY_CACHE,
    &IGNORE_CACHE,
    &UNNEEDED,
    &REPORT_BUILD,
    &REPORT_IMAGE_CHANGED,
    &REPORT_IMAGE_UNCHANGED,
    &REPORT_LINKED,
    &REPORT_WARM_MOUNT,
    &REPORT_CONFIG_CHANGED,
];
