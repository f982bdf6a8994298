//! `dockerplay parse FILE|DIR... [--format json|text] [--lang en|zh-CN]`:
//! the parsed model and its diagnostics in the reader's language (several
//! files: JSON lines with `file`). The JSON shape is documented in docs/cli.md.

use crate::args::{print_many, scan};
use dockerplay_core::syntax::{self, Dockerfile};
use dockerplay_core::{Diagnostic, Lang, LineIndex, Msg};
use serde_json::{json, Value};
use std::process::ExitCode;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = scan(argv, &["format", "lang"])?;
    let format = args.format(&["json", "text"])?;
    let lang = args.lang()?;
    let (inputs, many) = args.inputs()?;
    for (name, text) in &inputs {
        let (df, diags) = syntax::parse(text);
        let out = model_json(text, &df, &diags, lang);
        match (many, format == "json") {
            (true, true) => print_many(name, Some(out), ""),
            (true, false) => print_many(name, None, &render_text(&df, &diags, text, lang)),
            (false, true) => println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default()),
            (false, false) => print!("{}", render_text(&df, &diags, text, lang)),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A message's JSON fields: `message` (the text in `lang`), `message_id`
/// and `message_args` (the arguments, nested messages rendered in `lang`),
/// so that a script can match the id rather than the words.
pub fn message_fields(m: &Msg, lang: Lang) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    out.insert("message".into(), json!(m.render(lang)));
    out.insert("message_id".into(), json!(m.id()));
    out.insert("message_args".into(), json!(m.args_in(lang)));
    out
}

/// `value` with every serialized message (`{"id", "args", "text"}`, how a
/// `Msg` inside a report serializes) replaced by its text in `lang`, so
/// that reports keep plain strings where they have prose.
pub fn localize(value: &mut Value, lang: Lang) {
    match value {
        Value::Object(obj) => {
            let is_msg =
                obj.len() == 3 && obj.contains_key("id") && obj.contains_key("args") && obj.contains_key("text");
            let message = obj
                .get("id")
                .and_then(Value::as_str)
                .and_then(|id| dockerplay_core::message::catalogue().into_iter().find(|m| m.id == id));
            match (is_msg, message, obj.get("args").and_then(Value::as_object)) {
                (true, Some(m), Some(args)) => {
                    let msg =
                        args.iter().fold(m.msg(), |msg, (k, v)| match m.placeholders().into_iter().find(|p| p == k) {
                            Some(name) => msg.arg(name, v.as_str().unwrap_or_default()),
                            None => msg,
                        });
                    *value = json!(msg.render(lang));
                }
                _ => obj.values_mut().for_each(|v| localize(v, lang)),
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| localize(v, lang)),
        _ => {}
    }
}

/// `value` (an object) with a message's fields added.
pub fn with_message(mut value: Value, m: &Msg, lang: Lang) -> Value {
    if let Some(obj) = value.as_object_mut() {
        obj.extend(message_fields(m, lang));
    }
    value
}

/// Diagnostics as `{line, column, end_line, end_column, severity, message,
/// message_id, message_args}` with 1-based lines and columns counted in
/// characters and the message in `lang`.
pub fn diagnostics_json(text: &str, diags: &[Diagnostic], lang: Lang) -> Value {
    let index = LineIndex::new(text);
    Value::Array(
        diags
            .iter()
            .map(|d| {
                let (line, column) = index.line_col(text, d.span.start);
                let (end_line, end_column) = index.line_col(text, d.span.end);
                let at = json!({"line": line, "column": column, "end_line": end_line, "end_column": end_column,
                       "severity": d.severity.as_str()});
                with_message(at, &d.message, lang)
            })
            .collect(),
    )
}

fn model_json(text: &str, df: &Dockerfile, diags: &[Diagnostic], lang: Lang) -> Value {
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
        "diagnostics": diagnostics_json(text, diags, lang),
    })
}

fn render_text(df: &Dockerfile, diags: &[Diagnostic], text: &str, lang: Lang) -> String {
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
        out.push_str(&format!("{l}:{c}: {}: {}\n", d.severity.as_str(), d.message.render(lang)));
    }
    out
}
