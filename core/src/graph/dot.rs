//! The build graph in Graphviz's DOT language, for `dot -Tpng` and the
//! many tools that read it. Same looks as the SVG: skipped stages dashed
//! and grey, external images as ellipses, edge kinds by style and colour.

use std::fmt::Write;

use crate::graph::model::{BuildGraph, EdgeKind, Source};

/// `graph` as a DOT digraph drawn top to bottom. Node ids are `stage:NAME`
/// and `image:REF`, so a stage and an image of the same name stay apart.
pub fn to_dot(graph: &BuildGraph) -> String {
    let mut out = String::from("digraph build {\n");
    out.push_str("  rankdir=TB;\n  node [shape=box, style=\"rounded\", fontname=\"monospace\"];\n  edge [fontname=\"monospace\", fontsize=10];\n");
    for s in &graph.stages {
        let mut attrs = vec![format!("label={}", quote(&format!("{}\nFROM {}", s.name, s.base)))];
        if s.built {
            if graph.target == Some(s.index) {
                attrs.push("style=\"rounded,bold\"".into());
                attrs.push("penwidth=2".into());
            }
            if graph.critical_path.stages.len() > 1 && graph.critical_path.stages.contains(&s.index) {
                attrs.push("color=\"#ea580c\"".into());
            }
        } else {
            attrs.push("style=\"rounded,dashed\"".into());
            attrs.push("color=\"#94a3b8\"".into());
            attrs.push("fontcolor=\"#94a3b8\"".into());
        }
        let _ = writeln!(out, "  {} [{}];", quote(&format!("stage:{}", s.name)), attrs.join(", "));
    }
    for image in &graph.images {
        let _ = writeln!(
            out,
            "  {} [label={}, shape=ellipse, style=dashed];",
            quote(&format!("image:{image}")),
            quote(image)
        );
    }
    for e in &graph.edges {
        let from = match e.source {
            Source::Stage(s) => format!("stage:{}", graph.stages[s].name),
            Source::Image(i) => format!("image:{}", graph.images[i]),
        };
        let to = format!("stage:{}", graph.stages[e.target].name);
        let style = match e.kind {
            EdgeKind::From => "style=solid, color=\"#475569\"",
            EdgeKind::Copy => "style=dashed, color=\"#2563eb\", label=\"COPY\"",
            EdgeKind::Mount => "style=dotted, color=\"#9333ea\", label=\"mount\"",
        };
        let _ = writeln!(out, "  {} -> {} [{style}];", quote(&from), quote(&to));
    }
    out.push_str("}\n");
    out
}

/// A DOT double-quoted string; newlines become DOT's `\n` line breaks.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
