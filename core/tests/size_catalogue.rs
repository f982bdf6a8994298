//! The catalogue's fallback for tags it lacks: a tag of a known repository
//! is priced as the closest catalogued tag with the same variant, says so,
//! and leaves the estimate incomplete.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, catalogue, Basis, SizeOptions};
use expect_test::{expect, expect_file, Expect};

/// Looks each reference up and lists what priced it: the basis, the tag the
/// figures come from, and the uncompressed size.
fn check(references: &[&str], expect: Expect) {
    let mut out = String::new();
    for r in references {
        let b = catalogue::lookup(r, None);
        let basis = serde_json::to_value(b.basis).unwrap();
        let from = b.estimated_from.as_deref().unwrap_or("-");
        out += &format!("{r}: {} from {from}, {} B\n", basis.as_str().unwrap(), b.uncompressed);
    }
    expect.assert_eq(&out);
}

#[test]
fn unknown_tags_of_known_repositories_borrow_the_nearest_tag_of_their_variant() {
    check(
        &[
            // Nearest version, same variant.
            "node:18-slim",
            "node:18",
            "node:20-alpine3.19",
            "python:3.10-slim",
            "python:3.9",
            "eclipse-temurin:17-jre-alpine",
            "ubuntu:20.04",
            // A codename suffix is the same image family as the plain variant.
            "python:3.12-slim-bookworm",
            // Versions of repositories catalogued only as `latest` or `alpine`.
            "alpine:3.19",
            "golang:1.22",
            "golang:1.22-alpine",
            "nginx:1.27-alpine",
            // An unversioned tag the catalogue lacks takes the newest version.
            "ubuntu",
            "debian:buster-slim",
        ],
        expect![[r#"
            node:18-slim: nearest-tag from docker.io/library/node:20-slim, 190937987 B
            node:18: nearest-tag from docker.io/library/node:20, 1074423069 B
            node:20-alpine3.19: nearest-tag from docker.io/library/node:20-alpine, 104888482 B
            python:3.10-slim: nearest-tag from docker.io/library/python:3.11-slim, 122965194 B
            python:3.9: nearest-tag from docker.io/library/python:3.11, 1105156388 B
            eclipse-temurin:17-jre-alpine: nearest-tag from docker.io/library/eclipse-temurin:21-jre-alpine, 162030392 B
            ubuntu:20.04: nearest-tag from docker.io/library/ubuntu:22.04, 80327253 B
            python:3.12-slim-bookworm: nearest-tag from docker.io/library/python:3.12-slim, 116663807 B
            alpine:3.19: nearest-tag from docker.io/library/alpine:3.20, 7933097 B
            golang:1.22: nearest-tag from docker.io/library/golang:1.24, 874479458 B
            golang:1.22-alpine: nearest-tag from docker.io/library/golang:1.24-alpine, 182162446 B
            nginx:1.27-alpine: nearest-tag from docker.io/library/nginx:alpine, 57546470 B
            ubuntu: nearest-tag from docker.io/library/ubuntu:26.04, 112302198 B
            debian:buster-slim: nearest-tag from docker.io/library/debian:bullseye-slim, 81737278 B
        "#]],
    );
}

#[test]
fn no_fallback_without_the_repository_or_the_variant() {
    check(
        &[
            "example.com/team/app:1.2",
            "mycompany/node:20-slim",
            "eclipse-temurin:17",
            "python:3.12-windowsservercore",
            "node:22-slim",
            "scratch",
        ],
        expect![[r#"
            example.com/team/app:1.2: unknown from -, 0 B
            mycompany/node:20-slim: unknown from -, 0 B
            eclipse-temurin:17: unknown from -, 0 B
            python:3.12-windowsservercore: unknown from -, 0 B
            node:22-slim: measured from -, 227340000 B
            scratch: exact from -, 0 B
        "#]],
    );
}

#[test]
fn a_borrowed_size_is_the_other_tags_figures_but_not_its_identity() {
    let near = catalogue::lookup("node:18-slim", None);
    let real = catalogue::lookup("node:20-slim", None);
    assert_eq!((near.uncompressed, near.compressed, &near.layers), (real.uncompressed, real.compressed, &real.layers));
    assert_eq!(near.reference, "docker.io/library/node:18-slim");
    assert!(near.is_known() && !near.is_exact());
    assert_eq!(near.identity, None);
    // A size the user types wins over the borrowed one.
    let typed = catalogue::lookup("node:18-slim", Some(200_000_000));
    assert_eq!((typed.uncompressed, typed.basis, typed.estimated_from), (200_000_000, Basis::User, None));
}

#[test]
fn an_estimate_on_a_borrowed_base_counts_it_but_is_not_complete() {
    let input = BuildInput { dockerfile: "FROM node:18-slim\nRUN echo hi > /a\n".into(), ..Default::default() };
    let (rep, diags) = size::estimate(&input, &SizeOptions::default());
    assert_eq!(rep.image.base.uncompressed, catalogue::lookup("node:20-slim", None).uncompressed);
    assert!(!rep.complete);
    let messages: Vec<String> = diags.iter().map(|d| d.message.en()).collect();
    expect![[r#"
        [
            "base image docker.io/library/node:18-slim is not in the size catalogue: its size is estimated from docker.io/library/node:20-slim",
        ]
    "#]]
    .assert_debug_eq(&messages);
}

#[test]
fn the_comparison_reprices_a_borrowed_base_on_its_own_versions_variants() {
    let input = BuildInput { dockerfile: "FROM node:18-slim\nRUN echo hi > /a\n".into(), ..Default::default() };
    let (options, _) = size::compare_bases(&input, &SizeOptions::default());
    let rows: Vec<String> = options
        .iter()
        .map(|o| {
            format!(
                "{} {}: {}",
                o.reference,
                o.uncompressed,
                o.caveats.iter().map(|c| c.en()).collect::<Vec<_>>().join("; ")
            )
        })
        .collect();
    expect![[r#"
        [
            "docker.io/library/node:18-slim 190937990: base size estimated from node:20-slim, the nearest tag in the catalogue",
            "docker.io/library/node:18 1074423072: base size estimated from node:20, the nearest tag in the catalogue",
            "docker.io/library/node:18-alpine 104888485: musl libc: glibc-only binaries do not run, and pip needs musllinux wheels or builds from source; base size estimated from node:20-alpine, the nearest tag in the catalogue",
            "gcr.io/distroless/nodejs20-debian12:latest 55000003: no shell: 1 RUN instruction(s) cannot run; use it as the final stage of a multi-stage build; base size is a computed or third-party estimate",
        ]
    "#]].assert_debug_eq(&rows);
}

#[test]
fn tags_no_official_image_has_get_no_borrowed_size() {
    check(
        &["eclipse-temurin:17-jre-jammy-alpine", "eclipse-temurin:17-jre-jammy", "node:20-bookworm-slim"],
        expect![[r#"
            eclipse-temurin:17-jre-jammy-alpine: unknown from -, 0 B
            eclipse-temurin:17-jre-jammy: nearest-tag from docker.io/library/eclipse-temurin:17-jre, 312156520 B
            node:20-bookworm-slim: from-ratio from -, 190937987 B
        "#]],
    );
}

/// The fifty bases of `tests/size/common-bases.txt`: how each resolves, and
/// how many resolve to their own catalogue entry (issue 14 asks for 90%).
#[test]
fn the_common_bases_resolve_to_their_own_entries() {
    let path = format!("{}/tests/size/common-bases.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let bases: Vec<&str> = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    assert_eq!(bases.len(), 50, "{path} should list fifty bases");
    let mut out = String::new();
    let mut own = 0;
    for r in &bases {
        let b = catalogue::lookup(r, None);
        let basis = serde_json::to_value(b.basis).unwrap();
        let (low, high) = b.range();
        own += usize::from(b.is_exact());
        let from = b.estimated_from.as_deref().map(|f| format!(" from {f}")).unwrap_or_default();
        let arm = b.arm64_compressed.map(|a| format!(", arm64 {a} B compressed")).unwrap_or_default();
        out += &format!("{r}: {}{from}, {low}..{high} B{arm}\n", basis.as_str().unwrap());
    }
    out += &format!("own entry: {own} of {}\n", bases.len());
    expect_file!["size/common-bases.expect"].assert_eq(&out);
    assert!(own * 10 >= bases.len() * 9, "only {own} of {} bases have their own catalogue entry", bases.len());
}

#[test]
fn tag_aliases_name_the_same_catalogue_entry() {
    check(
        &[
            // Debian's release numbers and Ubuntu's codenames.
            "debian:12-slim",
            "ubuntu:noble",
            // A codename the image is built on.
            "node:22-bookworm-slim",
            "node:20-bookworm",
            // The full version the catalogued tag pointed at.
            "node:20.18.1",
            "alpine:3.21.8",
            // The newest release, tagged both ways.
            "alpine:3.24",
            // Not aliases: another release than the image is built on, and
            // another patch version.
            "node:22-trixie",
            "node:20.18.0",
        ],
        expect![[r#"
            debian:12-slim: from-ratio from -, 76264695 B
            ubuntu:noble: from-ratio from -, 80401807 B
            node:22-bookworm-slim: measured from -, 227340000 B
            node:20-bookworm: from-ratio from -, 1074423069 B
            node:20.18.1: from-ratio from -, 1074423069 B
            alpine:3.21.8: from-ratio from -, 7930831 B
            alpine:3.24: measured from -, 8420000 B
            node:22-trixie: nearest-tag from docker.io/library/node:22, 1103479251 B
            node:20.18.0: nearest-tag from docker.io/library/node:20, 1074423069 B
        "#]],
    );
}
