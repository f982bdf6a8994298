//! Messages of the size model: its diagnostics, the caveats of a base
//! image choice, why a step's size is unknown and the notes on a layer.

use crate::message::Message;

pub static NO_FROM: Message =
    Message::new("size.no-from", "no FROM: there is no image to size", "没有 FROM：没有可以估算体积的镜像");
pub static TARGET_NOT_FOUND: Message = Message::new(
    "size.target-not-found",
    "target stage `{target}` not found; the last stage is used",
    "找不到目标构建阶段 `{target}`，改用最后一个阶段",
);
pub static TABLES_NOT_LOADED: Message = Message::new(
    "size.tables-not-loaded",
    "the size tables are not loaded yet: base images and packages count as unknown",
    "体积数据表还没加载完：基础镜像和软件包暂时按未知计算",
);
pub static BASE_NOT_IN_CATALOGUE: Message = Message::new(
    "size.base-not-in-catalogue",
    "base image {image} is not in the size catalogue: its size counts as 0 until you type one",
    "基础镜像 {image} 不在体积目录里：在你填入体积之前按 0 计算",
);
pub static BASE_ESTIMATED: Message = Message::new(
    "size.base-estimated",
    "base image {image} is not in the size catalogue: its size is estimated from {from}",
    "基础镜像 {image} 不在体积目录里：体积按 {from} 估算",
);
pub static UNKNOWN: Message = Message::new("size.unknown", "unknown size: {reason}", "体积未知：{reason}");

pub static ALL: &[&Message] =
    &[&NO_FROM, &TARGET_NOT_FOUND, &TABLES_NOT_LOADED, &BASE_NOT_IN_CATALOGUE, &BASE_ESTIMATED, &UNKNOWN];
