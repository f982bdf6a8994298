use crate::lint::compile::{self, Lang};
use crate::lint::prelude::*;

declare_rule! {
    /// A binary that ships in the final image is not stripped.
    ///
    /// ## What it does
    /// In the stages whose files end up in the image (the final stage, the
    /// stages it is based on, and the stages it copies from), flags a
    /// compile (`gcc`/`clang`, `go build`, `cargo build`, and `make` in a
    /// stage the final one copies from) whose result is neither stripped by
    /// the compile itself (`-s`, `-ldflags="-s -w"`, `strip = true`) nor by
    /// a later `strip` in the same stage.
    ///
    /// ## Why
    /// A linked program carries its symbol table, and often debug
    /// information, which it never reads at run time. Stripping removes
    /// them: a quarter to a third of a Go binary, more for C built with
    /// `-g`. In an image of one static binary on `scratch` the binary is the
    /// image, so this is the last big saving.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN CGO_ENABLED=0 go build -o /out/app .
    /// FROM scratch
    /// COPY --from=build /out/app /app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    /// FROM scratch
    /// COPY --from=build /out/app /app
    /// ```
    /// For C, `strip /out/app` after the build (or link with `-s`); for
    /// Rust, `strip = true` under `[profile.release]`.
    pub static RULE = Rule {
        code: "DP213",
        name: "unstripped-binary",
        also: None,
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&UNSTRIPPED, &ADVICE_GO, &ADVICE_RUST, &ADVICE_C],
        check,
    };
}

static UNSTRIPPED: Message = Message::new(
    "DP213.unstripped",
    "`{command}` leaves the symbol table in a binary the final image ships; {advice} to make it smaller",
    "`{command}` 生成的二进制文件保留了符号表，并随最终镜像发布；{advice}可以让它变小",
);
static ADVICE_GO: Message =
    Message::new("DP213.advice_go", "build with `-ldflags=\"-s -w\"`", "构建时加上 `-ldflags=\"-s -w\"`");
static ADVICE_RUST: Message = Message::new(
    "DP213.advice_rust",
    "set `strip = true` in the release profile (or `RUSTFLAGS=\"-C strip=symbols\"`)",
    "在 release profile 中设置 `strip = true`（或 `RUSTFLAGS=\"-C strip=symbols\"`）",
);
static ADVICE_C: Message = Message::new(
    "DP213.advice_c",
    "run `strip` on the binary (or link with `-s`)",
    "对二进制文件运行 `strip`（或链接时加 `-s`）",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let shipping = compile::shipping_stages(ctx);
    for &s in &shipping {
        let Some(stage) = ctx.dockerfile.stages.get(s) else { continue };
        // Stages the final image is built on run `make` for themselves
        // (the official images' `make install`); a stage copied from
        // builds what it hands over.
        let copied_from = ctx.target.is_some_and(|t| t != s) && !is_base_of_target(ctx, s);
        for c in compile::stage_compiles(ctx, stage) {
            if c.stripped || (c.lang == Lang::Make && !copied_from) || (c.lang == Lang::Rust && cargo_strips(ctx)) {
                continue;
            }
            let program = c.command.unwrapped();
            let name = match c.lang {
                Lang::Go => "go build".to_string(),
                Lang::Rust => "cargo build".to_string(),
                _ => program.program().unwrap_or("make").to_string(),
            };
            out.push(RULE.finding(
                c.command.span,
                UNSTRIPPED.msg().arg("command", &name).arg_msg("advice", strip_advice(c.lang).msg()),
            ));
        }
    }
}

/// Is stage `s` the target or a stage the target is based on?
fn is_base_of_target(ctx: &Context, s: usize) -> bool {
    let mut cur = ctx.target;
    let mut steps = 0;
    while let Some(c) = cur {
        if c == s {
            return true;
        }
        steps += 1;
        if steps > ctx.dockerfile.stages.len() {
            break;
        }
        cur = ctx.dockerfile.stages.get(c).and_then(|st| st.base_stage);
    }
    false
}

/// Does the context's Cargo.toml ask for stripped release builds?
fn cargo_strips(ctx: &Context) -> bool {
    ctx.file("Cargo.toml").is_some_and(|f| match &f.body {
        crate::inputs::FileBody::Text { content } => content.lines().any(|l| l.trim_start().starts_with("strip")),
        _ => false,
    })
}

/// How to strip a binary of each language.
fn strip_advice(lang: Lang) -> &'static Message {
    match lang {
        Lang::Go => &ADVICE_GO,
        Lang::Rust => &ADVICE_RUST,
        Lang::C | Lang::Make => &ADVICE_C,
    }
}
