//! Layers and copy-on-write: a file deleted in a later layer still weighs,
//! `chmod` copies the whole file up, work done and undone in one RUN leaves
//! nothing, and images share the layers they have in common.

use crate::lesson::{files, replace, state, Change, Claim, Lesson, Step, Text};

fn step(change: Change, en: &str, zh: &str, claims: Vec<Claim>) -> Step {
    Step { change, text: Text::new(en, zh), claims }
}

const START: &str = "FROM debian:bookworm-slim\nRUN head -c 100000000 /dev/urandom > /tmp/archive.tar\n";

pub fn lesson() -> Lesson {
    Lesson {
        id: "layers".into(),
        title: Text::new("Layers and copy-on-write", "分层文件系统与写时复制"),
        steps: vec![
            step(
                state(START, &[]),
                "Each RUN writes one **layer**: the files it added or changed. This RUN writes a 100 MB file, standing in for a downloaded archive. Watch the size panel: the layer weighs 100 MB.",
                "每个 RUN 都会生成一个**镜像层**，里面是它新增或修改的文件。这个 RUN 写了一个 100 MB 的文件，假装是下载来的压缩包。看一下大小面板：这一层有 100 MB。",
                vec![Claim::Miss(2)],
            ),
            step(
                Change::Edit(replace(&[(
                    "archive.tar\n",
                    "archive.tar\nRUN rm /tmp/archive.tar\n",
                )])),
                "Delete the file in a **new** RUN. The image does not shrink: the new layer only records a *whiteout* that hides the file, and the 100 MB layer below is still pulled and stored. The earlier RUN comes from the cache.",
                "在一个**新的** RUN 里删除这个文件。镜像并没有变小：新的一层只记下一个 *whiteout*（删除标记）把文件遮住，下面那 100 MB 的层照样要存储、照样要拉取。前面的 RUN 直接命中缓存。",
                vec![Claim::SizeSame, Claim::Hit(2), Claim::Miss(3)],
            ),
            step(
                Change::Edit(replace(&[("RUN rm /tmp/archive.tar", "RUN chmod 600 /tmp/archive.tar")])),
                "Now only change its permissions. The layer filesystem cannot change a file of a lower layer in place: it **copies the whole file up** into the new layer first. A `chmod` adds another 100 MB.",
                "这次只改文件权限。分层文件系统不能直接修改下层的文件，只能先把**整个文件复制到新的一层**（copy-up）再改。一个 `chmod` 又让镜像多了 100 MB。",
                vec![Claim::SizeGrows, Claim::Hit(2)],
            ),
            step(
                Change::Edit(replace(&[(
                    "RUN head -c 100000000 /dev/urandom > /tmp/archive.tar\nRUN chmod 600 /tmp/archive.tar\n",
                    "RUN head -c 100000000 /dev/urandom > /tmp/archive.tar \\\n && chmod 600 /tmp/archive.tar \\\n && rm /tmp/archive.tar\n",
                )])),
                "Do the whole job in **one RUN**: fetch, use (here `chmod`; in real life, unpack what you need), delete. Only what is left at the end of a RUN goes into its layer, so the 100 MB never reach the image.",
                "把整件事放进**同一个 RUN**：下载、使用（这里是 `chmod`，实际中是解压出需要的文件）、删除。一个 RUN 结束时还留着的文件才会进入这一层，那 100 MB 根本不会进镜像。",
                vec![Claim::SizeDrops, Claim::Miss(2)],
            ),
            step(
                Change::Edit(Edit2::with(
                    replace(&[("&& rm /tmp/archive.tar\n", "&& rm /tmp/archive.tar\nCOPY app.sh /usr/local/bin/app.sh\n")]),
                    &[("app.sh", "#!/bin/sh\necho hello\n")],
                )),
                "Add your program on top. The layers below are **reused** (cache hits), and they are shared: every image built `FROM debian:bookworm-slim` stores and pulls those base layers once. Put what images have in common low, and what differs high.",
                "在最上面加入自己的程序。下面的层被**复用**（命中缓存），而且是共享的：所有 `FROM debian:bookworm-slim` 的镜像，这些基础层在磁盘上只存一份、只拉取一次。把多个镜像共有的内容放在下层，各自不同的内容放在上层。",
                vec![Claim::Hit(2), Claim::Miss(5)],
            ),
        ],
    }
}

/// An edit that replaces text and writes files.
struct Edit2;

impl Edit2 {
    fn with(mut edit: crate::lesson::Edit, new_files: &[(&str, &str)]) -> crate::lesson::Edit {
        edit.files = files(new_files).files;
        edit
    }
}
