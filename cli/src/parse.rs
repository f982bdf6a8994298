//! `dockerplay parse FILE|DIR... [--format json|text]`: the parsed model and
//! its diagnostics (several files: JSON lines with `file`). The JSON shape is documented in docs/cli.md.

use crate::args::{print_many, scan};
use dockerplay_core::syntax::{self, Dockerfile};
use dockerplay_core::{Diagnostic, LineIndex};
use serde_json::{json, Value};
use std::process::ExitCode;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = scan(argv, &["format"])?;
    let format = args.format(&["json", "text"])?;
    let (inputs, many) = args.inputs()?;
    for (name, text) in &inputs {
        let (df, diags) = syntax::parse(text);
        let out = model_json(text, &df, &diags);
        match (many, format == "json") {
            (true, true) => print_many(name, Some(out), ""),
            (true, false) => print_many(name, None, &render_text(&df, &diags, text)),
            (false, true) => println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default()),
            (false, false) => print!("{}", render_text(&df, &diags, text)),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Diagnostics as `{line, column, end_line, end_column, severity, message}`
/// with 1-based lines and columns counted in characters.
pub fn diagnostics_json(text: &str, diags: &[Diagnostic]) -> Value {
    let index = LineIndex::new(text);
    Value::Array(
        diags
            .iter()
            .map(|d| {
                let (line, column) = index.line_col(text, d.span.start);
                let (end_line, end_column) = index.line_col(text, d.span.end);
                json!({"line": line, "column": column, "end_line": end_line, "end_column": end_column,
                       "severity": d.severity.as_str(), "message": d.message})
            })
            .collect(),
    )
}

fn model_json(text: &str, df: &Dockerfile, diags: &[Diagnostic]) -> Value {
    let directive = |d: &Option<syntax::Directive>| d.as_ref().map(|d| d.value.clone());
    json!({
        "directives": {
            "syntax": directive(&df.directives.syntax),
            "escape": df.escape.to_string(),
            "check": directive(&df.directives.check),
        },
        "stages": df.stages.iter().map(|s| json!({
            "name": s.name, "index": s.index, "base": s.base, "base_expanded": s.base_expanded,
            "base_stage": s.base_stage, "platform": s.platform, "line": s.line, "end_line": s.end_line,
        })).collect::<Vec<_>>(),
        "instructions": df.instructions.iter().map(|i| json!({
            "keyword": i.keyword.as_str(), "line": i.line, "end_line": i.end_line, "stage": i.stage,
            "command": i.command, "flags": i.flags.iter().map(|f| json!({"name": f.name, "value": f.value})).collect::<Vec<_>>(),
            "heredocs": i.heredocs.iter().map(|h| json!({"name": h.name, "expand": h.expand, "chomp": h.chomp, "content": h.content})).collect::<Vec<_>>(),
            "args": i.args,
            "start": i.span.start, "end": i.span.end,
        })).collect::<Vec<_>>(),
        "diagnostics": diagnostics_json(text, diags),
    })
}

fn render_text(df: &Dockerfile, diags: &[Diagnostic], text: &str) -> String {
    let mut out = String::new();
    for s in &df.stages {
        out.push_str(&format!(
            "stage {} {} FROM {} (lines {}-{})\n",
            s.index,
            s.display_name(),
            s.base,
            s.line,
            s.end_line
        ));
    }
    for i in &df.instructions {
        let stage = i.stage.map_or("global".to_string(), |s| s.to_string());
        out.push_str(&format!("{:>5}-{:<5} [{stage}] {} {}\n", i.line, i.end_line, i.keyword.as_str(), i.command));
    }
    let index = LineIndex::new(text);
    for d in diags {
        let (l, c) = index.line_col(text, d.span.start);
        out.push_str(&format!("{l}:{c}: {}: {}\n", d.severity.as_str(), d.message));
    }
    out
}
