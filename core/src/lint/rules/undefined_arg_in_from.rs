use crate::lint::prelude::*;
use crate::lint::util::suggest;
use crate::shell::expand::var_refs;

declare_rule! {
    /// FROM may only use ARGs declared before the first FROM.
    ///
    /// ## What it does
    /// Flags a `$NAME` in a `FROM` image or `--platform` that no global
    /// `ARG` (one before the first `FROM`) declares and that is not one of
    /// BuildKit's automatic platform args.
    ///
    /// ## Why
    /// An undeclared variable expands to an empty string, so
    /// `FROM node:$VERSION` pulls `node:` and fails, or worse, a different
    /// image than intended. It is usually a typo or an `ARG` placed after
    /// the `FROM`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:${NODE_VERSION}-alpine
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ARG NODE_VERSION=22
    /// FROM node:${NODE_VERSION}-alpine
    /// ```
    pub static RULE = Rule {
        code: "DP009",
        name: "UndefinedArgInFrom",
        also: Some("BuildKit:UndefinedArgInFrom"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&UNDECLARED, &UNDECLARED_SUGGEST],
        check,
    };
}

static UNDECLARED: Message =
    Message::new("DP009.undeclared", "FROM argument '{name}' is not declared", "FROM 中的参数“{name}”没有声明");
static UNDECLARED_SUGGEST: Message = Message::new(
    "DP009.undeclared_suggest",
    "FROM argument '{name}' is not declared (did you mean {suggestion}?)",
    "FROM 中的参数“{name}”没有声明（是不是想写 {suggestion}？）",
);

/// The args BuildKit defines for FROM without a declaration.
/// BuildKit: frontend/dockerfile/dockerfile2llb/platform.go defaultArgs.
pub const AUTOMATIC_ARGS: [&str; 10] = [
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "TARGETSTAGE",
    "BUILDKIT_SYNTAX",
];

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go reportUnusedFromArgs.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let declared: Vec<String> = ctx.dockerfile.global_args().map(|a| a.name.clone()).collect();
    let known = |n: &str| declared.iter().any(|d| d == n) || AUTOMATIC_ARGS.contains(&n);
    for instr in ctx.with_keyword(Keyword::From) {
        let Args::From(from) = &instr.args else { continue };
        let mut words: Vec<Span> = vec![from.image.span];
        if let Some(flag) = instr.flag("platform") {
            words.push(flag.span);
        }
        for span in words {
            for r in var_refs(span.slice(ctx.text), ctx.dockerfile.escape) {
                // A default does not excuse an undeclared name (BuildKit
                // records every look-up that misses).
                if known(&r.name) {
                    continue;
                }
                let options = declared.iter().map(String::as_str).chain(AUTOMATIC_ARGS);
                let msg = match suggest(&r.name, options) {
                    Some(s) => UNDECLARED_SUGGEST.msg().arg("name", &r.name).arg("suggestion", s),
                    None => UNDECLARED.msg().arg("name", &r.name),
                };
                out.push(RULE.finding(Span::new(span.start + r.start, span.start + r.end), msg));
            }
        }
    }
}
