//! Generated inputs for benchmarks, shared by the native and the in-browser
//! runs so that both measure the same text, and inputs several test suites
//! share (every cache reason). Nothing in the app calls this,
//! so it adds nothing to the shipped wasm.

/// A Dockerfile of exactly `n` instructions mixing every common kind,
/// continuations and heredocs included, so the figure reflects real files.
pub fn big_dockerfile(n: usize) -> String {
    let mut out = String::from("# syntax=docker/dockerfile:1\nARG BASE=debian:bookworm\n");
    let mut stage = 0;
    for count in 1..n {
        match (count - 1) % 10 {
            0 => {
                out.push_str(&format!("FROM ${{BASE}} AS s{stage}\n"));
                stage += 1;
            }
            1 => out.push_str("WORKDIR /app\n"),
            2 => out.push_str("COPY --link --chown=1000:1000 package*.json ./\n"),
            3 => out.push_str(
                "RUN --mount=type=cache,target=/root/.npm \\\n    npm ci \\\n    # comment\n    && npm run build\n",
            ),
            4 => out.push_str("ENV NODE_ENV=production PORT=8080\n"),
            5 => out
                .push_str("RUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n"),
            6 => out.push_str("LABEL org.opencontainers.image.title=\"demo\"\n"),
            7 => out.push_str("COPY --from=s0 /app/dist /srv\n"),
            8 => out.push_str("EXPOSE 8080/tcp\n"),
            _ => out.push_str("CMD [\"node\", \"server.js\"]\n"),
        }
    }
    out
}

/// Every cache `Reason`, each field filled in (with non-empty text, but
/// for a `UserChanged` from the default user), for the tests that hold
/// every reason to its words in both languages (core's and the page's).
pub fn every_reason() -> Vec<crate::cache::Reason> {
    use crate::cache::Reason as R;
    let s = || "x".to_string();
    vec![
        R::FirstBuild,
        R::Cached { build: 2 },
        R::SameAs { line: 3 },
        R::ParentMissed { line: 3 },
        R::BaseChanged { image: s() },
        R::NewBase { image: s() },
        R::CommandChanged,
        R::HeredocChanged,
        R::EnvChanged { name: s() },
        R::ArgChanged { name: s() },
        R::WorkdirChanged { from: s(), to: s() },
        R::UserChanged { from: String::new(), to: s() },
        R::ShellChanged,
        R::NetworkChanged,
        R::SecurityChanged,
        R::MountChanged { target: s() },
        R::FileChanged { path: s() },
        R::FileAdded { path: s() },
        R::FileRemoved { path: s() },
        R::FileRenamed { from: s(), to: s() },
        R::ModeChanged { path: s() },
        R::SourceChanged { from: s() },
        R::UpstreamRan { from: s() },
        R::DestChanged,
        R::OptionsChanged,
        R::SourcesChanged,
        R::NewStep,
        R::Remote,
        R::Metadata,
        R::Scratch,
        R::InheritsStage { stage: s() },
        R::RootWorkdir,
        R::GlobalArg,
        R::NotNeeded { target: s() },
        R::Invalid,
        R::Imported { from: s() },
        R::NoLayers { from: s() },
        R::EmptyCache,
        R::IgnoreCache,
        R::Unneeded,
    ]
}
