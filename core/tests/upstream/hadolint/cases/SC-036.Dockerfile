FROM ubuntu:24.04 AS base
SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]
FROM base AS next
RUN foobar && barfoo | tee logfile
FROM next
RUN source /etc/os-release

