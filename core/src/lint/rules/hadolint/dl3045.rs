use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// COPY to a relative destination needs a WORKDIR.
    ///
    /// ## What it does
    /// Flags `COPY` to a relative destination in a stage where no
    /// `WORKDIR` was set (in the stage or a stage it is built from).
    ///
    /// ## Why
    /// A relative destination is resolved against the working directory,
    /// which without a `WORKDIR` is whatever the base image chose, often
    /// `/`: the files land somewhere unexpected, and move when the base
    /// changes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22
    /// COPY package.json .
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM node:22
    /// WORKDIR /app
    /// COPY package.json .
    /// ```
    pub static RULE = Rule {
        code: "DP345",
        name: "copy-relative-without-workdir",
        also: Some("DL3045"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&RELATIVE],
        check,
    };
}

static RELATIVE: Message = Message::new(
    "DP345.relative",
    "COPY to relative `{path}` without a WORKDIR: set one first",
    "COPY 的目标是相对路径 `{path}`，但还没有设置 WORKDIR，请先设置",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // Whether a WORKDIR is set by the end of these instructions, given
    // whether one was at their start; reports relative COPYs when `report`.
    let mut walk = |body: &mut dyn Iterator<Item = &Instruction>, mut set: bool, report: bool| {
        for instr in body {
            match &instr.args {
                Args::Workdir(_) => set = true,
                Args::Copy(copy) if !set && report && !super::dl3000::is_absolute(&copy.dest.text) => {
                    out.push(RULE.finding(copy.dest.span, RELATIVE.msg().arg("path", &copy.dest.text)));
                }
                _ => {}
            }
        }
        set
    };
    walk(&mut util::before_first_from(ctx).into_iter(), false, true);
    let stages = &ctx.dockerfile.stages;
    let mut has_workdir = vec![false; stages.len()];
    for stage in stages {
        let inherited = stage.base_stage.and_then(|b| has_workdir.get(b).copied()).unwrap_or(false);
        has_workdir[stage.index] = walk(&mut ctx.stage_instructions(stage), inherited, ctx.in_scope(Some(stage.index)));
    }
}
