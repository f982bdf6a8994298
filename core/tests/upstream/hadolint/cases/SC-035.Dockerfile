FROM something AS nothing
FROM ubuntu:24.04 AS base
SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]
FROM nothing
FROM base
RUN source /etc/os-release

