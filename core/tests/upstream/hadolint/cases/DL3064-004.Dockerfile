ARG foobar
FROM debian:bullseye
ONBUILD RUN foobar

