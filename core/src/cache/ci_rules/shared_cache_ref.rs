use super::{finding, names, with_option, CiContext, CiFinding, CiFix};
use crate::cache::ci::Kind;
use crate::lint::prelude::*;
use std::collections::BTreeMap;

declare_rule! {
    /// Several targets export their cache to one place and overwrite each other.
    ///
    /// ## What it does
    /// Flags a cache location (a registry `ref`, a GitHub Actions `scope`,
    /// a local `dest`, or the pushed image of an inline cache) that builds
    /// of different targets (`--target`) all export to.
    ///
    /// ## Why
    /// An export replaces whatever was at its location (BuildKit,
    /// cache/remotecache/export.go: `Finalize` writes a new manifest under
    /// the same name). When the `app` and `worker` targets both export to
    /// `type=gha` with the default scope `buildkit`, each export throws
    /// the other's away, and the next build of either imports a cache of
    /// the other target: whatever the two do not share runs again, on
    /// every build, although both export a cache.
    ///
    /// ## Example
    /// ```text
    /// docker buildx build --target app    --cache-to type=gha,mode=max .
    /// docker buildx build --target worker --cache-to type=gha,mode=max .
    /// ```
    ///
    /// ## Fix
    /// Give each target its own location (`type=gha,scope=app`, a registry
    /// ref `ghcr.io/o/app:cache-worker`) and import it with
    /// `--cache-from`; a build may import the other target's cache too,
    /// as imports merge.
    pub static RULE = Rule {
        code: "DP504",
        name: "shared-cache-ref",
        also: None,
        severity: Severity::Warning,
        category: Category::Cache,
        messages: &[&SHARED, &OWN],
        check: super::needs_ci,
    };
}

static SHARED: Message = Message::new("DP504.shared", "targets {targets} export their cache to the same place, {location}: each export replaces the one before, so the next build of one target imports another target's cache and runs again what they do not share", "构建目标 {targets} 把缓存导出到同一个位置 {location}：每次导出都会覆盖上一次的，所以下一次构建某个目标时导入的是另一个目标的缓存，两者不共享的步骤都要重跑");
static OWN: Message = Message::new(
    "DP504.own_location",
    "give target `{second}` a cache location of its own (and import it with cache_from), apart from `{first}`'s",
    "给构建目标 `{second}` 单独设一个缓存位置（并用 cache_from 导入），与 `{first}` 的分开",
);

/// `entry` exporting to a location of its own for `target`.
fn own_location(entry: &str, kind: Kind, target: &str, repository: &str) -> String {
    match kind {
        Kind::Gha => with_option(entry, "scope", target),
        Kind::Registry => {
            let r = entry.split(',').find_map(|p| p.trim().strip_prefix("ref=")).unwrap_or("");
            // A tag follows the last `:` after the last `/`.
            let tagged = r.rsplit('/').next().is_some_and(|last| last.contains(':'));
            let new = if tagged { format!("{r}-{target}") } else { format!("{r}:cache-{target}") };
            with_option(entry, "ref", &new)
        }
        Kind::Local => {
            let d = entry.split(',').find_map(|p| p.trim().strip_prefix("dest=")).unwrap_or("");
            with_option(entry, "dest", &format!("{}-{target}", d.trim_end_matches('/')))
        }
        Kind::S3 | Kind::Azblob => {
            let n = entry.split(',').find_map(|p| p.trim().strip_prefix("name=")).unwrap_or("buildkit");
            with_option(entry, "name", &format!("{n}-{target}"))
        }
        Kind::Inline => format!("type=registry,ref={repository}:cache-{target},mode=max"),
    }
}

/// Where each export of a build writes, with the entry's index in
/// `cache_to` and its kind (an inline cache goes to the pushed image).
fn locations(b: &super::CiBuildView) -> Vec<(usize, String, Kind)> {
    b.exports
        .iter()
        .filter_map(|(j, spec)| {
            let location = match spec.kind {
                Kind::Inline => format!("registry:{}", crate::reference::normalize(b.ci.push.as_deref()?)),
                _ => spec.location.clone(),
            };
            Some((*j, location, spec.kind))
        })
        .collect()
}

/// The target a build asks for: `Some(stage)` with `--target`, `None` for
/// the default. Every build without `--target` builds "the image", the
/// last stage of its own Dockerfile, whatever the edits made of it.
fn named(b: &super::CiBuildView) -> Option<String> {
    b.input.target.as_ref().and(b.target).map(|t| b.stage_name(t))
}

pub fn check_ci(cx: &CiContext, out: &mut Vec<CiFinding>) {
    // Location -> each target exporting there (as asked for), with the
    // first build that does and its entry, in the order builds come.
    type Entry = (Option<String>, usize, usize, Kind);
    let mut at: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for b in &cx.builds {
        if b.target.is_none() {
            continue;
        }
        let key = named(b);
        for (j, location, kind) in locations(b) {
            let targets = at.entry(location).or_default();
            if !targets.iter().any(|(t, ..)| *t == key) {
                targets.push((key.clone(), b.index, j, kind));
            }
        }
    }
    for (location, entries) in at {
        let exports_here = |x: &&super::CiBuildView| locations(x).iter().any(|(_, l, _)| *l == location);
        // The default target is the stage the latest default build made.
        let default_name = cx
            .builds
            .iter()
            .rev()
            .filter(exports_here)
            .find(|b| named(b).is_none())
            .and_then(|b| b.target.map(|t| b.stage_name(t)));
        let mut targets: Vec<(String, Entry)> = Vec::new();
        for e in entries {
            let Some(name) = e.0.clone().or_else(|| default_name.clone()) else { continue };
            if !targets.iter().any(|(n, _)| *n == name) {
                targets.push((name, e));
            }
        }
        if targets.len() < 2 {
            continue;
        }
        let names_of: Vec<String> = targets.iter().map(|(t, _)| t.clone()).collect();
        let message = SHARED.msg().arg_msg("targets", names(&names_of)).arg("location", &location);
        let (first_target, (_, first, ..)) = &targets[0];
        let b = &cx.builds[*first];
        let span = b.target.map(|t| b.from_line(t)).unwrap_or_default();
        let mut f = finding(&RULE, *first, span, message);
        f.builds = cx.builds.iter().filter(exports_here).map(|x| x.index + 1).collect();
        // The fix moves the second target away from the first, in every
        // build of it that exports there with the same entry.
        let (second_target, (key, second, j, kind)) = &targets[1];
        let sb = &cx.builds[*second];
        let entry = sb.ci.cache_to.get(*j).cloned().unwrap_or_default();
        let builds = cx
            .builds
            .iter()
            .filter(|x| named(x) == *key && x.ci.cache_to.get(*j) == Some(&entry))
            .map(|x| x.index + 1)
            .collect();
        f.ci_fix = Some(CiFix {
            title: OWN.msg().arg("second", second_target).arg("first", first_target),
            builds,
            field: format!("cache_to[{j}]"),
            value: own_location(&entry, *kind, second_target, &sb.repository()),
        });
        out.push(f);
    }
}
