use crate::lint::prelude::*;

declare_rule! {
    /// A comment right above a stage or ARG should start with its name.
    ///
    /// ## What it does
    /// Flags a comment directly above `FROM ... AS name` or `ARG NAME`
    /// (no empty line between) whose first word is not that name.
    ///
    /// ## Why
    /// `docker build --call=outline` and `--call=targets` show such a
    /// comment as the description of the stage or argument, but only when
    /// it starts with the name. A comment that is not meant as a description
    /// should be separated by an empty line. Experimental in BuildKit: it
    /// runs when the file says `# check=experimental=InvalidDefinitionDescription`
    /// (or `all`), or with the experimental switch.
    ///
    /// ## Example
    /// ```dockerfile
    /// # compiles the server
    /// FROM golang:1.23 AS build
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// # build compiles the server
    /// FROM golang:1.23 AS build
    /// ```
    pub static RULE = Rule {
        code: "DP019",
        name: "InvalidDefinitionDescription",
        also: Some("BuildKit:InvalidDefinitionDescription"),
        severity: Severity::Info,
        category: Category::Style,
        messages: &[&FORMAT],
        check,
    };
}

static FORMAT: Message = Message::new(
    "DP019.format",
    "Comment for {keyword} should follow the format: `# {example} <description>`",
    "{keyword} 上方的注释应写成 `# {example} <说明>` 的格式",
);

// BuildKit: frontend/dockerfile/instructions/parse.go validateDefinitionDescription:
// the last line of the comment block right above must start with the
// (lower-cased) stage name or one of the ARG's keys.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions() {
        let (what, keys) = match &instr.args {
            Args::From(FromArgs { name: Some(n), .. }) => ("FROM", vec![n.text.to_lowercase()]),
            Args::Arg(decls) if !decls.is_empty() => ("ARG", decls.iter().map(|d| d.name.clone()).collect()),
            _ => continue,
        };
        // The last of the comments BuildKit attaches to the instruction
        // (instructions/parse.go validateDefinitionDescription), reported
        // at the instruction.
        let comments = crate::lint::suppress::comments_before(ctx.dockerfile, instr);
        let Some(comment) = comments.last() else { continue };
        let word = comment.text.split(' ').next().unwrap_or("");
        if keys.iter().any(|k| k == word) {
            continue;
        }
        let example = if keys.len() > 1 { "<arg_key>" } else { keys[0].as_str() };
        out.push(RULE.finding(ctx.first_line(instr), FORMAT.msg().arg("keyword", what).arg("example", example)));
    }
}
