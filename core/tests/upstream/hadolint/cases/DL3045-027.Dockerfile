FROM debian:buster as stage1
WORKDIR /usr
FROM debian:buster
COPY foo bar

