use crate::lint::compile;
use crate::lint::prelude::*;
use crate::lint::util::split_image;
use crate::size::catalogue;

declare_rule! {
    /// The final stage only runs a copied program: it could be `scratch`
    /// or distroless.
    ///
    /// ## What it does
    /// Flags the base of the final stage when it is a general-purpose OS
    /// image (`debian`, `ubuntu`, `alpine`, ...) that the stage does not
    /// use: no RUN, no shell-form CMD, ENTRYPOINT or SHELL, and the program
    /// it starts is one the stage copies in. When the stage it is copied
    /// from links it statically (`CGO_ENABLED=0`, `-static`, a `musl`
    /// target), the advice is `FROM scratch` (or distroless `static`, which
    /// adds CA certificates, time zones and a `nonroot` user); otherwise
    /// distroless `cc`, which adds the C library.
    ///
    /// ## Why
    /// Everything in the base that the program does not use (a shell, a
    /// package manager, coreutils) is downloaded by every pull and scanned
    /// and patched for every CVE. A static binary needs nothing: the
    /// image is the binary, as in a 1.69 MB Redis built with musl,
    /// stripped and put on `scratch`, against the official image's 105 MB.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    /// FROM debian:bookworm-slim
    /// COPY --from=build /out/app /app
    /// ENTRYPOINT ["/app"]
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    /// FROM scratch
    /// COPY --from=build /out/app /app
    /// ENTRYPOINT ["/app"]
    /// ```
    /// A program that makes TLS connections needs CA certificates: copy
    /// `/etc/ssl/certs` from the build stage, or use
    /// `gcr.io/distroless/static-debian12`.
    pub static RULE = Rule {
        code: "DP214",
        name: "minimal-runtime-base",
        also: None,
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&STATIC, &DYNAMIC, &BASE_SIZE, &SCRATCH],
        check,
    };
}

static STATIC: Message = Message::new("DP214.static_binary", "the final stage only runs `{program}`, a static binary: nothing of `{image}`{size} is used; `FROM scratch` ships the binary alone (`gcr.io/distroless/static-debian12` adds CA certificates and a nonroot user)", "最终阶段只运行静态二进制文件 `{program}`，`{image}`{size} 中的内容一样也用不上。`FROM scratch` 只发布这个二进制文件（`gcr.io/distroless/static-debian12` 另外带有 CA 证书和 nonroot 用户）");
static DYNAMIC: Message = Message::new("DP214.needs_libc", "the final stage only runs `{program}`: it needs the C library, not the shell and package manager of `{image}`{size}; use `gcr.io/distroless/cc-debian12`, or link it statically and use `FROM scratch`", "最终阶段只运行 `{program}`：它需要的是 C 库，而不是 `{image}`{size} 里的 shell 和包管理器。请改用 `gcr.io/distroless/cc-debian12`，或者静态链接后使用 `FROM scratch`");
static BASE_SIZE: Message = Message::new("DP214.base_size", " (about {mb} MB)", "（约 {mb} MB）");
static SCRATCH: Message = Message::new("DP214.scratch", "Use `scratch`", "改用 `scratch`");

/// General-purpose OS images: a program copied onto one uses none of it.
const GENERAL: &[&str] =
    &["debian", "ubuntu", "alpine", "centos", "fedora", "rockylinux", "almalinux", "amazonlinux", "oraclelinux"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(stage) = ctx.target.and_then(|t| ctx.dockerfile.stages.get(t)) else { return };
    let Some(image) = super::untagged_base::external_base(ctx, stage) else { return };
    let (name, _, _) = split_image(image);
    let repo = name.trim_start_matches("docker.io/").trim_start_matches("library/");
    if !GENERAL.contains(&repo) {
        return;
    }
    // The program the container starts, and the stage's copies.
    let (mut entrypoint, mut cmd): (Option<String>, Option<String>) = (None, None);
    let mut copies: Vec<(String, Option<usize>)> = Vec::new();
    for i in ctx.stage_instructions(stage) {
        match &i.args {
            Args::Run(_) | Args::Shell(_) | Args::Onbuild(_) | Args::Invalid => return,
            Args::Healthcheck(HealthcheckArgs { command: Some(CommandForm::Shell(_)), .. }) => return,
            Args::Cmd(CommandForm::Shell(_)) | Args::Entrypoint(CommandForm::Shell(_)) => return,
            Args::Entrypoint(CommandForm::Exec(argv)) => entrypoint = argv.first().cloned(),
            Args::Cmd(CommandForm::Exec(argv)) => cmd = argv.first().cloned(),
            Args::Copy(c) | Args::Add(c) => {
                let from = c.from.as_deref().and_then(|f| compile::stage_by_ref(ctx, f, stage.index));
                for src in &c.sources {
                    copies.push((dest_of(&c.dest.text, &src.text, c.sources.len() > 1), from));
                }
            }
            _ => {}
        }
    }
    let Some(program) = entrypoint.or(cmd) else { return };
    let Some((_, from)) = copies.iter().find(|(dest, _)| *dest == program) else { return };
    let is_static = from
        .and_then(|f| ctx.dockerfile.stages.get(f))
        .is_some_and(|s| compile::stage_compiles(ctx, s).iter().any(|c| c.static_));
    let base_mb = (catalogue::lookup(image, None).uncompressed + 500_000) / 1_000_000;
    let message = if is_static { &STATIC } else { &DYNAMIC };
    let msg = message.msg().arg("program", program).arg("image", image);
    let msg = if base_mb > 0 { msg.arg_msg("size", BASE_SIZE.msg().arg("mb", base_mb)) } else { msg.arg("size", "") };
    let span = match ctx.stage_from(stage).map(|f| &f.args) {
        Some(Args::From(from)) => from.image.span,
        _ => stage.span,
    };
    let mut f = RULE.finding(span, msg);
    if is_static {
        // Unsafe: the program may read files of the base (certificates,
        // time zones, /etc/passwd) that the rule cannot see.
        f = f.with_fix(Fix::unsafe_(SCRATCH.msg(), vec![Edit::new(span, "scratch".to_string())]));
    }
    out.push(f);
}

/// Where a COPY puts one source: into the directory when the destination
/// ends in `/` (or there are several sources), else at the destination.
fn dest_of(dest: &str, src: &str, several: bool) -> String {
    let dest = dest.trim_matches('"');
    if dest.ends_with('/') || several {
        let base = src.trim_end_matches('/').rsplit('/').next().unwrap_or(src);
        format!("{}/{base}", dest.trim_end_matches('/'))
    } else {
        dest.to_string()
    }
}
