use crate::lint::prelude::*;
use crate::lint::util::split_image;
use crate::size::catalogue;

declare_rule! {
    /// A smaller variant of the final base image exists.
    ///
    /// ## What it does
    /// Flags the base of the stage the build produces when it is a full
    /// image (`python:3.12`, `node:22`, `eclipse-temurin:21-jdk`, ...) that
    /// has a slim, JRE or distroless variant, with the size it would save
    /// (from Dockerplay's size model: docker-library/repo-info figures).
    ///
    /// ## Why
    /// The full variants carry compilers, headers and documentation for
    /// building things. The runtime image rarely needs them: a smaller base
    /// pulls faster, starts faster and has fewer packages to patch.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12
    /// COPY app.py .
    /// CMD ["python", "app.py"]
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py .
    /// CMD ["python", "app.py"]
    /// ```
    /// If a dependency needs a compiler, build it in an earlier stage.
    pub static RULE = Rule {
        code: "DP209",
        name: "heavy-base-image",
        also: None,
        severity: Severity::Info,
        category: Category::Size,
        messages: &[&LIGHTER_STAGES, &LIGHTER, &USE],
        check,
    };
}

static LIGHTER_STAGES: Message = Message::new("DP209.lighter_runtime_stage", "`{image}` is about {full} MB; `{alternative}` is about {light} MB as the runtime stage of a multi-stage build (saves ~{saved} MB)", "`{image}` 约 {full} MB；在多阶段构建中用 `{alternative}` 作为运行阶段只有约 {light} MB（可省约 {saved} MB）");
static LIGHTER: Message = Message::new(
    "DP209.lighter",
    "`{image}` is about {full} MB; `{alternative}` is about {light} MB instead (saves ~{saved} MB)",
    "`{image}` 约 {full} MB；换成 `{alternative}` 只有约 {light} MB（可省约 {saved} MB）",
);
static USE: Message = Message::new("DP209.use", "Use `{image}`", "改用 `{image}`");

/// A lighter base and the uncompressed sizes, in MB, of the full and the
/// lighter image. They come from the size model's catalogue
/// (`size::catalogue`, docker-library/repo-info figures for linux/amd64)
/// when it has both images; for tags it lacks, from the approximate table
/// in `table_alternative` (the same sources, rounded).
struct Alternative {
    reference: String,
    full_mb: u32,
    light_mb: u32,
    /// The swap needs a multi-stage build (a distroless or JRE runtime).
    needs_stages: bool,
}

fn is_version(tag: &str) -> bool {
    !tag.is_empty() && tag.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Images that are toolchains: their runtime replacement is a different
/// image in a second stage.
fn is_toolchain(repo: &str) -> bool {
    matches!(repo, "golang" | "rust" | "maven" | "gradle" | "gcc")
}

fn mb(bytes: u64) -> u32 {
    ((bytes + 500_000) / 1_000_000) as u32
}

/// The best lighter base by the size model: a slim (or JRE) tag of the same
/// version for runtime images, then alpine; a distroless runtime (in a
/// second stage) for toolchains or when nothing else is smaller.
fn catalogue_alternative(image: &str, repo: &str, name: &str, tag: &str) -> Option<Alternative> {
    let current = catalogue::lookup(image, None);
    if !current.is_known() || current.uncompressed == 0 {
        return None;
    }
    let same = |t: String| (format!("{name}:{t}"), false);
    let mut candidates: Vec<(String, bool)> = Vec::new();
    if !is_toolchain(repo) {
        let (slim, alpine) = if tag == "latest" {
            ("slim".to_string(), "alpine".to_string())
        } else {
            (format!("{tag}-slim"), format!("{tag}-alpine"))
        };
        candidates.push(same(slim));
        if tag.contains("jdk") {
            candidates.push(same(tag.replacen("jdk", "jre", 1)));
        }
        candidates.push(same(alpine));
    } else if matches!(repo, "maven" | "gradle") {
        candidates.push(("eclipse-temurin:21-jre".to_string(), true));
    }
    // A distroless runtime suits a language runtime or a static binary, not
    // a general-purpose OS image someone installs things into.
    let general = matches!(repo, "debian" | "ubuntu" | "alpine" | "centos" | "fedora" | "rockylinux" | "almalinux");
    for v in catalogue::variants(image) {
        if v.starts_with("gcr.io/distroless/") && !general {
            candidates.push((v.trim_end_matches(":latest").to_string(), true));
        }
    }
    candidates.into_iter().find_map(|(reference, needs_stages)| {
        let light = catalogue::lookup(&reference, None);
        // Worth it: at least a quarter and 50 MB smaller.
        let saved = current.uncompressed.saturating_sub(light.uncompressed);
        let worth =
            light.is_known() && light.uncompressed > 0 && saved * 4 >= current.uncompressed && saved >= 50_000_000;
        worth.then(|| Alternative {
            reference,
            full_mb: mb(current.uncompressed),
            light_mb: mb(light.uncompressed),
            needs_stages,
        })
    })
}

fn table_alternative(repo: &str, name: &str, tag: &str) -> Option<Alternative> {
    let slim = |full_mb, light_mb| {
        Some(Alternative { reference: format!("{name}:{tag}-slim"), full_mb, light_mb, needs_stages: false })
    };
    match repo {
        "python" if is_version(tag) => slim(1110, 119),
        "node" if is_version(tag) => slim(1100, 227),
        "ruby" if is_version(tag) => slim(1150, 220),
        "debian" if is_version(tag) || matches!(tag, "bookworm" | "bullseye" | "trixie") => slim(117, 75),
        "eclipse-temurin" if tag.contains("jdk") => Some(Alternative {
            reference: format!("{name}:{}", tag.replacen("jdk", "jre", 1)),
            full_mb: 450,
            light_mb: 270,
            needs_stages: false,
        }),
        "golang" => Some(Alternative {
            reference: "gcr.io/distroless/static-debian12".into(),
            full_mb: 850,
            light_mb: 2,
            needs_stages: true,
        }),
        "rust" => Some(Alternative {
            reference: "gcr.io/distroless/cc-debian12".into(),
            full_mb: 1650,
            light_mb: 23,
            needs_stages: true,
        }),
        "maven" | "gradle" => Some(Alternative {
            reference: "eclipse-temurin:21-jre".into(),
            full_mb: 470,
            light_mb: 270,
            needs_stages: true,
        }),
        _ => None,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(stage) = ctx.target.and_then(|t| ctx.dockerfile.stages.get(t)) else { return };
    if !ctx.in_scope(Some(stage.index)) {
        return;
    }
    let Some(image) = super::untagged_base::external_base(ctx, stage) else { return };
    let (name, tag, digest) = split_image(image);
    if digest.is_some() {
        return;
    }
    let tag = tag.unwrap_or("latest");
    if tag.contains("slim") || tag.contains("alpine") {
        return;
    }
    let repo = name.trim_start_matches("docker.io/").trim_start_matches("library/");
    let Some(alt) = catalogue_alternative(image, repo, name, tag).or_else(|| table_alternative(repo, name, tag)) else {
        return;
    };
    // Worth a finding: at least a quarter and 50 MB smaller.
    let saved_mb = alt.full_mb.saturating_sub(alt.light_mb);
    if saved_mb * 4 < alt.full_mb || saved_mb < 50 {
        return;
    }
    let span = match ctx.stage_from(stage).map(|f| &f.args) {
        Some(Args::From(from)) => from.image.span,
        _ => stage.span,
    };
    let saved = alt.full_mb.saturating_sub(alt.light_mb);
    let message = if alt.needs_stages { &LIGHTER_STAGES } else { &LIGHTER };
    let mut f = RULE.finding(
        span,
        message
            .msg()
            .arg("image", image)
            .arg("full", alt.full_mb)
            .arg("alternative", &alt.reference)
            .arg("light", alt.light_mb)
            .arg("saved", saved),
    );
    if !alt.needs_stages {
        // Unsafe: the slim variant lacks tools a later RUN may rely on.
        f = f.with_fix(Fix::unsafe_(
            USE.msg().arg("image", &alt.reference),
            vec![Edit::new(span, alt.reference.clone())],
        ));
    }
    out.push(f);
}
