use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use ADD for extracting archives into an image.
    ///
    /// ## What it does
    /// Flags a local archive that is `COPY`ed in and then unpacked by a
    /// later RUN of the same stage (`tar -x`, `unzip`, `gunzip`...).
    ///
    /// ## Why
    /// The copied archive stays in its layer even after it is extracted
    /// and deleted, so the image carries it twice. `ADD` unpacks a local
    /// tar archive in one step and keeps only the files.
    ///
    /// ## Example
    /// ```dockerfile
    /// COPY app.tar.gz /tmp/
    /// RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// ADD app.tar.gz /opt/
    /// ```
    pub static RULE = Rule {
        code: "DP310",
        name: "copy-then-extract",
        also: Some("DL3010"),
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&EXTRACT],
        check,
    };
}

static EXTRACT: Message = Message::new(
    "DP310.extract",
    "`{name}` is copied and then extracted; `ADD` extracts it in one layer",
    "`{name}` 先复制再解压；用 `ADD` 可以在一层中完成解压",
);

// hadolint: src/Hadolint/Rule/DL3010.hs names these decompressors.
const UNPACKERS: [&str; 9] = ["unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat"];

fn basename(p: &str) -> &str {
    let p = util::drop_quotes(p);
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

fn extracts(cmd: &ShellCommand) -> bool {
    let tar = util::is(cmd, "tar")
        && cmd.arg_values().any(|a| {
            a == "--extract"
                || a == "--get"
                || (a.starts_with('-') && !a.starts_with("--") && a.contains('x'))
                || (!a.starts_with('-') && a.starts_with('x') && a.chars().all(|c| c.is_ascii_alphabetic()))
        });
    tar || cmd.program().is_some_and(|p| UNPACKERS.contains(&p))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for body in util::stage_bodies(ctx) {
        // (instruction, archive file name) of local archives copied so far.
        let mut copied: Vec<(&Instruction, String)> = Vec::new();
        let mut flagged: Vec<usize> = Vec::new();
        for instr in body {
            match &instr.args {
                Args::Copy(c) if c.from.is_none() => {
                    if util::is_archive(&c.dest.text) {
                        copied.push((instr, basename(&c.dest.text).to_string()));
                    } else {
                        copied.extend(
                            c.sources
                                .iter()
                                .filter(|s| util::is_archive(&s.text))
                                .map(|s| (instr, basename(&s.text).to_string())),
                        );
                    }
                }
                Args::Run(_) => {
                    for cmd in util::commands(ctx, instr).iter().filter(|c| extracts(c)) {
                        let names: Vec<&str> = util::operands(cmd, &[]).iter().map(|w| basename(&w.value)).collect();
                        for (copy, name) in &copied {
                            if names.contains(&name.as_str()) && !flagged.contains(&copy.span.start) {
                                flagged.push(copy.span.start);
                                out.push(RULE.finding(ctx.first_line(copy), EXTRACT.msg().arg("name", name)));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
