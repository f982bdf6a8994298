//! Image references as Docker normalises them, so that `python`,
//! `library/python` and `docker.io/library/python:latest` name one image.
//!
//! Rules from distribution/reference (`normalize.go` `ParseNormalizedNamed`,
//! `splitDockerDomain`, and `TagNameOnly`): the first path component is a
//! registry only when it contains `.` or `:` or is `localhost`; otherwise the
//! registry is `docker.io`, and single-component Docker Hub names live under
//! `library/`. A reference with neither tag nor digest gets `:latest`.

use serde::Serialize;

/// Docker Hub, as normalised references spell it.
pub const DEFAULT_DOMAIN: &str = "docker.io";
const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
const OFFICIAL_REPO_PREFIX: &str = "library/";

/// A parsed, normalised image reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ImageRef {
    /// Registry host, with port if one was given (`docker.io`, `localhost:5000`).
    pub domain: String,
    /// Repository path inside the registry (`library/python`, `user/img`).
    pub path: String,
    /// `None` when the reference pins a digest and names no tag.
    pub tag: Option<String>,
    /// `sha256:<hex>` when the reference pins one.
    pub digest: Option<String>,
}

impl ImageRef {
    /// `domain/path`, without tag or digest.
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// The familiar short form Docker prints (`python:3.12`, `user/img:latest`).
    pub fn familiar(&self) -> String {
        let mut name = self.name();
        if self.domain == DEFAULT_DOMAIN {
            name = self.path.strip_prefix(OFFICIAL_REPO_PREFIX).unwrap_or(&self.path).to_string();
        }
        name + &self.suffix()
    }

    fn suffix(&self) -> String {
        let mut s = String::new();
        if let Some(tag) = &self.tag {
            s.push(':');
            s.push_str(tag);
        }
        if let Some(digest) = &self.digest {
            s.push('@');
            s.push_str(digest);
        }
        s
    }
}

impl std::fmt::Display for ImageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.name(), self.suffix())
    }
}

/// Parses and normalises a reference. The error says what is wrong, in the
/// words of Docker's own messages where there is one.
pub fn parse(reference: &str) -> Result<ImageRef, String> {
    let r = reference.trim();
    if r.is_empty() {
        return Err("empty image reference".into());
    }
    let (rest, digest) = match r.split_once('@') {
        Some((rest, digest)) => {
            check_digest(digest)?;
            (rest, Some(digest.to_string()))
        }
        None => (r, None),
    };
    // A tag is the part after the last `:` that is not followed by a `/`
    // (a `:` before a `/` is a registry port).
    let (name, tag) = match rest.rfind(':') {
        Some(i) if !rest[i + 1..].contains('/') => (&rest[..i], Some(rest[i + 1..].to_string())),
        _ => (rest, None),
    };
    if let Some(tag) = &tag {
        check_tag(tag)?;
    }
    let (domain, path) = split_domain(name);
    check_path(&path, reference)?;
    if domain.is_empty()
        || domain.chars().any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')))
    {
        return Err(format!("invalid registry in reference \"{reference}\""));
    }
    let tag = if tag.is_none() && digest.is_none() { Some("latest".to_string()) } else { tag };
    Ok(ImageRef { domain, path, tag, digest })
}

/// The fully qualified form (`python` becomes
/// `docker.io/library/python:latest`). `scratch` stays `scratch`, and a
/// reference that does not parse is returned trimmed and unchanged, so the
/// result is always usable as an identity.
pub fn normalize(reference: &str) -> String {
    let r = reference.trim();
    if r.eq_ignore_ascii_case("scratch") {
        return "scratch".to_string();
    }
    parse(r).map(|p| p.to_string()).unwrap_or_else(|_| r.to_string())
}

/// distribution/reference `splitDockerDomain`.
fn split_domain(name: &str) -> (String, String) {
    let (mut domain, mut path) = match name.split_once('/') {
        Some((first, rest)) if first.contains('.') || first.contains(':') || first == "localhost" => {
            (first.to_string(), rest.to_string())
        }
        _ => (DEFAULT_DOMAIN.to_string(), name.to_string()),
    };
    if domain == LEGACY_DEFAULT_DOMAIN {
        domain = DEFAULT_DOMAIN.to_string();
    }
    if domain == DEFAULT_DOMAIN && !path.contains('/') {
        path = format!("{OFFICIAL_REPO_PREFIX}{path}");
    }
    (domain, path)
}

/// Path components are lower-case alphanumerics joined by `.`, `_`, `__`
/// or runs of `-` (distribution/reference `regexp.go` `pathComponent`).
fn check_path(path: &str, reference: &str) -> Result<(), String> {
    if path.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("invalid reference format: repository name (\"{path}\") must be lowercase"));
    }
    let ok = path.split('/').all(|component| {
        let bytes = component.as_bytes();
        !bytes.is_empty()
            && bytes[0].is_ascii_alphanumeric()
            && bytes[bytes.len() - 1].is_ascii_alphanumeric()
            && bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
    });
    if ok {
        Ok(())
    } else {
        Err(format!("invalid reference format: \"{reference}\""))
    }
}

/// Tags are `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
fn check_tag(tag: &str) -> Result<(), String> {
    let bytes = tag.as_bytes();
    let ok = !bytes.is_empty()
        && bytes.len() <= 128
        && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_')
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(format!("invalid tag \"{tag}\""))
    }
}

/// Digests are `algorithm:hex`; only sha256 (64 hex digits) is checked closely.
fn check_digest(digest: &str) -> Result<(), String> {
    let ok = match digest.split_once(':') {
        Some(("sha256", hex)) => {
            hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        }
        Some((alg, hex)) => !alg.is_empty() && hex.len() >= 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("invalid digest \"{digest}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(input: &str, expect: Expect) {
        let parsed = match parse(input) {
            Ok(r) => format!("{r}  familiar={}", r.familiar()),
            Err(e) => format!("error: {e}"),
        };
        expect.assert_eq(&format!("{}\n{parsed}", normalize(input)));
    }

    #[test]
    fn official_image() {
        check(
            "python",
            expect![[r#"
            docker.io/library/python:latest
            docker.io/library/python:latest  familiar=python:latest"#]],
        );
        check(
            "python:3.12-slim",
            expect![[r#"
            docker.io/library/python:3.12-slim
            docker.io/library/python:3.12-slim  familiar=python:3.12-slim"#]],
        );
        check(
            "library/python",
            expect![[r#"
            docker.io/library/python:latest
            docker.io/library/python:latest  familiar=python:latest"#]],
        );
        check(
            "index.docker.io/library/python:3",
            expect![[r#"
            docker.io/library/python:3
            docker.io/library/python:3  familiar=python:3"#]],
        );
    }

    #[test]
    fn user_images_and_registries() {
        check(
            "user/img",
            expect![[r#"
            docker.io/user/img:latest
            docker.io/user/img:latest  familiar=user/img:latest"#]],
        );
        check(
            "ghcr.io/owner/repo/sub:v1",
            expect![[r#"
            ghcr.io/owner/repo/sub:v1
            ghcr.io/owner/repo/sub:v1  familiar=ghcr.io/owner/repo/sub:v1"#]],
        );
        check(
            "localhost:5000/app",
            expect![[r#"
            localhost:5000/app:latest
            localhost:5000/app:latest  familiar=localhost:5000/app:latest"#]],
        );
        check(
            "localhost/app:dev",
            expect![[r#"
            localhost/app:dev
            localhost/app:dev  familiar=localhost/app:dev"#]],
        );
        // Without a dot, colon or `localhost`, the first component is a Hub user.
        check(
            "myregistry/app",
            expect![[r#"
            docker.io/myregistry/app:latest
            docker.io/myregistry/app:latest  familiar=myregistry/app:latest"#]],
        );
    }

    #[test]
    fn digests() {
        let hex = "a".repeat(64);
        check(
            &format!("alpine@sha256:{hex}"),
            expect![[r#"
            docker.io/library/alpine@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            docker.io/library/alpine@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  familiar=alpine@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"#]],
        );
        check(
            &format!("alpine:3.20@sha256:{hex}"),
            expect![[r#"
            docker.io/library/alpine:3.20@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            docker.io/library/alpine:3.20@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  familiar=alpine:3.20@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"#]],
        );
        check(
            "alpine@sha256:abc",
            expect![[r#"
            alpine@sha256:abc
            error: invalid digest "sha256:abc""#]],
        );
    }

    #[test]
    fn scratch_and_invalid() {
        check(
            "scratch",
            expect![[r#"
            scratch
            docker.io/library/scratch:latest  familiar=scratch:latest"#]],
        );
        check(
            "Python",
            expect![[r#"
            Python
            error: invalid reference format: repository name ("library/Python") must be lowercase"#]],
        );
        check(
            "",
            expect![[r#"

            error: empty image reference"#]],
        );
        check(
            "a:b:c",
            expect![[r#"
            a:b:c
            error: invalid reference format: "a:b:c""#]],
        );
    }
}
