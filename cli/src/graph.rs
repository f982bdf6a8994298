//! `dockerplay graph FILE|DIR... [--target T] [--build-arg K=V[,K=V...]]
//! [--format json|dot|svg] [--lang en|zh-CN]`: the multi-stage build graph
//! and its diagnostics in the reader's language (several files: JSON lines
//! with `file`).

use std::collections::BTreeMap;
use std::process::ExitCode;

use dockerplay_core::cache;
use dockerplay_core::graph::{self, BuildGraph, SvgOptions};
use dockerplay_core::syntax;
use dockerplay_core::{Diagnostic, Lang, LineIndex};
use serde_json::{json, Value};

use crate::args::scan;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = scan(argv, &["target", "format", "build-arg", "lang"])?;
    let format = args.format(&["json", "dot", "svg"])?;
    let lang = args.lang()?;
    let build_args = parse_build_args(args.options.get("build-arg").map(String::as_str))?;
    let (inputs, many) = args.inputs()?;
    if many {
        if format != "json" {
            return Err("several files give JSON lines: use --format json, or one FILE for dot or svg".into());
        }
        for (name, text) in &inputs {
            let (df, mut diags) = syntax::parse(text);
            let seconds: Vec<f64> = df.instructions.iter().map(|i| cache::estimate_seconds(i)).collect();
            let (g, graph_diags) =
                graph::build_graph(&df, args.options.get("target").map(String::as_str), &build_args, &seconds);
            diags.extend(graph_diags);
            crate::args::print_many(name, Some(to_json(&g, &diags, text, lang)), "");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let text = inputs.into_iter().next().map(|(_, t)| t).unwrap_or_default();
    let (df, mut diags) = syntax::parse(&text);
    // The cache simulation's teaching defaults time each step, so that the
    // critical path means the same here as in the app.
    let seconds: Vec<f64> = df.instructions.iter().map(|i| cache::estimate_seconds(i)).collect();
    let (g, graph_diags) =
        graph::build_graph(&df, args.options.get("target").map(String::as_str), &build_args, &seconds);
    diags.extend(graph_diags);
    let out = match format.as_str() {
        "dot" => graph::to_dot(&g),
        "svg" => graph::to_svg(&g, &df, &SvgOptions { standalone: true, ..SvgOptions::default() }),
        _ => serde_json::to_string_pretty(&to_json(&g, &diags, &text, lang)).map_err(|e| e.to_string())? + "\n",
    };
    print!("{out}");
    if format != "json" {
        let lines = LineIndex::new(&text);
        for d in &diags {
            eprintln!("{}:{}: {}", lines.line(d.span.start), d.severity.as_str(), d.message.render(lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `K=V` pairs separated by commas (the option can be given once).
fn parse_build_args(value: Option<&str>) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for pair in value.unwrap_or("").split(',').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').ok_or_else(|| format!("--build-arg expects KEY=VALUE, got `{pair}`"))?;
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}

/// The JSON shape of issue 5: `stages` and `edges` with names, plus levels,
/// the critical path and diagnostics with lines.
pub fn to_json(g: &BuildGraph, diags: &[Diagnostic], text: &str, lang: Lang) -> Value {
    let name = |i: usize| g.stages[i].name.clone();
    let lines = LineIndex::new(text);
    json!({
        "target": g.target.map(name),
        "stages": g.stages.iter().map(|s| json!({
            "name": s.name,
            "index": s.index,
            "base": s.base,
            "base_kind": s.base_kind,
            "built": s.built,
            "level": s.level,
            "line": s.line,
            "end_line": s.end_line,
        })).collect::<Vec<_>>(),
        "edges": g.edges.iter().map(|e| json!({
            "from": e.from,
            "to": e.to,
            "kind": e.kind,
            "line": e.line,
        })).collect::<Vec<_>>(),
        "images": g.images,
        "levels": g.levels.iter().map(|l| l.iter().map(|&i| name(i)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "critical_path": {
            "stages": g.critical_path.stages.iter().map(|&i| name(i)).collect::<Vec<_>>(),
            "seconds": g.critical_path.seconds,
        },
        "diagnostics": diags.iter().map(|d| crate::parse::with_message(
            json!({ "line": lines.line(d.span.start), "severity": d.severity }),
            &d.message,
            lang,
        )).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON carries the fields issue 5 names, with stage names as
    /// BuildKit gives them (lower-cased, `stage-N` when unnamed).
    #[test]
    fn json_shape() {
        let text = "FROM golang:1.22 AS Build\nRUN go build\nFROM alpine AS unused\nFROM scratch\nCOPY --from=build /app /app\nCOPY --from=busybox /bin/sh /bin/sh\n";
        let (df, diags) = syntax::parse(text);
        let (g, _) = graph::build_graph(&df, None, &BTreeMap::new(), &[]);
        let v = to_json(&g, &diags, text, Lang::En);
        let stages: Vec<(String, bool)> = v["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["name"].as_str().unwrap().to_string(), s["built"].as_bool().unwrap()))
            .collect();
        assert_eq!(stages, [("build".to_string(), true), ("unused".to_string(), false), ("stage-2".to_string(), true)]);
        assert_eq!(v["stages"][2]["base"], "scratch");
        assert_eq!(v["stages"][1]["index"], 1);
        let edges: Vec<String> = v["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} -> {} ({})",
                    e["from"].as_str().unwrap(),
                    e["to"].as_str().unwrap(),
                    e["kind"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(edges, ["build -> stage-2 (copy)", "busybox -> stage-2 (copy)"]);
        assert_eq!(v["target"], "stage-2");
    }

    #[test]
    fn build_args_option() {
        let args = parse_build_args(Some("A=1,B=x=y")).unwrap();
        assert_eq!(args.get("A").map(String::as_str), Some("1"));
        assert_eq!(args.get("B").map(String::as_str), Some("x=y"));
        assert!(parse_build_args(Some("nope")).is_err());
    }
}
