//! Differential test: wherever dockerfile-parser's grammar accepts a
//! Dockerfile of the corpus, its reading of the instructions it models must
//! be ours too (keywords and lines of every instruction, FROM images and
//! aliases, ARG names, COPY sources and destinations, exec-form arrays).
#![cfg(feature = "dockerfile-parser")]

use dockerfile_parser::{Dockerfile as Dp, Instruction as DpInstr, ShellOrExecExpr};
use dockerplay_core::syntax::{self, Args, CommandForm};
use std::path::PathBuf;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            name.ends_with(".Dockerfile").then(|| (name, std::fs::read_to_string(&path).expect("UTF-8")))
        })
        .collect();
    files.sort();
    files
}

/// What both parsers can say about one instruction, in a comparable form.
fn theirs(i: &DpInstr) -> Option<String> {
    Some(match i {
        DpInstr::From(f) => {
            format!("FROM {} AS {:?}", f.image.content, f.alias.as_ref().map(|a| a.content.to_ascii_lowercase()))
        }
        DpInstr::Arg(a) => format!("ARG {}", a.name.content),
        DpInstr::Copy(c) => format!(
            "COPY {:?} -> {}",
            c.sources.iter().map(|s| s.content.clone()).collect::<Vec<_>>(),
            c.destination.content
        ),
        DpInstr::Run(r) => match &r.expr {
            ShellOrExecExpr::Exec(a) => format!("RUN exec {:?}", a.as_str_vec()),
            ShellOrExecExpr::Shell(_) => return None,
        },
        _ => return None,
    })
}

fn ours(i: &syntax::Instruction) -> Option<String> {
    Some(match &i.args {
        Args::From(f) => format!("FROM {} AS {:?}", f.image.text, f.name.as_ref().map(|n| n.text.to_ascii_lowercase())),
        Args::Arg(decls) if decls.len() == 1 => format!("ARG {}", decls[0].name),
        // Our words stay raw until dispatch; it removes quotes at once.
        Args::Copy(c) if !c.json => {
            let unquote = |w: &str| dockerplay_core::shell::expand::unquote(w, '\\');
            format!(
                "COPY {:?} -> {}",
                c.sources.iter().map(|s| unquote(&s.text)).collect::<Vec<_>>(),
                unquote(&c.dest.text)
            )
        }
        Args::Run(r) => match &r.command {
            CommandForm::Exec(v) => format!("RUN exec {v:?}"),
            CommandForm::Shell(_) => return None,
        },
        _ => return None,
    })
}

#[test]
fn our_reading_agrees_with_dockerfile_parser_wherever_it_parses() {
    let mut compared_files = 0;
    let mut compared = 0;
    for (name, text) in corpus() {
        // It fails on heredocs, escape directives and any one bad line;
        // those files are ours alone.
        let Ok(dp) = Dp::parse(&text) else { continue };
        let (df, _) = syntax::parse(&text);
        // It ignores `# escape=` and splits such files elsewhere.
        if df.directives.escape.is_some() {
            continue;
        }
        compared_files += 1;
        assert_eq!(dp.instructions.len(), df.instructions.len(), "{name}: instruction count");
        for (d, o) in dp.instructions.iter().zip(&df.instructions) {
            // Its grammar only knows `--flag=value`; a bare `--link` becomes a
            // source there, which BuildKit (and we) read as a flag.
            // Words with variables are expanded at dispatch, so their raw
            // forms are not comparable.
            if o.flags.iter().any(|f| f.value.is_none()) || o.command.contains('$') {
                continue;
            }
            if let (Some(t), Some(u)) = (theirs(d), ours(o)) {
                assert_eq!(t, u, "{name} line {}", o.line);
                compared += 1;
            }
        }
    }
    assert!(compared_files >= 20, "only {compared_files} corpus files parse with dockerfile-parser");
    assert!(compared >= 100, "only {compared} instructions compared");
}
