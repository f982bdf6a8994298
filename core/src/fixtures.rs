//! Generated inputs for benchmarks, shared by the native and the in-browser
//! runs so that both measure the same text. Nothing in the app calls this,
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
