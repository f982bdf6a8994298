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

// The base image chart.
pub static CHART_LABEL: Message =
    Message::new("size.chart-label", "Image size by base image", "不同基础镜像下的镜像体积");

// Caveats of a base image choice.
pub static CAVEAT_MUSL: Message = Message::new(
    "size.caveat.musl",
    "musl libc: glibc-only binaries do not run, and pip needs musllinux wheels or builds from source",
    "musl libc：只支持 glibc 的二进制程序无法运行，pip 需要 musllinux wheel 或从源码编译",
);
pub static CAVEAT_NO_APT: Message = Message::new(
    "size.caveat.no-apt",
    "no apt-get on Alpine: the packages must be installed with apk",
    "Alpine 上没有 apt-get：软件包须改用 apk 安装",
);
pub static CAVEAT_NO_SHELL: Message = Message::new(
    "size.caveat.no-shell",
    "no shell: {n} RUN instruction(s) cannot run; use it as the final stage of a multi-stage build",
    "没有 shell：{n} 条 RUN 指令无法执行；请把它用作多阶段构建的最终阶段",
);
pub static CAVEAT_ESTIMATE: Message = Message::new(
    "size.caveat.estimate",
    "base size is a computed or third-party estimate",
    "基础镜像体积是计算值或第三方数据",
);
pub static CAVEAT_UNKNOWN: Message = Message::new(
    "size.caveat.unknown",
    "base image not in the catalogue: counted as 0",
    "基础镜像不在体积目录中：按 0 计算",
);
pub static CAVEAT_NEAREST: Message = Message::new(
    "size.caveat.nearest",
    "base size estimated from {from}, the nearest tag in the catalogue",
    "基础镜像体积按目录中最接近的标签 {from} 估算",
);
pub static CAVEAT_STEPS: Message =
    Message::new("size.caveat.steps", "{n} step(s) have estimated sizes", "{n} 个步骤的体积为估算值");

// Why a step's size is unknown: the user types it in.
pub static ADD_URL: Message = Message::new(
    "size.unknown.add-url",
    "ADD {url} downloads a file of unknown size: type its size",
    "ADD {url} 会下载一个大小未知的文件：请填入它的大小",
);
pub static COPY_FROM_IMAGE: Message = Message::new(
    "size.unknown.copy-from-image",
    "COPY --from={from} reads an image the catalogue has no files for: type the bytes it copies",
    "COPY --from={from} 读取的镜像在体积目录里没有文件信息：请填入它复制的字节数",
);
pub static COPY_NOT_MODELLED: Message = Message::new(
    "size.unknown.copy-not-modelled",
    "{path} is not in stage {from} as modelled: type the bytes it copies",
    "按模型推算，构建阶段 {from} 里没有 {path}：请填入它复制的字节数",
);
pub static APT_PACKAGE: Message = Message::new(
    "size.unknown.apt-package",
    "package {name} is not in the shipped Debian table: type its installed size",
    "软件包 {name} 不在内置的 Debian 数据表里：请填入它安装后的大小",
);
pub static APK_INDEX: Message = Message::new(
    "size.unknown.apk-index",
    "apk keeps its package index in /var/cache/apk without --no-cache; its size is not in the data",
    "不加 --no-cache 时，apk 会把软件包索引留在 /var/cache/apk，数据里没有它的大小",
);
pub static APK_PACKAGE: Message = Message::new(
    "size.unknown.apk-package",
    "package {name} is not in the shipped Alpine table (a partial index): type its installed size",
    "软件包 {name} 不在内置的 Alpine 数据表里（该表只收录了部分索引）：请填入它安装后的大小",
);
pub static PIP_REQUIREMENTS: Message = Message::new(
    "size.unknown.pip-requirements",
    "{file} is not a text file of the build context, so its requirements are unknown",
    "{file} 不是构建上下文里的文本文件，无法得知其中列出的依赖",
);
pub static PIP_EDITABLE: Message = Message::new(
    "size.unknown.pip-editable",
    "an editable install's size depends on the project",
    "可编辑安装（-e）的大小取决于项目本身",
);
pub static PIP_LOCAL: Message = Message::new(
    "size.unknown.pip-local",
    "installing {target} (a local project or URL) has no size in the data",
    "安装 {target}（本地项目或 URL）的大小不在数据里",
);
pub static PIP_PACKAGE: Message = Message::new(
    "size.unknown.pip-package",
    "{name} is not in the shipped PyPI table: type what `pip install {name}` adds",
    "{name} 不在内置的 PyPI 数据表里：请填入 `pip install {name}` 增加的大小",
);
pub static NPM_MANIFEST: Message = Message::new(
    "size.unknown.npm-manifest",
    "{manifest} is not a text file the build copied in, so the dependencies are unknown",
    "{manifest} 不是构建时复制进来的文本文件，无法得知依赖",
);
pub static NPM_INVALID_JSON: Message =
    Message::new("size.unknown.npm-invalid-json", "{manifest} is not valid JSON", "{manifest} 不是合法的 JSON");
pub static NPM_PACKAGE: Message = Message::new(
    "size.unknown.npm-package",
    "{name} is not in the shipped npm table: type what it adds to node_modules",
    "{name} 不在内置的 npm 数据表里：请填入它给 node_modules 增加的大小",
);
pub static DYNAMIC: Message = Message::new(
    "size.unknown.dynamic",
    "uses command substitution or shell control flow, which the model does not follow",
    "用了命令替换或 shell 控制流，体积模型无法跟踪",
);
pub static COMMAND: Message = Message::new(
    "size.unknown.command",
    "`{name}` is not in the size model: type the bytes it adds",
    "体积模型不认识 `{name}`：请填入它增加的字节数",
);
pub static UNPACKED: Message = Message::new(
    "size.unknown.unpacked",
    "the unpacked size of {name} is estimated as {ratio} times its size",
    "{name} 解压后的大小按原大小的 {ratio} 倍估算",
);

// Estimates the model makes for what it cannot see, noted on the layer.
pub static MAKE_BINARY: Message = Message::new(
    "size.estimate.make-binary",
    "{path}: a stripped binary built by make, {low} to {high} MB",
    "{path}：make 构建出的已剥离符号的程序，{low} 到 {high} MB",
);
pub static MADE_PROGRAM: Message = Message::new(
    "size.estimate.made-program",
    "{path}: a program a build tool made, modelled as {low} to {high} MB",
    "{path}：构建工具生成的程序，按 {low} 到 {high} MB 估算",
);
pub static MAKE_INSTALL: Message = Message::new(
    "size.estimate.make-install",
    "make install: what the project installs is modelled as one program",
    "make install：项目安装的内容按一个程序估算",
);
pub static BUILD_TREE: Message = Message::new(
    "size.estimate.build-tree",
    "{tool}: its build tree is modelled as {low} to {high} MB",
    "{tool}：构建目录按 {low} 到 {high} MB 估算",
);
pub static DOWNLOAD: Message = Message::new(
    "size.estimate.download",
    "{tool}: a download of unknown size, 0.1 to 200 MB: type its size",
    "{tool}：下载的文件大小未知（0.1 到 200 MB）：请填入它的大小",
);
pub static APT_FETCH: Message = Message::new(
    "size.estimate.apt-fetch",
    "apt-get {sub} {name}: the package's files are not in the data, 0.2 to 60 MB",
    "apt-get {sub} {name}：数据里没有这个软件包的文件，按 0.2 到 60 MB 估算",
);

// Other notes on a layer.
pub static NOTE_NO_SHELL: Message = Message::new(
    "size.note.no-shell-run",
    "{image} has no shell: this RUN cannot run there",
    "{image} 里没有 shell：这条 RUN 无法执行",
);
pub static NOTE_BUILT_BY_TOOL: Message = Message::new(
    "size.note.built-by-tool",
    "{path} was built by a build tool in stage {stage}: modelled as one program",
    "{path} 是构建阶段 {stage} 里的构建工具生成的：按一个程序估算",
);
pub static NOTE_NO_MATCH: Message = Message::new(
    "size.note.no-match",
    "{path} matches nothing in the build context",
    "{path} 在构建上下文里没有匹配的文件",
);
pub static NOTE_APT_ON_ALPINE: Message = Message::new(
    "size.note.apt-on-alpine",
    "apt-get does not exist on Alpine (apk is its package manager); priced as on Debian",
    "Alpine 上没有 apt-get（它的包管理器是 apk）；按 Debian 上的大小计算",
);
pub static NOTE_APK_ON_DEBIAN: Message = Message::new(
    "size.note.apk-on-debian",
    "apk does not exist on Debian-based images; priced as on Alpine",
    "基于 Debian 的镜像里没有 apk；按 Alpine 上的大小计算",
);

pub static ALL: &[&Message] = &[
    &NO_FROM,
    &TARGET_NOT_FOUND,
    &TABLES_NOT_LOADED,
    &BASE_NOT_IN_CATALOGUE,
    &BASE_ESTIMATED,
    &UNKNOWN,
    &CHART_LABEL,
    &CAVEAT_MUSL,
    &CAVEAT_NO_APT,
    &CAVEAT_NO_SHELL,
    &CAVEAT_ESTIMATE,
    &CAVEAT_UNKNOWN,
    &CAVEAT_NEAREST,
    &CAVEAT_STEPS,
    &ADD_URL,
    &COPY_FROM_IMAGE,
    &COPY_NOT_MODELLED,
    &APT_PACKAGE,
    &APK_INDEX,
    &APK_PACKAGE,
    &PIP_REQUIREMENTS,
    &PIP_EDITABLE,
    &PIP_LOCAL,
    &PIP_PACKAGE,
    &NPM_MANIFEST,
    &NPM_INVALID_JSON,
    &NPM_PACKAGE,
    &DYNAMIC,
    &COMMAND,
    &UNPACKED,
    &MAKE_BINARY,
    &MADE_PROGRAM,
    &MAKE_INSTALL,
    &BUILD_TREE,
    &DOWNLOAD,
    &APT_FETCH,
    &NOTE_NO_SHELL,
    &NOTE_BUILT_BY_TOOL,
    &NOTE_NO_MATCH,
    &NOTE_APT_ON_ALPINE,
    &NOTE_APK_ON_DEBIAN,
];
