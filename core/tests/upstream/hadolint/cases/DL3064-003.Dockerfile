ARG foobar
FROM debian:bullseye
RUN foobar

