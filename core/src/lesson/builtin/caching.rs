//! Caching across builds: what hits and what misses from one build to the
//! next, the order that keeps dependency installs cached, cache mounts,
//! and the build argument that busts the cache in CI.

use crate::lesson::{files, replace, state, Change, Claim, Edit, Lesson, Step, Text};

fn step(change: Change, en: &str, zh: &str, claims: Vec<Claim>) -> Step {
    Step { change, text: Text::new(en, zh), claims }
}

const PACKAGE_JSON: &str =
    "{\n  \"name\": \"api\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"express\": \"^4.19.2\"\n  }\n}\n";
const PACKAGE_JSON_2: &str = "{\n  \"name\": \"api\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"express\": \"^4.19.2\",\n    \"pino\": \"^9.3.2\"\n  }\n}\n";
const LOCK: &str = "{\n  \"name\": \"api\",\n  \"lockfileVersion\": 3\n}\n";
const SERVER: &str = "const express = require(\"express\");\nconst app = express();\napp.get(\"/\", (req, res) => res.send(\"hi\"));\napp.listen(3000);\n";
const SERVER_2: &str = "const express = require(\"express\");\nconst app = express();\napp.get(\"/\", (req, res) => res.send(\"hello\"));\napp.listen(3000);\n";
const SERVER_3: &str = "const express = require(\"express\");\nconst app = express();\napp.get(\"/\", (req, res) => res.send(\"hello!\"));\napp.listen(3000);\n";

const NAIVE: &str = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n";

pub fn lesson() -> Lesson {
    Lesson {
        id: "caching".into(),
        title: Text::new("Caching across builds", "跨构建的层缓存"),
        steps: vec![
            step(
                state(
                    NAIVE,
                    &[
                        ("package.json", PACKAGE_JSON),
                        ("package-lock.json", LOCK),
                        ("server.js", SERVER),
                        (".dockerignore", "node_modules/\n.git\n"),
                    ],
                ),
                "The first build on an empty cache: **every step runs**. A step's cache key is its instruction, the key of the step before it, and for COPY the checksum of the files it copies.",
                "在空缓存上第一次构建：**每一步都要执行**。每一步的缓存键由三部分决定：指令本身、上一步的缓存键，以及（对 COPY 而言）被复制文件的校验和。",
                vec![Claim::Miss(3), Claim::Miss(4)],
            ),
            step(
                Change::Edit(Edit::default()),
                "Build again with nothing changed: **every step hits**. This is what a developer's machine or a CI runner that keeps its cache gets.",
                "什么都不改，再构建一次：**每一步都命中缓存**。本地开发机，或保留缓存的 CI 机器，拿到的就是这种效果。",
                vec![Claim::Hit(3), Claim::Hit(4)],
            ),
            step(
                Change::Edit(files(&[("server.js", SERVER_2)])),
                "Edit `server.js`. `COPY . .` copies a changed file, so it misses, and `npm ci` misses after it: its parent changed, even though the dependencies did not.",
                "修改 `server.js`。`COPY . .` 复制的文件变了，所以失效；接着 `npm ci` 也失效了：依赖没变，但它的上一步变了。",
                vec![Claim::Miss(3), Claim::Miss(4)],
            ),
            step(
                Change::Edit(replace(&[(
                    "COPY . .\nRUN npm ci\n",
                    "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n",
                )])),
                "Copy the manifests first, install, then copy the source. The first build with the new order runs everything once.",
                "先复制依赖清单，安装依赖，再复制源码。调整顺序后的第一次构建，还是要全部执行一遍。",
                vec![Claim::Miss(4)],
            ),
            step(
                Change::Edit(files(&[("server.js", SERVER_3)])),
                "Edit `server.js` again: `npm ci` **hits** now, and only `COPY . .` runs.",
                "再改一次 `server.js`：这回 `npm ci` **命中缓存**，只有 `COPY . .` 重新执行。",
                vec![Claim::Hit(3), Claim::Hit(4), Claim::Miss(5)],
            ),
            step(
                Change::Edit(Edit {
                    replace: vec![("RUN npm ci".into(), "RUN --mount=type=cache,target=/root/.npm npm ci".into())],
                    ..files(&[("package.json", PACKAGE_JSON_2)])
                }),
                "Add a dependency. `npm ci` must run again; with a **cache mount** on npm's cache directory, the packages it downloaded last time stay on the builder, so it fetches only the new one.",
                "新增一个依赖。`npm ci` 必须重新执行；给 npm 的缓存目录加上**缓存挂载**以后，上次下载过的包还留在构建机上，这次只需下载新增的那个。",
                vec![Claim::Miss(3), Claim::Miss(4)],
            ),
            step(
                Change::Edit(Edit {
                    replace: vec![("WORKDIR /app\n".into(), "WORKDIR /app\nARG GIT_SHA\n".into())],
                    build_args: vec![("GIT_SHA".into(), Some("3f2c1e0".into()))],
                    ..Edit::default()
                }),
                "A common CI habit: pass the commit as a build argument. Declared near the top, `ARG GIT_SHA` becomes part of the environment of every RUN below it…",
                "CI 里的常见写法：把提交号作为构建参数传进来。`ARG GIT_SHA` 写在文件开头附近，它就会成为下面每个 RUN 的环境的一部分……",
                vec![Claim::Miss(5)],
            ),
            step(
                Change::Edit(Edit { build_args: vec![("GIT_SHA".into(), Some("9ab7d44".into()))], ..Edit::default() }),
                "…so the next commit, with no file changed, **misses at `npm ci`**: every commit reinstalls the dependencies.",
                "……于是下一次提交，哪怕一个文件都没改，也会**在 `npm ci` 处失效**：每次提交都要重装依赖。",
                vec![Claim::Miss(5)],
            ),
            step(
                Change::Edit(Edit {
                    replace: vec![
                        ("WORKDIR /app\nARG GIT_SHA\n".into(), "WORKDIR /app\n".into()),
                        ("CMD [".into(), "ARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\nCMD [".into()),
                    ],
                    build_args: vec![("GIT_SHA".into(), Some("c0ffee1".into()))],
                    ..Edit::default()
                }),
                "Declare the argument **where it is used**, at the end. A new commit now changes only the label, and the install hits again.",
                "把参数声明挪到**真正用到它的地方**，也就是文件末尾。现在换一个提交只会改变标签，安装依赖那一步又能命中缓存了。",
                vec![Claim::Hit(4)],
            ),
        ],
    }
}
