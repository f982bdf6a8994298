//! Size estimate fixtures: one build per semantics point of issue 4 in
//! `tests/size/*.json` (a scenario build plus optional `options`), each with
//! its expected report in the `.txt` next to it (update with
//! `UPDATE_EXPECT=1`). Then checks against the shipped data itself.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, catalogue, Basis, SizeOptions};
use dockerplay_core::syntax;
use expect_test::{expect, expect_file};

fn load(name: &str) -> (BuildInput, SizeOptions) {
    let path = format!("{}/tests/size/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let input: BuildInput = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let opts = match value.get("options") {
        Some(o) => serde_json::from_value(o.clone()).unwrap_or_else(|e| panic!("{path}: options: {e}")),
        None => SizeOptions::default(),
    };
    (input, opts)
}

/// Estimates the build in `tests/size/<name>.json` and compares the text
/// report (plus diagnostics) with `tests/size/<name>.txt`.
fn check(name: &str) {
    let (input, opts) = load(name);
    let (df, _) = syntax::parse(&input.dockerfile);
    let (rep, diags) = size::estimate(&input, &opts);
    let mut out = size::render_text(&df, &rep);
    for d in diags {
        out += &format!("diagnostic: {}: {}\n", d.severity.as_str(), d.message);
    }
    expect_file![format!("{}/tests/size/{name}.txt", env!("CARGO_MANIFEST_DIR"))].assert_eq(&out);
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { check(stringify!($name)); })*
    };
}

fixtures! {
    whiteout,
    same_layer_delete,
    copy_up,
    copy_twice,
    multistage,
    apt_cleanup,
    apt_no_cleanup,
    pip_requirements,
    unknown_command,
    npm_ci,
    apk_no_cache,
    heredoc_writes,
    archive,
    unknown_base,
    cache_mount,
    dockerignore,
    unknown_output_copied,
    build_output_copied_out,
    run_mounts,
}

/// One row of the shipped catalogue table.
struct Row {
    image: String,
    tag: String,
    compressed: Option<u64>,
    uncompressed: Option<u64>,
    kind: String,
    libc: String,
}

/// The shipped catalogue table, read here independently of the crate's parser.
fn catalogue_rows() -> Vec<Row> {
    let text = include_str!("../data/images.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                image: c[0].into(),
                tag: c[1].into(),
                compressed: c[2].parse().ok(),
                uncompressed: c[3].parse().ok(),
                kind: c[4].into(),
                libc: c[6].into(),
            }
        })
        .collect()
}

fn ratios() -> std::collections::BTreeMap<String, f64> {
    include_str!("../data/ratios.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_string(), c[1].parse().unwrap())
        })
        .collect()
}

#[test]
fn official_base_sizes_match_the_catalogue_data() {
    let ratios = ratios();
    let rows = catalogue_rows();
    assert!(rows.len() > 70, "the catalogue lost rows: {}", rows.len());
    for Row { image, tag, compressed, uncompressed, kind, libc } in rows {
        let reference = format!("{image}:{tag}");
        let b = catalogue::lookup(&reference, None);
        assert!(b.is_known(), "{reference} not found");
        let ratio = ratios.get(&libc).copied().unwrap_or(ratios["all"]);
        match (compressed, uncompressed, kind.as_str()) {
            (Some(c), Some(u), "same") => {
                assert_eq!((b.compressed, b.uncompressed, b.basis), (c, u, Basis::Measured), "{reference}");
            }
            (Some(c), Some(u), "published-estimate") => {
                assert_eq!((b.compressed, b.uncompressed, b.basis), (c, u, Basis::Estimate), "{reference}");
                let (low, high) = b.range();
                assert!(low < u && u <= high, "{reference}: a published figure is a range, {low}..{high}");
            }
            (Some(c), _, _) => {
                assert_eq!(b.compressed, c, "{reference}");
                assert_eq!(b.uncompressed, (c as f64 * ratio).round() as u64, "{reference}");
                assert_eq!(b.basis, Basis::FromRatio, "{reference}");
            }
            (None, Some(u), _) => assert_eq!((b.uncompressed, b.basis), (u, Basis::Estimate), "{reference}"),
            (None, None, _) => panic!("{reference} has no size"),
        }
    }
}

#[test]
fn references_normalise_before_lookup() {
    let a = catalogue::lookup("python:3.12", None);
    let b = catalogue::lookup("docker.io/library/python:3.12", None);
    let c = catalogue::lookup("index.docker.io/library/python:3.12", None);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a.reference, "docker.io/library/python:3.12");
    // `alpine` means `alpine:latest`.
    assert_eq!(catalogue::lookup("alpine", None).compressed, 3849738);
    let scratch = catalogue::lookup("scratch", None);
    assert_eq!((scratch.uncompressed, scratch.basis), (0, Basis::Exact));
    // A digest pins the identity; the tag still finds the size.
    let pinned =
        catalogue::lookup("python:3.12@sha256:0000000000000000000000000000000000000000000000000000000000000001", None);
    assert_eq!(pinned.compressed, a.compressed);
    assert_eq!(
        pinned.identity.as_deref(),
        Some("sha256:0000000000000000000000000000000000000000000000000000000000000001")
    );
    let unknown = catalogue::lookup("example.com/x/y:1", None);
    assert_eq!((unknown.uncompressed, unknown.basis), (0, Basis::Unknown));
    let typed = catalogue::lookup("example.com/x/y:1", Some(1_000_000));
    assert_eq!((typed.uncompressed, typed.basis), (1_000_000, Basis::User));
}

#[test]
fn variants_of_a_base() {
    let v = catalogue::variants("python:3.12");
    expect![[r#"
        [
            "docker.io/library/python:3.12",
            "docker.io/library/python:3.12-slim",
            "docker.io/library/python:3.12-alpine",
            "gcr.io/distroless/python3-debian12:latest",
        ]
    "#]]
    .assert_debug_eq(&v);
    let v = catalogue::variants("node:22-slim");
    expect![[r#"
        [
            "docker.io/library/node:22-slim",
            "docker.io/library/node:22",
            "docker.io/library/node:22-alpine",
            "gcr.io/distroless/nodejs20-debian12:latest",
        ]
    "#]]
    .assert_debug_eq(&v);
}

/// `apt-get install` on debian:bookworm-slim against what `apt-get -s`
/// reported for the same package (apt-closures.tsv): the same number of
/// packages. (The bytes differ on purpose: the model counts a package's
/// files under the slim image's dpkg filters, not its Installed-Size.) The
/// shipped graph lacks bookworm-updates/-security versions, hence a small
/// tolerance.
#[test]
fn apt_closures_agree_with_apt() {
    let table = include_str!("../data/apt-closures.tsv");
    for line in table.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let (pkg, norec, rec): (&str, usize, usize) = (c[0], c[3].parse().unwrap(), c[4].parse().unwrap());
        for (flag, want) in [("--no-install-recommends ", norec), ("", rec)] {
            let input = BuildInput {
                dockerfile: format!("FROM debian:bookworm-slim\nRUN apt-get install -y {flag}{pkg}\n"),
                ..Default::default()
            };
            let (rep, _) = size::estimate(&input, &SizeOptions::default());
            let got = rep.image.layers.iter().flat_map(|l| &l.changes).filter(|c| c.path.starts_with("apt:")).count();
            assert!(got.abs_diff(want) <= 2 + want / 20, "{pkg} {flag}: model {got} packages, apt {want}");
        }
    }
}

#[test]
fn comparison_reprices_on_variants() {
    let input = BuildInput {
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir flask\nCOPY app.py /app/\n".into(),
        files: vec![dockerplay_core::inputs::ContextFile::text("app.py", "print('hi')\n")],
        ..Default::default()
    };
    let (options, _) = size::compare_bases(&input, &SizeOptions::default());
    let mut out = String::new();
    for o in &options {
        out += &format!(
            "{} current={} base={} total={} caveats={:?}\n",
            o.reference, o.current, o.base_uncompressed, o.uncompressed, o.caveats
        );
    }
    expect![[r#"
        docker.io/library/python:3.12 current=true base=1110000000 total=1114330560 caveats=[]
        docker.io/library/python:3.12-slim current=false base=116663807 total=120994367 caveats=[]
        docker.io/library/python:3.12-alpine current=false base=39452151 total=43782711 caveats=["musl libc: glibc-only binaries do not run, and pip needs musllinux wheels or builds from source"]
        gcr.io/distroless/python3-debian12:latest current=false base=50000000 total=54330560 caveats=["no shell: 1 RUN instruction(s) cannot run; use it as the final stage of a multi-stage build", "base size is a computed or third-party estimate"]
    "#]]
    .assert_eq(&out);
    // What the Dockerfile adds is the same on every base here; the base makes the difference.
    let added: Vec<u64> = options.iter().map(|o| o.uncompressed - o.base_uncompressed).collect();
    assert!(added.windows(2).all(|w| w[0] == w[1]), "{added:?}");
    expect_file![format!("{}/tests/size/comparison.svg", env!("CARGO_MANIFEST_DIR"))]
        .assert_eq(&size::comparison_svg(&options));
}

#[test]
fn image_size_is_the_sum_of_file_bytes_over_all_layers() {
    let input = BuildInput {
        dockerfile: "FROM scratch\nCOPY a /a\nRUN dd if=/dev/zero of=/b bs=1000 count=3\n".into(),
        files: vec![dockerplay_core::inputs::ContextFile::text("a", "12345")],
        ..Default::default()
    };
    let s = size::image_size(&input, &SizeOptions::default());
    assert_eq!(s.size, 3005);
    assert_eq!(s.layers, vec![(1, 5), (2, 3000)]);
    assert!(s.complete);
}

#[test]
fn data_sources_name_their_origin_and_date() {
    let sources = size::data_sources();
    assert!(sources.iter().all(|s| !s.source.is_empty() && !s.date.is_empty()));
    // The constants are the tables' own header lines.
    let header = include_str!("../data/images.tsv").lines().nth(1).unwrap();
    assert_eq!(header, format!("# source: {}", size::sources::IMAGES_SOURCE));
}

/// The estimate never panics: every prefix of a Dockerfile that exercises
/// the shell model (quotes, heredocs, globs, odd sizes) is still sized.
#[test]
fn never_panics_on_truncated_input() {
    let text = "FROM python:3.12-slim AS b\nARG V=1\nENV P=/x\nWORKDIR $P\nRUN <<EOF\nset -e\nprintf abc x y > /p\necho \"é $P\" > 'a b' && dd if=/dev/zero of=z bs=1P count=99999 seek=99999\ntruncate -s +18446744073709551615 z; cat z z z z > zz\nEOF\nRUN --mount=type=cache,target=/c pip install -r r.txt 'x[y]>=1' && npm i @s/p@1 é@ && apk add --virtual .v a && apk del .v\nCOPY --from=b --chmod=755 /x* /y/\nADD a.tgz /\nRUN tar xzf /a.tgz -C / ; cp -r /x/* / ; mv /q /r ; rm -rf /x/[a-z]* $(ls) `id`\n";
    let files = vec![dockerplay_core::inputs::ContextFile::text("r.txt", "numpy\n-r other.txt\n")];
    for (i, _) in text.char_indices() {
        let input = BuildInput { dockerfile: text[..i].to_string(), files: files.clone(), ..Default::default() };
        let (rep, _) = size::estimate(&input, &SizeOptions::default());
        assert!(rep.efficiency >= 0.0 && rep.efficiency <= 1.0);
    }
}

#[test]
fn an_uncatalogued_tag_is_priced_from_its_repository_and_compared_on_its_own_variants() {
    // More in tests/size_catalogue.rs.
    let b = catalogue::lookup("alpine:3.18", None);
    assert_eq!((b.basis, b.estimated_from.as_deref()), (Basis::NearestTag, Some("docker.io/library/alpine:3.20")));
    assert_eq!(catalogue::variants("alpine:3.18"), vec!["docker.io/library/alpine:3.18".to_string()]);
    // A tag whose variant the repository lacks is compared with the tags it has.
    assert_eq!(
        catalogue::variants("alpine:3.18-ppc").first().map(String::as_str),
        Some("docker.io/library/alpine:3.20")
    );
    assert!(catalogue::variants("example.com/none:1").is_empty());
}

/// The estimate never panics or hangs on scrambled shell text: RUN lines
/// drawn from shell metacharacters and the modelled commands' words, with a
/// fixed-seed generator so that a failure is reproducible.
#[test]
fn never_panics_on_scrambled_run_lines() {
    const PIECES: [&str; 40] = [
        " ", "&&", "||", ";", "|", "&", ">", ">>", "<", "<<", "2>&1", "'", "\"", "\\", "$", "${", "}", "$(", ")", "`",
        "*", "?", "[", "]", "#", "\n", "=", "-", "~", "/x", "dd", "printf", "%s", "echo", "cp", "rm", "tar", "apt-get",
        "pip", "head",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let len = (next() % 30) as usize;
        let line: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let input = BuildInput { dockerfile: format!("FROM debian:bookworm-slim\nRUN {line}\n"), ..Default::default() };
        let (rep, _) = size::estimate(&input, &SizeOptions::default());
        assert!(rep.image.uncompressed >= rep.image.base.uncompressed);
    }
}
