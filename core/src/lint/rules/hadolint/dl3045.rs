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
        check,
    };
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let stages = &ctx.dockerfile.stages;
    let mut has_workdir = vec![false; stages.len()];
    for stage in stages {
        let mut set = stage.base_stage.and_then(|b| has_workdir.get(b).copied()).unwrap_or(false);
        for instr in ctx.stage_instructions(stage) {
            match &instr.args {
                Args::Workdir(_) => set = true,
                Args::Copy(copy) if !set && ctx.in_scope(Some(stage.index)) && !super::dl3000::is_absolute(&copy.dest.text) => {
                    out.push(RULE.finding(copy.dest.span, format!("COPY to relative `{}` without a WORKDIR: set one first", copy.dest.text)));
                }
                _ => {}
            }
        }
        has_workdir[stage.index] = set;
    }
}
