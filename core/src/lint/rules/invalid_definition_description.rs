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
    /// should be separated by an empty line. (Experimental in BuildKit.)
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
        check,
    };
}

// BuildKit: frontend/dockerfile/instructions/parse.go checks the comment
// block right above FROM and ARG (the "description" the outline shows).
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions() {
        let (what, name) = match &instr.args {
            Args::From(FromArgs { name: Some(n), .. }) => ("build stage", n.text.clone()),
            Args::Arg(decls) if decls.len() == 1 => ("ARG", decls[0].name.clone()),
            _ => continue,
        };
        // The first line of the comment block that ends on the line above.
        let mut line = instr.line.saturating_sub(1);
        let mut first = None;
        while line > 0 {
            match ctx.dockerfile.comments.iter().find(|c| c.line == line) {
                Some(c) => {
                    first = Some(c);
                    line -= 1;
                }
                None => break,
            }
        }
        let Some(comment) = first else { continue };
        let word = comment.text.split_whitespace().next().unwrap_or("");
        if word != name {
            out.push(RULE.finding(comment.span, format!("Comment for {what} should follow the format: `# {name} <description>`")));
        }
    }
}
