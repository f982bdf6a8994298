FROM debian:buster as base
ENV PIP_NO_CACHE_DIR=1
FROM base
RUN pip install six

