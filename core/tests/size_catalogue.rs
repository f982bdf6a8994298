//! The catalogue's fallback for tags it lacks: a tag of a known repository
//! is priced as the closest catalogued tag with the same variant, says so,
//! and leaves the estimate incomplete.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, catalogue, Basis, SizeOptions};
use expect_test::{expect, Expect};

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
            "node:20-slim",
            "node:20",
            "node:20-alpine3.19",
            "python:3.11-slim",
            "python:3.9",
            "eclipse-temurin:17-jre-alpine",
            "ubuntu:20.04",
            // A codename suffix is the same image family as the plain variant.
            "python:3.12-slim-bookworm",
            // Versions of repositories catalogued only as `latest` or `alpine`.
            "alpine:3.20",
            "golang:1.22",
            "golang:1.22-alpine",
            "nginx:1.27-alpine",
            // An unversioned tag the catalogue lacks takes the newest version.
            "ubuntu",
            "debian:bullseye-slim",
        ],
        expect![[r#"
            node:20-slim: nearest-tag from docker.io/library/node:22-slim, 227340000 B
            node:20: nearest-tag from docker.io/library/node:22, 1103479251 B
            node:20-alpine3.19: nearest-tag from docker.io/library/node:22-alpine, 132757331 B
            python:3.11-slim: nearest-tag from docker.io/library/python:3.12-slim, 116663807 B
            python:3.9: nearest-tag from docker.io/library/python:3.12, 1110000000 B
            eclipse-temurin:17-jre-alpine: nearest-tag from docker.io/library/eclipse-temurin:21-jre-alpine, 162030392 B
            ubuntu:20.04: nearest-tag from docker.io/library/ubuntu:22.04, 80327253 B
            python:3.12-slim-bookworm: nearest-tag from docker.io/library/python:3.12-slim, 116663807 B
            alpine:3.20: nearest-tag from docker.io/library/alpine:latest, 8420000 B
            golang:1.22: nearest-tag from docker.io/library/golang:latest, 843631009 B
            golang:1.22-alpine: nearest-tag from docker.io/library/golang:alpine, 164410737 B
            nginx:1.27-alpine: nearest-tag from docker.io/library/nginx:alpine, 57546470 B
            ubuntu: nearest-tag from docker.io/library/ubuntu:26.04, 112302198 B
            debian:bullseye-slim: nearest-tag from docker.io/library/debian:bookworm-slim, 76264695 B
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
    let near = catalogue::lookup("node:20-slim", None);
    let real = catalogue::lookup("node:22-slim", None);
    assert_eq!((near.uncompressed, near.compressed, &near.layers), (real.uncompressed, real.compressed, &real.layers));
    assert_eq!(near.reference, "docker.io/library/node:20-slim");
    assert!(near.is_known() && !near.is_exact());
    assert_eq!(near.identity, None);
    // A size the user types wins over the borrowed one.
    let typed = catalogue::lookup("node:20-slim", Some(200_000_000));
    assert_eq!((typed.uncompressed, typed.basis, typed.estimated_from), (200_000_000, Basis::User, None));
}

#[test]
fn an_estimate_on_a_borrowed_base_counts_it_but_is_not_complete() {
    let input = BuildInput { dockerfile: "FROM node:20-slim\nRUN echo hi > /a\n".into(), ..Default::default() };
    let (rep, diags) = size::estimate(&input, &SizeOptions::default());
    assert_eq!(rep.image.base.uncompressed, catalogue::lookup("node:22-slim", None).uncompressed);
    assert!(!rep.complete);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    expect![[r#"
        [
            "base image docker.io/library/node:20-slim is not in the size catalogue: its size is estimated from docker.io/library/node:22-slim",
        ]
    "#]]
    .assert_debug_eq(&messages);
}

#[test]
fn the_comparison_reprices_a_borrowed_base_on_its_own_versions_variants() {
    let input = BuildInput { dockerfile: "FROM node:20-slim\nRUN echo hi > /a\n".into(), ..Default::default() };
    let (options, _) = size::compare_bases(&input, &SizeOptions::default());
    let rows: Vec<String> =
        options.iter().map(|o| format!("{} {}: {}", o.reference, o.uncompressed, o.caveats.join("; "))).collect();
    expect![[r#"
        [
            "docker.io/library/node:20-slim 227340003: base size estimated from node:22-slim, the nearest tag in the catalogue",
            "docker.io/library/node:20 1103479254: base size estimated from node:22, the nearest tag in the catalogue",
            "docker.io/library/node:20-alpine 132757334: musl libc: glibc-only binaries do not run, and pip needs musllinux wheels or builds from source; base size estimated from node:22-alpine, the nearest tag in the catalogue",
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
            node:20-bookworm-slim: nearest-tag from docker.io/library/node:22-slim, 227340000 B
        "#]],
    );
}
