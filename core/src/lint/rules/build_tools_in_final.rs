use crate::lint::pkg;
use crate::lint::prelude::*;
use crate::lint::util::split_image;

declare_rule! {
    /// Compilers and build tools left in the final image.
    ///
    /// ## What it does
    /// In the stage the build produces (and the stages it is based on),
    /// flags installs of compilers, build tools and `-dev` packages
    /// (`build-essential`, `gcc`, `make`, `python3-dev`, ...) that are not
    /// removed in the same RUN, and compiling on a toolchain base image
    /// (`golang`, `rust`, `maven`, ...) in the final stage; for Go, Rust
    /// and C the advice is a static build copied into `FROM scratch`. The
    /// size model prices the RUN that installs them.
    ///
    /// ## Why
    /// Build tools are needed to produce the program, not to run it. Left
    /// in the final image they add hundreds of megabytes and a larger
    /// attack surface. A multi-stage build compiles in one stage and copies
    /// only the result into a small runtime stage.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN apt-get update && apt-get install -y build-essential
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM python:3.12-slim AS build
    /// RUN apt-get update && apt-get install -y build-essential
    /// RUN pip wheel --wheel-dir /wheels -r requirements.txt
    ///
    /// FROM python:3.12-slim
    /// COPY --from=build /wheels /wheels
    /// RUN pip install --no-cache-dir /wheels/*
    /// ```
    pub static RULE = Rule {
        code: "DP208",
        name: "build-tools-in-final-image",
        also: None,
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&KEEPS_TOOLS, &RUN_SIZE, &ADVICE_MULTI, &ADVICE_SINGLE, &TOOLCHAIN, &ADVICE_GO, &ADVICE_RUST, &ADVICE_GCC, &ADVICE_OTHER],
        check,
    };
}

static KEEPS_TOOLS: Message = Message::new(
    "DP208.keeps_tools",
    "the final image keeps the build tools {tools}{size}; {advice}",
    "最终镜像里留着构建工具 {tools}{size}。{advice}",
);
static RUN_SIZE: Message =
    Message::new("DP208.run_size", " (this RUN adds about {mb} MB)", "（这条 RUN 约增加 {mb} MB）");
static ADVICE_MULTI: Message = Message::new(
    "DP208.advice_multi_stage",
    "install them in a build stage and COPY --from only the result",
    "请在构建阶段中安装它们，再用 COPY --from 只复制构建产物",
);
static ADVICE_SINGLE: Message = Message::new(
    "DP208.advice_single_stage",
    "use a multi-stage build: compile in one stage, COPY the result into a runtime stage",
    "请改用多阶段构建：在一个阶段中编译，再把产物 COPY 到运行阶段",
);
static TOOLCHAIN: Message = Message::new(
    "DP208.toolchain",
    "the final image is the whole `{image}` toolchain; {advice}",
    "最终镜像是整个 `{image}` 工具链。{advice}",
);
static ADVICE_GO: Message = Message::new(
    "DP208.advice_golang",
    "build a static binary (`CGO_ENABLED=0`) in a build stage and copy it into `FROM scratch` or distroless static",
    "请在构建阶段中编译静态二进制文件（`CGO_ENABLED=0`），再复制到 `FROM scratch` 或 distroless static 镜像中",
);
static ADVICE_RUST: Message = Message::new("DP208.advice_rust", "build a static binary (`--target x86_64-unknown-linux-musl`) in a build stage and copy it into `FROM scratch` or distroless static", "请在构建阶段中编译静态二进制文件（`--target x86_64-unknown-linux-musl`），再复制到 `FROM scratch` 或 distroless static 镜像中");
static ADVICE_GCC: Message = Message::new(
    "DP208.advice_gcc",
    "link a static binary (`-static`) in a build stage and copy it into `FROM scratch`",
    "请在构建阶段中静态链接（`-static`），再把二进制文件复制到 `FROM scratch` 镜像中",
);
static ADVICE_OTHER: Message = Message::new(
    "DP208.advice_other",
    "compile in a build stage and copy the result into a small runtime image (distroless or slim)",
    "请在构建阶段中编译，再把产物复制到小巧的运行时镜像（distroless 或 slim）中",
);

/// Base images that are toolchains, with the commands that compile on them.
const TOOLCHAINS: &[(&str, &[&str])] = &[
    ("golang", &["go"]),
    ("rust", &["cargo", "rustc"]),
    ("maven", &["mvn", "mvnw", "./mvnw"]),
    ("gradle", &["gradle", "gradlew", "./gradlew"]),
    ("gcc", &["gcc", "g++", "make", "cmake"]),
    ("eclipse-temurin", &["javac", "mvn", "./mvnw", "./gradlew"]),
    ("openjdk", &["javac", "mvn", "./mvnw", "./gradlew"]),
    ("mcr.microsoft.com/dotnet/sdk", &["dotnet"]),
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(target) = ctx.target else { return };
    // The final stage and the stages under it: all their layers ship.
    let mut chain = vec![target];
    while let Some(b) = chain.last().and_then(|&s| ctx.dockerfile.stages.get(s)).and_then(|s| s.base_stage) {
        if chain.contains(&b) {
            break;
        }
        chain.push(b);
    }
    let multi_stage = ctx.dockerfile.stages.len() > 1;
    // The size model prices the offending layers, once, only if needed.
    let sizes = std::cell::OnceCell::new();
    let layer_mb = |line: u32| -> Option<u64> {
        let report = sizes.get_or_init(|| {
            let opts = crate::size::SizeOptions { target: ctx.input.target.clone(), ..Default::default() };
            crate::size::estimate_parsed(ctx.dockerfile, ctx.input, &opts).0
        });
        report
            .image
            .layers
            .iter()
            .find(|l| l.line == line && l.keyword == Keyword::Run)
            .map(|l| (l.uncompressed + 500_000) / 1_000_000)
            .filter(|mb| *mb >= 1)
    };
    for &s in chain.iter().rev() {
        let Some(stage) = ctx.dockerfile.stages.get(s) else { continue };
        for instr in ctx.stage_instructions(stage) {
            let cmds = ctx.commands(instr);
            for (k, c) in cmds.iter().enumerate() {
                let Some(install) = pkg::install(c) else { continue };
                if !install.tool.is_system() {
                    continue;
                }
                let tools: Vec<&String> = install.packages.iter().filter(|p| pkg::is_build_package(p)).collect();
                if tools.is_empty() || removed_later(&cmds[k + 1..], c, &tools) {
                    continue;
                }
                let names: Vec<&str> = tools.iter().map(|s| s.as_str()).collect();
                let advice = if multi_stage { &ADVICE_MULTI } else { &ADVICE_SINGLE };
                let msg = KEEPS_TOOLS.msg().arg("tools", names.join(", ")).arg_msg("advice", advice.msg());
                let msg = match layer_mb(instr.line) {
                    Some(mb) => msg.arg_msg("size", RUN_SIZE.msg().arg("mb", mb)),
                    None => msg.arg("size", ""),
                };
                out.push(RULE.finding(c.span, msg));
            }
        }
    }
    // Compiling on a toolchain base in the final stage.
    let Some(stage) = ctx.dockerfile.stages.get(target) else { return };
    if stage.base_stage.is_some() {
        return;
    }
    let (name, _, _) = split_image(&stage.base_expanded);
    let repo = name.trim_start_matches("docker.io/").trim_start_matches("library/");
    let Some((image, compilers)) = TOOLCHAINS.iter().find(|(img, _)| repo == *img) else { return };
    let compiles = ctx.stage_instructions(stage).find_map(|i| {
        ctx.commands(i).iter().find(|c| {
            let c = c.unwrapped();
            let prog = c.program_path().unwrap_or("");
            compilers.contains(&prog) && (prog != "go" || matches!(c.subcommand(), Some("build") | Some("install")))
        })
    });
    if let Some(c) = compiles {
        // Go, Rust and C link statically with a flag or a target, and a
        // static binary needs no runtime image at all.
        let advice = match *image {
            "golang" => &ADVICE_GO,
            "rust" => &ADVICE_RUST,
            "gcc" => &ADVICE_GCC,
            _ => &ADVICE_OTHER,
        };
        out.push(RULE.finding(c.span, TOOLCHAIN.msg().arg("image", image).arg_msg("advice", advice.msg())));
    }
}

/// Removed again in the same RUN (`apt-get purge`, `apk del`, including
/// `apk add --virtual .build-deps ... && apk del .build-deps`)?
fn removed_later(rest: &[ShellCommand], install: &ShellCommand, tools: &[&String]) -> bool {
    let virtual_name = install
        .args()
        .windows(2)
        .find(|w| w[0].value == "--virtual" || w[0].value == "-t")
        .map(|w| w[1].value.clone())
        .or_else(|| install.arg_values().find_map(|a| a.strip_prefix("--virtual=").map(str::to_string)));
    rest.iter().any(|c| {
        let c = c.unwrapped();
        let removes = matches!(
            (c.program(), c.subcommand()),
            (Some("apt-get" | "apt"), Some("purge" | "remove" | "autoremove"))
                | (Some("apk"), Some("del"))
                | (Some("yum" | "dnf"), Some("remove" | "erase" | "autoremove"))
        );
        // `apt-mark auto '.*' && apt-get purge --auto-remove` (the official
        // images' pattern) removes every package the RUN installed.
        let everything = matches!(c.program(), Some("apt-get" | "apt"))
            && (c.subcommand() == Some("autoremove")
                || c.has_option(None, Some("auto-remove"))
                || c.has_option(None, Some("autoremove")));
        removes
            && (everything
                || c.positional()
                    .skip(1)
                    .any(|p| tools.iter().any(|t| **t == p.value) || virtual_name.as_deref() == Some(p.value.as_str())))
    })
}
