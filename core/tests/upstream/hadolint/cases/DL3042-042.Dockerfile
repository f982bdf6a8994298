FROM debian:buster as base
ENV PIP_NO_CACHE_DIR=1
FROM debian:buster
RUN pip install six

