use crate::lint::prelude::*;

declare_rule! {
    /// Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.
    ///
    /// ## What it does
    /// Flags a `CMD`, `ENTRYPOINT` or `HEALTHCHECK` that a later one of the
    /// same kind in the same stage overrides.
    ///
    /// ## Why
    /// Each of these sets one field of the image configuration; an earlier
    /// one is silently replaced, so it is dead code that misleads readers.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// CMD ["echo", "first"]
    /// CMD ["echo", "second"]
    /// ```
    ///
    /// ## Fix
    /// Keep only the last one:
    /// ```dockerfile
    /// FROM alpine
    /// CMD ["echo", "second"]
    /// ```
    pub static RULE = Rule {
        code: "DP012",
        name: "MultipleInstructionsDisallowed",
        also: Some("BuildKit:MultipleInstructionsDisallowed"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&MULTIPLE],
        check,
    };
}

static MULTIPLE: Message = Message::new(
    "DP012.multiple",
    "Multiple {keyword} instructions should not be used in the same stage because only the last one will be used",
    "同一构建阶段中不应有多条 {keyword} 指令，因为只有最后一条生效",
);

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go validateUsedOnce
// reports the earlier instruction, the one that is ignored.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stage in ctx.stages() {
        for kw in [Keyword::Cmd, Keyword::Entrypoint, Keyword::Healthcheck] {
            let all: Vec<&Instruction> = ctx.stage_instructions(stage).filter(|i| i.keyword == kw).collect();
            for earlier in all.iter().take(all.len().saturating_sub(1)) {
                out.push(RULE.finding(ctx.first_line(earlier), MULTIPLE.msg().arg("keyword", kw.as_str())));
            }
        }
    }
}
