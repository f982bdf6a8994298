use crate::lint::prelude::*;

declare_rule! {
    /// A relative WORKDIR depends on the base image's working directory.
    ///
    /// ## What it does
    /// Flags the first `WORKDIR` of a stage when it is relative and no
    /// stage this one builds on set an absolute one.
    ///
    /// ## Why
    /// A relative path is resolved against whatever working directory the
    /// base image sets. If the base image changes it, files land somewhere
    /// else and later `COPY` and `RUN` steps break in confusing ways.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22
    /// WORKDIR app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22
    /// WORKDIR /app
    /// ```
    pub static RULE = Rule {
        code: "DP010",
        name: "WorkdirRelativePath",
        also: Some("BuildKit:WorkdirRelativePath"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&RELATIVE, &ABSOLUTE],
        check,
    };
}

static RELATIVE: Message = Message::new(
    "DP010.relative",
    "Relative workdir \"{path}\" can have unexpected results if the base image changes",
    "WORKDIR 使用相对路径“{path}”，基础镜像的工作目录一变，结果就可能出乎意料",
);
static ABSOLUTE: Message = Message::new("DP010.absolute", "Use `/{path}`", "改用 `/{path}`");

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go dispatchWorkdir
// warns when the first WORKDIR of a stage is relative.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        let mut absolute_set = inherits_absolute(ctx, stage);
        for instr in ctx.stage_instructions(stage) {
            let Args::Workdir(path) = &instr.args else { continue };
            let p = path.text.trim_matches(['"', '\'']);
            // Only the first WORKDIR of a stage is checked: fixing it fixes
            // the ones after it. A variable may well hold an absolute path.
            let first = !absolute_set;
            absolute_set = true;
            if first && !is_absolute(p) && !p.starts_with('$') {
                out.push(
                    RULE.finding(path.span, RELATIVE.msg().arg("path", p)).with_fix(Fix::unsafe_(
                        ABSOLUTE.msg().arg("path", p),
                        vec![Edit::insert(path.span.start, "/")],
                    )),
                );
            }
        }
    }
}

fn is_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    p.starts_with('/')
        || p.starts_with('\\')
        || (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/'))
}

fn inherits_absolute(ctx: &Context, stage: &Stage) -> bool {
    let mut base = stage.base_stage;
    let mut hops = 0;
    while let Some(b) = base {
        hops += 1;
        let Some(s) = ctx.dockerfile.stages.get(b) else { break };
        if hops > ctx.dockerfile.stages.len() {
            break;
        }
        let abs = ctx
            .stage_instructions(s)
            .any(|i| matches!(&i.args, Args::Workdir(w) if is_absolute(w.text.trim_matches(['"', '\'']))));
        if abs {
            return true;
        }
        base = s.base_stage;
    }
    false
}
