//! Messages in the reader's language (issue 16, item 6): every message core
//! declares outside the lint rules has a unique id, and every diagnostic the
//! parser, the build graph, the cache simulation and the size model give
//! renders in Chinese from a registered message with no placeholder left.
//! The snapshots show the Chinese of broken files; update them with
//! `UPDATE_EXPECT=1`.

use dockerplay_core::cache::{self, Reason};
use dockerplay_core::inputs::{BuildInput, CiBuild, Scenario};
use dockerplay_core::message::catalogue;
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_core::{graph, syntax, Diagnostic, Lang, LineIndex};
use expect_test::{expect, Expect};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Whether `t` has a CJK ideograph.
fn has_chinese(t: &str) -> bool {
    t.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
}

/// Every diagnostic of one Dockerfile: parse, graph (default target) and
/// size model.
fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let (df, mut diags) = syntax::parse(text);
    let seconds: Vec<f64> = df.instructions.iter().map(|i| cache::estimate_seconds(i)).collect();
    diags.extend(graph::build_graph(&df, None, &BTreeMap::new(), &seconds).1);
    let input = BuildInput { dockerfile: text.to_string(), ..Default::default() };
    diags.extend(size::estimate_parsed(&df, &input, &SizeOptions::default()).1);
    diags
}

/// Holds a diagnostic to the contract and returns its id: a registered
/// message, every placeholder filled, and Chinese in the Chinese rendering
/// unless the message is neutral (its text is the Dockerfile's own words).
fn assert_translated(d: &Diagnostic, ids: &BTreeSet<&str>, at: &str) -> &'static str {
    let m = &d.message;
    assert!(ids.contains(m.id()), "{at}: {} is not in message::catalogue()", m.id());
    assert!(m.is_complete(), "{at}: {} lacks an argument", m.id());
    let zh = m.render(Lang::Zh);
    let neutral = m.message.en == m.message.zh;
    assert!(neutral || has_chinese(&zh), "{at}: {} renders without Chinese: {zh}", m.id());
    m.id()
}

#[test]
fn every_message_has_a_unique_well_formed_id() {
    let mut seen = BTreeSet::new();
    for m in catalogue() {
        assert!(seen.insert(m.id), "two messages have the id {}", m.id);
        let well_formed = m.id.split('.').count() >= 2
            && m.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
        assert!(well_formed, "id {:?}: use lower-case words, dots and dashes", m.id);
        // Message::new checks the Chinese at compile time; a neutral one has
        // no words to translate.
        assert!(m.en == m.zh || has_chinese(m.zh), "{}", m.id);
    }
    assert!(seen.len() > 130, "the catalogue lost messages: {}", seen.len());
}

/// Every reason a step can have words itself in both languages.
#[test]
fn every_cache_reason_renders_in_chinese() {
    let reasons = dockerplay_core::fixtures::every_reason();
    let ids: BTreeSet<&str> = catalogue().iter().map(|m| m.id).collect();
    for r in &reasons {
        let m = r.msg();
        assert!(ids.contains(m.id()) && m.is_complete(), "{r:?}");
        assert!(has_chinese(&m.render(Lang::Zh)), "{r:?}");
        assert_eq!(m.en(), r.message());
    }
    assert_eq!(
        Reason::UserChanged { from: String::new(), to: "app".into() }.msg().render(Lang::Zh),
        "USER 从 （默认） 改成了 app"
    );
}

/// Every file the tests keep (the BuildKit suite's parser and negative
/// testfiles, the real-world corpus, the graph fixtures) and every cache
/// and size scenario: each diagnostic renders in Chinese, and together they
/// exercise a good share of the messages.
#[test]
fn fixture_diagnostics_render_in_chinese() {
    let ids: BTreeSet<&str> = catalogue().iter().map(|m| m.id).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    for dir in ["upstream/buildkit/parser", "upstream/buildkit/negative"] {
        for e in std::fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
            files.push(e.path().join("Dockerfile"));
        }
    }
    for dir in ["corpus", "graph"] {
        for e in std::fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
            if e.path().extension().is_some_and(|x| x == "Dockerfile") {
                files.push(e.path());
            }
        }
    }
    let mut used = BTreeSet::new();
    let mut count = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        for d in diagnostics(&text) {
            used.insert(assert_translated(&d, &ids, &path.display().to_string()));
            count += 1;
        }
    }
    for dir in ["cache", "size"] {
        for e in std::fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let diags = match dir {
                "cache" => serde_json::from_str::<Scenario>(&text).map(|s| cache::simulate(&s).1),
                _ => serde_json::from_str::<BuildInput>(&text).map(|b| size::estimate(&b, &SizeOptions::default()).1),
            };
            for d in diags.unwrap_or_default() {
                used.insert(assert_translated(&d, &ids, &path.display().to_string()));
                count += 1;
            }
        }
    }
    assert!(files.len() > 80, "the fixture files moved: {} found", files.len());
    assert!(count > 50 && used.len() > 10, "{count} diagnostics from {} messages", used.len());
}

/// Renders every diagnostic of a broken Dockerfile in Chinese.
fn check(text: &str, expect: Expect) {
    let ids: BTreeSet<&str> = catalogue().iter().map(|m| m.id).collect();
    let index = LineIndex::new(text);
    let mut out = String::new();
    for d in diagnostics(text) {
        let id = assert_translated(&d, &ids, text);
        let (l, c) = index.line_col(text, d.span.start);
        out += &format!("{l}:{c} {id}: {}\n", d.message.render(Lang::Zh));
    }
    expect.assert_eq(&out);
}

#[test]
fn parse_errors_in_chinese() {
    check(
        "# escape=x\nFRUM alpine\nFROM alpine AS 1st\nRUN --network=wifi true\nCOPY a\nHEALTHCHECK --retries=many CMD true\nENV\nLABEL =x\nRUN --mount=type=cache true\n",
        expect![[r#"
            1:1 parse.invalid-escape: 转义字符 'x' 无效：只能是 ` 或 \
            2:1 parse.unknown-instruction-typo: 未知指令：FRUM（是不是想写 FROM？）
            3:1 parse.invalid-stage-name: 构建阶段名 "1st" 无效：名字不能以数字开头，也不能含有符号
            4:1 parse.invalid-network: --network 的取值 "wifi" 无效：只能是 default、none 或 host
            5:1 parse.copy-needs-destination: COPY 至少要有两个参数（源路径和目标路径），这里只有 1 个，无法确定复制到哪里
            6:1 parse.healthcheck-retries: HEALTHCHECK：--retries 必须是整数，不能是 "many"
            7:1 parse.at-least-one-argument: ENV 后面至少要有一个参数
            8:1 parse.blank-name: LABEL 的名字不能为空
            9:1 parse.mount-target: --mount=type=cache 必须指定挂载点（target=/路径）
            3:1 graph.blank-base: 基础镜像名（）不能为空
            3:1 size.base-not-in-catalogue: 基础镜像  不在体积目录里：在你填入体积之前按 0 计算
        "#]],
    );
}

#[test]
fn graph_and_expansion_errors_in_chinese() {
    check(
        "ARG V=${X:?}\nFROM ${V} AS build\nFROM Build AS app\nCOPY --from=biuld /a /b\nCOPY --from=later /a /b\nRUN --mount=from=$V,target=/x true\nFROM alpine AS later\nFROM app AS final\n",
        expect![[r#"
            1:5 graph.arg-expand: 无法展开 ARG V：X：该变量不能为空
            2:6 graph.blank-base: 基础镜像名（${V}）不能为空
            3:6 graph.stage-case: `Build` 不是构建阶段 `build`：BuildKit 在 FROM 里按原样（区分大小写）匹配阶段名，所以会把 `Build` 当作镜像去拉取
            4:6 graph.stage-typo: `biuld` 不是构建阶段名，BuildKit 会把它当作镜像拉取；是不是想写构建阶段 `build`？
            6:5 graph.mount-from-variable: `from=$V` 不会被展开：BuildKit 会把它原样当作镜像名，而这不是合法的镜像名；请改为引用一个构建阶段，在那个阶段的 FROM 里使用全局 ARG
            5:6 graph.copy-later-stage: 不能从构建阶段 "later" 复制：它必须定义在当前构建阶段 "app" 之前
            2:1 size.base-not-in-catalogue: 基础镜像 ${X:?} 不在体积目录里：在你填入体积之前按 0 计算
            4:1 size.unknown: 体积未知：COPY --from=biuld 读取的镜像在体积目录里没有文件信息：请填入它复制的字节数
            5:1 size.unknown: 体积未知：COPY --from=later 读取的镜像在体积目录里没有文件信息：请填入它复制的字节数
        "#]],
    );
}

/// CI options a build cannot use, wrapped in the build they belong to.
#[test]
fn cache_diagnostics_in_chinese() {
    let scenario = Scenario {
        builds: vec![BuildInput {
            dockerfile: "FROM alpine\nCOPY missing.txt /\n".into(),
            target: Some("nowhere".into()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let ci = vec![CiBuild {
        cache_from: vec!["type=ftp".into(), "type=registry,ref=cache".into()],
        cache_to: vec!["type=inline,mode=max".into()],
        ..Default::default()
    }];
    let (_, diags) = cache::simulate_ci(&scenario, &ci, &cache::Options::default());
    let ids: BTreeSet<&str> = catalogue().iter().map(|m| m.id).collect();
    let out: String = diags
        .iter()
        .map(|d| format!("{}: {}\n", assert_translated(d, &ids, "ci"), d.message.render(Lang::Zh)))
        .collect();
    expect![[r#"
        cache.in-build: 第 1 次构建：cache_from[0]: type 只能是 registry、local、gha、inline、s3 或 azblob，不能是 "ftp"
        cache.in-build: 第 1 次构建：registry:docker.io/library/cache:latest 里还没有任何缓存
        cache.in-build: 第 1 次构建：inline 缓存只有 min 模式：mode=max 不起作用
        cache.in-build: 第 1 次构建：type=inline 把缓存写进推送的镜像，可这次构建没有推送任何镜像
        cache.in-build: 第 1 次构建：找不到目标构建阶段 "nowhere"
        cache.in-build: 第 1 次构建："missing.txt" 不在构建上下文里（已按 .dockerignore 排除）
    "#]]
    .assert_eq(&out);
}
