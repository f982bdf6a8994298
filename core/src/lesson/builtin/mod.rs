//! The built-in lessons, following the four articles Dockerplay grew from
//! (in Chinese): the image-optimisation checklist, the layered filesystem
//! and copy-on-write, the 1.69 MB Redis image, and layer caching across
//! builds. The texts are written for each language's readers, not
//! translated word for word.

mod caching;
mod checklist;
mod layers;
mod tiny_redis;

use super::Lesson;

/// The ids of the built-in lessons, in the order the page lists them.
pub const IDS: [&str; 4] = ["checklist", "layers", "tiny-redis", "caching"];

/// A built-in lesson by id.
pub fn lesson(id: &str) -> Option<Lesson> {
    Some(match id {
        "checklist" => checklist::lesson(),
        "layers" => layers::lesson(),
        "tiny-redis" => tiny_redis::lesson(),
        "caching" => caching::lesson(),
        _ => return None,
    })
}

/// Every built-in lesson.
pub fn all() -> Vec<Lesson> {
    IDS.iter().filter_map(|id| lesson(id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::Status;
    use crate::lesson::{Change, Claim};

    /// Every step of every lesson does what its text claims, and every edit
    /// finds the text it replaces.
    #[test]
    fn every_step_shows_what_its_text_claims() {
        for lesson in all() {
            assert!(lesson.steps.len() >= 4, "{}: too short", lesson.id);
            for (n, step) in lesson.steps.iter().enumerate() {
                let at = format!("{} step {}", lesson.id, n + 1);
                assert!(!step.text.en.trim().is_empty() && !step.text.zh.trim().is_empty(), "{at}: text");
                assert!(n > 0 || matches!(step.change, Change::State(_)), "{at}: starts from an edit");
                if let Change::Edit(edit) = &step.change {
                    let before = lesson.input(n - 1);
                    for (from, _) in &edit.replace {
                        assert!(before.dockerfile.contains(from.as_str()), "{at}: no {from:?} to replace");
                    }
                } else {
                    assert!(n == 0 || !step.claims.is_empty(), "{at}: a new state should claim something");
                }
                let cur = lesson.input(n);
                let (_, diags) = crate::syntax::parse(&cur.dockerfile);
                assert!(diags.is_empty(), "{at}: {diags:?}");
                let change = lesson.change(n);
                for claim in &step.claims {
                    let ok = match claim {
                        Claim::Hit(line) => change.status_at(*line) == Some(Status::Hit),
                        Claim::Miss(line) => change.status_at(*line) == Some(Status::Miss),
                        Claim::SizeDrops => change.size_before.is_some_and(|b| change.size_after < b),
                        Claim::SizeGrows => change.size_before.is_some_and(|b| change.size_after > b),
                        Claim::SizeSame => change.size_before == Some(change.size_after),
                        Claim::FindingAppears(code) => change.findings_new.iter().any(|f| f.code == *code),
                        Claim::FindingGoes(code) => change.findings_gone.iter().any(|f| f.code == *code),
                    };
                    assert!(
                        ok,
                        "{at}: {claim:?} does not hold: cache {:?}, size {:?} -> {}, new {:?}, gone {:?}",
                        change.cache.iter().map(|s| (s.line, s.status)).collect::<Vec<_>>(),
                        change.size_before,
                        change.size_after,
                        change.findings_new.iter().map(|f| f.code).collect::<Vec<_>>(),
                        change.findings_gone.iter().map(|f| f.code).collect::<Vec<_>>(),
                    );
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_found() {
        for id in IDS {
            assert_eq!(lesson(id).map(|l| l.id), Some(id.to_string()));
        }
        assert!(lesson("nope").is_none());
    }
}
