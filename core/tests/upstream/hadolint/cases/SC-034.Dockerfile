FROM ubuntu:24.04 AS base
SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]

FROM ubuntu:24.04
RUN source /etc/os-release

