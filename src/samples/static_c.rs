use super::{Sample, SampleId, Variant};

/// A tiny key-value server in the spirit of the tiny Redis article: one C
/// file and a Makefile, built into a static binary.
const SERVER_C: &str = r#"#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(6379) };
    bind(s, (struct sockaddr *)&a, sizeof a);
    listen(s, 16);
    for (;;) {
        int c = accept(s, NULL, NULL);
        const char *pong = "+PONG\r\n";
        write(c, pong, strlen(pong));
        close(c);
    }
}
"#;

const MAKEFILE: &str = "CC ?= cc\nCFLAGS ?= -Os\n\nkv-server: kv-server.c\n\t$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<\n";

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::StaticC,
    before: Variant {
        dockerfile: r#"FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y build-essential
COPY . /src
WORKDIR /src
RUN make
EXPOSE 6379
CMD ["./kv-server"]
"#,
        files: &[("kv-server.c", SERVER_C), ("Makefile", MAKEFILE)],
    },
    after: Variant {
        dockerfile: r#"# One RUN updates, installs and cleans apt's lists: the lists never reach a layer.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev make musl-tools \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile kv-server.c ./
# musl links a static binary; strip drops its symbol table.
RUN make CC=musl-gcc LDFLAGS=-static && strip kv-server

# The image is the binary alone: no shell, no C library, no package manager.
FROM scratch
COPY --from=build /src/kv-server /kv-server
USER 65534
EXPOSE 6379
ENTRYPOINT ["/kv-server"]
"#,
        files: &[("kv-server.c", SERVER_C), ("Makefile", MAKEFILE), (".dockerignore", "*\n!Makefile\n!kv-server.c\n")],
    },
};
