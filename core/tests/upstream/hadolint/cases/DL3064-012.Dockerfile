FROM debian:bullseye
ENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz
ONBUILD RUN foobar

