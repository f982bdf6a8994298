//! Core as the web app ships it: built without `embedded-data`, so the size
//! tables arrive at run time (`size::install_data`). Until then no analysis
//! panics; sizes say the tables are missing, and the other analyses work
//! as before. Then the same bundle the page fetches is installed.
//!
//! Run with `cargo test -p dockerplay-core --no-default-features --test
//! size_data` (scripts/test.sh does); with the default features there is
//! nothing to test here. One test: the tables, once installed, stay.
#![cfg(not(feature = "embedded-data"))]

use dockerplay_core::ide::{self, Lang};
use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lint::{self, CheckOptions};
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_core::syntax;
use expect_test::{expect, Expect};

const DOCKERFILE: &str =
    "FROM python:3.12\nRUN apt-get update && apt-get install -y curl\nRUN pip install flask\nFROM ";

/// What each analysis makes of `DOCKERFILE` now: the size report and its
/// diagnostics, the findings' codes (and the heavy-base rule's message),
/// and how many images completion offers after the last `FROM `.
fn check(expect: Expect) {
    let input = BuildInput { dockerfile: DOCKERFILE.to_string(), target: Some("0".into()), ..Default::default() };
    let (df, _) = syntax::parse(&input.dockerfile);
    let (rep, diags) = size::estimate(&input, &SizeOptions::default());
    let mut out = size::render_text(&df, &rep);
    for d in diags {
        out += &format!("diagnostic: {}: {}\n", d.severity.as_str(), d.message);
    }
    let (findings, _) = lint::check(&input, &CheckOptions::default());
    let codes: Vec<&str> = findings.iter().map(|f| f.code).collect();
    out += &format!("findings: {}\n", codes.join(" "));
    // The heavy-base rule prices the base from the catalogue when it can.
    for f in findings.iter().filter(|f| f.code == "DP209") {
        out += &format!("DP209: {}\n", f.message);
    }
    let images = ide::complete(DOCKERFILE, DOCKERFILE.len(), Lang::En).map_or(0, |c| c.items.len());
    out += &format!("image completions: {images}\n");
    expect.assert_eq(&out);
}

/// The bundle as `scripts/size-data.py` writes it.
fn bundle() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    size::DATA_TABLES
        .iter()
        .map(|name| format!("#@ {name}\n{}", std::fs::read_to_string(format!("{dir}/{name}")).unwrap()))
        .collect()
}

#[test]
fn analyses_work_without_the_tables_and_use_them_once_installed() {
    assert!(!size::data_loaded());
    assert!(!size::data_wanted());
    // Parsing alone needs no tables.
    syntax::parse(DOCKERFILE);
    assert!(!size::data_wanted());
    check(expect![[r#"
        image stage-0: base docker.io/library/python:3.12 [unknown] 0 B (compressed 0 B)
          line 2: 20791473 B (compressed 20791473 B; model)  RUN apt-get update && apt-get install -y curl
            + /etc/ld.so.cache 4523
            + /var/cache/debconf/ 0
            + /var/cache/debconf/templates.dat 753157
            + /var/lib/apt/ 0
            + /var/lib/apt/extended_states 0
            + /var/lib/apt/lists/ 0
            + /var/lib/apt/lists/bookworm_Packages.lz4 19872701
            + /var/lib/dpkg/ 0
            + /var/lib/dpkg/status 78229
            + /var/lib/dpkg/status-old 77129
            + /var/log/apt/ 0
            + /var/log/apt/eipp.log.xz 4500
            + /var/log/apt/history.log 234
            + /var/log/apt/term.log 450
            + /var/log/dpkg.log 550
            + apt:curl 0
          line 3: 0 B (compressed 0 B; model)  RUN pip install flask
            + /root/.cache/ 0
            + /root/.cache/pip/ 0
            + /root/.cache/pip/wheels/ 0
            + /root/.cache/pip/wheels/flask 0
            + /usr/local/lib/python3.12/ 0
            + /usr/local/lib/python3.12/site-packages/ 0
            + /usr/local/lib/python3.12/site-packages/flask 0
          total: 20791473 B (20791473..20791473 B; compressed 20791473 B); layers add 20791473 B (compressed 20791473 B)
        efficiency: 1.0000; wasted: 0 B
        pull at 100 Mbit/s: 20791473 B in 1.66 s; a host with the base skips 0 B: 1.66 s
        unknown: apt:curl = 0 B (default): package curl is not in the shipped Debian table: type its installed size
        unknown: pip:flask = 0 B (default): flask is not in the shipped PyPI table: type what `pip install flask` adds
        complete: false
        other stage stage-1: base  [unknown] 0 B (compressed 0 B)
          total: 0 B (0..0 B; compressed 0 B); layers add 0 B (compressed 0 B)
        diagnostic: info: the size tables are not loaded yet: base images and packages count as unknown
        diagnostic: info: unknown size: package curl is not in the shipped Debian table: type its installed size
        diagnostic: info: unknown size: flask is not in the shipped PyPI table: type what `pip install flask` adds
        findings: DP209 DP309 DP212 DP315 DP308 DP212 DP342 DP313 DP205
        DP209: `python:3.12` is about 1110 MB; `python:3.12-slim` is about 119 MB instead (saves ~991 MB)
        image completions: 0
    "#]]);
    assert!(size::data_wanted(), "the size analysis asked for the tables");

    // A bundle that lacks a table or holds an unknown one is refused, and
    // nothing is installed.
    let full = bundle();
    let without_npm = full[..full.find("#@ npm.tsv").unwrap()].to_string();
    expect![[r#"Err("no table npm.tsv")"#]].assert_eq(&format!("{:?}", size::install_data(without_npm)));
    expect![[r#"Err("unknown table \"extra.tsv\"")"#]]
        .assert_eq(&format!("{:?}", size::install_data(format!("{full}#@ extra.tsv\nx\n"))));
    expect![[r#"Err("the size data does not start with a table")"#]]
        .assert_eq(&format!("{:?}", size::install_data("<html>".into())));
    assert!(!size::data_loaded());

    size::install_data(full).unwrap();
    assert!(size::data_loaded());
    check(expect![[r#"
        image stage-0: base docker.io/library/python:3.12 [measured] 1110000000 B (compressed 410908459 B)
          line 2: 39278834 B (compressed 14543549 B; table, 38970051..39587617 B)  RUN apt-get update && apt-get install -y curl
            + /etc/ld.so.cache 8123
            + /var/cache/debconf/ 0
            + /var/cache/debconf/config.dat 4401
            + /var/cache/debconf/config.dat-old 4401
            + /var/cache/debconf/templates.dat 753157
            + /var/cache/debconf/templates.dat-old 753157
            + /var/lib/apt/extended_states 1740
            + /var/lib/apt/lists/bookworm_Packages.lz4 21679973
            + /var/lib/dpkg/info/ 0
            + /var/lib/dpkg/info/bash-completion.list 92588
            + /var/lib/dpkg/info/ca-certificates.list 70956
            + /var/lib/dpkg/info/curl.list 1061
            + /var/lib/dpkg/info/krb5-locales.list 678
            + /var/lib/dpkg/info/libbrotli1.list 2789
            + /var/lib/dpkg/info/libcom-err2.list 1327
            + /var/lib/dpkg/info/libcurl4t64.list 4588
            + /var/lib/dpkg/info/libffi8.list 2286
            + /var/lib/dpkg/info/libgnutls30t64.list 70210
            + /var/lib/dpkg/info/libgssapi-krb5-2.list 9935
            + /var/lib/dpkg/info/libidn2-0.list 5274
            + /var/lib/dpkg/info/libk5crypto3.list 5632
            + /var/lib/dpkg/info/libkeyutils1.list 2648
            + /var/lib/dpkg/info/libkrb5-3.list 31380
            + /var/lib/dpkg/info/libkrb5support0.list 5807
            + /var/lib/dpkg/info/libldap-common.list 575
            + /var/lib/dpkg/info/libldap2.list 30474
            + /var/lib/dpkg/info/libnghttp2-14.list 9234
            + /var/lib/dpkg/info/libnghttp3-9.list 3853
            + /var/lib/dpkg/info/libp11-kit0.list 5737
            + /var/lib/dpkg/info/libpsl5t64.list 1598
            + /var/lib/dpkg/info/librtmp1.list 3829
            + /var/lib/dpkg/info/libsasl2-2.list 742
            + /var/lib/dpkg/info/libsasl2-modules-db.list 579
            + /var/lib/dpkg/info/libsasl2-modules.list 2773
            + /var/lib/dpkg/info/libssh2-1t64.list 5958
            + /var/lib/dpkg/info/libtasn1-6.list 2542
            + /var/lib/dpkg/info/libunistring5.list 23945
            + /var/lib/dpkg/info/openssl.list 18993
            + /var/lib/dpkg/info/publicsuffix.list 854
            + /var/lib/dpkg/status 102038
            + /var/lib/dpkg/status-old 77129
            + /var/log/apt/ 0
            + /var/log/apt/eipp.log.xz 4500
            + /var/log/apt/history.log 1447
            + /var/log/apt/term.log 13500
            + /var/log/dpkg.log 16500
            + apt:bash-completion 1042599
            + apt:ca-certificates 246849
            + apt:curl 399636
            + apt:krb5-locales 63047
            + apt:libbrotli1 860572
            + apt:libcom-err2 38820
            + apt:libcurl4t64 1005868
            + apt:libffi8 57755
            + apt:libgnutls30t64 2304175
            + apt:libgssapi-krb5-2 409972
            + apt:libidn2-0 209454
            + apt:libk5crypto3 250209
            + apt:libkeyutils1 24615
            + apt:libkrb5-3 1032637
            + apt:libkrb5support0 115276
            + apt:libldap-common 63106
            + apt:libldap2 527631
            + apt:libnghttp2-14 205708
            + apt:libnghttp3-9 182025
            + apt:libp11-kit0 1721288
            + apt:libpsl5t64 78941
            + apt:librtmp1 124982
            + apt:libsasl2-2 133893
            + apt:libsasl2-modules 251145
            + apt:libsasl2-modules-db 55313
            + apt:libssh2-1t64 300463
            + apt:libtasn1-6 91440
            + apt:libunistring5 2100622
            + apt:openssl 1145376
            + apt:publicsuffix 396506
          line 3: 5000721 B (compressed 2273308 B; table, 2870370..6458206 B)  RUN pip install flask
            + /root/.cache/ 0
            + /root/.cache/pip/ 0
            + /root/.cache/pip/wheels/ 0
            + /root/.cache/pip/wheels/flask 670173
            + /usr/local/lib/python3.12/ 0
            + /usr/local/lib/python3.12/site-packages/ 0
            + /usr/local/lib/python3.12/site-packages/flask 4330548
          total: 1154279555 B (1151840421..1156045823 B; compressed 427725316 B); layers add 44279555 B (compressed 16816857 B)
        efficiency: 1.0000; wasted: 0 B
        pull at 100 Mbit/s: 427725316 B in 34.22 s; a host with the base skips 410908459 B: 1.35 s
        complete: true
        other stage stage-1: base  [unknown] 0 B (compressed 0 B)
          total: 0 B (0..0 B; compressed 0 B); layers add 0 B (compressed 0 B)
        diagnostic: warning: base image  is not in the size catalogue: its size counts as 0 until you type one
        findings: DP209 DP309 DP212 DP315 DP308 DP212 DP342 DP313 DP205
        DP209: `python:3.12` is about 1110 MB; `python:3.12-slim` is about 117 MB instead (saves ~993 MB)
        image completions: 48
    "#]]);
}
