//! The optimisation checklist: order for the cache, split COPY,
//! .dockerignore, merged RUN with cleanup in the same layer, cache mounts,
//! multi-stage and the base image, one step at a time on a Python service.

use crate::lesson::{files, replace, state, Change, Claim, Lesson, Step, Text};

const APP_PY: &str =
    "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get(\"/\")\ndef index():\n    return \"hello\"\n";
const APP_PY_2: &str = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get(\"/\")\ndef index():\n    return \"hello, world\"\n";
const APP_PY_3: &str =
    "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get(\"/\")\ndef index():\n    return \"hello again\"\n";
const REQUIREMENTS: &str = "flask==3.0.3\npsycopg2==2.9.9\n";
const README: &str = "# orders service\n\nLocal notes, not needed in the image.\n";

const NAIVE: &str = r#"FROM python:3.12
COPY . /app
WORKDIR /app
RUN apt-get update
RUN apt-get install -y gcc libpq-dev
RUN pip install -r requirements.txt
CMD ["python", "app.py"]
"#;

const MULTI_STAGE: &str = r#"FROM python:3.12 AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libpq-dev \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir /wheels/*
COPY . .
CMD ["python", "app.py"]
"#;

fn step(change: Change, en: &str, zh: &str, claims: Vec<Claim>) -> Step {
    Step { change, text: Text::new(en, zh), claims }
}

pub fn lesson() -> Lesson {
    Lesson {
        id: "checklist".into(),
        title: Text::new("The image optimisation checklist", "镜像优化清单"),
        steps: vec![
            step(
                state(NAIVE, &[("app.py", APP_PY), ("requirements.txt", REQUIREMENTS), ("README.md", README)]),
                "A Python service written the obvious way: copy everything, then install. It builds, but it is **slow to rebuild** and **large**. The findings panel already lists what this lesson fixes, one item at a time.",
                "一个“想到哪写到哪”的 Python 服务：先把所有文件复制进去，再安装依赖。能构建成功，但**重新构建很慢**，**镜像也很大**。右侧的检查结果已经列出了本课要逐条解决的问题。",
                vec![Claim::Miss(6), Claim::FindingAppears("DP201"), Claim::FindingAppears("DP204")],
            ),
            step(
                Change::Edit(files(&[("app.py", APP_PY_2)])),
                "Change one line of `app.py` and build again. `COPY . /app` misses because a copied file changed, and **every step after it misses too**, including `pip install`: a one-line edit reinstalls every dependency.",
                "改 `app.py` 里的一行，再构建一次。被复制的文件变了，`COPY . /app` 缓存失效；**它后面的每一步也跟着失效**，包括 `pip install`：改一行代码就要把依赖全部重装一遍。",
                vec![Claim::Miss(2), Claim::Miss(6)],
            ),
            step(
                Change::Edit(replace(&[
                    ("COPY . /app\nWORKDIR /app\n", "WORKDIR /app\n"),
                    (
                        "RUN pip install -r requirements.txt\n",
                        "COPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
                    ),
                ])),
                "**Order for the cache**: copy only `requirements.txt`, install, and copy the rest last. What changes often goes at the bottom. This build pays once for the new order.",
                "**按变化频率排序**：先只复制 `requirements.txt` 并安装依赖，最后再复制其余代码。越常改的东西越往下放。这次构建因为顺序变了，需要完整跑一遍。",
                vec![Claim::FindingGoes("DP201")],
            ),
            step(
                Change::Edit(files(&[("app.py", APP_PY_3)])),
                "Edit `app.py` again. Now `pip install` (line 6) **comes from the cache** and only the final `COPY . .` runs.",
                "再改一次 `app.py`。这回 `pip install`（第 6 行）**直接命中缓存**，只有最后的 `COPY . .` 需要重新执行。",
                vec![Claim::Hit(6), Claim::Miss(7)],
            ),
            step(
                Change::Edit(files(&[(".dockerignore", ".git\n__pycache__/\n*.md\n.venv/\n")])),
                "Add a **`.dockerignore`**. `COPY . .` no longer sends notes, `.git` or virtualenvs to the builder, and editing them no longer breaks the cache.",
                "加一个 **`.dockerignore`**。`COPY . .` 不再把说明文档、`.git` 和虚拟环境发给构建器，改这些文件也不会再让缓存失效。",
                vec![Claim::FindingGoes("DP204"), Claim::Hit(6)],
            ),
            step(
                Change::Edit(replace(&[(
                    "RUN apt-get update\nRUN apt-get install -y gcc libpq-dev\n",
                    "RUN apt-get update \\\n && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && rm -rf /var/lib/apt/lists/*\n",
                )])),
                "**Merge the RUNs and clean up in the same layer.** A file deleted in a later RUN still weighs in the layer that wrote it; deleting apt's lists in the RUN that downloaded them keeps them out of the image, and `--no-install-recommends` skips extras.",
                "**合并 RUN，并在同一层里清理。**在后面的 RUN 里删除文件，并不能让之前那一层变小；在下载软件包列表的同一个 RUN 里删掉 apt 的列表，它们才不会进镜像。`--no-install-recommends` 则跳过推荐安装的附加包。",
                vec![Claim::FindingGoes("DP203"), Claim::SizeDrops],
            ),
            step(
                Change::Edit(replace(&[(
                    "RUN pip install -r requirements.txt",
                    "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
                )])),
                "A **BuildKit cache mount** keeps pip's download cache between builds, outside the image. When `requirements.txt` changes, only the new packages are downloaded.",
                "**BuildKit 缓存挂载**把 pip 的下载缓存留在构建之间，而且不进镜像。`requirements.txt` 变了以后，只需下载新增的包。",
                vec![Claim::FindingGoes("DP212")],
            ),
            step(
                state(
                    MULTI_STAGE,
                    &[
                        ("app.py", APP_PY_3),
                        ("requirements.txt", REQUIREMENTS),
                        ("README.md", README),
                        (".dockerignore", ".git\n__pycache__/\n*.md\n.venv/\n"),
                    ],
                ),
                "**Multi-stage build and a slim base.** The compiler and headers stay in the `build` stage, which turns the dependencies into wheels; the final image is `python:3.12-slim` with the runtime library and the installed wheels only.",
                "**多阶段构建，换用 slim 基础镜像。**编译器和头文件只留在 `build` 阶段，在那里把依赖编译成 wheel；最终镜像基于 `python:3.12-slim`，只有运行时库和装好的 wheel。",
                vec![Claim::SizeDrops, Claim::FindingGoes("DP208"), Claim::FindingGoes("DP209")],
            ),
        ],
    }
}
