use crate::lint::prelude::*;

declare_rule! {
    /// Empty continuation lines will become errors in a future release.
    ///
    /// ## What it does
    /// Flags an instruction continued with the escape character whose
    /// continuation includes an empty line.
    ///
    /// ## Why
    /// The Dockerfile format drops the empty line, so it does not end the
    /// instruction, which surprises readers; Docker announced that it will
    /// become an error (moby/moby#33719).
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN apk add \
    ///
    ///     curl
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN apk add \
    ///     curl
    /// ```
    pub static RULE = Rule {
        code: "DP003",
        name: "NoEmptyContinuation",
        also: Some("BuildKit:NoEmptyContinuation"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&EMPTY, &REMOVE],
        check,
    };
}

static EMPTY: Message = Message::new("DP003.empty", "Empty continuation line", "续行中有空行");
static REMOVE: Message = Message::new("DP003.remove", "Remove the empty lines", "删除空行");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.instructions().filter(|i| i.empty_continuation) {
        // The fix deletes the empty lines inside the instruction (not the
        // heredoc bodies, where empty lines are content).
        let text = instr.span.slice(ctx.text);
        let body_start = instr.heredocs.iter().map(|h| h.span.start).min().unwrap_or(instr.span.end);
        let mut edits = Vec::new();
        let mut offset = instr.span.start;
        for line in text.split_inclusive('\n') {
            let next = offset + line.len();
            if offset > instr.span.start && next <= body_start && line.trim().is_empty() && line.ends_with('\n') {
                edits.push(Edit::delete(Span::new(offset, next)));
            }
            offset = next;
        }
        // BuildKit reports the line where the continued instruction ends
        // (parser/parser.go Parse: the warning's location is the current
        // line after the continuation loop), before any heredoc body.
        let mut end = instr
            .heredocs
            .iter()
            .map(|h| h.span.start.saturating_sub(1))
            .min()
            .unwrap_or(instr.span.end)
            .max(instr.span.start);
        while !ctx.text.is_char_boundary(end) {
            end -= 1;
        }
        let line_start = ctx.text[..end].rfind('\n').map_or(0, |i| i + 1).max(instr.span.start);
        let mut f = RULE.finding(Span::new(line_start, end), EMPTY.msg());
        if !edits.is_empty() {
            f = f.with_fix(Fix::safe(REMOVE.msg(), edits));
        }
        out.push(f);
    }
}
