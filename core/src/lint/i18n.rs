//! Simplified Chinese titles of the rules, for the page's Chinese UI (the
//! full documentation is in `docs_zh.rs`); a rule without a title here
//! falls back to its English summary.

/// The Chinese title of a rule, by code.
pub fn summary_zh(code: &str) -> Option<&'static str> {
    Some(match code {
        "DP001" => "构建阶段名称应使用小写",
        "DP002" => "AS 关键字的大小写应与 FROM 一致",
        "DP003" => "续行中不应有空行",
        "DP004" => "所有指令应使用统一的大小写",
        "DP005" => "构建阶段名称不应重复",
        "DP006" => "不要用保留字作为阶段名称",
        "DP007" => "CMD 和 ENTRYPOINT 应使用 JSON（exec）格式",
        "DP008" => "MAINTAINER 已弃用，请改用 LABEL",
        "DP009" => "FROM 只能使用在第一个 FROM 之前声明的 ARG",
        "DP010" => "相对路径的 WORKDIR 依赖基础镜像的工作目录",
        "DP011" => "变量应先定义再使用",
        "DP012" => "同一阶段中只有最后一个 CMD、ENTRYPOINT 或 HEALTHCHECK 生效",
        "DP013" => "请使用 ENV key=value，而不是旧式的 ENV key value",
        "DP014" => "FROM --platform=$TARGETPLATFORM 是默认行为，可以删除",
        "DP015" => "不要通过 ARG 或 ENV 传递密钥",
        "DP016" => "全局 ARG 的默认值应能组成有效的基础镜像名",
        "DP017" => "FROM --platform 不应使用固定值",
        "DP018" => "COPY 或 ADD 的文件被 .dockerignore 排除了",
        "DP019" => "紧邻阶段或 ARG 上方的注释应以其名称开头",
        "DP020" => "EXPOSE 中的协议名应使用小写",
        "DP021" => "EXPOSE 只应声明容器端口，不应包含 IP 或主机端口",
        "DP201" => "先复制依赖清单并安装依赖，再复制源代码",
        "DP202" => "在后面的 RUN 中删除包管理器缓存不会让镜像变小",
        "DP203" => "使用同一个包管理器的连续 RUN 应合并",
        "DP204" => "没有 .dockerignore 时 COPY . 会复制所有文件",
        "DP205" => "基础镜像应始终指定标签",
        "DP206" => "不要使用 latest 标签作为基础镜像",
        "DP207" => "不要在 RUN 中使用 sudo",
        "DP208" => "最终镜像中保留了编译器和构建工具",
        "DP209" => "最终镜像的基础镜像有更小的变体",
        "DP210" => "密钥文件被复制进了镜像",
        "DP211" => "ENV、ARG 或 LABEL 的值中写入了凭据",
        "DP212" => "缓存挂载可以在多次构建之间保留下载的包",
        "DP213" => "最终镜像中的二进制文件没有去除符号表",
        "DP214" => "最终阶段只运行复制进来的程序，可以改用 scratch 或 distroless",
        "DP501" => "mode=min 的缓存导出不包含耗时的前置阶段",
        "DP502" => "在全新 runner 上，缓存挂载是耗时步骤唯一的缓存",
        "DP503" => "CI 中拉取按标签引用的基础镜像：标签一变，基于它的步骤全部重跑",
        "DP504" => "多个构建目标把缓存导出到同一位置，互相覆盖",
        _ => return None,
    })
}
