### passes: hadolint ignore on the line before silences the equivalent rule
FROM alpine:3.20
# hadolint ignore=DL3004
RUN sudo echo hi
### catches: an ignore applies to the next instruction only
FROM alpine:3.20
# hadolint ignore=DL3004
RUN sudo echo one
RUN sudo echo two
### passes: several codes, our code and a rule name, with comment lines between
FROM alpine:3.20
# dockerplay ignore=DP207, JSONArgsRecommended
# (the entrypoint script needs a shell)
CMD sudo /entrypoint.sh
### passes: hadolint global ignore anywhere in the file
FROM alpine:3.20
RUN sudo echo one
# hadolint global ignore=DL3004,DL3059
RUN sudo echo two
### passes: BuildKit's check directive skips its checks by name
# check=skip=StageNameCasing,FromAsCasing
FROM alpine:3.20 as Builder
### passes: skip=all turns BuildKit's checks off
# check=skip=all
FROM alpine:3.20 as Builder
MAINTAINER me
### catches: skip=all does not touch the lessons, and error=true raises BuildKit's checks
# check=error=true
FROM ubuntu AS Builder
### catches: an unknown code of ours is reported as a diagnostic, not silently ignored
FROM alpine:3.20
# dockerplay ignore=DP999
RUN sudo true
### catches: non-ASCII names in an ignore list are harmless
FROM alpine:3.20
# hadolint ignore=你好,DLé
RUN sudo true
