FROM debian:bullseye
ENV foobar=barfoo
ONBUILD RUN foobar

