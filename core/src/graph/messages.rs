//! Messages of the build graph's diagnostics: stage references BuildKit
//! refuses or reads differently from what the author likely meant.

use crate::message::Message;

pub static BASE_EXPAND: Message = Message::new(
    "graph.base-expand",
    "cannot expand the base `{base}`: {message}",
    "无法展开基础镜像 `{base}`：{message}",
);
pub static BLANK_BASE: Message =
    Message::new("graph.blank-base", "base name ({base}) should not be blank", "基础镜像名（{base}）不能为空");
pub static STAGE_CASE: Message = Message::new(
    "graph.stage-case",
    "`{base}` is not stage `{stage}`: BuildKit matches stage names in FROM exactly, so it pulls `{base}` as an image",
    "`{base}` 不是构建阶段 `{stage}`：BuildKit 在 FROM 里按原样（区分大小写）匹配阶段名，所以会把 `{base}` 当作镜像去拉取",
);
pub static TARGET_NOT_FOUND: Message = Message::new(
    "graph.target-not-found",
    "target stage \"{target}\" could not be found",
    "找不到目标构建阶段 \"{target}\"",
);
pub static MOUNT_LATER_STAGE: Message = Message::new(
    "graph.mount-later-stage",
    "cannot mount from stage \"{from}\": it needs to be defined before stage \"{to}\"",
    "不能从构建阶段 \"{from}\" 挂载：它必须定义在构建阶段 \"{to}\" 之前",
);
pub static COPY_LATER_STAGE: Message = Message::new(
    "graph.copy-later-stage",
    "cannot copy from stage \"{from}\", it needs to be defined before current stage \"{to}\"",
    "不能从构建阶段 \"{from}\" 复制：它必须定义在当前构建阶段 \"{to}\" 之前",
);
pub static ARG_EXPAND: Message =
    Message::new("graph.arg-expand", "cannot expand ARG {name}: {message}", "无法展开 ARG {name}：{message}");
pub static COPY_FROM_VARIABLE: Message = Message::new(
    "graph.copy-from-variable",
    "variable expansion is not supported for --from (`{from}`): name a stage whose FROM uses a global ARG instead",
    "--from（`{from}`）不支持变量展开：请改为引用一个构建阶段，在那个阶段的 FROM 里使用全局 ARG",
);
pub static MOUNT_FROM_VARIABLE: Message = Message::new(
    "graph.mount-from-variable",
    "`from={from}` is not expanded: BuildKit reads it as an image name, which is invalid; name a stage whose FROM uses a global ARG instead",
    "`from={from}` 不会被展开：BuildKit 会把它原样当作镜像名，而这不是合法的镜像名；请改为引用一个构建阶段，在那个阶段的 FROM 里使用全局 ARG",
);
pub static STAGE_INDEX: Message =
    Message::new("graph.stage-index", "invalid stage index {from}", "构建阶段序号 {from} 无效");
pub static STAGE_TYPO: Message = Message::new(
    "graph.stage-typo",
    "`{from}` is not a stage name, so BuildKit pulls it as an image; did you mean stage `{stage}`?",
    "`{from}` 不是构建阶段名，BuildKit 会把它当作镜像拉取；是不是想写构建阶段 `{stage}`？",
);
pub static CYCLE: Message = Message::new(
    "graph.cycle",
    "circular dependency detected on stage: {name}",
    "构建阶段之间有循环依赖，涉及阶段：{name}",
);

pub static ALL: &[&Message] = &[
    &BASE_EXPAND,
    &BLANK_BASE,
    &STAGE_CASE,
    &TARGET_NOT_FOUND,
    &MOUNT_LATER_STAGE,
    &COPY_LATER_STAGE,
    &ARG_EXPAND,
    &COPY_FROM_VARIABLE,
    &MOUNT_FROM_VARIABLE,
    &STAGE_INDEX,
    &STAGE_TYPO,
    &CYCLE,
];
