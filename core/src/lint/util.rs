//! Small helpers several rules share: "did you mean" suggestions, image
//! references and platforms. Variable references are read by the one
//! expander, `crate::shell::expand::var_refs`.

/// The closest of `options` to `word`, if close enough to be a likely
/// typo: a different case, or an edit distance below 3, as BuildKit's
/// util/suggest Search (`mindist := 3`) finds them.
pub fn suggest<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for o in options {
        if o == word {
            continue;
        }
        let d = if o.eq_ignore_ascii_case(word) {
            0
        } else {
            levenshtein(&word.to_ascii_lowercase(), &o.to_ascii_lowercase())
        };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, o));
        }
    }
    best.filter(|(d, _)| *d < 3).map(|(_, o)| o.to_string())
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Is `s` a valid image reference (`[domain[:port]/]path[:tag][@digest]`),
/// as distribution/reference's ParseNormalizedNamed accepts it?
pub fn is_valid_image_ref(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    let (rest, digest) = match s.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (s, None),
    };
    if let Some(d) = digest {
        let Some((algo, hex)) = d.split_once(':') else { return false };
        if algo.is_empty() || hex.len() < 32 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return false;
        }
    }
    // A tag follows the last `:` after the last `/`.
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match rest[last_slash..].rfind(':') {
        Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
        None => (rest, None),
    };
    if let Some(t) = tag {
        let ok = !t.is_empty()
            && t.len() <= 128
            && t.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
            && t.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'));
        if !ok {
            return false;
        }
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    if parts.len() > 1 {
        let first = parts[0];
        if first.contains('.') || first.contains(':') || first == "localhost" {
            let (host, port) = match first.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (first, None),
            };
            if host.is_empty() || !host.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-') {
                return false;
            }
            if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit())) {
                return false;
            }
            parts.remove(0);
        }
    }
    !parts.is_empty() && parts.iter().all(|p| is_path_component(p))
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`
fn is_path_component(p: &str) -> bool {
    let b = p.as_bytes();
    if b.is_empty() || !b[0].is_ascii_lowercase() && !b[0].is_ascii_digit() {
        return false;
    }
    if !b[b.len() - 1].is_ascii_lowercase() && !b[b.len() - 1].is_ascii_digit() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let sep_start = i;
        while i < b.len() && !(b[i].is_ascii_lowercase() || b[i].is_ascii_digit()) {
            i += 1;
        }
        let sep = &p[sep_start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|c| c == b'-');
        if !ok {
            return false;
        }
    }
    true
}

/// Image name, tag and digest of a reference (`None` tag when absent).
pub fn split_image(image: &str) -> (&str, Option<&str>, Option<&str>) {
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (image, None),
    };
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    match rest[last_slash..].rfind(':') {
        Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..]), digest),
        None => (rest, None, digest),
    }
}

/// Operating systems and architectures containerd's `platforms.Parse`
/// knows, enough to tell a platform string from a typo.
pub const KNOWN_OS: [&str; 9] =
    ["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "wasip1"];
pub const KNOWN_ARCH: [&str; 15] = [
    "amd64", "arm64", "arm", "386", "ppc64le", "ppc64", "s390x", "riscv64", "mips64le", "mips64", "mipsle", "mips",
    "loong64", "x86_64", "aarch64",
];

/// A constant platform's (os, architecture), if it parses.
pub fn parse_platform(s: &str) -> Option<(String, String)> {
    let parts: Vec<String> = s.split('/').map(|p| p.trim().to_ascii_lowercase()).collect();
    match parts.as_slice() {
        [one] if KNOWN_OS.contains(&one.as_str()) => Some((one.clone(), String::new())),
        [one] if KNOWN_ARCH.contains(&one.as_str()) => Some(("linux".into(), normalise_arch(one))),
        [os, arch, ..] if KNOWN_OS.contains(&os.as_str()) && KNOWN_ARCH.contains(&arch.as_str()) => {
            Some((os.clone(), normalise_arch(arch)))
        }
        _ => None,
    }
}

fn normalise_arch(a: &str) -> String {
    match a {
        "x86_64" => "amd64".into(),
        "aarch64" => "arm64".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references() {
        let valid = [
            "alpine",
            "alpine:3.20",
            "library/alpine",
            "ghcr.io/a/b:1.0",
            "localhost:5000/x",
            "a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "my-repo/my__img",
        ];
        let invalid = ["", ":3.20", "Alpine", "alpine:", "a//b", "-x", "alpine:-bad"];
        for v in valid {
            assert!(is_valid_image_ref(v), "{v}");
        }
        for v in invalid {
            assert!(!is_valid_image_ref(v), "{v}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("VERSOIN", ["VERSION", "NAME"]), Some("VERSION".into()));
        assert_eq!(suggest("XYZ", ["VERSION"]), None);
    }
}
