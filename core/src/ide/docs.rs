//! Short documentation of each instruction, in English and Chinese, for
//! hover and completion. Written for this project from the Dockerfile
//! reference's rules (docs.docker.com/reference/dockerfile).

use super::Lang;
use crate::syntax::Keyword;

/// One line on what the instruction does, then its forms.
pub fn instruction(keyword: Keyword, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en(keyword),
        Lang::Zh => zh(keyword),
    }
}

fn en(k: Keyword) -> &'static str {
    match k {
        Keyword::From => "Starts a build stage on a base image (or an earlier stage).\n\n`FROM [--platform=P] image[:tag] [AS name]`",
        Keyword::Run => "Runs a command in a new layer. The layer is cached by the command's text, so a change re-runs it and every step after it.\n\n`RUN [--mount=...] [--network=...] command` or `RUN [\"exe\", \"arg\"]`",
        Keyword::Cmd => "The default command of a container started from the image; only the last CMD counts.\n\n`CMD [\"exe\", \"arg\"]` or `CMD command`",
        Keyword::Label => "Adds metadata to the image.\n\n`LABEL key=value ...`",
        Keyword::Maintainer => "Deprecated: use `LABEL org.opencontainers.image.authors=...`.",
        Keyword::Expose => "Documents the ports the container listens on; publishes nothing.\n\n`EXPOSE 8080[/tcp|udp] ...`",
        Keyword::Env => "Sets environment variables for the following steps and the container. A change breaks the cache of every later step.\n\n`ENV KEY=value ...`",
        Keyword::Add => "Copies files, URLs or git repositories into the image, and unpacks local archives. Prefer COPY unless you need that.\n\n`ADD [--chown=...] [--checksum=...] src... dest`",
        Keyword::Copy => "Copies files from the build context or another stage. The cache key is the files' content.\n\n`COPY [--from=stage] [--chown=...] [--link] src... dest`",
        Keyword::Entrypoint => "The executable a container runs; CMD becomes its arguments.\n\n`ENTRYPOINT [\"exe\", \"arg\"]`",
        Keyword::Volume => "Declares mount points for volumes.\n\n`VOLUME [\"/data\"]`",
        Keyword::User => "Sets the user (and group) for the following steps and the container.\n\n`USER name[:group]`",
        Keyword::Workdir => "Sets the working directory for the following steps, creating it if needed.\n\n`WORKDIR /path`",
        Keyword::Arg => "Declares a build argument (`--build-arg`). Before the first FROM it is global and only FROM lines see it; a stage sees it after its own `ARG NAME`.\n\n`ARG NAME[=default]`",
        Keyword::Onbuild => "An instruction to run when another image builds FROM this one.\n\n`ONBUILD INSTRUCTION ...`",
        Keyword::Stopsignal => "The signal that stops the container.\n\n`STOPSIGNAL SIGTERM`",
        Keyword::Healthcheck => "How to test that the container still works.\n\n`HEALTHCHECK [--interval=30s] [--timeout=...] CMD command` or `HEALTHCHECK NONE`",
        Keyword::Shell => "The shell that shell-form commands run in.\n\n`SHELL [\"/bin/bash\", \"-c\"]`",
    }
}

fn zh(k: Keyword) -> &'static str {
    match k {
        Keyword::From => "以基础镜像（或之前的阶段）开始一个构建阶段。\n\n`FROM [--platform=P] image[:tag] [AS name]`",
        Keyword::Run => "在新层中运行命令。该层按命令文本缓存，改动会使它及之后的每一步重新运行。\n\n`RUN [--mount=...] [--network=...] command` 或 `RUN [\"exe\", \"arg\"]`",
        Keyword::Cmd => "由镜像启动容器时的默认命令；只有最后一个 CMD 生效。\n\n`CMD [\"exe\", \"arg\"]` 或 `CMD command`",
        Keyword::Label => "为镜像添加元数据。\n\n`LABEL key=value ...`",
        Keyword::Maintainer => "已弃用：请使用 `LABEL org.opencontainers.image.authors=...`。",
        Keyword::Expose => "说明容器监听的端口；不会发布端口。\n\n`EXPOSE 8080[/tcp|udp] ...`",
        Keyword::Env => "为后续步骤和容器设置环境变量。改动会使之后每一步的缓存失效。\n\n`ENV KEY=value ...`",
        Keyword::Add => "把文件、URL 或 git 仓库复制进镜像，并解压本地归档。除非需要这些功能，否则优先用 COPY。\n\n`ADD [--chown=...] [--checksum=...] src... dest`",
        Keyword::Copy => "从构建上下文或其他阶段复制文件。缓存键是文件内容。\n\n`COPY [--from=stage] [--chown=...] [--link] src... dest`",
        Keyword::Entrypoint => "容器运行的可执行文件；CMD 成为它的参数。\n\n`ENTRYPOINT [\"exe\", \"arg\"]`",
        Keyword::Volume => "声明卷的挂载点。\n\n`VOLUME [\"/data\"]`",
        Keyword::User => "为后续步骤和容器设置用户（和组）。\n\n`USER name[:group]`",
        Keyword::Workdir => "为后续步骤设置工作目录，不存在时会创建。\n\n`WORKDIR /path`",
        Keyword::Arg => "声明构建参数（`--build-arg`）。在第一个 FROM 之前声明的是全局参数，只有 FROM 行可见；阶段内需先写 `ARG NAME` 才能使用。\n\n`ARG NAME[=default]`",
        Keyword::Onbuild => "当其他镜像以本镜像为基础构建时要运行的指令。\n\n`ONBUILD INSTRUCTION ...`",
        Keyword::Stopsignal => "停止容器时发送的信号。\n\n`STOPSIGNAL SIGTERM`",
        Keyword::Healthcheck => "如何检测容器是否仍正常工作。\n\n`HEALTHCHECK [--interval=30s] [--timeout=...] CMD command` 或 `HEALTHCHECK NONE`",
        Keyword::Shell => "shell 形式的命令所用的 shell。\n\n`SHELL [\"/bin/bash\", \"-c\"]`",
    }
}

/// Words for hover text.
pub struct Words {
    pub stage: &'static str,
    pub line: &'static str,
    pub no_value: &'static str,
    pub uncompressed: &'static str,
    pub compressed: &'static str,
    pub measured: &'static str,
    pub estimated: &'static str,
    pub unknown_image: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &Words {
            stage: "stage",
            line: "line",
            no_value: "no value here (empty unless given with --build-arg)",
            uncompressed: "uncompressed",
            compressed: "compressed download",
            measured: "catalogue figures of",
            estimated: "estimated from",
            unknown_image: "not in the size catalogue",
        },
        Lang::Zh => &Words {
            stage: "阶段",
            line: "行",
            no_value: "此处无值（除非用 --build-arg 指定，否则为空）",
            uncompressed: "解压后",
            compressed: "压缩下载",
            measured: "目录数据日期",
            estimated: "估算自",
            unknown_image: "不在大小目录中",
        },
    }
}
