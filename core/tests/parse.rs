//! Parser fixtures: each case is a small Dockerfile and a snapshot of what
//! the parser makes of it. Update the snapshots with `UPDATE_EXPECT=1`.

use dockerplay_core::syntax::{self, Args, CommandForm, Instruction};
use dockerplay_core::LineIndex;
use expect_test::{expect, Expect};

/// Renders instructions, stages and diagnostics compactly, one per line.
fn render(text: &str) -> String {
    let (df, diags) = syntax::parse(text);
    let index = LineIndex::new(text);
    let mut out = String::new();
    if let Some(d) = &df.directives.syntax {
        out.push_str(&format!("syntax={}\n", d.value));
    }
    if df.escape != '\\' {
        out.push_str(&format!("escape={}\n", df.escape));
    }
    if let Some(d) = &df.directives.check {
        out.push_str(&format!("check={}\n", d.value));
    }
    for s in &df.stages {
        let base_stage = s.base_stage.map(|b| format!(" (stage {b})")).unwrap_or_default();
        out.push_str(&format!(
            "stage {} {:?} from {:?} -> {:?}{base_stage}\n",
            s.index,
            s.display_name(),
            s.base,
            s.base_expanded
        ));
    }
    for i in &df.instructions {
        out.push_str(&render_instruction(i));
    }
    for d in &diags {
        let (l, c) = index.line_col(text, d.span.start);
        out.push_str(&format!("{} {l}:{c}: {}\n", d.severity.as_str(), d.message));
        // Every fixture's diagnostic also reads in Chinese, fully filled in.
        let zh = d.message.render(dockerplay_core::Lang::Zh);
        let neutral = d.message.message.en == d.message.message.zh;
        assert!(d.message.is_complete(), "{} lacks an argument", d.message.id());
        assert!(neutral || zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
    }
    out
}

fn render_instruction(i: &Instruction) -> String {
    let stage = i.stage.map_or("-".to_string(), |s| s.to_string());
    let mut out = format!("{}-{} [{stage}] {} {:?}", i.line, i.end_line, i.keyword.as_str(), i.command);
    for f in &i.flags {
        out.push_str(&format!(" --{}{}", f.name, f.value.as_ref().map(|v| format!("={v}")).unwrap_or_default()));
    }
    out.push('\n');
    let args = match &i.args {
        Args::Run(r) => {
            let mut s = form(&r.command);
            for m in &r.mounts {
                s.push_str(&format!(" mount({:?} target={:?} source={:?} from={:?} id={:?} sharing={:?} mode={:?} uid={:?} gid={:?} ro={} required={})", m.kind, m.target, m.source, m.from, m.id, m.sharing, m.mode, m.uid, m.gid, m.readonly, m.required));
            }
            if let Some(n) = &r.network {
                s.push_str(&format!(" network={n}"));
            }
            if let Some(n) = &r.security {
                s.push_str(&format!(" security={n}"));
            }
            s
        }
        Args::Cmd(f) | Args::Entrypoint(f) => form(f),
        Args::Copy(c) | Args::Add(c) => format!(
            "sources={:?} dest={:?}{}{}{}{}{}{}{}{}{}",
            c.sources.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
            c.dest.text,
            c.from.as_ref().map(|v| format!(" from={v}")).unwrap_or_default(),
            c.chown.as_ref().map(|v| format!(" chown={v}")).unwrap_or_default(),
            c.chmod.as_ref().map(|v| format!(" chmod={v}")).unwrap_or_default(),
            if c.link { " link" } else { "" },
            if c.parents { " parents" } else { "" },
            if c.exclude.is_empty() { String::new() } else { format!(" exclude={:?}", c.exclude) },
            c.checksum.as_ref().map(|v| format!(" checksum={v}")).unwrap_or_default(),
            if c.keep_git_dir { " keep-git-dir" } else { "" },
            if c.json { " json" } else { "" },
        ),
        Args::Env { pairs, legacy } | Args::Label { pairs, legacy } => {
            let kv: Vec<String> = pairs.iter().map(|p| format!("{}={}", p.key, p.value)).collect();
            format!("{}{}", kv.join(" | "), if *legacy { " (legacy)" } else { "" })
        }
        Args::Arg(decls) => decls
            .iter()
            .map(|d| format!("{}{}", d.name, d.default.as_ref().map(|v| format!("={v}")).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(" | "),
        Args::From(f) => {
            format!("image={:?} name={:?} platform={:?}", f.image.text, f.name.as_ref().map(|n| &n.text), f.platform)
        }
        Args::Shell(v) => format!("shell={v:?}"),
        Args::Expose(w) | Args::Volume(w) => format!("{:?}", w.iter().map(|w| w.text.as_str()).collect::<Vec<_>>()),
        Args::User(w) | Args::Workdir(w) | Args::Stopsignal(w) => format!("{:?}", w.text),
        Args::Maintainer(m) => format!("{m:?}"),
        Args::Healthcheck(h) => format!(
            "{} interval={:?} timeout={:?} start_period={:?} start_interval={:?} retries={:?}",
            h.command.as_ref().map_or("NONE".to_string(), form),
            h.interval,
            h.timeout,
            h.start_period,
            h.start_interval,
            h.retries
        ),
        Args::Onbuild(inner) => format!("trigger: {}", render_instruction(inner).trim_end().replace('\n', " / ")),
        Args::Invalid => "INVALID".to_string(),
    };
    out.push_str(&format!("    {args}\n"));
    for h in &i.heredocs {
        out.push_str(&format!(
            "    heredoc {:?} expand={} chomp={} content={:?}\n",
            h.name, h.expand, h.chomp, h.content
        ));
    }
    out
}

fn form(f: &CommandForm) -> String {
    match f {
        CommandForm::Shell(s) => format!("shell {s:?}"),
        CommandForm::Exec(v) => format!("exec {v:?}"),
    }
}

fn check(input: &str, expect: Expect) {
    expect.assert_eq(&render(input));
}

#[test]
fn every_instruction_in_any_case() {
    check(
        r#"from alpine:3.20 As base
Run echo hi
cmd echo run
LABEL a=b
MAINTAINER someone
EXPOSE 80/tcp 53/udp
ENV X=1
ADD a.tar /x/
COPY a /a
ENTRYPOINT ["/bin/app"]
VOLUME /data /logs
USER app:app
WORKDIR /srv
ARG V=2
ONBUILD COPY . /src
STOPSIGNAL SIGTERM
HEALTHCHECK NONE
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
"#,
        expect![[r#"
            stage 0 "base" from "alpine:3.20" -> "alpine:3.20"
            1-1 [0] FROM "alpine:3.20 As base"
                image="alpine:3.20" name=Some("base") platform=None
            2-2 [0] RUN "echo hi"
                shell "echo hi"
            3-3 [0] CMD "echo run"
                shell "echo run"
            4-4 [0] LABEL "a=b"
                a=b
            5-5 [0] MAINTAINER "someone"
                "someone"
            6-6 [0] EXPOSE "80/tcp 53/udp"
                ["80/tcp", "53/udp"]
            7-7 [0] ENV "X=1"
                X=1
            8-8 [0] ADD "a.tar /x/"
                sources=["a.tar"] dest="/x/"
            9-9 [0] COPY "a /a"
                sources=["a"] dest="/a"
            10-10 [0] ENTRYPOINT "[\"/bin/app\"]"
                exec ["/bin/app"]
            11-11 [0] VOLUME "/data /logs"
                ["/data", "/logs"]
            12-12 [0] USER "app:app"
                "app:app"
            13-13 [0] WORKDIR "/srv"
                "/srv"
            14-14 [0] ARG "V=2"
                V=2
            15-15 [0] ONBUILD "COPY . /src"
                trigger: 15-15 [-] COPY ". /src" /     sources=["."] dest="/src"
            16-16 [0] STOPSIGNAL "SIGTERM"
                "SIGTERM"
            17-17 [0] HEALTHCHECK "NONE"
                NONE interval=None timeout=None start_period=None start_interval=None retries=None
            18-18 [0] SHELL "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"
                shell=["/bin/bash", "-o", "pipefail", "-c"]
        "#]],
    );
}

#[test]
fn from_platform_and_stage_names() {
    check(
        r#"ARG GO=1.22
FROM --platform=$BUILDPLATFORM golang:${GO} AS Builder
FROM builder AS test
FROM scratch
COPY --from=0 /a /a
COPY --from=Builder /b /b
FROM 1
"#,
        expect![[r#"
            stage 0 "builder" from "golang:${GO}" -> "golang:1.22"
            stage 1 "test" from "builder" -> "builder" (stage 0)
            stage 2 "stage-2" from "scratch" -> "scratch"
            stage 3 "stage-3" from "1" -> "1"
            1-1 [-] ARG "GO=1.22"
                GO=1.22
            2-2 [0] FROM "golang:${GO} AS Builder" --platform=$BUILDPLATFORM
                image="golang:${GO}" name=Some("Builder") platform=Some("$BUILDPLATFORM")
            3-3 [1] FROM "builder AS test"
                image="builder" name=Some("test") platform=None
            4-4 [2] FROM "scratch"
                image="scratch" name=None platform=None
            5-5 [2] COPY "/a /a" --from=0
                sources=["/a"] dest="/a" from=0
            6-6 [2] COPY "/b /b" --from=Builder
                sources=["/b"] dest="/b" from=Builder
            7-7 [3] FROM "1"
                image="1" name=None platform=None
        "#]],
    );
}

#[test]
fn run_mounts_network_security() {
    check(
        r#"FROM alpine
RUN --mount=type=cache,target=/var/cache/apk,id=apk,sharing=locked,mode=0755,uid=0,gid=0 apk add git
RUN --mount=type=bind,source=go.mod,target=/src/go.mod,from=deps,ro go mod download
RUN --mount=type=tmpfs,target=/tmp,size=64m true
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci
RUN --mount=type=ssh,id=default git clone git@example.com:x.git
RUN --mount=type=secret,id=TOKEN,env=TOKEN ./use-token
RUN --network=none --security=insecure make test
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-2 [0] RUN "apk add git" --mount=type=cache,target=/var/cache/apk,id=apk,sharing=locked,mode=0755,uid=0,gid=0
                shell "apk add git" mount(Cache target=Some("/var/cache/apk") source=None from=None id=Some("apk") sharing=Some("locked") mode=Some("0755") uid=Some("0") gid=Some("0") ro=false required=false)
            3-3 [0] RUN "go mod download" --mount=type=bind,source=go.mod,target=/src/go.mod,from=deps,ro
                shell "go mod download" mount(Bind target=Some("/src/go.mod") source=Some("go.mod") from=Some("deps") id=None sharing=None mode=None uid=None gid=None ro=true required=false)
            4-4 [0] RUN "true" --mount=type=tmpfs,target=/tmp,size=64m
                shell "true" mount(Tmpfs target=Some("/tmp") source=None from=None id=None sharing=None mode=None uid=None gid=None ro=false required=false)
            5-5 [0] RUN "npm ci" --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true
                shell "npm ci" mount(Secret target=Some("/root/.npmrc") source=None from=None id=Some("npmrc") sharing=None mode=None uid=None gid=None ro=false required=true)
            6-6 [0] RUN "git clone git@example.com:x.git" --mount=type=ssh,id=default
                shell "git clone git@example.com:x.git" mount(Ssh target=None source=None from=None id=Some("default") sharing=None mode=None uid=None gid=None ro=false required=false)
            7-7 [0] RUN "./use-token" --mount=type=secret,id=TOKEN,env=TOKEN
                shell "./use-token" mount(Secret target=None source=None from=None id=Some("TOKEN") sharing=None mode=None uid=None gid=None ro=false required=false)
            8-8 [0] RUN "make test" --network=none --security=insecure
                shell "make test" network=none security=insecure
        "#]],
    );
}

#[test]
fn copy_and_add_flags() {
    check(
        r#"FROM alpine
COPY --from=build --chown=app:app --chmod=0755 --link /out/app /usr/local/bin/
COPY --parents --exclude=*.md --exclude=tests/ src/**/x.go ./
COPY --link=false a b
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14 /bk
COPY ["with space.txt", "/dest dir/"]
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-2 [0] COPY "/out/app /usr/local/bin/" --from=build --chown=app:app --chmod=0755 --link
                sources=["/out/app"] dest="/usr/local/bin/" from=build chown=app:app chmod=0755 link
            3-3 [0] COPY "src/**/x.go ./" --parents --exclude=*.md --exclude=tests/
                sources=["src/**/x.go"] dest="./" parents exclude=["*.md", "tests/"]
            4-4 [0] COPY "a b" --link=false
                sources=["a"] dest="b"
            5-5 [0] ADD "https://example.com/a.tar.gz /" --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d
                sources=["https://example.com/a.tar.gz"] dest="/" checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d
            6-6 [0] ADD "https://github.com/moby/buildkit.git#v0.14 /bk" --keep-git-dir=true
                sources=["https://github.com/moby/buildkit.git#v0.14"] dest="/bk" keep-git-dir
            7-7 [0] COPY "[\"with space.txt\", \"/dest dir/\"]"
                sources=["with space.txt"] dest="/dest dir/" json
        "#]],
    );
}

#[test]
fn healthcheck_options() {
    check(
        r#"FROM alpine
HEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --start-interval=2s --retries=3 CMD wget -qO- localhost || exit 1
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK --interval=soon CMD true
HEALTHCHECK SOMETIMES
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-2 [0] HEALTHCHECK "CMD wget -qO- localhost || exit 1" --interval=30s --timeout=3s --start-period=1m30s --start-interval=2s --retries=3
                shell "wget -qO- localhost || exit 1" interval=Some("30s") timeout=Some("3s") start_period=Some("1m30s") start_interval=Some("2s") retries=Some("3")
            3-3 [0] HEALTHCHECK "CMD [\"curl\", \"-f\", \"http://localhost/\"]"
                exec ["curl", "-f", "http://localhost/"] interval=None timeout=None start_period=None start_interval=None retries=None
            4-4 [0] HEALTHCHECK "CMD true" --interval=soon
                INVALID
            5-5 [0] HEALTHCHECK "SOMETIMES"
                INVALID
            error 4:1: HEALTHCHECK: invalid duration "soon" (use e.g. 30s, 1m30s)
            error 5:1: Unknown type "SOMETIMES" in HEALTHCHECK (try CMD)
        "#]],
    );
}

#[test]
fn heredocs() {
    check(
        "FROM alpine
RUN <<EOF
apk add git
echo \"$HOME\"
EOF
RUN <<-'SCRIPT' sh
\techo literal $HOME
\tSCRIPT
COPY <<one.txt <<\"two.txt\" /dest/
first
one.txt
second
two.txt
RUN python3 <<PY > /out
print(1)
PY
RUN [\"echo\", \"<<EOF\"]
",
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-5 [0] RUN "<<EOF"
                shell "<<EOF"
                heredoc "EOF" expand=true chomp=false content="apk add git\necho \"$HOME\"\n"
            6-8 [0] RUN "<<-'SCRIPT' sh"
                shell "<<-'SCRIPT' sh"
                heredoc "SCRIPT" expand=false chomp=true content="\techo literal $HOME\n"
            9-13 [0] COPY "<<one.txt <<\"two.txt\" /dest/"
                sources=["<<one.txt", "<<\"two.txt\""] dest="/dest/"
                heredoc "one.txt" expand=true chomp=false content="first\n"
                heredoc "two.txt" expand=false chomp=false content="second\n"
            14-16 [0] RUN "python3 <<PY > /out"
                shell "python3 <<PY > /out"
                heredoc "PY" expand=true chomp=false content="print(1)\n"
            17-17 [0] RUN "[\"echo\", \"<<EOF\"]"
                exec ["echo", "<<EOF"]
        "#]],
    );
}

#[test]
fn unterminated_heredoc_is_reported_and_parsing_goes_on() {
    check(
        "FROM alpine
RUN <<EOF
echo never closed
",
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-3 [0] RUN "<<EOF"
                shell "<<EOF"
                heredoc "EOF" expand=true chomp=false content="echo never closed\n"
            error 2:1: unterminated heredoc: no line `EOF` ends it
        "#]],
    );
}

#[test]
fn directives_at_the_top_only() {
    check(
        r#"# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# escape=`
FROM mcr.microsoft.com/windows/servercore
RUN dir `
    c:\ `
    && echo done
# escape=\
"#,
        expect![[r#"
            syntax=docker/dockerfile:1.7
            escape=`
            check=skip=JSONArgsRecommended;error=true
            stage 0 "stage-0" from "mcr.microsoft.com/windows/servercore" -> "mcr.microsoft.com/windows/servercore"
            4-4 [0] FROM "mcr.microsoft.com/windows/servercore"
                image="mcr.microsoft.com/windows/servercore" name=None platform=None
            5-7 [0] RUN "dir     c:\\     && echo done"
                shell "dir     c:\\     && echo done"
        "#]],
    );
}

#[test]
fn directive_block_ends_at_first_other_line() {
    check(
        r#"
# escape=`
FROM alpine
RUN echo a \
    b
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            3-3 [0] FROM "alpine"
                image="alpine" name=None platform=None
            4-5 [0] RUN "echo a     b"
                shell "echo a     b"
        "#]],
    );
}

#[test]
fn duplicate_and_invalid_directives() {
    check(
        r#"# escape=\
# escape=`
# syntax=a
FROM alpine
"#,
        expect![[r#"
            syntax=a
            stage 0 "stage-0" from "alpine" -> "alpine"
            4-4 [0] FROM "alpine"
                image="alpine" name=None platform=None
            error 2:1: only one escape parser directive can be used
        "#]],
    );
    check(
        r#"# escape=x
FROM alpine
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            2-2 [0] FROM "alpine"
                image="alpine" name=None platform=None
            error 1:1: invalid escape token 'x' does not match ` or \
        "#]],
    );
}

#[test]
fn continuations_comments_and_blank_lines() {
    check(
        "FROM alpine
RUN apk add \\
    # the compiler
    gcc \\

\t  musl-dev  \\\t
    && echo ok # not a comment
run   echo    spaced   
",
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-7 [0] RUN "apk add     gcc \t  musl-dev      && echo ok # not a comment"
                shell "apk add     gcc \t  musl-dev      && echo ok # not a comment"
            8-8 [0] RUN "echo    spaced"
                shell "echo    spaced"
            warning 2:1: empty continuation line: a blank line inside a continued instruction is dropped, and future Dockerfile versions may reject it
        "#]],
    );
}

#[test]
fn shell_and_exec_forms() {
    check(
        r#"FROM alpine
RUN ["/bin/sh", "-c", "echo hi"]
CMD ["node", "server.js"]
CMD [node, server.js]
ENTRYPOINT exec /app
RUN ["echo", 1]
SHELL /bin/bash -c
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-2 [0] RUN "[\"/bin/sh\", \"-c\", \"echo hi\"]"
                exec ["/bin/sh", "-c", "echo hi"]
            3-3 [0] CMD "[\"node\", \"server.js\"]"
                exec ["node", "server.js"]
            4-4 [0] CMD "[node, server.js]"
                shell "[node, server.js]"
            5-5 [0] ENTRYPOINT "exec /app"
                shell "exec /app"
            6-6 [0] RUN "[\"echo\", 1]"
                INVALID
            7-7 [0] SHELL "/bin/bash -c"
                INVALID
            warning 4:1: CMD looks like a JSON array but is not valid JSON, so BuildKit runs it through the shell as text; use double quotes: ["a", "b"]
            error 6:1: when using JSON array syntax, arrays must be comprised of strings only
            error 7:1: SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/bash", "-c"]
        "#]],
    );
}

#[test]
fn env_label_arg_forms() {
    check(
        r#"ARG A B=2 "C=three words"
FROM alpine
ENV PATH=/opt/bin:$PATH NAME="Jane Doe" ESC=a\ b
ENV OLD value with  spaces
LABEL org.opencontainers.image.title="Dockerplay" "quoted key"=v
ENV ONLYKEY
ENV A=1 broken
ARG =x
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [-] ARG "A B=2 \"C=three words\""
                A | B=2 | "C=three words"
            2-2 [0] FROM "alpine"
                image="alpine" name=None platform=None
            3-3 [0] ENV "PATH=/opt/bin:$PATH NAME=\"Jane Doe\" ESC=a\\ b"
                PATH=/opt/bin:$PATH | NAME="Jane Doe" | ESC=a\ b
            4-4 [0] ENV "OLD value with  spaces"
                OLD=value with  spaces (legacy)
            5-5 [0] LABEL "org.opencontainers.image.title=\"Dockerplay\" \"quoted key\"=v"
                org.opencontainers.image.title="Dockerplay" | "quoted key"=v
            6-6 [0] ENV "ONLYKEY"
                INVALID
            7-7 [0] ENV "A=1 broken"
                INVALID
            8-8 [0] ARG "=x"
                INVALID
            error 6:1: ENV must have two arguments
            error 7:1: Syntax error - can't find = in "broken". Must be of the form: name=value
            error 8:1: ARG names can not be blank: "x"
        "#]],
    );
}

#[test]
fn global_args_and_from_expansion() {
    check(
        r#"ARG REGISTRY=docker.io
ARG IMAGE=library/node
ARG TAG
FROM ${REGISTRY}/${IMAGE}:${TAG:-20-slim} AS app
ARG TAG
RUN echo $TAG
"#,
        expect![[r#"
            stage 0 "app" from "${REGISTRY}/${IMAGE}:${TAG:-20-slim}" -> "docker.io/library/node:20-slim"
            1-1 [-] ARG "REGISTRY=docker.io"
                REGISTRY=docker.io
            2-2 [-] ARG "IMAGE=library/node"
                IMAGE=library/node
            3-3 [-] ARG "TAG"
                TAG
            4-4 [0] FROM "${REGISTRY}/${IMAGE}:${TAG:-20-slim} AS app"
                image="${REGISTRY}/${IMAGE}:${TAG:-20-slim}" name=Some("app") platform=None
            5-5 [0] ARG "TAG"
                TAG
            6-6 [0] RUN "echo $TAG"
                shell "echo $TAG"
        "#]],
    );
}

#[test]
fn errors_keep_the_rest_analysed() {
    check(
        r#"RUN before from
FROM alpine
BOGUS thing
COPY onlyone
RUN --mount=type=cache echo no target
RUN --mount=type=weird,target=/x true
COPY --frm=a b c
WORKDIR --x /y
FROM a b c d
FROM alpine AS 1bad
RUN
RUN echo still parsed
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            stage 1 "stage-1" from "" -> ""
            stage 2 "stage-2" from "" -> ""
            1-1 [-] RUN "before from"
                shell "before from"
            2-2 [0] FROM "alpine"
                image="alpine" name=None platform=None
            4-4 [0] COPY "onlyone"
                INVALID
            5-5 [0] RUN "echo no target" --mount=type=cache
                INVALID
            6-6 [0] RUN "true" --mount=type=weird,target=/x
                INVALID
            7-7 [0] COPY "b c" --frm=a
                INVALID
            8-8 [0] WORKDIR "/y" --x
                INVALID
            9-9 [1] FROM "a b c d"
                INVALID
            10-10 [2] FROM "alpine AS 1bad"
                INVALID
            11-11 [2] RUN ""
                INVALID
            12-12 [2] RUN "echo still parsed"
                shell "echo still parsed"
            error 1:1: RUN before the first FROM: only ARG may come before FROM (no build stage in current context)
            error 3:1: unknown instruction: BOGUS
            error 4:1: COPY requires at least two arguments, but only 1 provided: the destination could not be determined
            error 5:1: --mount=type=cache requires a target (target=/path)
            error 6:1: unsupported mount type "weird"
            error 7:1: unknown flag: --frm (on COPY)
            error 8:1: unknown flag: --x (on WORKDIR)
            error 9:1: FROM requires either one or three arguments; 4 given
            error 10:1: invalid name for build stage: "1bad", name can't start with a number or contain symbols
            error 11:1: RUN requires at least one argument
        "#]],
    );
}

#[test]
fn onbuild_triggers() {
    check(
        r#"FROM alpine
ONBUILD RUN make
ONBUILD COPY --chown=1:1 . /src
ONBUILD ONBUILD RUN x
ONBUILD FROM y
"#,
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-2 [0] ONBUILD "RUN make"
                trigger: 2-2 [-] RUN "make" /     shell "make"
            3-3 [0] ONBUILD "COPY --chown=1:1 . /src"
                trigger: 3-3 [-] COPY ". /src" --chown=1:1 /     sources=["."] dest="/src" chown=1:1
            4-4 [0] ONBUILD "ONBUILD RUN x"
                INVALID
            5-5 [0] ONBUILD "FROM y"
                INVALID
            error 4:1: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed
            error 5:1: FROM isn't allowed as an ONBUILD trigger
        "#]],
    );
}

#[test]
fn crlf_bom_tabs_and_unicode() {
    check(
        "\u{feff}FROM alpine\r\nRUN echo \"你好\" \\\r\n\t&& echo ünï\r\nLABEL 描述=\"中文 标签\"\r\n",
        expect![[r#"
            stage 0 "stage-0" from "alpine" -> "alpine"
            1-1 [0] FROM "alpine"
                image="alpine" name=None platform=None
            2-3 [0] RUN "echo \"你好\" \t&& echo ünï"
                shell "echo \"你好\" \t&& echo ünï"
            4-4 [0] LABEL "描述=\"中文 标签\""
                描述="中文 标签"
        "#]],
    );
}

#[test]
fn no_from_at_all() {
    check(
        "ARG A=1\n",
        expect![[r#"
            1-1 [-] ARG "A=1"
                A=1
            error 1:1: no FROM instruction: a Dockerfile needs at least one build stage
        "#]],
    );
}
