//! The gallery: before/after pairs of Dockerfiles that each teach one classic
//! lesson, with the virtual build context they need. Titles and lessons are
//! in `i18n` (by `SampleId`); the files are data and stay in English.

mod frontend;
mod go;
mod java;
mod node;
mod python;
mod rust;
mod static_c;
mod static_site;

use dockerplay_core::inputs::ContextFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleId {
    Node,
    Python,
    Go,
    Java,
    Frontend,
    StaticSite,
    StaticC,
    Rust,
}

impl SampleId {
    pub const ALL: [SampleId; 8] = [
        SampleId::Node,
        SampleId::Python,
        SampleId::Go,
        SampleId::Java,
        SampleId::Frontend,
        SampleId::StaticSite,
        SampleId::StaticC,
        SampleId::Rust,
    ];

    pub fn sample(self) -> &'static Sample {
        match self {
            SampleId::Node => &node::SAMPLE,
            SampleId::Python => &python::SAMPLE,
            SampleId::Go => &go::SAMPLE,
            SampleId::Java => &java::SAMPLE,
            SampleId::Frontend => &frontend::SAMPLE,
            SampleId::StaticSite => &static_site::SAMPLE,
            SampleId::StaticC => &static_c::SAMPLE,
            SampleId::Rust => &rust::SAMPLE,
        }
    }
}

/// One side of a pair: a Dockerfile and its build context.
pub struct Variant {
    pub dockerfile: &'static str,
    /// (path, content) of the text files of the context.
    pub files: &'static [(&'static str, &'static str)],
}

impl Variant {
    pub fn context(&self) -> Vec<ContextFile> {
        self.files.iter().map(|(path, content)| ContextFile::text(path, content)).collect()
    }
}

pub struct Sample {
    pub id: SampleId,
    pub before: Variant,
    pub after: Variant,
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::syntax::{self, Args};

    /// Whether a COPY source word selects something in the context: a file,
    /// a directory prefix, `.`, or a `*` glob in the last segment.
    fn selects(files: &[(&str, &str)], source: &str) -> bool {
        let source = source.trim_start_matches("./").trim_end_matches('/');
        if source.is_empty() || source == "." {
            return !files.is_empty();
        }
        files.iter().any(|(path, _)| {
            path == &source
                || path.starts_with(&format!("{source}/"))
                || source.split_once('*').is_some_and(|(pre, post)| path.starts_with(pre) && path.ends_with(post))
        })
    }

    fn check(id: SampleId, which: &str, v: &Variant) {
        let (file, diags) = syntax::parse(v.dockerfile);
        assert!(diags.is_empty(), "{id:?} {which}: {diags:?}");
        assert!(!file.stages.is_empty(), "{id:?} {which}: no stage");
        for ins in &file.instructions {
            if let Args::Copy(c) | Args::Add(c) = &ins.args {
                if c.from.is_some() {
                    continue;
                }
                for s in &c.sources {
                    assert!(selects(v.files, &s.text), "{id:?} {which}: line {} copies missing {}", ins.line, s.text);
                }
            }
        }
    }

    #[test]
    fn every_sample_parses_cleanly_and_copies_only_files_it_ships() {
        for id in SampleId::ALL {
            let s = id.sample();
            assert_eq!(s.id, id);
            check(id, "before", &s.before);
            check(id, "after", &s.after);
        }
    }

    #[test]
    fn every_after_ships_a_dockerignore_and_differs_from_its_before() {
        for id in SampleId::ALL {
            let s = id.sample();
            assert!(s.after.files.iter().any(|(p, _)| *p == ".dockerignore"), "{id:?}");
            assert_ne!(s.before.dockerfile, s.after.dockerfile, "{id:?}");
        }
    }

    /// The static-build samples teach what DP208, DP213 and DP214 say: the
    /// "before" keeps the toolchain, the "after" answers every one.
    #[test]
    fn static_build_samples_fix_what_the_binary_findings_report() {
        use dockerplay_core::inputs::BuildInput;
        use dockerplay_core::lint::{check, CheckOptions};
        let codes = |v: &Variant| -> Vec<String> {
            let input = BuildInput { dockerfile: v.dockerfile.into(), files: v.context(), ..Default::default() };
            check(&input, &CheckOptions::default()).0.into_iter().map(|f| f.code.to_string()).collect()
        };
        for id in [SampleId::StaticC, SampleId::Rust] {
            let s = id.sample();
            assert!(codes(&s.before).contains(&"DP208".to_string()), "{id:?} before: {:?}", codes(&s.before));
            let after = codes(&s.after);
            for code in ["DP208", "DP212", "DP213", "DP214", "DP203"] {
                assert!(!after.contains(&code.to_string()), "{id:?} after reports {code}: {after:?}");
            }
        }
    }
}
