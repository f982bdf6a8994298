//! The tiny Redis: from the official image to a static musl build,
//! stripped, on `scratch`. The article measured 105 MB for the official
//! image, 32.3 MB for the Alpine one and 1.69 MB for its own; the size
//! panel shows the catalogue's figures for today's images.

use crate::lesson::{replace, state, Change, Claim, Lesson, Step, Text};

fn step(change: Change, en: &str, zh: &str, claims: Vec<Claim>) -> Step {
    Step { change, text: Text::new(en, zh), claims }
}

const FROM_SOURCE: &str = r#"FROM debian:bookworm
RUN apt-get update && apt-get install -y build-essential wget
WORKDIR /src
RUN wget -O redis.tar.gz https://download.redis.io/releases/redis-7.2.5.tar.gz \
 && tar xzf redis.tar.gz --strip-components=1
RUN make redis-server
EXPOSE 6379
CMD ["/src/src/redis-server"]
"#;

const MULTI_STAGE: &str = r#"FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev make wget \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
RUN wget -O redis.tar.gz https://download.redis.io/releases/redis-7.2.5.tar.gz \
 && tar xzf redis.tar.gz --strip-components=1
RUN make MALLOC=libc BUILD_TLS=no redis-server

FROM debian:bookworm-slim
COPY --from=build /src/src/redis-server /usr/local/bin/redis-server
EXPOSE 6379
CMD ["/usr/local/bin/redis-server"]
"#;

pub fn lesson() -> Lesson {
    Lesson {
        id: "tiny-redis".into(),
        title: Text::new("A Redis image of 1.69 MB", "只有 1.69 MB 的 Redis 镜像"),
        steps: vec![
            step(
                state("FROM redis:7.2\nEXPOSE 6379\n", &[]),
                "The official Redis image. The article that inspired this lesson measured it at **105 MB**; today's image is larger (see the size panel). Most of it is Debian: a shell, a package manager, libraries Redis never opens.",
                "官方 Redis 镜像。启发这一课的文章当时量得它有 **105 MB**；现在的镜像更大（见大小面板）。其中大部分是 Debian：shell、包管理器，还有 Redis 根本用不到的库。",
                vec![],
            ),
            step(
                Change::Edit(replace(&[("redis:7.2", "redis:7.2-alpine")])),
                "The Alpine variant: musl instead of glibc, BusyBox instead of coreutils. The article measured **32.3 MB**. Smaller, but still a whole distribution around one program.",
                "换成 Alpine 版本：用 musl 代替 glibc，用 BusyBox 代替 coreutils。文章里量得 **32.3 MB**。小了不少，但为了一个程序仍然带着整个发行版。",
                vec![Claim::SizeDrops],
            ),
            step(
                state(FROM_SOURCE, &[]),
                "To go further we build Redis ourselves. Done naively, the image keeps the compiler, the sources and the object files: **hundreds of MB**.",
                "想再小，就得自己编译 Redis。如果直接在一个阶段里编译，编译器、源码和中间文件都留在镜像里：**几百 MB**。",
                vec![Claim::SizeGrows, Claim::FindingAppears("DP208")],
            ),
            step(
                state(MULTI_STAGE, &[]),
                "**Multi-stage**: compile in `build`, copy only `redis-server` into a slim runtime. The compiler is gone. The findings now say the runtime stage only runs a copied program, and that the binary still has its symbol table.",
                "**多阶段构建**：在 `build` 阶段编译，只把 `redis-server` 复制进 slim 运行镜像，编译器不见了。检查结果提示：最终阶段只运行一个复制进来的程序，而且这个二进制文件还带着符号表。",
                vec![Claim::SizeDrops, Claim::FindingGoes("DP208"), Claim::FindingAppears("DP214"), Claim::FindingAppears("DP213")],
            ),
            step(
                Change::Edit(replace(&[
                    ("make wget", "make musl-tools wget"),
                    ("RUN make MALLOC=libc", "RUN make CC=musl-gcc LDFLAGS=-static MALLOC=libc"),
                    ("FROM debian:bookworm-slim\nCOPY", "FROM scratch\nCOPY"),
                ])),
                "**Static musl build on `scratch`.** `musl-gcc -static` puts the C library into the binary, so it needs nothing from the base: `FROM scratch` is an empty image and the binary is all there is.",
                "**用 musl 静态编译，放进 `scratch`。**`musl-gcc -static` 把 C 库直接链接进二进制文件，它不再依赖基础镜像里的任何东西：`FROM scratch` 是空镜像，镜像里只剩这一个文件。",
                vec![Claim::SizeDrops, Claim::FindingGoes("DP214")],
            ),
            step(
                Change::Edit(replace(&[("redis-server\n\nFROM", "redis-server \\\n && strip src/redis-server\n\nFROM")])),
                "**strip** drops the symbol table and debug information the program never reads. This is the article's result: a Redis image of **1.69 MB**, against 105 MB and 32.3 MB. (The playground estimates a built binary with a wide range: it cannot compile Redis.)",
                "**strip** 去掉程序运行时用不到的符号表和调试信息。这就是文章的结果：**1.69 MB** 的 Redis 镜像，对比官方的 105 MB 和 Alpine 的 32.3 MB。（Playground 无法真的编译 Redis，对编译产物的大小只能给出一个较宽的估计范围。）",
                vec![Claim::SizeDrops, Claim::FindingGoes("DP213")],
            ),
        ],
    }
}
